"""wasmlit.lazy_modules: the browser fetches the modules its wheel leaves out on first import.

Here a stand-in package plays the browser's site-packages: its wheel part is on disk, its
lazy part in a zip that `fetch` hands over (the page's synchronous request, in the browser).
"""
from __future__ import annotations

import gzip
import importlib
import io
import sys
import zipfile

import pytest

from wasmlit import lazy_modules


def zip_of(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return out.getvalue()


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "lazypkg").mkdir()
    (tmp_path / "lazypkg" / "__init__.py").write_text("WHEEL = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield tmp_path
    for name in [m for m in sys.modules if m.split(".")[0] == "lazypkg"]:
        del sys.modules[name]


def finder_for(site, fetched: list, modules=("lazypkg.extra", "lazypkg.sub", "lazypkg.sub.deep")):
    archive = zip_of({"lazypkg/extra.py": "from . import sub\nVALUE = 42\n",
                      "lazypkg/sub/__init__.py": "", "lazypkg/sub/deep.py": "DEEP = 1\n"})

    def fetch(name):
        fetched.append(name)
        return archive
    finder = lazy_modules.LazyModuleFinder("lazypkg-lazy.zip", list(modules), fetch, site)
    sys.meta_path.append(finder)
    return finder


def test_a_lazy_module_is_fetched_once_on_first_import(site):
    fetched: list = []
    finder = finder_for(site, fetched)
    try:
        import lazypkg
        assert fetched == []  # the wheel's part imports without the archive
        from lazypkg import extra
        assert extra.VALUE == 42 and fetched == ["lazypkg-lazy.zip"]
        from lazypkg.sub import deep  # unpacked already: no second request
        assert deep.DEEP == 1 and fetched == ["lazypkg-lazy.zip"]
        assert (site / "lazypkg" / "extra.py").is_file() and lazypkg.WHEEL
    finally:
        sys.meta_path.remove(finder)


def test_a_name_not_in_the_archive_is_not_fetched(site):
    fetched: list = []
    finder = finder_for(site, fetched)
    try:
        with pytest.raises(ModuleNotFoundError):
            import lazypkg.missing  # noqa: F401
        assert fetched == []
    finally:
        sys.meta_path.remove(finder)


def test_a_failed_fetch_is_an_import_error_that_says_why(site):
    def fetch(name):
        raise OSError("HTTP 404")
    finder = lazy_modules.LazyModuleFinder("lazypkg-lazy.zip", ["lazypkg.extra"], fetch, site)
    sys.meta_path.append(finder)
    try:
        with pytest.raises(ModuleNotFoundError, match="fetching lazypkg-lazy.zip failed"):
            import lazypkg.extra  # noqa: F401
    finally:
        sys.meta_path.remove(finder)


def test_a_whole_package_installs_no_finder():
    # The checkout (CPython, AppTest, the build-time first run) has every module.
    assert lazy_modules.manifest() is None
    assert lazy_modules.install(lambda name: b"") is None
    assert not [f for f in sys.meta_path if isinstance(f, lazy_modules.LazyModuleFinder)]


@pytest.mark.parametrize("as_sent", ["gzipped", "unpacked by the browser"])
def test_the_archive_unpacks_as_built_or_as_a_browser_hands_it_over(site, as_sent):
    # Built as one gzip stream (wasmlit-VERSION-lazy.zip.gz); a host that sends it with
    # Content-Encoding: gzip has the browser hand over the zip itself.
    archive = zip_of({"lazypkg/extra.py": "VALUE = 7\n"})
    sent = gzip.compress(archive) if as_sent == "gzipped" else archive
    finder = lazy_modules.LazyModuleFinder("lazypkg-lazy.zip.gz", ["lazypkg.extra"], lambda name: sent, site)
    sys.meta_path.append(finder)
    try:
        from lazypkg import extra
        assert extra.VALUE == 7
    finally:
        sys.meta_path.remove(finder)


def test_refreshed_path_caches_see_new_files_without_importing_importlib_metadata(tmp_path):
    # In a fresh interpreter (pytest has imported importlib.metadata in this one): a module
    # written after its folder was listed imports once the caches are refreshed, and the
    # refresh leaves importlib.metadata unimported (150 ms in a restored Python).
    import subprocess
    script = f"""
import sys
sys.path.insert(0, {str(tmp_path)!r})
try:
    import late_module
except ImportError:
    pass
else:
    raise SystemExit("imported before it was written")
open({str(tmp_path / "late_module.py")!r}, "w").write("VALUE = 7\\n")
from wasmlit.lazy_modules import refresh_path_caches
assert "importlib.metadata" not in sys.modules, "imported before the refresh"
refresh_path_caches()
import late_module
print(late_module.VALUE, "importlib.metadata" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7", "False"]
