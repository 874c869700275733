"""Tests for build.py: dist/ contents, the wasmlit wheel, and `--app`/`--serve`.

Runs on CPython without a browser. dist/ is built once per module; the first run
on a fresh checkout also does `npm ci` and downloads micropip (cached after).
"""
import base64
import csv
import gzip
import hashlib
import html.parser
import io
import json
import os
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
EXAMPLE = ROOT / "examples" / "seed_counts.py"
sys.path.insert(0, str(ROOT))
from buildlib.checkout import PYODIDE_NPM, RUNTIME, WEB, build_into  # noqa: E402
from buildlib.dist import PYODIDE_FILES, STAMP, web_files  # noqa: E402
from buildlib.errors import BuildError  # noqa: E402
from buildlib.hashed_names import read_names, site_path  # noqa: E402
from buildlib.wasmlit_wheel import CORE_ARCHIVE, build_wasmlit_wheel, wasmlit_version  # noqa: E402


def run_build(*args, timeout=600):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def dist():
    proc = run_build()
    assert proc.returncode == 0, proc.stderr
    return DIST


@pytest.fixture(scope="module")
def lock(dist):
    return json.loads((dist / "pyodide" / "pyodide-lock.json").read_text())


@pytest.fixture(scope="module")
def wheel(dist):
    return dist / "pyodide" / f"wasmlit-{wasmlit_version()}-py3-none-any.whl"


# -- dist/ -------------------------------------------------------------------

def test_dist_has_pyodide_runtime_and_bundle(dist):
    for name in PYODIDE_FILES:
        assert (dist / "pyodide" / name).read_bytes() == (PYODIDE_NPM / name).read_bytes()
    assert not list((dist / "pyodide").glob("*.map"))
    assert "markdownit" in (dist / "markdown.js").read_text()
    # Our JS is two bundles, the page's (with its chunks, buildlib/lazy_chunks.py) and the
    # Python worker's (with source maps that between them name every module), and one
    # stylesheet.
    bundles = {}
    for bundle in ("wasmlit.js", "python-worker.js"):
        maps = [dist / f"{bundle}.map"] + (sorted((dist / "chunks").glob("*.js.map")) if bundle == "wasmlit.js" else [])
        bundles[bundle] = {Path(source).name for m in maps for source in json.loads(m.read_text())["sources"]}
    for path in web_files():
        if path.suffix == ".js":
            assert path.name in bundles["wasmlit.js"] | bundles["python-worker.js"], path
            assert not (dist / path.relative_to(WEB)).exists() or path.name in bundles
    # The page's bundle never carries the worker's start-up code, nor the worker the renderer.
    assert "python-start.js" not in bundles["wasmlit.js"]
    assert "render.js" not in bundles["python-worker.js"]
    css = (dist / "wasmlit.css").read_text("utf-8")
    assert css.startswith(".wl-app,")  # the theme (web/wasmlit.css) comes first
    assert ".wl-app .token.punctuation{" in css  # web/styles/*.css follow, minified


def test_wheel_is_valid_and_record_hashes_match(wheel):
    version = wasmlit_version()
    info = f"wasmlit-{version}.dist-info"
    with zipfile.ZipFile(wheel) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        record = list(csv.reader(io.StringIO(zf.read(f"{info}/RECORD").decode())))
        assert sorted(row[0] for row in record) == sorted(names)
        for name, digest, size in record:
            if name == f"{info}/RECORD":
                assert digest == size == ""
                continue
            data = zf.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(data), name
        wheel_meta = zf.read(f"{info}/WHEEL").decode()
        metadata = zf.read(f"{info}/METADATA").decode()
        top_level = zf.read(f"{info}/top_level.txt").decode()
    assert "Root-Is-Purelib: true" in wheel_meta and "Tag: py3-none-any" in wheel_meta
    assert "Name: wasmlit" in metadata and f"Version: {version}" in metadata
    assert top_level.split() == ["wasmlit"]
    assert "wasmlit/__init__.pyc" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith((".py", ".pyo"))]
    # and metadata saying streamlit is installed (wasmlit is `import streamlit`)
    assert all(n.startswith(("wasmlit/", f"{info}/", "streamlit-1.50.0.dist-info/")) for n in names)
    with zipfile.ZipFile(wheel) as zf:
        streamlit_meta = zf.read("streamlit-1.50.0.dist-info/METADATA").decode()
    assert "Name: streamlit\nVersion: 1.50.0\n" in streamlit_meta


