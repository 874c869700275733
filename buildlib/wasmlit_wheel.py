"""runtime/wasmlit packed for the browser: no testing/, modules as .pyc (pycompile.py), in
two deterministic zips (wasmlit_split.py): the wheel, wasmlit-VERSION-py3-none-any.whl, with
what a first run needs, and the lazy archive, wasmlit-VERSION-lazy.zip.gz, with the rest.

Beside the wheel, the page's copy of it: wasmlit-core.zip.gz (CORE_ARCHIVE), the same files
in a stored zip compressed as one gzip stream, as the lazy archive is. A wheel deflates each
file on its own, so what the files share (names, the engine's vocabulary) is paid for again
in every one; one stream pays for it once, and is about a sixth smaller. The page fetches that copy at start
(web/python-start.js); the wheel stays for Pyodide's lock, loadPackage and the snapshot."""
from __future__ import annotations

import ast
import base64
import gzip
import hashlib
import io
import tomllib
import zipfile
from pathlib import Path

from .checkout import CACHE, PYODIDE_NPM, ROOT, RUNTIME
from .errors import BuildError
from .pycompile import HOST_ONLY, CompileError, browser_members
from .wasmlit_split import MANIFEST, lazy_archive_name, manifest, split

PYC_CACHE = CACHE / "pyc"  # the wheel's .pyc, compiled by Pyodide under Node
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CORE_ARCHIVE = "wasmlit-core.zip.gz"  # web/python-start.js fetches it under this name


def runtime_files():
    """runtime/wasmlit files that belong in the wheel (no caches, no dotfiles)."""
    for path in sorted(RUNTIME.rglob("*")):
        rel = path.relative_to(RUNTIME)
        skip = any(p == "__pycache__" or p.startswith(".") for p in rel.parts)
        if path.is_file() and not skip and path.suffix not in (".pyc", ".pyo"):
            yield path


def wasmlit_version() -> str:
    """WASMLIT_VERSION from runtime/wasmlit/__init__.py (wasmlit's own release; its
    __version__ is the Streamlit release it implements), read without importing it."""
    for node in ast.parse((RUNTIME / "__init__.py").read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "WASMLIT_VERSION" for t in node.targets):
            return ast.literal_eval(node.value)
    raise BuildError("runtime/wasmlit/__init__.py defines no WASMLIT_VERSION")


def write_zip(path, members: dict[str, bytes], compress_type: int = zipfile.ZIP_DEFLATED) -> None:
    """Write a deterministic zip of {arcname: bytes} to path (a file name or a binary file)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = compress_type
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=9)  # the smallest download


def write_one_stream_zip(path: Path, members: dict[str, bytes]) -> None:
    """{arcname: bytes} as a stored zip gzipped as a whole (deterministic: no time, no name)."""
    stored = io.BytesIO()
    write_zip(stored, members, zipfile.ZIP_STORED)
    path.write_bytes(gzip.compress(stored.getvalue(), compresslevel=9, mtime=0))


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def dist_info(version: str) -> dict[str, bytes]:
    """The wheel's METADATA, WHEEL and top_level.txt (RECORD is added last)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    info = f"wasmlit-{version}.dist-info"
    return {
        f"{info}/METADATA": (f"Metadata-Version: 2.1\nName: wasmlit\nVersion: {version}\n"
                             f"Summary: {project.get('description', '')}\n"
                             f"Requires-Python: {project.get('requires-python', '>=3.11')}\n").encode(),
        f"{info}/WHEEL": (b"Wheel-Version: 1.0\nGenerator: wasmlit build.py\n"
                          b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
        f"{info}/top_level.txt": b"wasmlit\n",
    }


def streamlit_version() -> str:
    """STREAMLIT_VERSION_STRING from runtime/wasmlit/version.py, read without importing it."""
    for node in ast.parse((RUNTIME / "version.py").read_text("utf-8")).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "STREAMLIT_VERSION_STRING":
            return ast.literal_eval(node.value)
    raise BuildError("runtime/wasmlit/version.py defines no STREAMLIT_VERSION_STRING")


def streamlit_dist_info() -> dict[str, bytes]:
    """Metadata saying the `streamlit` distribution is installed, at the release wasmlit
    implements: libraries and components ask `importlib.metadata.version("streamlit")`,
    and micropip then takes a requirement on streamlit as met instead of fetching it."""
    info = f"streamlit-{streamlit_version()}.dist-info"
    return {
        f"{info}/METADATA": (f"Metadata-Version: 2.1\nName: streamlit\nVersion: {streamlit_version()}\n"
                             "Summary: provided by wasmlit (import streamlit is wasmlit)\n").encode(),
        f"{info}/INSTALLER": b"wasmlit\n",
        f"{info}/top_level.txt": b"",
    }


def build_wasmlit_wheel(out_dir: Path, version: str) -> Path:
    """Pack runtime/wasmlit as wasmlit-<version>-py3-none-any.whl in out_dir, with the
    lazy archive (lazy_archive_name) and the page's one-stream copy (CORE_ARCHIVE) beside
    it; returns the wheel."""
    sources = {f"wasmlit/{p.relative_to(RUNTIME).as_posix()}": p.read_bytes() for p in runtime_files()}
    sources = {name: data for name, data in sources.items() if not name.startswith(HOST_ONLY)}
    in_wheel, lazy_modules = split(sources)
    try:  # the browser's: no testing/, modules as .pyc (buildlib/pycompile.py)
        compiled = browser_members(sources, PYODIDE_NPM, PYC_CACHE)
    except CompileError as e:
        raise BuildError(str(e)) from None
    source_of = {(name + "c" if name + "c" in compiled else name): name for name in sources}
    members = {name: data for name, data in compiled.items() if source_of[name] in in_wheel}
    lazy = {name: data for name, data in compiled.items() if source_of[name] not in in_wheel}
    archive = lazy_archive_name(version)
    write_one_stream_zip(out_dir / archive, lazy)
    members[MANIFEST] = manifest(archive, lazy_modules)
    members.update(dist_info(version))
    members.update(streamlit_dist_info())
    record = f"wasmlit-{version}.dist-info/RECORD"
    lines = [record_line(name, data) for name, data in members.items()] + [f"{record},,"]
    members[record] = ("\n".join(lines) + "\n").encode()
    wheel = out_dir / f"wasmlit-{version}-py3-none-any.whl"
    write_zip(wheel, members)
    write_one_stream_zip(out_dir / CORE_ARCHIVE, members)
    return wheel
