"""A Pyodide distribution an offline site copies its packages from (`--pyodide-packages`).

The source is a folder, a `.tar.bz2` / `.zip` archive (Pyodide's release asset holds
everything under a top-level `pyodide/` folder; files at the root are fine too), or an
http(s) or file URL of either. It must be the pinned Pyodide version: its lock's `info`
equals the pinned lock's, and its `package.json` (or, without one, `pyodide.mjs`) names the
pinned version. Each file copied out is checked against its lock entry's sha256.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from .pyodide_lock import LOCK_NAME

ARCHIVES = (".tar.bz2", ".tbz2", ".tar.gz", ".tgz", ".tar", ".zip")
TIMEOUT = 60  # seconds per request to a distribution URL


class DistributionError(Exception):
    """The distribution cannot serve this build: the message names the file, package or version."""


class Folder:
    """Files under a local folder."""

    def __init__(self, root: Path):
        self.root = root

    def names(self) -> set[str]:
        return {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()}

    def copy(self, names: list[str], dest: Path) -> dict[str, Path]:
        copied = {}
        for name in names:
            if (self.root / name).is_file():
                copied[name] = Path(shutil.copyfile(self.root / name, dest / Path(name).name))
        return copied


class Url:
    """Files under a folder URL (fetched when asked for)."""

    def __init__(self, base: str):
        self.base = base if base.endswith("/") else base + "/"

    def names(self) -> set[str] | None:
        return None  # unknown until each is asked for

    def fetch(self, name: str) -> bytes | None:
        url = urllib.parse.urljoin(self.base, name)
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return None
            raise DistributionError(f"{url}: HTTP {e.code} {e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            raise DistributionError(f"{url}: {getattr(e, 'reason', e)}") from None

    def copy(self, names: list[str], dest: Path) -> dict[str, Path]:
        copied = {}
        for name in names:
            data = self.fetch(name)
            if data is not None:
                copied[name] = dest / Path(name).name
                copied[name].write_bytes(data)
        return copied


class Zip:
    """Files of a .zip archive, under prefix."""

    def __init__(self, archive: zipfile.ZipFile, prefix: str):
        self.archive, self.prefix = archive, prefix

    def names(self) -> set[str]:
        return {n[len(self.prefix):] for n in self.archive.namelist()
                if n.startswith(self.prefix) and not n.endswith("/")}

    def copy(self, names: list[str], dest: Path) -> dict[str, Path]:
        copied = {}
        present = self.names()
        for name in names:
            if name in present:
                copied[name] = dest / Path(name).name
                with self.archive.open(self.prefix + name) as src, open(copied[name], "wb") as out:
                    shutil.copyfileobj(src, out)
        return copied


class Tar:
    """Files of a tar archive (bz2, gz or plain), under prefix; read in archive order, so a
    compressed archive is decompressed as few times as possible."""

    def __init__(self, archive: tarfile.TarFile, prefix: str):
        self.archive, self.prefix = archive, prefix
        self.members = {m.name.removeprefix("./")[len(prefix):]: m for m in archive.getmembers()
                        if m.isfile() and m.name.removeprefix("./").startswith(prefix)}

    def names(self) -> set[str]:
        return set(self.members)

    def copy(self, names: list[str], dest: Path) -> dict[str, Path]:
        copied = {}
        for name in sorted((n for n in names if n in self.members), key=lambda n: self.members[n].offset):
            copied[name] = dest / Path(name).name
            with self.archive.extractfile(self.members[name]) as src, open(copied[name], "wb") as out:
                shutil.copyfileobj(src, out)
        return copied


class Distribution:
    """A distribution's lock, version and files."""

    def __init__(self, source: str, files):
        self.source, self.files = source, files
        self.scratch = Path(tempfile.mkdtemp(prefix="wasmlit-distribution-"))
        self.lock = self._json(LOCK_NAME)
        if self.lock is None:
            raise DistributionError(f"{source} holds no {LOCK_NAME} (at its root or under pyodide/): "
                                    "is it a Pyodide distribution?")
        package = self._json("package.json")
        self.version = package.get("version") if isinstance(package, dict) else None
        self.module = None if self.version else self._text("pyodide.mjs")

    def _text(self, name: str) -> str | None:
        path = self.files.copy([name], self.scratch).get(name)
        return path.read_text("utf-8", "replace") if path else None

    def _json(self, name: str):
        text = self._text(name)
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError as e:
            raise DistributionError(f"{self.source}: {name} is not valid JSON ({e})") from None

    def check_version(self, pinned_lock: dict, pinned_version: str) -> None:
        """DistributionError unless this is the pinned Pyodide's distribution."""
        if self.version is not None and self.version != pinned_version:
            raise DistributionError(f"{self.source} is Pyodide {self.version}'s distribution (package.json); "
                                    f"this build needs Pyodide {pinned_version}'s")
        if self.version is None and self.module is not None and f'"{pinned_version}"' not in self.module:
            found = re.search(r'="(\d+\.\d+\.\d+[\w.]*)"', self.module)
            named = f"Pyodide {found[1]}" if found else "another Pyodide version"
            raise DistributionError(f"{self.source}: pyodide.mjs is {named}, not Pyodide {pinned_version}")
        if self.lock.get("info") != pinned_lock["info"]:
            raise DistributionError(
                f"{self.source}: its {LOCK_NAME} is for {describe(self.lock.get('info'))}; this build needs "
                f"Pyodide {pinned_version}'s ({describe(pinned_lock['info'])})")

    def check_has(self, keys: list[str]) -> None:
        """DistributionError naming the first package its lock (or its files) lack."""
        names = self.files.names()
        for key in keys:
            entry = self.lock["packages"].get(key)
            if entry is None:
                raise DistributionError(f"{self.source} has no package {key} in its {LOCK_NAME}")
            if names is not None and entry["file_name"] not in names:
                raise DistributionError(f"{self.source} has no {entry['file_name']} (package {key})")

    def copy(self, keys: list[str], dest: Path) -> dict[str, int]:
        """Copy the packages' files into dest, each checked against the lock's sha256;
        {key: size in bytes}."""
        self.check_has(keys)
        entries = {key: self.lock["packages"][key] for key in keys}
        copied = self.files.copy([entry["file_name"] for entry in entries.values()], dest)
        sizes = {}
        for key, entry in entries.items():
            path = copied.get(entry["file_name"])
            if path is None:
                raise DistributionError(f"{self.source} has no {entry['file_name']} (package {key})")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != entry["sha256"]:
                raise DistributionError(f"{entry['file_name']} in {self.source} does not match its {LOCK_NAME}: "
                                        f"sha256 {digest}, the lock lists {entry['sha256']}")
            sizes[key] = path.stat().st_size
        return sizes

    def close(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)


