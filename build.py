"""Build wasmlit's static, serverless distribution. Standard library only.

  python3 build.py                         build dist/ (skipped when up to date)
  python3 build.py --app APP.py --out DIR  build dist/, then a site for APP.py in DIR
  python3 build.py --serve [--port N] [APP_OR_DIR ...]
      build a site per app (default: examples/; a folder with app.py or
      streamlit_app.py is one multi-file app, another folder means its *.py
      and its subfolders that hold such an entry)
      in dist/sites/NAME/, plus dist/sites/index.html linking them, and serve
      dist/sites at http://127.0.0.1:N/ (default 8000, or a free port if taken)

dist/ (first runs `npm ci` if node_modules is missing or package-lock.json changed):
  pyodide/pyodide.mjs, pyodide.asm.mjs,   Pyodide's runtime, from node_modules/pyodide
    pyodide.asm.wasm, python_stdlib.zip
  pyodide/micropip-0.11.1-py3-none-any.whl  from PyPI, cached in .cache/wheels/
  pyodide/wasmlit-VERSION-py3-none-any.whl  runtime/wasmlit packed as a wheel
  pyodide/pyodide-lock.json               the pinned Pyodide's lock, compact: its "info" and every
                                          package of its distribution (so the page can map any
                                          import to one), with our micropip and wasmlit wheels
    (the wasmlit wheel holds no testing/ and ships its modules as .pyc compiled by
    Pyodide under Node: buildlib/pycompile.py)
  packages.json                           {"packages_url": Pyodide's CDN for the pinned version,
                                          "load": [], "shipped": [], "bytes": {}}: where snippets
                                          load distribution packages from (buildlib/pyodide_lock.py)
  startup.json, snapshot.bin.gz           with WASMLIT_SNAPSHOT=1, a Pyodide memory snapshot
                                          with wasmlit imported (buildlib/snapshot.py)
  vega.js                                 vega + vega-lite + vega-embed (esbuild), loaded on first chart
  markdown.js                             markdown-it (+ emoji, KaTeX, Prism, DOMPurify) as one ES module (esbuild)
  plotly.js                               plotly.js as one ES module (esbuild), for st.plotly_chart
  katex/katex.min.css, katex/fonts/*.woff2  KaTeX's stylesheet and fonts, from node_modules/katex
  wasmlit.js, wasmlit.js.map              web/wasmlit.js and every module it imports, one minified
                                          ES module (esbuild), with a source map for devtools
  wasmlit.css                             web/wasmlit.css then web/styles/*.css, minified

A site is dist/ plus app.py and an index.html that mounts it with wasmlit.js, and its
own packages.json (and pyodide-lock.json): the Pyodide packages the app needs (numpy,
pandas, ...), found from its imports and its requirements.txt, are loaded from
--packages-url (default: Pyodide's CDN) or, with --pyodide-packages, shipped in pyodide/
so that the site loads nothing from outside its folder (buildlib/site_packages.py). An app with a .streamlit/secrets.toml
(or a secrets.toml) beside it gets it as the site's secrets.toml (st.secrets):
every visitor can read it, so it must hold nothing secret. The [theme] table of a
.streamlit/config.toml beside it goes into index.html (data-wasmlit-theme, as JSON). --app first checks that APP.py is a
readable UTF-8 file that compiles, and that DIR is neither a file nor a
non-empty directory other than a previous site. Each output directory is built
in a temp directory beside it, then renamed into place: a failed build leaves
nothing half-written. Exit codes: 0 ok, 1 build failure, 2 bad input.

Multi-file apps: `--app DIR` runs DIR/app.py (else DIR/streamlit_app.py; or the
file `--entry NAME.py` names inside DIR). The site
gets DIR's files under app/ (no __pycache__, *.pyc or dotfiles, except .streamlit/)
and files.json listing them; wasmlit.js writes them into Pyodide's file system, where
the app runs with that folder as working directory and first on sys.path.

One-file output: `--app APP --single-file OUT.html` writes one HTML page holding
everything (our JS bundled by esbuild, CSS, the app, Pyodide and the wheels as
base64) that runs when opened from disk (file://). It carries vega.js or plotly.js
only when the app's code uses their chart commands, and the wheels of the app's
requirements.txt. KaTeX's stylesheet and fonts are inlined.

Packages: a site's packages.json is {"packages_url": URL ending in / or null when every
needed package is shipped, "load": [lock keys loaded before the first run: what the app's
files import and its requirements.txt names from Pyodide's distribution, with their
dependencies], "shipped": [lock keys whose files are in pyodide/], "bytes": {key: size of
each shipped file}}. An app needing nothing from the distribution has "load": [].

Requirements: a requirements.txt beside the app (in DIR for a folder app; UTF-8 or UTF-16,
with -r, markers evaluated for Pyodide) is split at build time: packages in Pyodide's lock
join "load" (a pin the lock's version misses gives a warning), `streamlit` is skipped
(wasmlit provides it), and the rest are downloaded from PyPI with their dependencies as
wheels for the browser (pure Python, or built for Pyodide's platform), shipped in wheels/
with wheels/requirements.json (buildlib/requirements.py) and installed by micropip before
the first run.

Offline: `--pyodide-packages SOURCE` (a folder, .tar.bz2 or .zip of the pinned Pyodide's
distribution, e.g. its release asset pyodide-VERSION.tar.bz2, or an http(s)/file URL of
either) copies the needed packages into pyodide/, each checked against the lock's sha256
(buildlib/distribution.py); a missing package, a wrong sha256 or another version exits 2.

Dev server: `--app APP --dev [--port N]` serves the app and reruns it in the open
page, with its session state, whenever its files change (buildlib/dev_server.py).
"""
import argparse
import ast
import base64
import contextlib
import functools
import hashlib
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import urllib.parse
import zipfile
from pathlib import Path