def test_wheel_holds_every_runtime_module_but_the_host_only_testing_and_command(wheel):
    # Each module once: in the wheel (what a first run needs) or in the lazy archive beside
    # it, which the wheel's wasmlit/lazy_modules.json names with its modules.
    host_only = ("testing", "cli.py", "__main__.py")
    expected = {f"wasmlit/{p.relative_to(RUNTIME).as_posix()}c"
                for p in RUNTIME.rglob("*.py") if "__pycache__" not in p.parts
                and p.relative_to(RUNTIME).parts[0] not in host_only}
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("wasmlit/lazy_modules.json"))
    assert manifest["archive"] == f"wasmlit-{wasmlit_version()}-lazy.zip.gz"
    # a stored zip gzipped as one stream, as the page's copy of the wheel
    with zipfile.ZipFile(io.BytesIO(gzip.decompress((wheel.parent / manifest["archive"]).read_bytes()))) as zf:
        assert zf.testzip() is None
        lazy = set(zf.namelist())
    assert expected <= names | lazy and not names & lazy
    assert all(n.endswith(".pyc") for n in lazy)
    as_module = {n[:-4].removesuffix("/__init__").replace("/", ".") for n in lazy}
    assert as_module == set(manifest["modules"])
    for needed in ("wasmlit/__init__.pyc", "wasmlit/bridge.pyc", "wasmlit/session.pyc",
                   "wasmlit/lazy_modules.pyc", "wasmlit/elements/text.pyc"):
        assert needed in names
    for left_out in ("wasmlit/elements/charts.pyc", "wasmlit/caching/api.pyc"):
        assert left_out in lazy
    assert not [n for n in names | lazy
                if n.startswith(("wasmlit/testing/", "wasmlit/cli.", "wasmlit/__main__."))]


def test_wheel_modules_are_pyc_for_the_browsers_python(wheel):
    # Sourceless .pyc compiled by Pyodide's Python (3.14's magic number), unchecked-hash
    # headers, code objects naming their installed path in site-packages.
    import marshal
    with zipfile.ZipFile(wheel) as zf:
        data = zf.read("wasmlit/__init__.pyc")
    assert 3600 <= int.from_bytes(data[:2], "little") < 3700 and data[2:4] == b"\r\n"  # 3.14's
    assert int.from_bytes(data[4:8], "little") == 0b01  # hash-based, unchecked
    if sys.version_info[:2] == (3, 14):
        code = marshal.loads(data[16:])
        assert code.co_filename == "/lib/python3.14/site-packages/wasmlit/__init__.py"


def test_wheel_pyc_are_cached_by_source(tmp_path, wheel, monkeypatch):
    # A rebuild compiles nothing it compiled before: Node is not even started.
    monkeypatch.setattr("buildlib.pycompile._run_compiler",
                        lambda *a: pytest.fail("recompiled an unchanged module"))
    (tmp_path / "b").mkdir()
    again = build_wasmlit_wheel(tmp_path / "b", wasmlit_version())
    assert again.read_bytes() == wheel.read_bytes()


def test_dist_has_a_snapshot_unless_told_not_to(dist):
    # snapshot.bin.gz (buildlib/snapshot.py; WASMLIT_SNAPSHOT=0 leaves it out); startup.json
    # tells the page, with the wasm trampoline it installs after restoring it.
    manifest = json.loads((dist / "startup.json").read_text())
    assert manifest["snapshot"] == "snapshot.bin.gz" and manifest["trampoline"].startswith("0061736d")
    assert (dist / "snapshot.bin.gz").read_bytes()[:2] == b"\x1f\x8b"


