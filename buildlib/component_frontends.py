"""Custom components' built frontends, shipped in the site beside the wheels they come in.

A component declared with `declare_component(name, path=<folder>)` has its frontend (an
index.html and the scripts, styles and fonts it loads by relative URL) in a folder of its
wheel. Streamlit's server serves that folder; a wasmlit site is static files, so build.py
copies it into the site, at `component/<its path inside the wheel>/`, which is also its path
inside site-packages once the page installed the wheel. The page loads it from there
(runtime/wasmlit/components/v1/frontends.py maps the folder to that URL).

Done at build time rather than from the installed files at run time: an index.html loads
its scripts by relative URL, and so do those scripts (chunks) and styles (fonts); only a
real folder of the site resolves them all, offline too. Which folder a component names is
only known when its code runs, so every folder of a wheel that holds an index.html ships.
"""
from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

COMPONENT_DIR = "component"  # in a site (frontends.py names the same folder)
ENTRY = "index.html"
SKIPPED_SUFFIXES = (".py", ".pyc", ".pyi", ".map")  # code for Python, and source maps


def frontend_folders(names: list[str]) -> list[str]:
    """Folders (POSIX, inside the wheel) holding an index.html, outside its metadata, the
    outermost of nested ones only."""
    found = sorted({str(PurePosixPath(name).parent) for name in names
                    if PurePosixPath(name).name == ENTRY and _safe(name)
                    and not PurePosixPath(name).parts[0].endswith((".dist-info", ".data"))
                    and str(PurePosixPath(name).parent) != "."})
    return [f for f in found if not any(f.startswith(outer + "/") for outer in found if outer != f)]


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts


def ship(wheel_paths: list[Path], site: Path) -> list[str]:
    """Copy every frontend folder of the wheels into site/component/; return the folders."""
    shipped: list[str] = []
    for wheel_path in wheel_paths:
        with zipfile.ZipFile(wheel_path) as wheel:
            names = wheel.namelist()
            folders = frontend_folders(names)
            for name in names:
                if name.endswith("/") or name.endswith(SKIPPED_SUFFIXES) or not _safe(name):
                    continue
                if any(name.startswith(folder + "/") for folder in folders):
                    target = site / COMPONENT_DIR / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(wheel.read(name))
            shipped += folders
    return shipped
