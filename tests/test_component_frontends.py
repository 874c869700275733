"""build.py ships custom components' built frontends from the wheels it ships
(buildlib/component_frontends.py): every folder holding an index.html, at its path inside
the wheel under the site's component/, without Python files, metadata or source maps."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from buildlib import component_frontends  # noqa: E402


def wheel(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_frontend_folders_are_the_outermost_folders_with_an_index_html():
    names = ["pkg/__init__.py", "pkg/frontend/build/index.html", "pkg/frontend/build/static/js/main.js",
             "pkg/frontend/build/nested/index.html", "pkg-1.0.dist-info/index.html", "index.html",
             "../evil/index.html", "other/dist/index.html"]
    assert component_frontends.frontend_folders(names) == ["other/dist", "pkg/frontend/build"]


def test_ship_copies_each_frontend_into_the_sites_component_folder(tmp_path):
    built = wheel(tmp_path / "pkg-1.0-py3-none-any.whl", {
        "pkg/__init__.py": b"x = 1",
        "pkg/frontend/build/index.html": b"<!doctype html>",
        "pkg/frontend/build/static/js/main.js": b"console.log(1)",
        "pkg/frontend/build/static/js/main.js.map": b"{}",
        "pkg/frontend/build/fonts/icons.woff2": b"font",
        "pkg/frontend/src/App.tsx": b"source",
        "pkg-1.0.dist-info/METADATA": b"Name: pkg",
    })
    plain = wheel(tmp_path / "plain-1.0-py3-none-any.whl", {"plain/__init__.py": b""})
    site = tmp_path / "site"
    site.mkdir()
    assert component_frontends.ship([built, plain], site) == ["pkg/frontend/build"]
    shipped = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert shipped == ["component/pkg/frontend/build/fonts/icons.woff2",
                       "component/pkg/frontend/build/index.html",
                       "component/pkg/frontend/build/static/js/main.js"]