def describe(info) -> str:
    if not isinstance(info, dict):
        return "an unknown Pyodide"
    return f"Python {info.get('python')}, ABI {info.get('abi_version')}, {info.get('platform')}"


def _prefix(names) -> str:
    """Where the lock lies in an archive: at its root or in one top-level folder."""
    if LOCK_NAME in names:
        return ""
    tops = {n.split("/")[0] + "/" for n in names if n.count("/") == 1 and n.endswith("/" + LOCK_NAME)}
    return "pyodide/" if "pyodide/" in tops else (tops.pop() if len(tops) == 1 else "")


def _local(path: Path, shown: str, stack: contextlib.ExitStack):
    if path.is_dir():
        return Folder(path if (path / LOCK_NAME).is_file() or not (path / "pyodide" / LOCK_NAME).is_file()
                      else path / "pyodide")
    if not path.is_file():
        raise DistributionError(f"{shown}: no such file or folder")
    try:
        if path.name.endswith(".zip"):
            archive = stack.enter_context(zipfile.ZipFile(path))
            return Zip(archive, _prefix(archive.namelist()))
        if path.name.endswith(ARCHIVES):
            archive = stack.enter_context(tarfile.open(path, "r:*"))
            names = [m.name.removeprefix("./") for m in archive.getmembers()]
            return Tar(archive, _prefix(names))
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as e:
        raise DistributionError(f"{shown}: cannot read the archive ({e})") from None
    raise DistributionError(f"{shown}: not a folder or a {', '.join(ARCHIVES)} archive")


@contextlib.contextmanager
def open_distribution(source: str):
    """The Distribution at source (a path or a URL); DistributionError if there is none."""
    with contextlib.ExitStack() as stack:
        parsed = urllib.parse.urlparse(source)
        if parsed.scheme == "file":
            files = _local(Path(urllib.request.url2pathname(parsed.path)), source, stack)
        elif parsed.scheme in ("http", "https"):
            if parsed.path.endswith(ARCHIVES):
                download = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="wasmlit-archive-")))
                data = Url(source.rsplit("/", 1)[0] + "/").fetch(parsed.path.rsplit("/", 1)[1])
                if data is None:
                    raise DistributionError(f"{source}: not found (HTTP 404)")
                archive = download / Path(parsed.path).name
                archive.write_bytes(data)
                files = _local(archive, source, stack)
            else:
                files = Url(source)
        else:
            files = _local(Path(source), source, stack)
        distribution = Distribution(source, files)
        try:
            yield distribution
        finally:
            distribution.close()
