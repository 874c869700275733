"""Packages of Pyodide's distribution in Chromium, from a stand-in distribution the tests
write (tests/distribution_standin.py): shipped with the site (offline: no request leaves
it), fetched from --packages-url or from the default CDN URL (routed to the stand-in), a
tampered wheel and a distribution of another Pyodide version (each shown where the app
shows errors, with what was drawn before), a package loaded on its first import from a
click (JSPI), msgpack's real compiled extension, and snippets / mount() that find what
their code imports at run time. One built site, copied per scenario."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sites import IDLE, ROOT, StaticServer, run_after, site_file, wait_snapshot_kept

sys.path.insert(0, str(ROOT / "tests"))
from distribution_standin import (download_pyodide_wheel, pinned_lock, pure_module,  # noqa: E402
                                  tamper, write_standin)

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"

APP = """
import importlib
import streamlit as st

st.title("Distribution app")
st.write("drawn before the imports")
import dateutil
st.write(f"dateutil says {dateutil.GREETING}")
import msgpack
st.write(f"msgpack {msgpack.unpackb(msgpack.packb({'n': [1, 2, 3]}))} from {msgpack.Packer.__module__}")
import helpers
st.write(f"helpers says {helpers.WORD}")
if st.button("Load pytz"):
    pytz = importlib.import_module("".join(["py", "tz"]))  # a name no scan can see
    st.write(f"pytz says {pytz.GREETING}")
if st.button("Library import"):
    st.write(helpers.pyparsing.later())
"""

HELPERS = "import pyparsing\nWORD = pyparsing.WORD + ', ' + pyparsing.OPTIONAL\n"

# Every loading message shown (the box before the first run, or in the app on a lazy import).
WATCH_LOADING = """
window.__loading = [];
new MutationObserver(() => {
  for (const el of document.querySelectorAll(".wl-loading span")) {
    const text = el.textContent, lazy = Boolean(el.closest(".wl-package-loading"));
    if (text && !window.__loading.some((seen) => seen.text === text && seen.lazy === lazy))
      window.__loading.push({ text, lazy });
  }
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


def standin_packages():
    return {
        "six": pure_module("six", "SIX = 'six'\n"),
        "python-dateutil": pure_module("dateutil", "from six import SIX\nGREETING = f'hello with {SIX}'\n"),
        # A library probing an optional dependency (left unloaded), and importing another
        # one only when a function runs (loaded then).
        "pyparsing": pure_module("pyparsing", "import importlib.util\nWORD = 'parsed'\ntry:\n    import pytz\n"
                                 "    OPTIONAL = 'pytz found'\nexcept ImportError:\n    OPTIONAL = 'no pytz'\n"
                                 "if importlib.util.find_spec('pytz') is not None:\n    OPTIONAL = 'pytz found'\n"
                                 "def later():\n    import idna\n    return idna.NAME\n"),
        "idna": pure_module("idna", "NAME = 'idna loaded by a library'\n"),
        "pytz": pure_module("pytz", "GREETING = 'pytz loaded on click'\n"),
    }


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("distribution")


@pytest.fixture(scope="module")
def msgpack_wheel(work):
    return download_pyodide_wheel("msgpack", work / "pypi")


@pytest.fixture(scope="module")
def standin(work, msgpack_wheel):
    return write_standin(work / "standin", standin_packages(), wheels={"msgpack": msgpack_wheel})


@pytest.fixture(scope="module")
def app_folder(work):
    folder = work / "app"
    folder.mkdir()
    (folder / "app.py").write_text(APP)
    (folder / "helpers.py").write_text(HELPERS)
    return folder


def build(app: Path, out: Path, *flags: str) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), "--out", str(out), *flags],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def online_site(work, app_folder):
    """The app's site as a default build makes it: packages from Pyodide's CDN."""
    return build(app_folder, work / "online")


