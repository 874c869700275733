"""The modules wasmlit's wheel leaves out (buildlib/wasmlit_split.py) reach the page only
when an app first uses them: served sites fetch the lazy archive from the import, once;
one-file pages carry it inline and unpack it at start."""
from __future__ import annotations

import subprocess
import sys

import pytest

from buildlib.wasmlit_wheel import wasmlit_version
from sites import IDLE, ROOT, build_source_site, site_file

ARCHIVE = f"wasmlit-{wasmlit_version()}-lazy.zip.gz"
APP = '''
import datetime
import sys
import streamlit as st

st.text("modules: " + ("lazy" if "wasmlit.widgets.pickers" in sys.modules else "first-run only"))
st.checkbox("A checkbox")
if st.query_params.get("lazy") or st.button("Use a lazy family"):
    st.date_input("When", datetime.date(2024, 5, 17))

    @st.cache_data
    def doubled(x):
        return 2 * x

    st.text(f"cached: {doubled(21)}")
'''


def requests_of(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url.split("?")[0].rsplit("/", 1)[-1]))
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "lazy_modules", APP)


def test_the_lazy_archive_is_fetched_only_when_an_app_first_uses_it(site, serve, page):
    archive = site_file(site, f"pyodide/{ARCHIVE}").name  # its hashed name (buildlib/hashed_names.py)
    server = serve(site)
    requested = requests_of(page)
    page.goto(server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    assert page.get_by_text("modules: first-run only").is_visible()
    assert archive not in requested  # the wheel had all this run needed

    page.get_by_role("button", name="Use a lazy family").click()
    page.get_by_text("cached: 42").wait_for(timeout=30000)
    assert page.get_by_test_id("stDateInput").locator("input").input_value() == "2024/05/17"
    assert requested.count(archive) == 1

    page.get_by_text("A checkbox").click()  # a rerun: the modules are there now
    page.get_by_text("modules: lazy").wait_for(timeout=30000)
    assert requested.count(archive) == 1


def test_a_first_run_that_needs_the_archive_fetches_it_once(site, serve, page):
    requested = requests_of(page)
    page.goto(serve(site).url + "?lazy=1")
    page.wait_for_selector(IDLE, timeout=60000)
    page.get_by_text("cached: 42").wait_for(timeout=30000)
    assert requested.count(site_file(site, f"pyodide/{ARCHIVE}").name) == 1
    assert not page.get_by_test_id("stException").count()


def test_a_one_file_page_carries_the_archive_and_needs_no_request(tmp_path, page):
    app = tmp_path / "one.py"
    app.write_text(APP)
    out = tmp_path / "one.html"
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), "--single-file", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert ARCHIVE in out.read_text("utf-8")
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(out.as_uri() + "?lazy=1")
    page.wait_for_selector(IDLE, timeout=120000)
    page.get_by_text("cached: 42").wait_for(timeout=30000)
    assert failed == []
    assert not page.get_by_test_id("stException").count()


def test_an_offline_cache_site_lists_the_archive_and_serves_it_offline(tmp_path, browser,
                                                                       browser_context_args):
    from sites import StaticServer
    app = tmp_path / "app.py"
    app.write_text(APP)
    out = tmp_path / "site"
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), "--out", str(out),
                           "--offline-cache"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    archive = site_file(out, f"pyodide/{ARCHIVE}").relative_to(out).as_posix()  # its hashed name
    assert f'"{archive}":' in (out / "sw.js").read_text("utf-8")
    server = StaticServer(out)
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector(IDLE, timeout=60000)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)
        page.wait_for_function("""async () => {
            const names = (await caches.keys()).filter((n) => n.startsWith("wasmlit-offline "));
            if (names.length !== 1) return false;
            const keys = await (await caches.open(names[0])).keys();
            return keys.some((r) => r.url.endsWith("%s"));
        }""" % archive, timeout=60000)
        server.close()
        context.set_offline(True)
        page.reload()
        page.wait_for_selector(IDLE, timeout=60000)
        page.get_by_role("button", name="Use a lazy family").click()
        page.get_by_text("cached: 42").wait_for(timeout=30000)
        assert not page.get_by_test_id("stException").count()
    finally:
        context.close()
        server.close()
