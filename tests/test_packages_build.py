"""What an app needs from Pyodide's distribution, and how build.py tells the page or ships it:
import scanning, the dependency closure, packages.json and the site lock online
(`--packages-url`) and offline (`--pyodide-packages` from a folder, an archive or a URL).
CPython, no browser; the offline distributions are stand-ins (tests/distribution_standin.py)."""
import base64
import functools
import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
import build  # noqa: E402
from buildlib.app_source import App, app_files, find_entry  # noqa: E402
from buildlib.checkout import DIST  # noqa: E402
from buildlib.dist import MICROPIP_SHA256  # noqa: E402
from buildlib.site import plan_packages  # noqa: E402
from buildlib.wasmlit_wheel import wasmlit_version  # noqa: E402
from buildlib import app_imports, pyodide_lock  # noqa: E402
from buildlib.hashed_names import site_path  # noqa: E402  (a site's files under their hashed names)
from distribution_standin import archive, pinned_lock, pure_module, tamper, write_standin  # noqa: E402

LOCK = pinned_lock()
CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
DATEUTIL_APP = "import streamlit as st\nfrom dateutil import parser\nst.write(parser.parse('2026-01-02').year)\n"


def run_build(*args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=600)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def read_json(path):
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def dist():
    proc = run_build()
    assert proc.returncode == 0, proc.stderr
    return DIST


@pytest.fixture(scope="module")
def standin(tmp_path_factory):
    """A distribution of the pinned version with python-dateutil and six (its dependency)."""
    return write_standin(tmp_path_factory.mktemp("standin") / "pyodide", {
        "python-dateutil": pure_module("dateutil", "from dateutil import parser\n"),
        "six": pure_module("six", "VALUE = 6\n")})


def scan(folder, notes=None):
    entry, folder = find_entry(folder)
    paths = app_imports.python_files(entry, folder, app_files(folder))
    return app_imports.app_imports(paths, app_imports.own_modules(folder), folder,
                                   [] if notes is None else notes)


def needed(folder):
    planned = plan_packages(App(*find_entry(folder), data=b""))
    return planned.load


# -- which packages an app needs -----------------------------------------------

def test_imports_anywhere_in_every_file_and_page_are_found(tmp_path):
    write(tmp_path / "app.py", "import streamlit as st\nimport os, json\nfrom pandas import DataFrame\n"
                               "def later():\n    import sklearn.linear_model\n"
                               "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"
                               "from . import sibling\nimport helpers\nfrom lib.tools import x\n")
    write(tmp_path / "pages" / "1_📈_Plot.py", "import matplotlib.pyplot as plt\nimport dateutil.parser\n")
    write(tmp_path / "helpers.py", "import importlib\nnp = importlib.import_module('numpy')\n")
    write(tmp_path / "lib" / "tools.py", "x = __import__('bs4')\n")
    names = [imp.name for imp in scan(tmp_path)]
    assert set(names) == {"os", "json", "pandas", "sklearn", "yaml", "matplotlib", "dateutil",
                          "importlib", "numpy", "bs4"}  # not streamlit, helpers, lib, the relative one
    first = {imp.name: imp.where for imp in scan(tmp_path)}
    assert first["sklearn"] == "app.py:5" and first["matplotlib"] == "pages/1_📈_Plot.py:1"


def test_a_file_that_does_not_parse_is_skipped_with_a_note(tmp_path):
    write(tmp_path / "app.py", "import pandas\n")
    write(tmp_path / "old_script.py", "print 'python 2'\nimport numpy\n")
    notes = []
    assert [imp.name for imp in scan(tmp_path, notes)] == ["pandas"]
    assert len(notes) == 1 and notes[0].startswith("old_script.py: not scanned for imports (SyntaxError")


def test_import_names_map_to_lock_keys_with_their_dependencies(tmp_path):
    write(tmp_path / "app.py", "import dateutil\nimport sklearn\nimport pydantic\nimport streamlit\n")
    load = needed(tmp_path)
    assert {"python-dateutil", "six", "scikit-learn", "scipy", "numpy", "joblib", "threadpoolctl",
            "pydantic", "pydantic-core", "typing-extensions"} <= set(load)
    assert load == sorted(load) and "micropip" not in load and "wasmlit" not in load