def variant(site: Path, out: Path, packages_url: str | None) -> Path:
    """A copy of `site` whose packages.json names another packages URL (what build.py
    --packages-url writes)."""
    shutil.copytree(site, out)
    manifest = json.loads(site_file(out, "packages.json").read_text())
    site_file(out, "packages.json").write_text(json.dumps({**manifest, "packages_url": packages_url}))
    return out


@pytest.fixture(scope="module")
def servers():
    started: list[StaticServer] = []

    def start(directory: Path, headers=None) -> StaticServer:
        started.append(StaticServer(directory, headers=headers))
        return started[-1]

    yield start
    for server in started:
        server.close()


@pytest.fixture(scope="module")
def standin_server(servers, work, standin):
    """A second local server holding stand-ins at /standin/, /tampered/ and /other/."""
    root = work / "packages-host"
    root.mkdir()
    shutil.copytree(standin, root / "standin")
    shutil.copytree(standin, root / "tampered")
    tamper(root / "tampered", "python-dateutil")
    write_standin(root / "other", standin_packages(), version="0.27.0",
                  info={"abi_version": "2024_0", "arch": "wasm32", "platform": "emscripten_3_1_58",
                        "python": "3.12.7", "version": "0.27.0"})
    return servers(root, headers={"Access-Control-Allow-Origin": "*"})  # as Pyodide's CDN sends


