"""Pyodide's package lock (`pyodide-lock.json`): which distribution package provides an
import, what it depends on, and the copy of it every site carries.

Lock keys are normalised project names (`pydantic-core`, `python-dateutil`); an entry's
`name` and `depends` are not always (`pydantic_core`, `Cartopy`), so both go through
`normalize` before they are looked up. The pinned lock is the one the npm package `pyodide`
ships; a site's lock lists every package of it, so the page can map any import to a package.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

LOCK_NAME = "pyodide-lock.json"  # in pyodide/ of dist/ and of every site
PACKAGES_NAME = "packages.json"  # at the root of dist/ and of every site
# Packages wasmlit brings itself (its own lock entries, its own files in pyodide/): never
# part of what an app loads from the distribution.
OURS = ("micropip", "wasmlit")
DROPPED_FIELDS = ("tool", "unvendored_tests")  # of no use to the page


def normalize(name: str) -> str:
    """A project name as PEP 503 compares it (and as the lock's keys are written)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def pyodide_version(pyodide_npm: Path) -> str:
    """The version of the pinned npm package `pyodide` (its package.json)."""
    return json.loads((pyodide_npm / "package.json").read_text("utf-8"))["version"]


def default_packages_url(pyodide_npm: Path) -> str:
    """Where Pyodide itself loads the pinned version's packages from: the official CDN."""
    return f"https://cdn.jsdelivr.net/pyodide/v{pyodide_version(pyodide_npm)}/full/"


def platform_tag(lock: dict) -> str:
    """The wheel platform tag of packages built for this Pyodide, e.g. pyemscripten_2026_0_wasm32."""
    info = lock["info"]
    return f"pyemscripten_{info['abi_version']}_{info.get('arch', 'wasm32')}"


def import_names(lock: dict) -> dict[str, str]:
    """{top-level import name: lock key} of every package in the lock."""
    return {name: key for key, entry in lock["packages"].items() for name in entry["imports"]}


def package_key(lock: dict, name: str) -> str | None:
    """The lock key of a project name (any spelling), or None when it is not in the lock."""
    key = normalize(name)
    return key if key in lock["packages"] else None


def closure(lock: dict, keys) -> list[str]:
    """keys and everything they depend on, sorted; OURS excepted (wasmlit ships them)."""
    packages = lock["packages"]
    found: set[str] = set()
    pending = [normalize(k) for k in keys]
    while pending:
        key = pending.pop()
        if key in found or key in OURS or key not in packages:
            continue
        found.add(key)
        pending += [normalize(d) for d in packages[key]["depends"]]
    return sorted(found)


def compact_entry(entry: dict) -> dict:
    return {field: value for field, value in entry.items() if field not in DROPPED_FIELDS}


def dist_lock(pinned: dict, ours: dict[str, dict]) -> dict:
    """The lock dist/ and every site carry: the pinned lock's info and all its packages
    (compact), with our own entries in place of Pyodide's."""
    packages = {key: compact_entry(entry) for key, entry in pinned["packages"].items()}
    packages.update({key: compact_entry(entry) for key, entry in ours.items()})
    return {"info": pinned["info"], "packages": packages}


def with_shipped(lock: dict, shipped: dict[str, dict]) -> dict:
    """lock with each shipped package's entry taken from the distribution it was copied
    from, its file name the basename of the file in pyodide/."""
    packages = dict(lock["packages"])
    for key, entry in shipped.items():
        packages[key] = {**compact_entry(entry), "file_name": Path(entry["file_name"]).name}
    return {**lock, "packages": packages}


def write_json_compact(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")


def packages_manifest(packages_url: str | None, load=(), shipped_bytes: dict[str, int] | None = None) -> dict:
    """The packages.json of a site: where the page loads distribution packages from (None:
    nowhere, every needed one is shipped), what it loads before the first run, and which
    files (with their sizes) are in pyodide/."""
    shipped_bytes = shipped_bytes or {}
    return {"packages_url": packages_url, "load": sorted(load), "shipped": sorted(shipped_bytes),
            "bytes": dict(sorted(shipped_bytes.items()))}


def write_packages_manifest(folder: Path, manifest: dict) -> None:
    (folder / PACKAGES_NAME).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