def test_the_closure_normalises_the_lock_names():
    assert LOCK["packages"]["pydantic"]["depends"][1] == "pydantic_core"  # the key is pydantic-core
    assert pyodide_lock.closure(LOCK, ["pydantic"]) == [
        "annotated-types", "pydantic", "pydantic-core", "typing-extensions", "typing-inspection"]
    pandas = pyodide_lock.closure(LOCK, ["pandas"])
    assert pandas == ["numpy", "pandas", "python-dateutil", "pytz", "six"]
    assert pyodide_lock.closure(LOCK, ["micropip"]) == []


def test_own_modules_and_the_browsers_stdlib_are_not_packages(tmp_path, capsys):
    write(tmp_path / "app.py", "import numpy\nimport sqlite3, zoneinfo, audioop\nimport utils\nimport no_such_mod\n")
    write(tmp_path / "utils.py", "")
    assert needed(tmp_path) == ["audioop-lts", "numpy"]  # audioop left the stdlib in 3.13
    err = capsys.readouterr().err
    assert "app.py:4 imports no_such_mod, which neither Pyodide's distribution nor requirements.txt" in err
    assert "utils" not in err and "sqlite3" not in err


# -- dist/ and online sites ----------------------------------------------------------

def test_dist_carries_the_whole_lock_and_the_default_packages_url(dist):
    assert read_json(dist / "packages.json") == {"packages_url": CDN, "load": [], "shipped": [], "bytes": {}}
    text = (dist / "pyodide" / "pyodide-lock.json").read_text()
    assert '": ' not in text and ", " not in text.split('"info"')[0]  # compact
    lock = json.loads(text)
    assert lock["info"] == LOCK["info"] and set(lock["packages"]) == set(LOCK["packages"]) | {"wasmlit"}
    assert all("tool" not in e and "unvendored_tests" not in e for e in lock["packages"].values())
    assert lock["packages"]["pandas"]["file_name"] == LOCK["packages"]["pandas"]["file_name"]
    assert lock["packages"]["micropip"]["sha256"] == MICROPIP_SHA256  # ours, not Pyodide's


def test_an_online_site_loads_what_the_app_imports_from_the_cdn(dist, tmp_path):
    write(tmp_path / "app.py", "import streamlit as st\nimport pandas as pd\n")
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    assert read_json(site_path(tmp_path / "site", "packages.json")) == {
        "packages_url": CDN, "load": ["numpy", "pandas", "python-dateutil", "pytz", "six"],
        "shipped": [], "bytes": {}}
    site_lock = read_json(site_path(tmp_path / "site", "pyodide/pyodide-lock.json"))
    site_lock["packages"]["wasmlit"]["file_name"] = f"wasmlit-{wasmlit_version()}-py3-none-any.whl"  # unhashed
    assert site_lock == read_json(dist / "pyodide" / "pyodide-lock.json")
    assert not list(site_path(tmp_path / "site", "pyodide/").glob("pandas-*"))


def test_an_app_that_needs_nothing_loads_nothing(dist, tmp_path):
    write(tmp_path / "app.py", "import streamlit as st\nimport json\nst.write(json.dumps(1))\n")
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    assert read_json(site_path(tmp_path / "site", "packages.json"))["load"] == []


@pytest.mark.parametrize("given, written", [("https://example.org/pyodide/v314/", "https://example.org/pyodide/v314/"),
                                            ("http://localhost:8001/dist", "http://localhost:8001/dist/"),
                                            ("packages/", "packages/"), ("../shared/pyodide", "../shared/pyodide/")])
def test_packages_url_goes_into_packages_json(dist, tmp_path, given, written):
    write(tmp_path / "app.py", DATEUTIL_APP)
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site", "--packages-url", given)
    assert proc.returncode == 0, proc.stderr
    manifest = read_json(site_path(tmp_path / "site", "packages.json"))
    assert manifest["packages_url"] == written and manifest["load"] == ["python-dateutil", "six"]


