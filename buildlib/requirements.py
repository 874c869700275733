"""An app's requirements.txt, split between Pyodide's distribution and PyPI.

A requirement (or a dependency of one) that names a package in Pyodide's lock comes from the
distribution: it joins what the page loads, at the lock's version (a pin that excludes it
gives a warning). `streamlit` is skipped: wasmlit provides it. Everything else comes from
PyPI, as a pure-Python wheel or one built for Pyodide: resolved here level by level, each
wheel's Requires-Dist read and routed the same way, the first specifier of a name winning.
The site carries those wheels in wheels/ with wheels/requirements.json, and the page
installs them with micropip (deps=False) before the app's first run.
"""
from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pip._vendor.packaging.requirements import InvalidRequirement, Requirement

from . import requirements_file, wheel_download
from .pyodide_lock import normalize, package_key, platform_tag

REQUIREMENTS_FILE = "requirements.txt"
WHEELS_DIR = "wheels"
MANIFEST = "requirements.json"  # in wheels/: {"requirements": [...], "wheels": [file names]}
PROVIDED_BY_WASMLIT = ("streamlit", "wasmlit")


class RequirementsError(Exception):
    """A requirements file the build cannot satisfy: the message says which line and why."""


@dataclass
class Resolution:
    """What a requirements file asks for in the browser."""
    load: set[str] = field(default_factory=set)  # lock keys, from the distribution
    wheels: list[wheel_download.Wheel] = field(default_factory=list)  # from PyPI
    requirements: list[str] = field(default_factory=list)  # the PyPI lines of the file


def find_requirements(home: Path) -> Path | None:
    path = home / REQUIREMENTS_FILE
    return path if path.is_file() else None


def environment(lock: dict) -> dict[str, str]:
    """Marker variables of the browser's Python, from the lock's info."""
    emscripten = lock["info"].get("platform", "").removeprefix("emscripten_").replace("_", ".")
    return requirements_file.browser_environment(lock["info"]["python"], emscripten)


def read_requirements(path: Path, lock: dict) -> requirements_file.RequirementsFile:
    try:
        return requirements_file.parse(path, environment(lock))
    except requirements_file.RequirementsFileError as e:
        raise RequirementsError(str(e)) from None


def note(message: str) -> None:
    print(f"build.py: note: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"build.py: warning: {message}", file=sys.stderr)


def resolve(path: Path, lock: dict, cache_root: Path) -> Resolution:
    """Route each requirement of the file at path, and each dependency of a PyPI one, to the
    distribution or to a downloaded wheel; RequirementsError names one with no wheel."""
    listed = read_requirements(path, lock)
    env = environment(lock)
    resolution = Resolution()
    chosen: dict[str, tuple[wheel_download.Wheel, str, set[str]]] = {}  # name -> wheel, asked where, extras
    level = [(item.requirement, item.where, item.hashes) for item in listed.requirements]
    resolution.requirements = [str(item) for item in listed.requirements
                               if normalize(item.requirement.name) not in PROVIDED_BY_WASMLIT
                               and package_key(lock, item.requirement.name) is None]
    while level:
        deeper = []
        for requirement, where, hashes in level:
            name = normalize(requirement.name)
            key = package_key(lock, name)
            if name in PROVIDED_BY_WASMLIT:
                note(f"{where}: {requirement} skipped: wasmlit provides {name}")
            elif key is not None:
                _check_pin(requirement, lock["packages"][key]["version"], where)
                resolution.load.add(key)
            elif name in chosen:
                wheel, first, extras = chosen[name]
                if not requirement.specifier.contains(wheel.version, prereleases=True):
                    warn(f"{where}: {requirement} conflicts with {wheel.name} {wheel.version}, "
                         f"chosen for {first}; using {wheel.version}")
                added = set(requirement.extras) - extras
                extras |= added
                deeper += _dependencies(wheel, added, env) if added else []
            else:
                try:
                    wheel = wheel_download.download(_without_marker(requirement), hashes, listed.pip_options,
                                                    platform_tag(lock), cache_root)
                except wheel_download.NoBrowserWheel as e:
                    raise RequirementsError(
                        f"{where}: cannot ship {requirement} in the browser: PyPI has no pure-Python wheel "
                        f"and none built for Pyodide ({platform_tag(lock)}, Python "
                        f"{wheel_download.BROWSER_PYTHON}), and Pyodide's distribution has no such "
                        f"package ({e})") from None
                chosen[name] = (wheel, where, set(requirement.extras))
                resolution.wheels.append(wheel)
                deeper += _dependencies(wheel, set(requirement.extras), env)
        level = deeper
    return resolution


def _without_marker(requirement: Requirement) -> str:
    """The requirement as pip should fetch it: its marker was evaluated for the browser."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"


def _check_pin(requirement: Requirement, version: str, where: str) -> None:
    if requirement.specifier and not requirement.specifier.contains(version, prereleases=True):
        warn(f"{where}: {requirement} excludes {requirement.name} {version}, the version in Pyodide's "
             f"distribution; using {version}")


def _dependencies(wheel: wheel_download.Wheel, extras: set[str], env: dict[str, str]):
    """(requirement, asked where, hashes) of the wheel's dependencies wanted in the browser."""
    found = []
    for line in wheel.requires:
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            warn(f"{wheel.path.name}: ignoring a Requires-Dist it lists that is not valid: {line}")
            continue
        if requirements_file.applies(requirement.marker, env, sorted(extras)):
            found.append((requirement, f"{wheel.name} {wheel.version}", ()))
    return found


def ship_wheels(resolution: Resolution, site: Path) -> str | None:
    """Copy the resolution's PyPI wheels into site/wheels/ with their manifest; return the
    manifest's path inside the site (None when there is nothing to install)."""
    if not resolution.wheels:
        return None
    folder = site / WHEELS_DIR
    folder.mkdir(exist_ok=True)
    for wheel in resolution.wheels:
        shutil.copy2(wheel.path, folder / wheel.path.name)
    manifest = {"requirements": resolution.requirements,
                "wheels": sorted(wheel.path.name for wheel in resolution.wheels)}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    return f"{WHEELS_DIR}/{MANIFEST}"
