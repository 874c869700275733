"""An app as the command line names it: a Python file, or a folder (a multi-file app) with
its entry file; the files it ships, its secrets, its theme and the [client] options the page
reads. BadInput says what is wrong."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput

ENTRY_NAMES = ("app.py", "streamlit_app.py")
# A one-file app keeps its own name in a site when it is this plain: nothing a URL would
# quote, and no dot before ".py" (so never NAME.<8 hex digits>.py, which hosts are told to
# cache for good: README, "Caching a deployed site").
PLAIN_SCRIPT_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.py")


@dataclass(frozen=True)
class App:
    entry: Path  # the file that runs
    folder: Path | None  # a multi-file app's folder; None for a one-file app
    data: bytes  # the entry's bytes, checked to compile

    @property
    def home(self) -> Path:
        """Where its requirements.txt, secrets and .streamlit/ are."""
        return self.entry.parent if self.folder is None else self.folder

    @property
    def title(self) -> str:
        return self.folder.name if self.folder is not None else self.entry.stem

    @property
    def site_name(self) -> str:
        """A one-file app's file in a site: its own name, as Streamlit runs it (so
        `__file__`, and the component names declare_component derives from it, are the
        same), or app.py for a name a URL would have to quote."""
        name = self.entry.name
        return name if PLAIN_SCRIPT_NAME.fullmatch(name) else "app.py"

    def files(self) -> list[str] | None:
        """The files a multi-file app ships (app_files); None for a one-file app."""
        return app_files(self.folder) if self.folder is not None else None


def load(path: Path, entry: str | None = None) -> App:
    """The app at path (see find_entry), its entry checked (see check_app)."""
    entry_file, folder = find_entry(path, entry)
    return App(entry_file, folder, check_app(entry_file))


def has_entry(folder: Path) -> bool:
    return any((folder / name).is_file() for name in ENTRY_NAMES)


def find_entry(path: Path, entry: str | None = None) -> tuple[Path, Path | None]:
    """(entry file, app folder or None): a folder means its entry (a path inside it), else
    its app.py or streamlit_app.py."""
    if not path.is_dir():
        if entry is not None:
            raise BadInput(f"--entry needs --app to be a directory, not {path}")
        return path, None
    if entry is not None:
        inside = (path / entry).resolve()
        if not inside.is_relative_to(path.resolve()) or not inside.is_file():
            raise BadInput(f"--entry {entry} is not a file in app directory {path}")
        return path / entry, path
    for name in ENTRY_NAMES:
        if (path / name).is_file():
            return path / name, path
    raise BadInput(f"no {' or '.join(ENTRY_NAMES)} in app directory {path} (name another with --entry)")


def check_app(path: Path) -> bytes:
    """Return the app's bytes if it is a readable UTF-8 Python file that compiles."""
    if not path.exists():
        raise BadInput(f"app file not found: {path}")
    if path.is_dir():
        raise BadInput(f"app is a directory, not a Python file: {path}")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadInput(f"cannot read app file {path}: {e.strerror}") from None
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadInput(f"{path} is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    try:
        compile(source, str(path), "exec", dont_inherit=True)
    except SyntaxError as e:
        where = f"{path}:{e.lineno}" if e.lineno else str(path)
        raise BadInput(f"{where}: SyntaxError: {e.msg}") from None
    except ValueError as e:  # null bytes, on Python 3.11
        raise BadInput(f"{path}: {e}") from None
    return data


def app_files(folder: Path) -> list[str]:
    """Relative POSIX paths of the files a multi-file app ships: everything in folder
    but __pycache__, *.pyc/*.pyo and dotfiles (.streamlit/ excepted), sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        hidden = any(p.startswith(".") and not (i == 0 and p == ".streamlit") for i, p in enumerate(parts))
        if path.is_file() and not hidden and "__pycache__" not in parts and path.suffix not in (".pyc", ".pyo"):
            found.append("/".join(parts))
    return found


def parse_toml(path: Path, data: bytes) -> dict:
    """The TOML data read from path (UTF-8, a BOM allowed); BadInput if it is not UTF-8 TOML."""
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BadInput(f"{path} is not a valid TOML file: {e}") from None


def read_secrets(home: Path) -> bytes | None:
    """The bytes of .streamlit/secrets.toml (else secrets.toml) in the app's folder home,
    or None; BadInput if it is not UTF-8 TOML."""
    for path in (home / ".streamlit" / "secrets.toml", home / "secrets.toml"):
        if path.is_file():
            data = path.read_bytes()
            parse_toml(path, data)
            return data
    return None


def read_theme(home: Path) -> dict | None:
    """The [theme] table of .streamlit/config.toml in the app's folder home, or None;
    BadInput if that file is not UTF-8 TOML."""
    return _config_table(home, "theme")


# The [client] options the page itself reads (web/app-menu.js); Python reads the others.
PAGE_CLIENT_OPTIONS = ("toolbarMode",)


def read_client(home: Path) -> dict | None:
    """The [client] options of .streamlit/config.toml in the app's folder home that the page
    reads (PAGE_CLIENT_OPTIONS), or None; BadInput if that file is not UTF-8 TOML."""
    client = _config_table(home, "client") or {}
    picked = {name: client[name] for name in PAGE_CLIENT_OPTIONS if name in client}
    return picked or None


def _config_table(home: Path, name: str) -> dict | None:
    path = home / ".streamlit" / "config.toml"
    if not path.is_file():
        return None
    table = parse_toml(path, path.read_bytes()).get(name)
    return table if isinstance(table, dict) and table else None
