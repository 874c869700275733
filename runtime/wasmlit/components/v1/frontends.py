"""Where the page loads a `path=` component's frontend from.

Streamlit's server serves a `path=` component's folder at `/component/<name>/`. A wasmlit
site is static files, so a frontend must be in the site before any code runs: build.py
copies every built frontend (a folder with an index.html) of the wheels it ships to
`component/<its path inside site-packages>/` (buildlib/component_frontends.py), and a
multi-file app's own files are in the site under `app/` already. `frontend_src` maps the
folder `path=` names to that place.
"""
from __future__ import annotations

import os
import site
import sys

from ...current import running_session

COMPONENT_DIR = "component"  # in a site: the shipped frontends (buildlib/component_frontends.py)
APP_DIR = "app"              # in a site: a multi-file app's files (buildlib/site.py)
ENTRY = "index.html"


def frontend_src(abspath: str) -> str:
    """The site path (relative to the site's root) of the frontend in folder `abspath`:
    `component/<path in site-packages>/index.html` for an installed package,
    `app/<path in the app's folder>/index.html` for the app's own files."""
    for root in _package_roots():
        relative = _below(abspath, root)
        if relative is not None:
            return f"{COMPONENT_DIR}/{relative}{ENTRY}"
    session = running_session()
    folder = session.workspace.folder if session is not None else None
    relative = _below(abspath, folder or os.getcwd())
    if relative is not None:
        return f"{APP_DIR}/{relative}{ENTRY}"
    return f"{COMPONENT_DIR}/{abspath.strip('/')}/{ENTRY}"


def _package_roots() -> list[str]:
    """Folders packages are installed in, deepest first (a venv inside the app's folder
    counts as packages)."""
    roots = list(site.getsitepackages()) + [site.getusersitepackages()]
    roots += [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    return sorted({os.path.normpath(r) for r in roots if r}, key=len, reverse=True)


def _below(path: str, root: str) -> str | None:
    """`path` relative to `root`, as URL segments ending in "/" ("" for root itself), or
    None when it is not inside root."""
    path, root = os.path.normpath(path), os.path.normpath(root)
    if path != root and not path.startswith(root.rstrip("/") + "/"):
        return None
    relative = os.path.relpath(path, root)
    return "" if relative == "." else relative.replace(os.sep, "/") + "/"
