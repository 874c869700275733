"""An app's requirements.txt, turned into pure-Python wheels the site ships.

The browser cannot reach PyPI when the site is offline, so `build.py --app` downloads every
requirement (with its dependencies, resolved for the browser's Python 3.14) as pure-Python
wheels at build time. The site carries them in wheels/ with wheels/requirements.json, and the
page installs them with micropip from there before the app's first run.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

REQUIREMENTS_FILE = "requirements.txt"
WHEELS_DIR = "wheels"
MANIFEST = "requirements.json"  # in wheels/: {"requirements": [...], "wheels": [file names]}
BROWSER_PYTHON = "3.14"


class RequirementsError(Exception):
    """A requirement has no pure-Python wheel (or pip failed): the message says which."""


def find_requirements(home: Path) -> Path | None:
    path = home / REQUIREMENTS_FILE
    return path if path.is_file() else None


def read_requirements(path: Path) -> list[str]:
    """The requirement lines of a requirements.txt (comments and blank lines dropped)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RequirementsError(f"{path} is not UTF-8: {e}") from None
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def download_wheels(path: Path, cache_root: Path) -> list[Path]:
    """The wheels for requirements.txt at `path` (and their dependencies), downloaded once
    into a cache folder named after the file's content."""
    requirements = read_requirements(path)
    if not requirements:
        return []
    digest = hashlib.sha256("\n".join(requirements).encode()).hexdigest()[:16]
    cache = cache_root / digest
    done = cache / ".complete"
    if not done.exists():
        if cache.exists():
            shutil.rmtree(cache)
        staging = cache.with_name(cache.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        _pip_download(requirements, staging, path)
        staging.rename(cache)
        done.touch()
    return sorted(cache.glob("*.whl"))


def _pip_download(requirements: list[str], dest: Path, path: Path) -> None:
    listed = dest / "requirements.in"
    listed.write_text("\n".join(requirements) + "\n", "utf-8")
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
           "--dest", str(dest), "--only-binary=:all:", "--python-version", BROWSER_PYTHON,
           "--implementation", "py", "--abi", "none", "--platform", "any", "-r", str(listed)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    listed.unlink()
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        detail = errors[-1] if errors else (result.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise RequirementsError(
            f"{path}: cannot ship these requirements in the browser (each needs a pure-Python "
            f"wheel for Python {BROWSER_PYTHON} on PyPI): {detail}")


def ship_wheels(path: Path, cache_root: Path, site: Path) -> str | None:
    """Copy the wheels for requirements.txt into site/wheels/ with their manifest; return
    the manifest's path inside the site (None when there is nothing to install)."""
    wheels = download_wheels(path, cache_root)
    if not wheels:
        return None
    folder = site / WHEELS_DIR
    folder.mkdir(exist_ok=True)
    for wheel in wheels:
        shutil.copy2(wheel, folder / wheel.name)
    manifest = {"requirements": read_requirements(path), "wheels": [w.name for w in wheels]}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    return f"{WHEELS_DIR}/{MANIFEST}"
