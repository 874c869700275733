"""Page URLs of multipage apps on a static host.

A multipage app shows its current page in the URL path (http://host/site/plotting), so a
reload or a shared link asks the server for a file that does not exist. Servers answer
such paths with the site's index.html: `fallback()` picks it for our local server
(static_server.py: build.py --serve and --dev, the browser tests, the pytest plugin), and
`write_404()` gives a site the 404.html copy that GitHub Pages (and hosts with the same
convention) serve for unknown paths.
"""
from __future__ import annotations

import shutil
from pathlib import Path


def fallback(file_path: str) -> str | None:
    """For a requested file that does not exist and whose name has no extension (a page
    name), the index.html of the folder it would sit in; else None (serve it as asked)."""
    path = Path(file_path)
    if path.exists() or "." in path.name or not path.name:
        return None
    index = path.parent / "index.html"
    return str(index) if index.is_file() else None


def write_404(site: Path) -> None:
    """Copy the site's index.html to 404.html (GitHub Pages' fallback for unknown paths)."""
    index = Path(site) / "index.html"
    if index.is_file():
        shutil.copyfile(index, Path(site) / "404.html")


__all__ = ["fallback", "write_404"]
