"""Which packages a site needs, where they come from, and writing that into the site.

An app needs the distribution packages its files import (app_imports.py) and those its
requirements.txt names (requirements.py), with everything they depend on; the rest of its
requirements come from PyPI as wheels. The site says so in packages.json; an online site
loads the distribution packages from packages_url, an offline one (`--pyodide-packages`)
carries them in pyodide/, named in its pyodide-lock.json.
"""
from __future__ import annotations

import functools
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import app_imports, component_frontends, pyodide_lock, requirements
from .distribution import Distribution


@dataclass
class SitePackages:
    load: list[str]  # lock keys, the closure, sorted
    resolution: requirements.Resolution = field(default_factory=requirements.Resolution)
    notes: list[str] = field(default_factory=list)


@functools.cache
def browser_stdlib(stdlib_zip: Path) -> frozenset[str]:
    """Top-level module names of the browser's standard library (Pyodide's python_stdlib.zip)."""
    with zipfile.ZipFile(stdlib_zip) as zf:
        return frozenset(name.split("/")[0].split(".")[0] for name in zf.namelist())


def plan(entry: Path, folder: Path | None, files: list[str] | None, lock: dict, stdlib_zip: Path,
         cache_root: Path) -> SitePackages:
    """What the app at entry (in folder, shipping files) needs; RequirementsError when its
    requirements.txt cannot be satisfied."""
    home = entry.parent if folder is None else folder
    wanted = requirements.find_requirements(home)
    resolution = requirements.resolve(wanted, lock, cache_root) if wanted else requirements.Resolution()
    notes: list[str] = []
    found = app_imports.app_imports(app_imports.python_files(entry, folder, files),
                                    app_imports.own_modules(folder), home, notes)
    by_import = pyodide_lock.import_names(lock)
    stdlib = browser_stdlib(stdlib_zip)
    from_pypi = {name for wheel in resolution.wheels for name in wheel.top_level}
    keys = set(resolution.load)
    for imp in found:
        if imp.name in stdlib:
            continue
        if imp.name in by_import:
            keys.add(by_import[imp.name])
        elif imp.name not in from_pypi and imp.name not in sys.builtin_module_names \
                and imp.name not in sys.stdlib_module_names:
            notes.append(f"{imp.where} imports {imp.name}, which neither Pyodide's distribution nor "
                         "requirements.txt provides")
    return SitePackages(pyodide_lock.closure(lock, keys), resolution, notes)


def write(site: Path, packages: SitePackages, packages_url: str | None,
          distribution: Distribution | None = None) -> str | None:
    """Put the packages into a site that holds a copy of dist/: PyPI wheels in wheels/, the
    shipped distribution packages in pyodide/ with their lock entries, packages.json.
    Returns the wheels manifest's path in the site, or None."""
    wheels = requirements.ship_wheels(packages.resolution, site)
    component_frontends.ship([wheel.path for wheel in packages.resolution.wheels], site)
    sizes: dict[str, int] = {}
    if distribution is not None:
        sizes = distribution.copy(packages.load, site / "pyodide")
        lock_path = site / "pyodide" / pyodide_lock.LOCK_NAME
        lock = pyodide_lock.read_lock(lock_path)
        shipped = {key: distribution.lock["packages"][key] for key in packages.load}
        pyodide_lock.write_json_compact(lock_path, pyodide_lock.with_shipped(lock, shipped))
        packages_url = None
    pyodide_lock.write_packages_manifest(site, pyodide_lock.packages_manifest(packages_url, packages.load, sizes))
    return wheels