from buildlib import dev_server, pyodide_lock, site_packages, spa
from buildlib import requirements as app_requirements
from buildlib.distribution import DistributionError, open_distribution
from buildlib.pycompile import CompileError, browser_members
from buildlib.snapshot import NAME as SNAPSHOT_NAME, enabled as snapshot_enabled, write_manifest, write_snapshot

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not serialised
    fcntl = None

ROOT = Path(__file__).resolve().parent
RUNTIME = ROOT / "runtime" / "wasmlit"
WEB = ROOT / "web"
DIST = ROOT / "dist"
NODE_MODULES = ROOT / "node_modules"
PYODIDE_NPM = NODE_MODULES / "pyodide"
PYC_CACHE = ROOT / ".cache" / "pyc"  # the wheel's .pyc, compiled by Pyodide under Node
WHEEL_CACHE = ROOT / ".cache" / "wheels"
STAMP = ".build-stamp"  # in dist/: fingerprint of the inputs it was built from
NPM_STAMP = NODE_MODULES / ".wasmlit-package-lock.sha256"
MARKDOWN_ENTRY = WEB / "vendor-entry" / "markdown.mjs"
PRISM_INJECT = WEB / "vendor-entry" / "prism-inject.mjs"  # binds Prism's components to our Prism
VEGA_ENTRY = WEB / "vendor-entry" / "vega.mjs"
PLOTLY_ENTRY = WEB / "vendor-entry" / "plotly.mjs"
KATEX_DIST = NODE_MODULES / "katex" / "dist"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
MICROPIP_VERSION = "0.11.1"
# sha256 of micropip-0.11.1-py3-none-any.whl as published on PyPI. Pyodide's
# own lock lists a different hash: it ships a wheel it rebuilt itself.
MICROPIP_SHA256 = "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SITE_MARKER = "data-wasmlit-app"
SECRETS_MARKER = "data-wasmlit-secrets"
SECRETS_NAME = "secrets.toml"  # in a site, beside index.html
FILES_MARKER = "data-wasmlit-files"
FILES_NAME = "files.json"  # in a multi-file site: {"entry": ..., "files": [...]} under app/
APP_DIR = "app"
ENTRY_NAMES = ("app.py", "streamlit_app.py")
INLINE_ASSETS_JS = WEB / "vendor-entry" / "inline-assets.js"


class BadInput(Exception):
    """The user asked for something impossible (exit code 2)."""


class BuildError(Exception):
    """A build step failed (exit code 1)."""


def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def run_quietly(cmd, what):
    """Run cmd from ROOT; on failure raise BuildError carrying its output."""
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError(f"{what} failed ({' '.join(map(str, cmd))}):\n{proc.stdout}{proc.stderr}")