def test_wheel_is_deterministic(tmp_path, wheel):
    (tmp_path / "a").mkdir()
    again = build_wasmlit_wheel(tmp_path / "a", wasmlit_version())
    assert again.read_bytes() == wheel.read_bytes()
    assert (tmp_path / "a" / CORE_ARCHIVE).read_bytes() == (wheel.parent / CORE_ARCHIVE).read_bytes()


def test_the_page_copy_of_the_wheel_holds_its_files_in_one_gzip_stream(wheel):
    # wasmlit-core.zip.gz, which the page fetches (web/python-start.js): a stored zip of the
    # wheel's very files, gzipped as a whole, smaller than the wheel's per-file deflate.
    core = (wheel.parent / CORE_ARCHIVE).read_bytes()
    stored = zipfile.ZipFile(io.BytesIO(gzip.decompress(core)))
    with zipfile.ZipFile(wheel) as zf:
        assert {i.filename: zf.read(i) for i in zf.infolist()} == {i.filename: stored.read(i) for i in stored.infolist()}
    assert {i.compress_type for i in stored.infolist()} == {zipfile.ZIP_STORED}
    assert len(core) < 0.9 * wheel.stat().st_size


def test_lock_lists_our_wheels_with_correct_hashes(dist, lock):
    upstream = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())
    assert lock["info"] == upstream["info"]
    assert set(lock["packages"]) == set(upstream["packages"]) | {"wasmlit"}  # every package, for the page
    for name in ("micropip", "wasmlit"):
        entry = lock["packages"][name]
        path = dist / "pyodide" / entry["file_name"]
        assert entry["sha256"] == sha256(path), name
        assert set(entry) == set(upstream["packages"]["micropip"]) - {"tool", "unvendored_tests"}, name
        assert entry["name"] == name and entry["imports"] == [name] and entry["depends"] == []
        assert entry["install_dir"] == "site" and entry["package_type"] == "package"
    assert lock["packages"]["wasmlit"]["version"] == wasmlit_version()
    assert lock["packages"]["micropip"]["version"] == upstream["packages"]["micropip"]["version"]


def test_dist_is_reused_when_up_to_date(dist):
    before = (dist / STAMP).stat().st_mtime_ns
    proc = run_build()
    assert proc.returncode == 0 and "wrote dist" not in proc.stderr
    assert (dist / STAMP).stat().st_mtime_ns == before


# -- --app -------------------------------------------------------------------

def write(path, data):
    path.write_bytes(data)
    return path


BAD_APPS = {
    "missing": (lambda d: d / "nope.py", "not found"),
    "directory": (lambda d: (d / "pkg.py").mkdir() or d / "pkg.py", "directory"),
    "syntax": (lambda d: write(d / "broken.py", b"x = 1\ndef f(:\n"), "broken.py:2: SyntaxError"),
    "non_utf8": (lambda d: write(d / "latin.py", b"s = '\xe9t\xe9'\n"), "not UTF-8"),
    "null_byte": (lambda d: write(d / "nul.py", b"x = 1\x00\n"), "null bytes"),
}


@pytest.mark.parametrize("case", sorted(BAD_APPS))
def test_bad_app_exits_2_and_writes_nothing(dist, tmp_path, case):
    make, message = BAD_APPS[case]
    app = make(tmp_path)
    before = set(tmp_path.iterdir())
    proc = run_build("--app", app, "--out", tmp_path / "site")
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert set(tmp_path.iterdir()) == before


def test_out_that_is_a_file_exits_2(dist, tmp_path):
    out = write(tmp_path / "site", b"keep me")
    proc = run_build("--app", EXAMPLE, "--out", out)
    assert proc.returncode == 2 and "not a directory" in proc.stderr
    assert out.read_bytes() == b"keep me" and set(tmp_path.iterdir()) == {out}


def test_out_that_is_some_other_directory_is_not_replaced(dist, tmp_path):
    write(tmp_path / "notes.txt", b"mine")
    proc = run_build("--app", EXAMPLE, "--out", tmp_path)
    assert proc.returncode == 2 and "refusing" in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


class UrlCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.inline_scripts, self.in_script = [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [attrs[a] for a in ("src", "href") if a in attrs]
        # A JSON data block (the first paint) never runs: the Content-Security-Policy allows it.
        self.in_script = tag == "script" and attrs.get("type") != "application/json"
        if self.in_script and "src" not in attrs:
            self.inline_scripts += 1

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.inline_scripts += 1


def test_good_app_writes_self_contained_site(dist, wheel, tmp_path):
    out = tmp_path / "site"
    proc = run_build("--app", EXAMPLE, "--out", out)
    assert proc.returncode == 0, proc.stderr
    # The app keeps its name, as Streamlit runs it (its __file__, the component names).
    assert (out / EXAMPLE.name).read_bytes() == EXAMPLE.read_bytes()
    site_lock = json.loads(site_path(out, "pyodide/pyodide-lock.json").read_bytes())
    site_wheel = site_path(out, f"pyodide/{site_lock['packages']['wasmlit']['file_name']}")
    assert site_wheel.read_bytes() == wheel.read_bytes()  # renamed by its hash, else the same
    site_lock["packages"]["wasmlit"]["file_name"] = wheel.name
    assert site_lock == json.loads((dist / "pyodide" / "pyodide-lock.json").read_bytes())
    assert not (out / "sites").exists() and not (out / STAMP).exists()
    page = (out / "index.html").read_text()
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "<title>seed_counts</title>" in page and '<div data-wasmlit-app="seed_counts.py"></div>' in page
    assert '<script type="application/json" id="wasmlit-first-paint">' in page  # its first run
    parser = UrlCollector()
    parser.feed(page)
    assert parser.inline_scripts == 0
    names = read_names(out)
    assert names["wasmlit.js"] in parser.urls and names["wasmlit.css"] in parser.urls
    for url in parser.urls:
        assert url.startswith("data:") or ("://" not in url and not url.startswith("/")), url
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_app_replaces_a_previous_site(dist, tmp_path):
    out = tmp_path / "site"
    assert run_build("--app", EXAMPLE, "--out", out).returncode == 0
    (out / "stale.txt").write_text("old")
    other = ROOT / "examples" / "seed_balloons.py"
    assert run_build("--app", other, "--out", out).returncode == 0
    assert not (out / "stale.txt").exists()
    assert (out / other.name).read_bytes() == other.read_bytes()
    assert not (out / EXAMPLE.name).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("name", ["my app #2.py", "report.20240601.py"])  # quoted; looks hashed
def test_an_app_whose_name_a_url_would_quote_is_app_py_in_the_site(dist, tmp_path, name):
    app = tmp_path / name
    app.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "site"
    assert run_build("--app", app, "--out", out, "--no-prerender").returncode == 0
    assert (out / "app.py").read_bytes() == EXAMPLE.read_bytes()
    assert '<div data-wasmlit-app="app.py"></div>' in (out / "index.html").read_text()


# -- --serve -----------------------------------------------------------------

def test_serve_builds_sites_and_serves_them(dist):
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--serve", "--port", "0", EXAMPLE],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("Serving wasmlit examples at http://127.0.0.1:"), line
        base = line.split(" at ")[1].strip()
        with urllib.request.urlopen(base, timeout=10) as r:
            assert 'href="seed_counts/"' in r.read().decode()
        for path, mime in [("seed_counts/pyodide/pyodide.asm.wasm", "application/wasm"),
                           ("seed_counts/pyodide/pyodide.mjs", "text/javascript"),
                           ("seed_counts/markdown.js", "text/javascript")]:
            with urllib.request.urlopen(base + path, timeout=10) as r:
                assert r.headers.get_content_type() == mime, path
                # cross-origin isolation (README "Cross-origin isolation") on every file
                assert r.headers["Cross-Origin-Opener-Policy"] == "same-origin", path
                assert r.headers["Cross-Origin-Embedder-Policy"] == "credentialless", path
                assert r.headers["Cross-Origin-Resource-Policy"] == "same-origin", path
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
    assert sorted(p.name for p in (DIST / "sites").iterdir()) == ["index.html", "seed_counts"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_app_exits_2(dist, tmp_path):
    app = write(tmp_path / "secret.py", b"x = 1\n")
    app.chmod(0)
    proc = run_build("--app", app, "--out", tmp_path / "site")
    assert proc.returncode == 2 and "cannot read" in proc.stderr


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_an_app_that_cannot_be_read_exits_2_even_as_root(dist, tmp_path):
    app = tmp_path / "app.py"
    app.symlink_to("/proc/self/mem")  # reading it from offset 0 fails with EIO, even for root
    proc = run_build("--app", app, "--out", tmp_path / "site")
    assert proc.returncode == 2 and "cannot read app file" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]


def test_out_below_a_file_exits_2_with_a_clear_message(dist, tmp_path):
    blocker = write(tmp_path / "blocker", b"keep me")
    proc = run_build("--app", EXAMPLE, "--out", blocker / "site")
    assert proc.returncode == 2 and f"{blocker} is not a directory" in proc.stderr, proc.stderr
    assert blocker.read_bytes() == b"keep me" and set(tmp_path.iterdir()) == {blocker}


@pytest.mark.parametrize("case", ["syntax", "non_utf8"])
def test_a_refused_app_leaves_the_previous_site_untouched(dist, tmp_path, case):
    out = tmp_path / "site"
    assert run_build("--app", EXAMPLE, "--out", out).returncode == 0
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*")}
    work = tmp_path / "work"
    work.mkdir()
    proc = run_build("--app", BAD_APPS[case][0](work), "--out", out)
    assert proc.returncode == 2
    assert {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*")} == before
    assert (out / EXAMPLE.name).read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "work"]


def test_a_build_failing_midway_leaves_neither_a_half_site_nor_temp_files(tmp_path):
    def half_then_fail(tmp):
        (tmp / "index.html").write_text("half")
        raise BuildError("disk full")

    fresh, old = tmp_path / "fresh", tmp_path / "old"
    with pytest.raises(BuildError):
        build_into(fresh, half_then_fail)
    assert not fresh.exists()
    old.mkdir()
    (old / "index.html").write_text("previous site")
    with pytest.raises(BuildError):
        build_into(old, half_then_fail)
    assert (old / "index.html").read_text() == "previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old"]


