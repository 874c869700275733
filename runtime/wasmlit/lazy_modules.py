"""The modules the browser's wheel leaves out, fetched when an app first imports one.

The page ships wasmlit in two parts (buildlib/wasmlit_split.py): the wheel holds what a
first run needs; the lazy archive beside it holds every other module (charts, dataframes,
caching, ...). The wheel's wasmlit/lazy_modules.json names the archive and its modules.
`install(fetch)` puts a finder last on sys.meta_path: on the first import of one of those
modules it fetches the archive (`fetch(file name) -> bytes`, a synchronous request the
worker makes: see web/python-start.js), unpacks it beside the wheel's files and lets the
ordinary path finder import the module. Under CPython (tests, the build-time first run)
the package is whole and no manifest exists, so nothing is installed.
"""
from __future__ import annotations

import gzip
import importlib
import importlib.machinery
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Callable

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "lazy_modules.json"


def manifest() -> dict | None:
    """{"archive": file name, "modules": [dotted names]}, or None for a whole package."""
    try:
        return json.loads(MANIFEST.read_text("utf-8"))
    except FileNotFoundError:
        return None


def unpack(data: bytes, site_dir: Path) -> None:
    """Put the archive's files beside the wheel's (site_dir) and let imports see them. The
    archive is a zip gzipped as one stream, unless the server sent it with Content-Encoding:
    gzip and the browser unpacked it already."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(site_dir)
    refresh_path_caches()


def refresh_path_caches() -> None:
    """Let imports see files just written into sys.path's folders: what
    importlib.invalidate_caches() does for those, without the import of importlib.metadata
    it also makes (about 150 ms in a Python restored from the site's snapshot, where
    nothing has imported that module yet). web/python-start.js unpackZip does the same."""
    for finder in list(sys.path_importer_cache.values()):
        if finder is not None and hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()
    metadata = sys.modules.get("importlib.metadata")
    if metadata is not None:  # its cache of folder listings (importlib.metadata.version())
        finder = metadata.MetadataPathFinder
        try:
            finder.invalidate_caches()
        except TypeError:  # Python 3.11 declares it without @classmethod
            finder.invalidate_caches(finder)


class LazyModuleFinder:
    """A meta path finder for the lazy archive's modules: fetches and unpacks the archive
    at the first import of one of them, then finds it as the path finder does."""

    def __init__(self, archive: str, modules: list[str], fetch: Callable[[str], bytes],
                 site_dir: Path = PACKAGE_DIR.parent) -> None:
        self.archive = archive
        self.modules = frozenset(modules)
        self._fetch = fetch
        self._site_dir = site_dir
        self.unpacked = False

    def find_spec(self, name: str, path=None, target=None):
        if name not in self.modules:
            return None
        if not self.unpacked:
            try:
                data = self._fetch(self.archive)
            except Exception as exc:
                raise ModuleNotFoundError(
                    f"No module named '{name}': fetching {self.archive} failed ({exc})",
                    name=name) from None
            unpack(data, self._site_dir)
            self.unpacked = True
        return importlib.machinery.PathFinder.find_spec(name, path)

    def invalidate_caches(self) -> None:
        pass


def install(fetch: Callable[[str], bytes]) -> LazyModuleFinder | None:
    """Put the lazy archive's finder on sys.meta_path (last: the path finder goes first, so
    modules already unpacked import as usual); None when the package is whole."""
    found = manifest()
    if found is None:
        return None
    for finder in sys.meta_path:
        if isinstance(finder, LazyModuleFinder):
            return finder
    finder = LazyModuleFinder(found["archive"], found["modules"], fetch)
    sys.meta_path.append(finder)
    return finder