def build_into(target, fill):
    """Call fill(tmp) on a fresh temp dir beside target, then swap it in for target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.tmp-"))
    old = tmp.with_name(tmp.name.replace(".tmp-", ".old-"))
    try:
        fill(tmp)
        if target.exists():
            target.rename(old)
        tmp.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def ensure_node_modules():
    """Run `npm ci` unless node_modules matches the current package-lock.json."""
    lock_hash = sha256_file(ROOT / "package-lock.json")
    if NPM_STAMP.is_file() and NPM_STAMP.read_text().strip() == lock_hash:
        return
    print("build.py: running npm ci", file=sys.stderr)
    run_quietly(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], "npm ci")
    NPM_STAMP.write_text(lock_hash + "\n")


def runtime_files():
    """runtime/wasmlit files that belong in the wheel (no caches, no dotfiles)."""
    for path in sorted(RUNTIME.rglob("*")):
        rel = path.relative_to(RUNTIME)
        skip = any(p == "__pycache__" or p.startswith(".") for p in rel.parts)
        if path.is_file() and not skip and path.suffix not in (".pyc", ".pyo"):
            yield path


def web_files():
    """Our JS modules (web/ and web/widgets/) and stylesheets (web/wasmlit.css, web/styles/)."""
    return sorted(p for p in WEB.rglob("*") if p.is_file() and p.suffix in (".js", ".css")
                  and "vendor-entry" not in p.relative_to(WEB).parts)


def write_web_files(tmp):
    """Our JS as one minified module, wasmlit.js (esbuild; wasmlit.js.map maps it back to
    web/ for the browser's devtools), and every stylesheet, the theme first, minified into
    one wasmlit.css."""
    run_quietly([NODE_MODULES / ".bin" / "esbuild", WEB / "wasmlit.js", "--bundle", "--format=esm",
                 "--minify", "--sourcemap", "--log-level=warning", f"--outfile={tmp / 'wasmlit.js'}"],
                "esbuild")
    styles = sorted((p for p in web_files() if p.suffix == ".css"),
                    key=lambda p: (p.name != "wasmlit.css", str(p)))
    joined = tmp / ".wasmlit.src.css"
    joined.write_text("".join(p.read_text("utf-8") + "\n" for p in styles), "utf-8")
    run_quietly([NODE_MODULES / ".bin" / "esbuild", joined, "--minify", "--log-level=warning",
                 f"--outfile={tmp / 'wasmlit.css'}"], "esbuild")
    joined.unlink()


def wasmlit_version():
    """__version__ from runtime/wasmlit/__init__.py, read without importing it."""
    for node in ast.parse((RUNTIME / "__init__.py").read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__version__" for t in node.targets):
            return ast.literal_eval(node.value)
    raise BuildError("runtime/wasmlit/__init__.py defines no __version__")


def input_fingerprint():
    """Hash of every input of dist/, to skip rebuilding an up-to-date one."""
    inputs = [Path(__file__).resolve(), ROOT / "pyproject.toml", ROOT / "package-lock.json",
              *sorted(MARKDOWN_ENTRY.parent.glob("*.mjs")), *runtime_files(), *web_files(),
              *sorted(p for p in (ROOT / "buildlib").iterdir()
                      if p.name.startswith(("pycompile.", "snapshot.", "pyodide_lock.")))]
    digest = hashlib.sha256(f"snapshot={snapshot_enabled()}\n".encode())
    for path in inputs:
        digest.update(f"{path.relative_to(ROOT)}:{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def fetch_micropip():
    """Path of the micropip wheel in .cache/wheels, downloading it if needed."""
    wheel = WHEEL_CACHE / f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"
    if not wheel.is_file():
        run_quietly([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                     "--python-version", "3.14", f"micropip=={MICROPIP_VERSION}", "-d", WHEEL_CACHE],
                    "downloading micropip")
    if sha256_file(wheel) != MICROPIP_SHA256:
        raise BuildError(f"{wheel} has an unexpected sha256; delete it and rebuild")
    return wheel


def write_zip(path, members):
    """Write a deterministic zip of {arcname: bytes}."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wasmlit_wheel(out_dir, version):
    """Pack runtime/wasmlit as wasmlit-<version>-py3-none-any.whl in out_dir."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    info = f"wasmlit-{version}.dist-info"
    members = {f"wasmlit/{p.relative_to(RUNTIME).as_posix()}": p.read_bytes() for p in runtime_files()}
    try:  # the browser's: no testing/, modules as .pyc (buildlib/pycompile.py)
        members = browser_members(members, PYODIDE_NPM, PYC_CACHE)
    except CompileError as e:
        raise BuildError(str(e)) from None
    members[f"{info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: wasmlit\nVersion: {version}\n"
        f"Summary: {project.get('description', '')}\n"
        f"Requires-Python: {project.get('requires-python', '>=3.11')}\n").encode()
    members[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: wasmlit build.py\n"
                                b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    members[f"{info}/top_level.txt"] = b"wasmlit\n"
    record = [record_line(name, data) for name, data in members.items()] + [f"{info}/RECORD,,"]
    members[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = out_dir / f"wasmlit-{version}-py3-none-any.whl"
    write_zip(wheel, members)
    return wheel


def lock_entry(name, version, wheel):
    return {"name": name, "version": version, "file_name": wheel.name, "install_dir": "site",
            "sha256": sha256_file(wheel), "package_type": "package", "imports": [name],
            "depends": []}


def pinned_lock():
    """The lock of the pinned npm package pyodide: every package of its distribution."""
    return pyodide_lock.read_lock(PYODIDE_NPM / pyodide_lock.LOCK_NAME)


def write_lock(pyodide_dir, micropip_wheel, wasmlit_wheel, version):
    """pyodide-lock.json: Pyodide's "info" and all its packages (so the page can map any
    import to a package), compact, with our micropip and wasmlit in place of Pyodide's."""
    upstream = pinned_lock()
    pinned = upstream["packages"]["micropip"]["version"]
    if pinned != MICROPIP_VERSION:
        raise BuildError(f"Pyodide expects micropip {pinned}, build.py ships {MICROPIP_VERSION}")
    lock = pyodide_lock.dist_lock(upstream, {
        "micropip": lock_entry("micropip", MICROPIP_VERSION, micropip_wheel),
        "wasmlit": lock_entry("wasmlit", version, wasmlit_wheel)})
    pyodide_lock.write_json_compact(pyodide_dir / pyodide_lock.LOCK_NAME, lock)


