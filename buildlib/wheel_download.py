"""One requirement's wheel for the browser, from PyPI: pure Python, or built for Pyodide.

`pip download --no-deps` picks the wheel for CPython 3.14 on the distribution's platform
(`pyemscripten_2026_0_wasm32`, from the lock's abi_version) or a pure-Python one. Each
download is cached in a folder named after what was asked (requirement, hashes, pip
options, platform), so a rebuild makes no network request.
"""
from __future__ import annotations

import contextlib
import email.parser
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

BROWSER_PYTHON = "3.14"


class NoBrowserWheel(Exception):
    """PyPI has no wheel the browser can install for a requirement (or pip failed)."""


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: str
    version: str
    requires: tuple[str, ...]  # Requires-Dist lines of its METADATA
    top_level: tuple[str, ...]  # the importable names it installs


def download(requirement: str, hashes: tuple[str, ...], pip_options: list[str], platform: str,
             cache_root: Path) -> Wheel:
    """The wheel pip picks for requirement, downloaded once into cache_root."""
    asked = [requirement, list(hashes), pip_options, platform, BROWSER_PYTHON]
    cache = cache_root / hashlib.sha256(json.dumps(asked).encode()).hexdigest()[:16]
    if not (cache / ".complete").exists():
        cache_root.mkdir(parents=True, exist_ok=True)
        # A private staging folder, renamed into place: builds running at once never share one.
        staging = Path(tempfile.mkdtemp(dir=cache_root, prefix=f"{cache.name}.partial-"))
        try:
            _pip_download(requirement, hashes, pip_options, platform, staging)
            (staging / ".complete").touch()
            if not (cache / ".complete").exists():  # an unfinished one, from an interrupted build
                shutil.rmtree(cache, ignore_errors=True)
            with contextlib.suppress(OSError):  # another build may have put it there first
                staging.rename(cache)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return read_wheel(next(cache.glob("*.whl")))


def _pip_download(requirement: str, hashes: tuple[str, ...], pip_options: list[str], platform: str,
                  dest: Path) -> None:
    listed = dest / "requirement.txt"  # a file: pip takes --hash options only there
    listed.write_text(" ".join([requirement, *hashes]) + "\n", "utf-8")
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
           "--no-deps", "--only-binary=:all:", "--dest", str(dest), "--python-version", BROWSER_PYTHON,
           "--implementation", "cp", "--abi", f"cp{BROWSER_PYTHON.replace('.', '')}", "--abi", "abi3",
           "--abi", "none", "--platform", platform, "--platform", "any", *pip_options, "-r", str(listed)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    listed.unlink()
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        raise NoBrowserWheel(errors[-1] if errors else (result.stderr.strip().splitlines() or ["pip failed"])[-1])


def read_wheel(path: Path) -> Wheel:
    """A wheel's name, version, Requires-Dist and top-level import names."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        metadata = next(n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        message = email.parser.BytesParser().parsebytes(zf.read(metadata), headersonly=True)
    top = set()
    for name in names:
        first = name.split("/")[0]
        if first.endswith((".dist-info", ".data")):
            continue
        if "/" in name:
            top.add(first)
        elif first.endswith((".py", ".so")):
            top.add(first.split(".")[0])
    return Wheel(path, message["Name"], message["Version"], tuple(message.get_all("Requires-Dist") or ()),
                 tuple(sorted(t for t in top if t.isidentifier())))