@pytest.mark.parametrize("url", ["ftp://example.org/x/", "file:///tmp/x/", "javascript:alert(1)", "//cdn.example/x/", ""])
def test_a_packages_url_that_is_not_http_or_a_path_exits_2(tmp_path, url):
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site", "--packages-url", url)
    assert proc.returncode == 2 and "--packages-url" in proc.stderr
    assert not (tmp_path / "site").exists()


# -- offline sites --------------------------------------------------------------------

def check_offline_site(site, standin):
    manifest = read_json(site_path(site, "packages.json"))
    lock = read_json(standin / "pyodide-lock.json")
    files = {key: lock["packages"][key]["file_name"] for key in ("python-dateutil", "six")}
    assert manifest == {"packages_url": None, "load": ["python-dateutil", "six"], "shipped": ["python-dateutil", "six"],
                        "bytes": {key: (standin / name).stat().st_size for key, name in files.items()}}
    site_lock = read_json(site_path(site, "pyodide/pyodide-lock.json"))
    for key, name in files.items():
        assert site_path(site, f"pyodide/{name}").read_bytes() == (standin / name).read_bytes()
        assert site_lock["packages"][key] == {k: v for k, v in lock["packages"][key].items()
                                              if k not in ("tool", "unvendored_tests")}
    assert site_lock["packages"]["pandas"] == read_json(DIST / "pyodide" / "pyodide-lock.json")["packages"]["pandas"]
    assert sorted(p.name for p in site_path(site, "pyodide/").glob("*.whl")) == sorted(
        [*files.values(), "micropip-0.11.1-py3-none-any.whl", site_lock["packages"]["wasmlit"]["file_name"]])
    assert site_lock["packages"]["wasmlit"]["file_name"].startswith(f"wasmlit-{wasmlit_version()}-0.")  # hashed


@pytest.mark.parametrize("kind", ["folder", "tar.bz2", "zip", "file-url"])
def test_an_offline_site_ships_exactly_the_needed_packages(dist, standin, tmp_path, kind):
    write(tmp_path / "app.py", DATEUTIL_APP)
    source = {"folder": standin, "file-url": standin.as_uri(),
              "tar.bz2": archive(standin, tmp_path / "pyodide-314.0.7.tar.bz2"),
              "zip": archive(standin, tmp_path / "pyodide-314.0.7.zip")}[kind]
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site", "--pyodide-packages", source)
    assert proc.returncode == 0, proc.stderr
    check_offline_site(tmp_path / "site", standin)


def test_an_offline_site_from_an_http_url(dist, standin, tmp_path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(standin.parent))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        write(tmp_path / "app.py", DATEUTIL_APP)
        url = f"http://127.0.0.1:{server.server_address[1]}/{standin.name}/"
        proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site", "--pyodide-packages", url)
    finally:
        server.shutdown()
        server.server_close()
    assert proc.returncode == 0, proc.stderr
    check_offline_site(tmp_path / "site", standin)


def test_a_one_file_page_carries_the_shipped_packages(dist, standin, tmp_path):
    write(tmp_path / "app.py", DATEUTIL_APP)
    out = tmp_path / "one.html"
    proc = run_build("--app", tmp_path / "app.py", "--single-file", out, "--pyodide-packages", standin)
    assert proc.returncode == 0, proc.stderr
    page = out.read_text()
    start = page.index('<script type="application/json" id="wasmlit-assets">')
    assets = json.loads(page[page.index(">", start) + 1:page.index("</script>", start)])
    wheel = read_json(standin / "pyodide-lock.json")["packages"]["six"]["file_name"]
    assert base64.b64decode(assets[f"pyodide/{wheel}"][1]) == (standin / wheel).read_bytes()
    assert json.loads(base64.b64decode(assets["packages.json"][1]))["shipped"] == ["python-dateutil", "six"]