def default_packages_url():
    return pyodide_lock.default_packages_url(PYODIDE_NPM)


def bundle_module(out_file, entry=MARKDOWN_ENTRY):
    """One web/vendor-entry/*.mjs and what it imports from node_modules, as one ES module."""
    extra = [f"--inject:{PRISM_INJECT}"] if entry == MARKDOWN_ENTRY else []
    run_quietly([NODE_MODULES / ".bin" / "esbuild", entry, "--bundle", "--format=esm",
                 "--minify", "--log-level=warning", *extra, f"--outfile={out_file}"], "esbuild")


def copy_katex(out_dir):
    """KaTeX's stylesheet and its woff2 fonts (the first format its @font-face lists)."""
    (out_dir / "fonts").mkdir(parents=True)
    shutil.copy2(KATEX_DIST / "katex.min.css", out_dir / "katex.min.css")
    for font in sorted((KATEX_DIST / "fonts").glob("*.woff2")):
        shutil.copy2(font, out_dir / "fonts" / font.name)


def fill_dist(tmp, fingerprint):
    pyodide_dir = tmp / "pyodide"
    pyodide_dir.mkdir()
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_NPM / name, pyodide_dir / name)
    micropip = shutil.copy2(fetch_micropip(), pyodide_dir)
    version = wasmlit_version()
    wheel = build_wasmlit_wheel(pyodide_dir, version)
    write_lock(pyodide_dir, Path(micropip), wheel, version)
    # packages.json: where snippets and mount() load distribution packages from
    pyodide_lock.write_packages_manifest(tmp, pyodide_lock.packages_manifest(default_packages_url()))
    # WASMLIT_SNAPSHOT=1: Python with wasmlit imported, restored by the page (buildlib/snapshot.py)
    write_manifest(tmp, snapshot_enabled() and write_snapshot(
        tmp / SNAPSHOT_NAME, PYODIDE_NPM, wheel, ROOT / ".cache" / "snapshot"), PYODIDE_NPM)
    bundle_module(tmp / "markdown.js")
    bundle_module(tmp / "vega.js", VEGA_ENTRY)  # loaded only when a page draws a chart
    bundle_module(tmp / "plotly.js", PLOTLY_ENTRY)  # loaded only by pages with a plotly chart
    copy_katex(tmp / "katex")
    write_web_files(tmp)
    (tmp / STAMP).write_text(fingerprint + "\n")


def build_dist():
    """Build dist/ unless it is already up to date."""
    ensure_node_modules()
    fingerprint = input_fingerprint()
    stamp = DIST / STAMP
    if stamp.is_file() and stamp.read_text().strip() == fingerprint:
        return
    build_into(DIST, lambda tmp: fill_dist(tmp, fingerprint))
    print(f"build.py: wrote {DIST.relative_to(ROOT)}/", file=sys.stderr)


def check_app(path):
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