# -- secrets.toml --------------------------------------------------------------

APP_SOURCE = b"import streamlit as st\nst.write(st.secrets['greeting'])\n"


def test_app_secrets_toml_goes_into_the_site_and_is_announced(dist, tmp_path):
    app = write(tmp_path / "app_with_secrets.py", APP_SOURCE)
    (tmp_path / ".streamlit").mkdir()
    secrets = write(tmp_path / ".streamlit" / "secrets.toml", b'greeting = "hi"\n[db]\nuser = "me"\n')
    write(tmp_path / "secrets.toml", b'greeting = "loses to .streamlit/secrets.toml"\n')
    out = tmp_path / "site"
    proc = run_build("--app", app, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "secrets.toml").read_bytes() == secrets.read_bytes()
    page = (out / "index.html").read_text()
    assert '<div data-wasmlit-app="app_with_secrets.py" data-wasmlit-secrets="secrets.toml"></div>' in page


def test_secrets_toml_beside_the_app_is_used_too(dist, tmp_path):
    app = write(tmp_path / "plain.py", APP_SOURCE)
    secrets = write(tmp_path / "secrets.toml", b'greeting = "hello"\n')
    out = tmp_path / "site"
    assert run_build("--app", app, "--out", out).returncode == 0
    assert (out / "secrets.toml").read_bytes() == secrets.read_bytes()
    assert 'data-wasmlit-secrets="secrets.toml"' in (out / "index.html").read_text()


def test_app_without_secrets_gets_no_secrets_file_nor_marker(dist, tmp_path):
    out = tmp_path / "site"
    assert run_build("--app", EXAMPLE, "--out", out).returncode == 0
    assert not (out / "secrets.toml").exists()
    assert "data-wasmlit-secrets" not in (out / "index.html").read_text()


def test_invalid_secrets_toml_exits_2_and_writes_nothing(dist, tmp_path):
    app = write(tmp_path / "app.py", APP_SOURCE)
    write(tmp_path / "secrets.toml", b"greeting = \n")
    before = set(tmp_path.iterdir())
    proc = run_build("--app", app, "--out", tmp_path / "site")
    assert proc.returncode == 2
    assert "secrets.toml is not a valid TOML file" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert set(tmp_path.iterdir()) == before


