"""Where a build works: where its inputs and outputs are, the npm tools it runs (esbuild,
from node_modules), one build at a time, and outputs replaced in one step.

Two layouts. In a wasmlit checkout (buildlib/ beside runtime/, web/, node_modules/) dist/ is
built from the sources. Installed from the wasmlit wheel (this package as `wasmlit_build`),
SHIPPED holds what the wheel was built with (shipping.py): the prebuilt dist/, the pinned
Pyodide's package.json and lock, the one-file page's inline-assets.js and the examples.
Sites are then built from that dist/ alone: no npm, no Node, nothing written beside it
(caches and served sites go to CACHE, in the user's cache folder)."""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import pyodide_lock
from .errors import BuildError

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not serialised
    fcntl = None

SHIPPED = Path(__file__).resolve().parent / "shipped"  # only in the installed wheel
IS_SHIPPED = (SHIPPED / "dist").is_dir()
ROOT = SHIPPED if IS_SHIPPED else Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "runtime" / "wasmlit"
WEB = ROOT / "web"
DIST = ROOT / "dist"
NODE_MODULES = ROOT / "node_modules"
PYODIDE_NPM = (SHIPPED / "pyodide") if IS_SHIPPED else NODE_MODULES / "pyodide"
EXAMPLES = ROOT / "examples"


def user_cache() -> Path:
    """wasmlit's folder in the user's cache ($XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wasmlit"


CACHE = user_cache() if IS_SHIPPED else ROOT / ".cache"
WHEEL_CACHE = CACHE / "wheels"
NPM_STAMP = NODE_MODULES / ".wasmlit-package-lock.sha256"
# The browser's standard library (site_packages reads it to tell stdlib imports apart).
STDLIB_ZIP = (DIST / "pyodide" if IS_SHIPPED else PYODIDE_NPM) / "python_stdlib.zip"
SITES = (CACHE if IS_SHIPPED else DIST) / "sites"  # where --serve builds its sites


def sha256_file(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def run_quietly(cmd, what: str) -> None:
    """Run cmd from ROOT; on failure raise BuildError carrying its output."""
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError(f"{what} failed ({' '.join(map(str, cmd))}):\n{proc.stdout}{proc.stderr}")


def esbuild(source, out_file, *options: str, log_level: str = "warning") -> None:
    """esbuild source into out_file, minified, with options (e.g. --bundle)."""
    run_quietly([NODE_MODULES / ".bin" / "esbuild", source, *options, "--minify",
                 f"--log-level={log_level}", f"--outfile={out_file}"], "esbuild")


def ensure_node_modules() -> None:
    """Run `npm ci` unless node_modules matches the current package-lock.json (installed
    from the wheel: nothing, the build needs no npm)."""
    if IS_SHIPPED:
        return
    lock_hash = sha256_file(ROOT / "package-lock.json")
    if NPM_STAMP.is_file() and NPM_STAMP.read_text().strip() == lock_hash:
        return
    print("build.py: running npm ci", file=sys.stderr)
    run_quietly(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], "npm ci")
    NPM_STAMP.write_text(lock_hash + "\n")


def pinned_lock() -> dict:
    """The lock of the pinned npm package pyodide: every package of its distribution."""
    return pyodide_lock.read_lock(PYODIDE_NPM / pyodide_lock.LOCK_NAME)


def default_packages_url() -> str:
    return pyodide_lock.default_packages_url(PYODIDE_NPM)


def build_into(target: Path, fill) -> None:
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


@contextlib.contextmanager
def build_lock():
    """One build at a time on this checkout: dist/ is swapped in whole, and a site copies it."""
    lock = (CACHE if IS_SHIPPED else ROOT) / ".build.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.touch()
    with open(lock) as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