def recording(page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script(WATCH_LOADING)
    return requests


def open_app(page, url: str):
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    return page.get_by_test_id("stMain")


def click_and_settle(page, name: str):
    """Click and wait for the run the click started (it may load packages) to end."""
    run_after(page, page.get_by_role("button", name=name).click, timeout=60_000)


def loading_messages(page, lazy: bool) -> list[str]:
    return [seen["text"] for seen in page.evaluate("window.__loading") if seen["lazy"] == lazy]


def assert_app_ran(main):
    text = main.inner_text()
    assert "dateutil says hello with six" in text
    assert "msgpack {'n': [1, 2, 3]} from msgpack._cmsgpack" in text  # the compiled extension
    assert "helpers says parsed, no pytz" in text  # found in a module of the app's folder


def test_the_default_cdn_url_routed_to_the_standin(page, online_site, standin, servers):
    """A default build: packages.json names Pyodide's CDN, whose lock and wheels the page
    fetches (here answered by the stand-in); nothing else leaves the site."""
    manifest = json.loads(site_file(online_site, "packages.json").read_text())
    assert manifest["packages_url"] == CDN
    assert set(manifest["load"]) >= {"msgpack", "python-dateutil", "six", "pyparsing"}
    server = servers(online_site)
    served: list[str] = []

    def from_standin(route):
        served.append(route.request.url)
        name = route.request.url.removeprefix(CDN).split("?")[0]
        route.fulfill(path=standin / name) if (standin / name).is_file() else route.fulfill(status=404)

    page.route("https://cdn.jsdelivr.net/**", from_standin)
    requests = recording(page)
    assert_app_ran(open_app(page, server.url))
    assert CDN + "pyodide-lock.json" in served
    assert any(url.startswith(CDN + "msgpack-") for url in served)
    assert [url for url in requests if not url.startswith((server.url, CDN, "data:", "blob:"))] == []


@pytest.fixture(scope="module")
def url_site(online_site, standin_server, work):
    """The site as build.py --packages-url http://127.0.0.1:PORT/standin/ makes it."""
    return variant(online_site, work / "from-url", standin_server.url + "standin/")


def test_packages_load_from_the_packages_url_and_on_first_import(page, url_site, standin_server, servers):
    """--packages-url: the lock and wheels come from that server; a package first imported
    on a click (importlib, not seen by any scan) loads then, with its message in the app."""
    server = servers(url_site)
    requests = recording(page)
    main = open_app(page, server.url)
    assert_app_ran(main)
    from_standin = [url.removeprefix(standin_server.url) for url in requests if url.startswith(standin_server.url)]
    assert "standin/pyodide-lock.json" in from_standin
    assert not [url for url in from_standin if "pytz" in url]
    (first,) = loading_messages(page, lazy=False)[-1:]
    assert first.startswith("Loading ") and "msgpack" in first and "python-dateutil" in first
    click_and_settle(page, "Load pytz")
    assert "pytz says pytz loaded on click" in main.inner_text()
    assert any("standin/pytz-" in url for url in requests)
    assert loading_messages(page, lazy=True) == ["Loading pytz…"]
    assert page.locator(".wl-package-loading").count() == 0  # gone once loaded
    click_and_settle(page, "Library import")  # a library's unguarded import, run late
    assert "idna loaded by a library" in main.inner_text()
    assert loading_messages(page, lazy=True) == ["Loading pytz…", "Loading idna…"]
    assert [url for url in requests if not url.startswith((server.url, standin_server.url, "data:", "blob:"))] == []


def test_a_python_restored_from_the_snapshot_loads_packages(page, url_site, standin_server, servers):
    """A repeat visit restores Python from the site's snapshot (buildlib/snapshot.py): its
    packages load as they do in a started one, the compiled extension at start and a
    package first imported on a click (JSPI, mid-run)."""
    server = servers(url_site, headers={"Cache-Control": "no-cache"})  # a host that lets it be kept
    open_app(page, server.url)
    wait_snapshot_kept(page)
    page.reload()
    page.wait_for_selector(IDLE, timeout=120_000)
    assert page.evaluate("performance.getEntriesByName('wasmlit:snapshot-restored').length") == 1
    main = page.get_by_test_id("stMain")
    assert_app_ran(main)
    click_and_settle(page, "Load pytz")
    assert "pytz says pytz loaded on click" in main.inner_text()


def test_without_jspi_a_late_import_says_how_to_load_it(page, url_site, servers):
    """A browser without JSPI loads what the app imports before its first run; a package
    first imported later fails with a message saying why and what to do."""
    page.add_init_script("delete WebAssembly.Suspending; delete WebAssembly.Suspender; delete WebAssembly.promising;")
    main = open_app(page, servers(url_site).url)
    assert_app_ran(main)
    click_and_settle(page, "Load pytz")
    error = page.get_by_test_id("stException").inner_text()
    assert "ModuleNotFoundError" in error and "pytz is in Pyodide's distribution" in error
    assert "could not be loaded on demand in this browser" in error and "requirements.txt" in error
    assert "helpers says parsed" in main.inner_text()


# README's recommended policy, with the packages' origin in connect-src (or without it).
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' {origin}; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'none'")
def csp_violations(page) -> list[str]:
    """The URLs the page's CSP blocks, in the page or in its Python worker (which says so in
    the page's console)."""
    blocked: list[str] = []
    page.add_init_script("document.addEventListener('securitypolicyviolation', "
                         "(ev) => console.error(`blocked ${ev.blockedURI} in the page`));")
    page.on("console", lambda m: blocked.append(m.text.split("blocked ", 1)[1].split(" ")[0])
            if m.type == "error" and " blocked " in m.text else None)
    return blocked


def test_under_a_csp_the_packages_origin_must_be_in_connect_src(page, url_site, standin_server, servers):
    allowed = servers(url_site, headers={"Content-Security-Policy": CSP.format(origin=standin_server.url.rstrip("/"))})
    violations = csp_violations(page)
    assert_app_ran(open_app(page, allowed.url))
    assert violations == []
    blocked = servers(url_site, headers={"Content-Security-Policy": CSP.format(origin="")})
    open_app(page, blocked.url)
    error = page.get_by_test_id("stException").inner_text()
    assert "ModuleNotFoundError" in error and "python-dateutil" in error and "connect-src" in error
    assert violations == [standin_server.url + "standin/pyodide-lock.json"]


def test_a_tampered_wheel_fails_at_its_import_with_the_page_intact(page, online_site, standin_server, servers, work):
    site = variant(online_site, work / "tampered", standin_server.url + "tampered/")
    main = open_app(page, servers(site).url)
    error = page.get_by_test_id("stException").inner_text()
    assert "ModuleNotFoundError" in error and "python-dateutil" in error
    assert standin_server.url + "tampered/python_dateutil-" in error
    assert "sha256" in error and "integrity" in error
    assert 'File "app.py", line 7' in error and "package_hook" not in error  # ends at the app's import
    assert "drawn before the imports" in main.inner_text()
    assert page.get_by_role("heading", name="Distribution app").is_visible()


def test_a_distribution_of_another_pyodide_version_is_named_in_the_error(page, online_site, standin_server,
                                                                        servers, work):
    site = variant(online_site, work / "other-version", standin_server.url + "other/")
    requests = recording(page)
    main = open_app(page, servers(site).url)
    error = page.get_by_test_id("stException").inner_text()
    assert "ModuleNotFoundError" in error and "python-dateutil" in error
    assert "Pyodide 0.27.0, Python 3.12.7, ABI 2024_0" in error
    assert "Pyodide 314.0.7 (Python 3.14.2, ABI 2026_0)" in error
    assert "drawn before the imports" in main.inner_text()
    assert not [url for url in requests if url.endswith(".whl") and "/other/" in url]  # no wheel fetched


def test_an_offline_site_requests_nothing_outside_itself(page, work, app_folder, standin, servers):
    site = build(app_folder, work / "offline", "--pyodide-packages", str(standin))
    manifest = json.loads(site_file(site, "packages.json").read_text())
    assert manifest["packages_url"] is None
    assert set(manifest["shipped"]) == set(manifest["load"]) >= {"msgpack", "python-dateutil"}
    server = servers(site)
    requests = recording(page)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.url)
               else route.abort())
    main = open_app(page, server.url)
    assert_app_ran(main)
    shipped = site_file(site, "pyodide/").relative_to(site).as_posix()  # pyodide-<hash> (hashed_names.py)
    assert any(url.startswith(f"{server.url}{shipped}/msgpack-") for url in requests)
    assert [url for url in requests if not url.startswith((server.url, "data:", "blob:"))] == []
    megabytes = sum(manifest["bytes"].values()) / 1e6
    assert any(text.endswith(f"({megabytes:.1f} MB)…") for text in loading_messages(page, lazy=False))
    # pytz was not shipped (no scan sees the importlib call): the click says so, in the app.
    click_and_settle(page, "Load pytz")
    error = page.get_by_test_id("stException").inner_text()
    assert "ModuleNotFoundError" in error and "pytz" in error and "not shipped with this site" in error
    assert "helpers says parsed" in main.inner_text()