# -- multi-file apps -----------------------------------------------------------

def make_app_folder(folder, entry="app.py"):
    """An app folder with a module, a data file, caches and dotfiles that must be skipped."""
    (folder / "data").mkdir(parents=True)
    write(folder / entry, b"import helpers\nprint(open('data/cities.csv').read())\n")
    write(folder / "helpers.py", b"X = 1\n")
    write(folder / "data" / "cities.csv", b"name\nOslo\n")
    (folder / "__pycache__").mkdir()
    write(folder / "__pycache__" / "helpers.cpython-311.pyc", b"\0")
    write(folder / "stale.pyc", b"\0")
    (folder / ".git").mkdir()
    write(folder / ".git" / "HEAD", b"ref\n")
    write(folder / ".env", b"TOKEN=x\n")
    (folder / ".streamlit").mkdir()
    write(folder / ".streamlit" / "secrets.toml", b'greeting = "hi"\n')
    return folder


def test_app_folder_ships_its_files_with_a_manifest(dist, tmp_path):
    folder = make_app_folder(tmp_path / "myapp")
    out = tmp_path / "site"
    proc = run_build("--app", folder, "--out", out)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((out / "files.json").read_text())
    assert manifest == {"entry": "app.py", "files": [
        ".streamlit/secrets.toml", "app.py", "data/cities.csv", "helpers.py"]}
    for rel in manifest["files"]:
        assert (out / "app" / rel).read_bytes() == (folder / rel).read_bytes()
    assert not (out / "app" / ".env").exists() and not (out / "app" / "__pycache__").exists()
    assert not (out / "app.py").exists()
    assert (out / "secrets.toml").read_bytes() == b'greeting = "hi"\n'
    page = (out / "index.html").read_text()
    assert "<title>myapp</title>" in page
    assert ('<div data-wasmlit-app="app/app.py" data-wasmlit-secrets="secrets.toml" '
            'data-wasmlit-files="files.json"></div>') in page


def test_app_folder_may_use_streamlit_app_py(dist, tmp_path):
    folder = make_app_folder(tmp_path / "other", entry="streamlit_app.py")
    out = tmp_path / "site"
    assert run_build("--app", folder, "--out", out).returncode == 0
    assert json.loads((out / "files.json").read_text())["entry"] == "streamlit_app.py"
    assert 'data-wasmlit-app="app/streamlit_app.py"' in (out / "index.html").read_text()


def test_app_folder_without_entry_exits_2_and_writes_nothing(dist, tmp_path):
    folder = tmp_path / "noentry"
    folder.mkdir()
    write(folder / "main.py", b"x = 1\n")
    before = set(tmp_path.iterdir())
    proc = run_build("--app", folder, "--out", tmp_path / "site")
    assert proc.returncode == 2
    assert "no app.py or streamlit_app.py in app directory" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert set(tmp_path.iterdir()) == before


