"""What the wasmlit wheel carries besides its Python packages, so that an installed wasmlit
builds sites with no checkout, npm or Node: `fill_shipped(target)` builds dist/ (as build.py
does) and copies into target (the wheel's wasmlit_build/shipped/, see checkout.py):

  dist/                       dist/ as built (no sites/, no stamp or temp folders)
  pyodide/package.json,       the pinned npm package pyodide's version and full lock (the
    pyodide/pyodide-lock.json   site build maps imports and checks distributions with them)
  web/vendor-entry/inline-assets.js   the one-file page's asset server
  examples/                   the example apps (`wasmlit hello`), without their tests

setup.py calls it from its build_py step (not for an editable install).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .checkout import DIST, EXAMPLES, IS_SHIPPED, PYODIDE_NPM, WEB, build_lock
from .dist import build_dist
from .errors import BuildError
from .pyodide_lock import LOCK_NAME


def example_files(folder: Path) -> list[Path]:
    """The example apps' files: no tests, conftest.py, caches or dotfiles."""
    skip = lambda rel: (any(p == "__pycache__" or p.startswith(".") for p in rel.parts)
                        or rel.name.startswith("test_") or rel.name == "conftest.py"
                        or rel.suffix in (".pyc", ".pyo"))
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and not skip(p.relative_to(folder))]


def fill_shipped(target: Path) -> None:
    """Build dist/, then write what the wheel ships into target (replaced if there)."""
    if IS_SHIPPED:
        raise BuildError("the wheel's files are built from a wasmlit checkout")
    with build_lock():
        build_dist()
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(DIST, target / "dist", ignore=lambda d, names: [
            n for n in names if Path(d) == DIST and (n == "sites" or n.startswith("."))])
    (target / "pyodide").mkdir(parents=True)
    for name in ("package.json", LOCK_NAME):
        shutil.copy2(PYODIDE_NPM / name, target / "pyodide" / name)
    (target / "web" / "vendor-entry").mkdir(parents=True)
    shutil.copy2(WEB / "vendor-entry" / "inline-assets.js", target / "web" / "vendor-entry")
    for path in example_files(EXAMPLES):
        dest = target / "examples" / path.relative_to(EXAMPLES)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
