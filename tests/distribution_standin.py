"""A stand-in for Pyodide's package distribution, written by tests.

Pyodide publishes its package builds (numpy, pandas, ...) on its CDN and in a release archive
per version; neither can be reached from these machines. A stand-in has the same layout: a
folder holding `pyodide-lock.json` (a copy of the lock of the pinned npm package, so its
`info` and every other entry are the real ones), a `package.json` naming the Pyodide version,
and wheels for a few packages that the test writes itself. Their lock entries are rewritten
to match (file name and sha256), so a site built from the stand-in, or a page routed to it,
loads them exactly as it would load Pyodide's own files.

    dist = write_standin(tmp / "dist", {"six": pure_module("six", "VALUE = 6")})
    dist = write_standin(tmp / "dist", {...}, version="0.27.0")   # another Pyodide release
    tamper(dist, "six")                                             # bytes no longer match
    archive(dist, tmp / "pyodide-314.0.7.tar.bz2")                  # as Pyodide ships it
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PINNED_NPM = ROOT / "node_modules" / "pyodide"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def pinned_lock() -> dict:
    """The lock the pinned npm package ships (node_modules/ is filled by build.py)."""
    return json.loads((PINNED_NPM / "pyodide-lock.json").read_text("utf-8"))


def pinned_version() -> str:
    return json.loads((PINNED_NPM / "package.json").read_text("utf-8"))["version"]


def pure_module(import_name: str, source: str) -> dict[str, str]:
    """The files of a one-module package: {path in the wheel: text}."""
    return {f"{import_name}/__init__.py": source}


def build_wheel(folder: Path, name: str, version: str, files: dict[str, str | bytes],
                tag: str = "py3-none-any") -> Path:
    """A wheel named as pip would name it, holding `files` and valid dist-info."""
    dist = name.replace("-", "_")
    wheel = folder / f"{dist}-{version}-{tag}.whl"
    info = f"{dist}-{version}.dist-info"
    members = {path: data.encode() if isinstance(data, str) else data for path, data in files.items()}
    members[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    members[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: wasmlit-tests\nRoot-Is-Purelib: true\n"
                                f"Tag: {tag}\n").encode()
    record = []
    for path, data in members.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    members[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(members):
            zf.writestr(zipfile.ZipInfo(path, ZIP_DATE), members[path])
    return wheel


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_standin(folder: Path, packages: dict[str, dict[str, str | bytes]] | None = None,
                  wheels: dict[str, Path] | None = None, version: str | None = None,
                  info: dict | None = None) -> Path:
    """A Pyodide distribution in `folder`.

    packages: lock key -> files of a wheel the stand-in builds for it (the entry keeps its
      version, imports and depends from the pinned lock; the key must be in that lock).
    wheels: lock key -> a wheel file to ship as that package (e.g. msgpack's real build for
      Pyodide, downloaded from PyPI).
    version: the Pyodide version package.json names (default: the pinned one).
    info: replaces the lock's "info" (e.g. another ABI).
    """
    folder.mkdir(parents=True, exist_ok=True)
    lock = pinned_lock()
    for key, files in (packages or {}).items():
        entry = lock["packages"][key]
        wheel = build_wheel(folder, entry["name"], entry["version"], files)
        entry.update(file_name=wheel.name, sha256=sha256_of(wheel))
    for key, source in (wheels or {}).items():
        entry = lock["packages"][key]
        wheel = folder / source.name
        shutil.copy2(source, wheel)
        entry.update(file_name=wheel.name, sha256=sha256_of(wheel), version=wheel.name.split("-")[1])
    if info is not None:
        lock["info"] = info
    (folder / "pyodide-lock.json").write_text(json.dumps(lock, indent=1) + "\n", "utf-8")
    (folder / "package.json").write_text(json.dumps(
        {"name": "pyodide", "version": version or pinned_version()}) + "\n", "utf-8")
    return folder


def tamper(folder: Path, key: str) -> Path:
    """Change the bytes of the wheel the lock lists for `key` (its sha256 no longer matches)."""
    lock = json.loads((folder / "pyodide-lock.json").read_text("utf-8"))
    wheel = folder / lock["packages"][key]["file_name"]
    with zipfile.ZipFile(wheel, "a") as zf:
        zf.writestr(zipfile.ZipInfo("tampered.txt", ZIP_DATE), b"not what the lock lists")
    return wheel


def archive(folder: Path, out: Path) -> Path:
    """The distribution as Pyodide releases it: everything under a top-level pyodide/
    folder, in a .tar.bz2 or a .zip (by out's suffix)."""
    if out.name.endswith(".tar.bz2"):
        with tarfile.open(out, "w:bz2") as tar:
            tar.add(folder, arcname="pyodide")
    elif out.suffix == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    zf.write(path, "pyodide/" + path.relative_to(folder).as_posix())
    else:
        raise ValueError(f"unknown archive type: {out}")
    return out


def download_pyodide_wheel(name: str, dest: Path) -> Path:
    """A real wheel built for Pyodide (platform pyemscripten_2026_0_wasm32), from PyPI."""
    import subprocess
    import sys
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--only-binary=:all:", "--platform", "pyemscripten_2026_0_wasm32",
                    "--python-version", "3.14", "--abi", "cp314", "--implementation", "cp",
                    "-d", str(dest), name], check=True)
    return next(dest.glob(f"{name.replace('-', '_')}-*.whl"))


__all__ = ["archive", "build_wheel", "download_pyodide_wheel", "pinned_lock", "pinned_version",
           "pure_module", "sha256_of", "tamper", "write_standin"]