def test_app_folder_entry_with_syntax_error_exits_2(dist, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    write(folder / "app.py", b"def f(:\n")
    proc = run_build("--app", folder, "--out", tmp_path / "site")
    assert proc.returncode == 2 and "app.py:1: SyntaxError" in proc.stderr


# -- one-file output -----------------------------------------------------------

def test_single_file_holds_everything_inline(dist, tmp_path):
    out = tmp_path / "one.html"
    proc = run_build("--app", EXAMPLE, "--single-file", out)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.html"]
    page = out.read_text()
    parser = UrlCollector()
    parser.feed(page)
    assert all(url.startswith("data:") for url in parser.urls), parser.urls
    assert '<div data-wasmlit-app="seed_counts.py"></div>' in page
    start = page.index('<script type="application/json" id="wasmlit-assets">')
    assets = json.loads(page[page.index(">", start) + 1:page.index("</script>", start)])
    assert base64.b64decode(assets["seed_counts.py"][1]) == EXAMPLE.read_bytes()
    assert assets["pyodide/pyodide.asm.wasm"][0] == "application/wasm"
    assert {"pyodide/pyodide.mjs", "pyodide/python_stdlib.zip", "pyodide/pyodide-lock.json",
            "markdown.js"} <= set(assets)
    assert "url(fonts/" not in page  # KaTeX's fonts are inline too


def test_single_file_refuses_to_replace_another_file(dist, tmp_path):
    out = write(tmp_path / "notes.html", b"<p>mine</p>")
    proc = run_build("--app", EXAMPLE, "--single-file", out)
    assert proc.returncode == 2 and "not a wasmlit page" in proc.stderr
    assert out.read_bytes() == b"<p>mine</p>"


def test_single_file_and_out_cannot_be_combined(tmp_path):
    proc = run_build("--app", EXAMPLE, "--single-file", tmp_path / "a.html", "--out", tmp_path / "site")
    assert proc.returncode == 2 and "cannot be combined" in proc.stderr


@pytest.mark.parametrize("flag", ["--offline-cache", "--no-snapshot"])  # what only a site takes
@pytest.mark.parametrize("others", [[], ["--app", "APP", "--single-file", "ONE"], ["--serve"]])
def test_a_site_only_flag_needs_app_and_out(tmp_path, flag, others):
    app, one = tmp_path / "app.py", tmp_path / "one.html"
    app.write_text("import streamlit as st\n")
    proc = run_build(*[{"APP": app, "ONE": one}.get(a, a) for a in others], flag)
    assert proc.returncode == 2 and f"{flag} needs --app and --out" in proc.stderr, proc.stderr
    assert not one.exists()


def test_entry_names_the_app_file_inside_the_folder(dist, tmp_path):
    folder = make_app_folder(tmp_path / "named", entry="main.py")
    out = tmp_path / "site"
    proc = run_build("--app", folder, "--entry", "main.py", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((out / "files.json").read_text())["entry"] == "main.py"
    assert 'data-wasmlit-app="app/main.py"' in (out / "index.html").read_text()


@pytest.mark.parametrize("entry", ["missing.py", "../outside.py", "data"])
def test_entry_outside_or_missing_exits_2(dist, tmp_path, entry):
    folder = make_app_folder(tmp_path / "named")
    write(tmp_path / "outside.py", b"x = 1\n")
    proc = run_build("--app", folder, "--entry", entry, "--out", tmp_path / "site")
    assert proc.returncode == 2 and "is not a file in app directory" in proc.stderr
    assert not (tmp_path / "site").exists()


def test_entry_needs_an_app_folder(dist, tmp_path):
    proc = run_build("--app", EXAMPLE, "--entry", "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 2 and "--entry needs --app to be a directory" in proc.stderr


def test_entry_in_a_subfolder_keeps_the_folders_secrets_and_theme(dist, tmp_path):
    folder = make_app_folder(tmp_path / "proj")
    (folder / "src").mkdir()
    write(folder / "src" / "main.py", b"import helpers\n")
    write(folder / ".streamlit" / "config.toml", b'[theme]\nprimaryColor = "#123456"\n')
    out = tmp_path / "site"
    proc = run_build("--app", folder, "--entry", "src/main.py", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((out / "files.json").read_text())["entry"] == "src/main.py"
    assert (out / "secrets.toml").read_bytes() == b'greeting = "hi"\n'
    page = (out / "index.html").read_text()
    assert 'data-wasmlit-app="app/src/main.py"' in page and "#123456" in page


def test_single_file_of_an_app_folder_carries_its_files(dist, tmp_path):
    folder = make_app_folder(tmp_path / "proj")
    out = tmp_path / "proj.html"
    proc = run_build("--app", folder, "--single-file", out)
    assert proc.returncode == 0, proc.stderr
    page = out.read_text()
    start = page.index('<script type="application/json" id="wasmlit-assets">')
    assets = json.loads(page[page.index(">", start) + 1:page.index("</script>", start)])
    manifest = json.loads(base64.b64decode(assets["files.json"][1]))
    assert manifest["entry"] == "app.py"
    for rel in manifest["files"]:
        assert base64.b64decode(assets[f"app/{rel}"][1]) == (folder / rel).read_bytes()
    assert 'data-wasmlit-files="files.json"' in page