def test_a_one_file_page_carries_the_packages(page, work, app_folder, standin):
    """build.py --single-file with --pyodide-packages: opened from disk, it fetches nothing."""
    out = work / "one-file.html"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app_folder), "--single-file",
                             str(out), "--pyodide-packages", str(standin)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    requests = recording(page)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(out.as_uri())
               else route.abort())
    assert_app_ran(open_app(page, out.as_uri()))
    assert [url for url in requests if not url.startswith((out.as_uri(), "data:", "blob:"))] == []


SNIPPET_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<script type="text/x-wasmlit" id="dates" packages-url="{url}">
import streamlit as st
import dateutil
st.write(f"snippet: {{dateutil.GREETING}}")
</script>
<script type="text/x-wasmlit" id="plain">
import streamlit as st
st.write("plain snippet")
</script>
<div id="mounted"></div>
<script type="module" src="wasmlit.js"></script>
</body></html>
"""

MOUNT = """async (url) => {
  const { mount } = await import("./wasmlit.js");
  const app = mount(document.getElementById("mounted"), {
    files: { "app.py": "import streamlit as st\\nimport packer\\nimport pytz\\nst.write(packer.TEXT + ' / ' + pytz.GREETING)\\n",
             "packer.py": "import msgpack\\nTEXT = 'mount: ' + msgpack.Packer.__module__\\n" },
    packagesUrl: url,
    requirements: ["pyparsing==0.1"],
  });
  await app.ready;
  return document.getElementById("mounted").innerText;
}"""


@pytest.fixture(scope="module")
def snippet_site(work, standin_server):
    """dist/ as a host page uses it (packages.json names the CDN, loads nothing), with a page
    of snippets."""
    site = work / "snippets"
    shutil.copytree(ROOT / "dist", site, ignore=shutil.ignore_patterns("sites"))
    (site / "snippets.html").write_text(SNIPPET_PAGE.format(url=standin_server.url + "standin/"))
    return site


def test_snippets_and_mount_find_their_imports_at_run_time(page, snippet_site, standin_server, servers):
    server = servers(snippet_site)
    requests = recording(page)
    page.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
    page.goto(server.url + "snippets.html")
    page.wait_for_function(f"document.querySelectorAll(\"{IDLE}\").length === 2", timeout=120_000)
    assert "snippet: hello with six" in page.locator("#dates + .wl-embed").inner_text()
    assert "plain snippet" in page.locator("#plain + .wl-embed").inner_text()
    text = page.evaluate(MOUNT, standin_server.url + "standin/")
    assert "mount: msgpack._cmsgpack / pytz loaded on click" in text
    # requirements naming a distribution package load it from there (pin warned, not used)
    assert any("standin/pyparsing-" in url for url in requests)
    assert not [url for url in requests if url.startswith("https://cdn.jsdelivr.net/")]


def test_an_app_needing_nothing_requests_no_distribution(page, work, servers):
    folder = work / "plain"
    folder.mkdir()
    (folder / "app.py").write_text("import json\nimport streamlit as st\nst.write(json.dumps({'plain': True}))\n")
    site = build(folder, work / "plain-site")
    assert json.loads(site_file(site, "packages.json").read_text())["load"] == []
    server = servers(site)
    requests = recording(page)
    page.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())  # recorded, never sent
    open_app(page, server.url)
    assert page.get_by_text('{"plain": true}').is_visible()
    # the site lock once (Pyodide reads the loader's copy), and no distribution lock
    assert [url for url in requests if "pyodide-lock." in url] == [
        server.url + site_file(site, "pyodide/pyodide-lock.json").relative_to(site).as_posix()]
    assert [url for url in requests if not url.startswith((server.url, "data:", "blob:"))] == []


def test_msgpack_from_a_requirements_wheel_runs_compiled_code(page, work, msgpack_wheel, servers):
    """A compiled PyPI wheel built for Pyodide, shipped in wheels/ and installed by micropip
    (as build.py ships a requirement that Pyodide's distribution lacks), runs its extension,
    and the distribution is not asked for the same package again."""
    folder = work / "pypi-app"
    folder.mkdir()
    (folder / "app.py").write_text(
        "import msgpack\nimport streamlit as st\nst.write(f'pypi msgpack from {msgpack.Packer.__module__}')\n")
    site = build(folder, work / "pypi-site")
    (site / "wheels").mkdir(exist_ok=True)
    shutil.copy2(msgpack_wheel, site / "wheels")
    (site / "wheels" / "requirements.json").write_text(json.dumps({"wheels": [msgpack_wheel.name]}))
    manifest = json.loads(site_file(site, "packages.json").read_text())  # msgpack comes from PyPI
    site_file(site, "packages.json").write_text(json.dumps({**manifest, "load": []}))
    index = (site / "index.html").read_text()
    (site / "index.html").write_text(index.replace(
        'data-wasmlit-app=', 'data-wasmlit-requirements="wheels/requirements.json" data-wasmlit-app=', 1))
    server = servers(site)
    requests = recording(page)
    page.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
    main = open_app(page, server.url)
    assert "pypi msgpack from msgpack._cmsgpack" in main.inner_text()
    assert any(url == server.url + "wheels/" + msgpack_wheel.name for url in requests)
    assert not [url for url in requests if not url.startswith((server.url, "data:", "blob:"))]


def test_the_lock_the_page_loads_lists_every_pinned_package(online_site):
    lock = json.loads(site_file(online_site, "pyodide/pyodide-lock.json").read_text())
    assert set(pinned_lock()["packages"]) <= set(lock["packages"])