@pytest.fixture
def previous_site(dist, tmp_path):
    """A site already in place, which a failed build must leave as it is."""
    write(tmp_path / "app.py", DATEUTIL_APP)
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "site", sorted(p.relative_to(tmp_path) for p in (tmp_path / "site").rglob("*"))


def assert_untouched(previous_site):
    site, before = previous_site
    assert sorted(p.relative_to(site.parent) for p in site.rglob("*")) == before
    assert read_json(site_path(site, "packages.json"))["packages_url"] == CDN
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.")]  # no temp dirs left


def failed_build(tmp_path, source, app=DATEUTIL_APP):
    write(tmp_path / "app.py", app)
    return run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site", "--pyodide-packages", source)


def test_a_needed_package_the_distribution_lacks_exits_2_naming_it(previous_site, standin, tmp_path):
    proc = failed_build(tmp_path, standin, DATEUTIL_APP + "import numpy\n")  # the stand-in has no numpy wheel
    assert proc.returncode == 2 and "numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl (package numpy)" in proc.stderr
    assert_untouched(previous_site)
    lock = read_json(standin / "pyodide-lock.json")
    del lock["packages"]["six"]
    other = write_standin(tmp_path / "without-six", {"python-dateutil": pure_module("dateutil", "")})
    (other / "pyodide-lock.json").write_text(json.dumps(lock))
    proc = failed_build(tmp_path, other)
    assert proc.returncode == 2 and "has no package six in its pyodide-lock.json" in proc.stderr
    assert_untouched(previous_site)


def test_a_tampered_wheel_exits_2_naming_the_file(previous_site, tmp_path):
    standin = write_standin(tmp_path / "tampered", {"python-dateutil": pure_module("dateutil", ""),
                                                     "six": pure_module("six", "")})
    wheel = tamper(standin, "six")
    proc = failed_build(tmp_path, archive(standin, tmp_path / "pyodide-314.0.7.zip"))
    assert proc.returncode == 2 and f"{wheel.name} in " in proc.stderr and "does not match" in proc.stderr
    assert_untouched(previous_site)


def test_a_distribution_of_another_version_exits_2_naming_both(previous_site, tmp_path):
    files = {"python-dateutil": pure_module("dateutil", ""), "six": pure_module("six", "")}
    older = write_standin(tmp_path / "older", files, version="0.27.0")
    proc = failed_build(tmp_path, older)
    assert proc.returncode == 2 and "Pyodide 0.27.0" in proc.stderr and "314.0.7" in proc.stderr
    assert_untouched(previous_site)
    other_abi = write_standin(tmp_path / "abi", files, info={**LOCK["info"], "abi_version": "2025_0"})
    proc = failed_build(tmp_path, archive(other_abi, tmp_path / "other.tar.bz2"))
    assert proc.returncode == 2 and "ABI 2025_0" in proc.stderr and "ABI 2026_0" in proc.stderr
    assert_untouched(previous_site)


def test_a_source_that_is_no_distribution_exits_2(previous_site, tmp_path):
    (tmp_path / "empty").mkdir()
    proc = failed_build(tmp_path, tmp_path / "empty")
    assert proc.returncode == 2 and "holds no pyodide-lock.json" in proc.stderr
    proc = failed_build(tmp_path, tmp_path / "nowhere.tar.bz2")
    assert proc.returncode == 2 and "nowhere.tar.bz2: no such file or folder" in proc.stderr
    assert_untouched(previous_site)


def test_packages_url_and_pyodide_packages_are_checked():
    for argv in (["--app", "a.py", "--out", "o", "--packages-url", "x/", "--pyodide-packages", "d"],
                 ["--pyodide-packages", "d"], ["--packages-url", "https://x/"]):
        with pytest.raises(SystemExit) as exit_info:
            build.parse_args(argv)
        assert exit_info.value.code == 2
    args = build.parse_args(["--app", "a.py", "--dev", "--pyodide-packages", "dist.tar.bz2"])
    assert args.pyodide_packages == "dist.tar.bz2" and args.packages_url is None
    assert build.parse_args(["--serve", "--packages-url", "https://x/y"]).packages_url == "https://x/y/"