def check_out_dir(out):
    """An existing --out must be a previous wasmlit site (or empty) to be replaced."""
    if out.exists() and not out.is_dir():
        raise BadInput(f"--out exists and is not a directory: {out}")
    above = next((p for p in out.absolute().parents if p.exists()), None)
    if above is not None and not above.is_dir():
        raise BadInput(f"--out {out} cannot be created: {above} is not a directory")
    if above is not None and not out.exists() and not os.access(above, os.W_OK | os.X_OK):
        raise BadInput(f"--out {out} cannot be created: {above} is not writable")
    if out.is_dir() and any(out.iterdir()):
        index = out / "index.html"
        if not (index.is_file() and SITE_MARKER in index.read_text("utf-8", "replace")):
            raise BadInput(f"--out {out} is not empty and not a wasmlit site; refusing to replace it")


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{head}
</head>
<body class="wl-page">
{body}
</body>
</html>
"""


def index_html(title, secrets=False, theme=None, src="app.py", files=False, wheels=None, dev=None):
    head = '\n<link rel="icon" href="data:,">\n<link rel="stylesheet" href="wasmlit.css">'
    marker = f' {SECRETS_MARKER}="{SECRETS_NAME}"' if secrets else ""
    if wheels:  # wheels/requirements.json: the app's requirements, installed before it runs
        marker += f' data-wasmlit-requirements="{html.escape(wheels)}"'
    if dev:  # the dev server's version URL: the page reruns the app when it changes
        marker += f' data-wasmlit-dev="{html.escape(dev)}"'
    if files:  # a multi-file app: wasmlit.js fetches the files files.json lists
        marker += f' {FILES_MARKER}="{FILES_NAME}"'
    if theme:  # the [theme] of .streamlit/config.toml, applied by wasmlit.js
        marker += f' data-wasmlit-theme="{html.escape(json.dumps(theme), quote=True)}"'
    return PAGE.format(title=html.escape(title), head=head,
                       body=f'<div {SITE_MARKER}="{html.escape(src)}"{marker}></div>\n<script type="module" src="wasmlit.js"></script>')


def read_secrets(home):
    """The bytes of .streamlit/secrets.toml (else secrets.toml) in the app's folder home,
    or None; BadInput if it is not UTF-8 TOML."""
    for path in (home / ".streamlit" / "secrets.toml", home / "secrets.toml"):
        if path.is_file():
            data = path.read_bytes()
            try:
                tomllib.loads(data.decode("utf-8-sig"))
            except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
                raise BadInput(f"{path} is not a valid TOML file: {e}") from None
            return data
    return None


def read_theme(home):
    """The [theme] table of .streamlit/config.toml in the app's folder home, or None;
    BadInput if that file is not UTF-8 TOML."""
    path = home / ".streamlit" / "config.toml"
    if not path.is_file():
        return None
    try:
        theme = tomllib.loads(path.read_bytes().decode("utf-8-sig")).get("theme")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BadInput(f"{path} is not a valid TOML file: {e}") from None
    return theme if isinstance(theme, dict) and theme else None


def find_entry(path, entry=None):
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


def app_files(folder):
    """Relative POSIX paths of the files a multi-file app ships: everything in folder
    but __pycache__, *.pyc/*.pyo and dotfiles (.streamlit/ excepted), sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        hidden = any(p.startswith(".") and not (i == 0 and p == ".streamlit") for i, p in enumerate(parts))
        if path.is_file() and not hidden and "__pycache__" not in parts and path.suffix not in (".pyc", ".pyo"):
            found.append("/".join(parts))
    return found


def files_manifest(entry, folder):
    """The files.json of a multi-file site."""
    return {"entry": entry.relative_to(folder).as_posix(), "files": app_files(folder)}


def write_app(site, app, data, folder=None):
    """Put the app into the site: app.py, or a folder's files under app/ with files.json.
    Returns the entry's path in the site."""
    if folder is None:
        (site / "app.py").write_bytes(data)
        return "app.py"
    manifest = files_manifest(app, folder)
    shutil.rmtree(site / APP_DIR, ignore_errors=True)  # files the folder no longer has go too
    for rel in manifest["files"]:
        (site / APP_DIR / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / rel, site / APP_DIR / rel)
    (site / FILES_NAME).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    return f"{APP_DIR}/{manifest['entry']}"


def plan_packages(app, folder):
    """What the app needs from Pyodide's distribution and from PyPI (its imports and its
    requirements.txt); BadInput when a requirement cannot be met. Notes go to stderr."""
    ensure_node_modules()  # the pinned lock is in node_modules/pyodide
    try:
        planned = site_packages.plan(app, folder, app_files(folder) if folder else None, pinned_lock(),
                                     PYODIDE_NPM / "python_stdlib.zip", WHEEL_CACHE / "requirements")
    except app_requirements.RequirementsError as e:
        raise BadInput(str(e)) from None
    for note in planned.notes:
        print(f"build.py: note: {note}", file=sys.stderr)
    return planned


@contextlib.contextmanager
def opened_distribution(source, needed=()):
    """The --pyodide-packages distribution at source (None without one), checked to be the
    pinned Pyodide's and to hold the packages needed."""
    if source is None:
        yield None
        return
    with open_distribution(source) as distribution:
        distribution.check_version(pinned_lock(), pyodide_lock.pyodide_version(PYODIDE_NPM))
        distribution.check_has(sorted(needed))
        yield distribution


def fill_site(tmp, app, data, folder=None, dev=None, packages=None, packages_url=None, distribution=None):
    """Copy dist/ (without sites/, the stamp and temp dirs) and add the app (and its secrets);
    a multi-file app's folder goes into app/ with files.json listing it. The packages it
    needs (packages, else planned here) go in as site_packages.write puts them: loaded from
    packages_url (default: Pyodide's CDN), or copied from distribution."""
    shutil.copytree(DIST, tmp, dirs_exist_ok=True, ignore=lambda d, names: [
        n for n in names if Path(d) == DIST and (n == "sites" or n.startswith("."))])
    src = write_app(tmp, app, data, folder)
    home = app.parent if folder is None else folder
    secrets = read_secrets(home)
    if secrets is not None:
        (tmp / SECRETS_NAME).write_bytes(secrets)
    title = folder.name if folder is not None else app.stem
    packages = packages or plan_packages(app, folder)
    wheels = site_packages.write(tmp, packages, packages_url or default_packages_url(), distribution)
    page = index_html(title, secrets is not None, read_theme(home), src, folder is not None, wheels, dev)
    (tmp / "index.html").write_text(page, "utf-8")
    spa.write_404(tmp)  # page URLs of multipage apps (GitHub Pages serves 404.html)


def build_site(app, out, entry=None, packages_url=None, pyodide_packages=None):
    """Validate app and out, then write the site for app (a file or a folder) into out."""
    app, folder = find_entry(app, entry)
    data = check_app(app)
    home = app.parent if folder is None else folder
    read_secrets(home)  # a bad secrets.toml stops the build before anything is written
    read_theme(home)
    packages = plan_packages(app, folder)  # likewise a requirement with no wheel for the browser
    check_out_dir(out)
    with opened_distribution(pyodide_packages, packages.load) as distribution:  # and a bad distribution
        build_dist()
        build_into(out, lambda tmp: fill_site(tmp, app, data, folder, packages=packages,
                                              packages_url=packages_url, distribution=distribution))


ASSET_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
               ".json": "application/json", ".zip": "application/zip", ".whl": "application/zip"}


# Which chart library a one-file page carries: the app's code names one of these commands.
CHART_LIBRARIES = {"vega.js": ("line_chart", "bar_chart", "area_chart", "scatter_chart",
                               "vega_lite_chart", "altair_chart", ".map("),
                   "plotly.js": ("plotly_chart",)}


def chart_libraries(site):
    """The chart bundles a one-file page needs: those whose commands the app's Python uses
    (vega.js is 0.9 MB and plotly.js 4.8 MB, too much to carry for nothing)."""
    sources = [site / "app.py"] + sorted((site / APP_DIR).rglob("*.py"))
    code = "\n".join(p.read_text("utf-8", errors="replace") for p in sources if p.is_file())
    return [name for name, commands in CHART_LIBRARIES.items() if any(c in code for c in commands)]


def single_file_assets(site):
    """{relative path: [MIME type, base64]} of what a one-file page serves from itself:
    Pyodide, our wheels and the distribution packages shipped beside them (pyodide/),
    packages.json, markdown.js and the app's files, from a site built in site."""
    names = [f"pyodide/{p.name}" for p in sorted((site / "pyodide").iterdir())] + ["markdown.js"]
    names += [p.relative_to(site).as_posix() for p in [site / "app.py", site / SECRETS_NAME, site / FILES_NAME,
                                                       site / pyodide_lock.PACKAGES_NAME] if p.is_file()]
    for folder in (site / APP_DIR, site / app_requirements.WHEELS_DIR):
        if folder.is_dir():
            names += [p.relative_to(site).as_posix() for p in sorted(folder.rglob("*")) if p.is_file()]
    names += chart_libraries(site)
    return {name: [ASSET_TYPES.get(Path(name).suffix, "application/octet-stream"),
                   base64.b64encode((site / name).read_bytes()).decode()] for name in names}


def inline_script(code):
    """code made safe to sit inside a <script> element."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def inline_katex_css(site):
    """KaTeX's stylesheet with each font as its woff2 only, in a data: URL."""
    def font(match):
        data = base64.b64encode((site / "katex" / "fonts" / match[1]).read_bytes()).decode()
        return f'url(data:font/woff2;base64,{data}) format("woff2")'
    css = (site / "katex" / "katex.min.css").read_text("utf-8")
    return re.sub(r'url\(fonts/([\w-]+\.woff2)\) format\("woff2"\)(,url\([^)]*\) format\("\w+"\))*', font, css)


def single_file_page(site):
    """The one-file page for a site: its index.html with wasmlit.css, the esbuild bundle of
    web/wasmlit.js and the inline assets (with their server, inline-assets.js) inside it."""
    bundle = site / ".bundle.js"
    run_quietly([NODE_MODULES / ".bin" / "esbuild", WEB / "wasmlit.js", "--bundle", "--format=esm",
                 "--minify", "--log-level=error", f"--outfile={bundle}"], "esbuild")
    assets = json.dumps(single_file_assets(site)).replace("<", "\\u003c")
    page = (site / "index.html").read_text("utf-8")
    css = (site / "wasmlit.css").read_text("utf-8").replace("</style", "<\\/style")
    katex = inline_katex_css(site).replace("</style", "<\\/style")
    page = page.replace('<link rel="stylesheet" href="wasmlit.css">',
                        f"<style>\n{css}</style>\n<style data-wasmlit-katex>{katex}</style>")
    scripts = (f'<script type="application/json" id="wasmlit-assets">{assets}</script>\n'
               f"<script>{inline_script(INLINE_ASSETS_JS.read_text('utf-8'))}</script>\n"
               f'<script type="module">{inline_script(bundle.read_text("utf-8"))}</script>')
    return page.replace('<script type="module" src="wasmlit.js"></script>', scripts)


def build_single_file(app, out, entry=None, packages_url=None, pyodide_packages=None):
    """Build the app's site in a temp dir, then write it as one HTML page to out."""
    if out.is_dir():
        raise BadInput(f"--single-file {out} is a directory")
    if out.exists() and SITE_MARKER not in out.read_text("utf-8", "replace"):
        raise BadInput(f"--single-file {out} exists and is not a wasmlit page; refusing to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}.tmp-") as tmp:
        build_site(app, Path(tmp) / "site", entry, packages_url, pyodide_packages)
        page = Path(tmp) / "page.html"
        page.write_text(single_file_page(Path(tmp) / "site"), "utf-8")
        page.replace(out)


def collect_apps(args):
    """Apps named on the command line: a file, or a folder holding app.py/streamlit_app.py
    (a multi-file app); any other folder stands for its *.py files and the subfolders
    that hold an entry file."""
    apps = []
    for arg in args or [ROOT / "examples"]:
        path = Path(arg)
        if not path.is_dir() or has_entry(path):
            apps.append(path)
        else:
            apps += sorted(path.glob("*.py")) + sorted(d for d in path.iterdir() if d.is_dir() and has_entry(d))
    if not apps:
        raise BadInput("no apps to serve")
    stems = [site_name(a) for a in apps]
    duplicates = sorted({s for s in stems if stems.count(s) > 1})
    if duplicates:
        raise BadInput(f"two apps named {duplicates[0]}; site names must be unique")
    return apps


def has_entry(folder):
    return any((folder / name).is_file() for name in ENTRY_NAMES)


def site_name(app):
    """The site folder an app gets under --serve: a file's stem, a folder's name."""
    return app.name if app.is_dir() else app.stem


def sites_index(stems):
    links = "".join(f'<li><a href="{html.escape(s)}/">{html.escape(s)}</a></li>\n' for s in stems)
    return PAGE.format(title="wasmlit examples", head='\n<link rel="icon" href="data:,">', body=f"<h1>wasmlit examples</h1>\n<ul>\n{links}</ul>")


def fill_sites(tmp, apps, packages_url=None, distribution=None):
    for app in apps:
        entry, folder = find_entry(app)
        fill_site(tmp / site_name(app), entry, check_app(entry), folder,
                  packages_url=packages_url, distribution=distribution)
    (tmp / "index.html").write_text(sites_index([site_name(a) for a in apps]), "utf-8")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types module scripts and WebAssembly need."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript",
                      ".wasm": "application/wasm", ".whl": "application/zip"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def translate_path(self, path):
        # A multipage app's page URL (site/plotting) is the site's index.html.
        found = super().translate_path(path)
        return spa.fallback(found) or found


def make_server(directory, port):
    """Bind 127.0.0.1:port, or any free port if that one is taken."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError:
        return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


def serve(app_args, port, packages_url=None, pyodide_packages=None):
    apps = collect_apps(app_args)
    for app in apps:
        check_app(find_entry(app)[0])
    with build_lock(), opened_distribution(pyodide_packages) as distribution:
        build_dist()
        sites = DIST / "sites"
        build_into(sites, lambda tmp: fill_sites(tmp, apps, packages_url, distribution))
    server = make_server(sites, port)
    print(f"Serving wasmlit examples at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def serve_dev(app_arg, entry, port, packages_url=None, pyodide_packages=None):
    """Serve the app's site from a temp folder and rerun it in the page when its files change.
    Packages the app starts importing while it is served load from packages_url (the page
    loads an import it meets first at run time); with --pyodide-packages only those found
    when the server starts are there."""
    app, folder = find_entry(app_arg, entry)
    data = check_app(app)
    packages = plan_packages(app, folder)
    site = Path(tempfile.mkdtemp(prefix="wasmlit-dev-")) / (folder.name if folder else app.stem)
    with build_lock(), opened_distribution(pyodide_packages, packages.load) as distribution:
        build_dist()
        fill_site(site, app, data, folder, dev=dev_server.VERSION_PATH, packages=packages,
                  packages_url=packages_url, distribution=distribution)

    def watched():
        return [app] if folder is None else [folder / rel for rel in app_files(folder)]

    def sync():
        write_app(site, app, app.read_bytes(), folder)

    try:
        dev_server.serve(site, port, SiteHandler, dev_server.Watch(watched), sync)
    finally:
        shutil.rmtree(site.parent, ignore_errors=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="build.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", type=Path, metavar="FILE.py|DIR",
                        help="build a static site for this app (a folder: a multi-file app)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="where --app writes its site (replaced if it is a previous site)")
    parser.add_argument("--entry", metavar="NAME.py",
                        help="with --app DIR: the app file inside DIR (default app.py, else streamlit_app.py)")
    parser.add_argument("--single-file", type=Path, metavar="FILE.html",
                        help="with --app: write one self-contained HTML page instead of a site")
    parser.add_argument("--serve", action="store_true",
                        help="build sites for APP_OR_DIR (default: examples/) into dist/sites/ "
                             "and serve them on 127.0.0.1")
    parser.add_argument("--dev", action="store_true",
                        help="with --app: serve the app and rerun it in the page when its files change")
    parser.add_argument("--port", type=int,
                        help="port for --serve or --dev (default 8000; a free one if taken)")
    parser.add_argument("--packages-url", metavar="URL",
                        help="where the page loads Pyodide's packages (numpy, pandas, ...) from: an "
                             "http(s) URL or a path relative to the site (default: Pyodide's CDN, "
                             "https://cdn.jsdelivr.net/pyodide/vVERSION/full/)")
    parser.add_argument("--pyodide-packages", metavar="SOURCE",
                        help="ship the Pyodide packages the app needs in the site (fully offline), "
                             "copied from SOURCE: a Pyodide distribution of the pinned version, as a "
                             "folder, a .tar.bz2 or .zip archive (e.g. the release asset "
                             "pyodide-VERSION.tar.bz2), or an http(s)/file URL of either")
    parser.add_argument("apps", nargs="*", metavar="APP_OR_DIR", help="apps for --serve")
    args = parser.parse_args(argv)
    if args.app and args.serve:
        parser.error("--app and --serve cannot be combined")
    if args.out and args.single_file:
        parser.error("--out and --single-file cannot be combined")
    if args.dev and (not args.app or args.out or args.single_file):
        parser.error("--dev goes with --app alone")
    if bool(args.app) != bool(args.out or args.single_file or args.dev):
        parser.error("--app goes with --out, --single-file or --dev")
    if args.entry and not args.app:
        parser.error("--entry needs --app")
    if args.apps and not args.serve:
        parser.error("APP_OR_DIR needs --serve")
    if args.port is not None and not (args.serve or args.dev):
        parser.error("--port needs --serve or --dev")
    if (args.packages_url or args.pyodide_packages) and not (args.app or args.serve):
        parser.error("--packages-url and --pyodide-packages need --app or --serve")
    if args.packages_url and args.pyodide_packages:
        parser.error("--packages-url and --pyodide-packages cannot be combined "
                     "(with --pyodide-packages the site loads packages from itself)")
    if args.packages_url is not None:
        try:
            args.packages_url = checked_packages_url(args.packages_url)
        except ValueError as e:
            parser.error(str(e))
    return args


def checked_packages_url(url):
    """url as packages.json holds it (ending in /); ValueError unless it is http(s) or a path."""
    parts = urllib.parse.urlsplit(url)
    is_web = parts.scheme in ("http", "https") and parts.netloc
    is_path = not parts.scheme and not parts.netloc and parts.path and not url.startswith("//")
    if not (is_web or is_path) or any(c.isspace() or c in "\"'<>" for c in url):
        raise ValueError(f"--packages-url {url!r} is not an http(s) URL or a relative path")
    return url if url.endswith("/") else url + "/"


@contextlib.contextmanager
def build_lock():
    """One build at a time on this checkout: dist/ is swapped in whole, and a site copies it."""
    ROOT.joinpath(".build.lock").touch()
    with open(ROOT / ".build.lock") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def main(argv=None):
    args = parse_args(argv)
    try:
        return run(args)
    except (BadInput, DistributionError) as e:
        print(f"build.py: error: {e}", file=sys.stderr)
        return 2
    except (BuildError, OSError) as e:
        print(f"build.py: error: {e}", file=sys.stderr)
        return 1


def run(args):
    packages = {"packages_url": args.packages_url, "pyodide_packages": args.pyodide_packages}
    if args.serve:
        serve(args.apps, 8000 if args.port is None else args.port, **packages)
    elif args.dev:
        serve_dev(args.app, args.entry, 8000 if args.port is None else args.port, **packages)
    elif args.single_file:
        with build_lock():
            build_single_file(args.app, args.single_file.resolve(), args.entry, **packages)
        print(f"build.py: wrote {args.single_file} for {args.app}", file=sys.stderr)
    elif args.app:
        with build_lock():
            build_site(args.app, args.out.resolve(), args.entry, **packages)
        print(f"build.py: wrote site for {args.app} to {args.out}", file=sys.stderr)
    else:
        with build_lock():
            build_dist()
    return 0


if __name__ == "__main__":
    sys.exit(main())
