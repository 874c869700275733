"""A built site in Chromium: it runs offline from its own folder, shows progress while
loading, explains a failed load in the page, keeps raw HTML as text, and reports how long
the first app element takes."""
from __future__ import annotations

import shutil
import time
from urllib.parse import urlsplit

import pytest

from sites import ROOT, build_site, fresh_app, site_file

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import os
import streamlit as st
import streamlit.components.v1 as components
st.title("Offline app")
# The script runs under its own name, as in Streamlit (not as the site's app.py).
echo = components.declare_component("echo", url="http://localhost:9/")
st.text(f"script {os.path.basename(__file__)}, component {echo.name}")
st.markdown("**bold** and <b id='injected'>raw html</b>")
st.write({"a": 1})
name = st.text_input("Your name", value="Ada")
st.write(f"Hello {name}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site")
    app = work / "offline_app.py"
    app.write_text(APP)
    return build_site(app, work / "site")


def test_site_requests_nothing_outside_its_folder(site, serve, page):
    server = serve(site)
    origin = urlsplit(server.url)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # Anything leaving the site's origin fails the load, so a hidden CDN use cannot pass.
    page.route(lambda url: urlsplit(url).netloc != origin.netloc and not url.startswith("data:"),
               lambda route: route.abort())
    page.goto(server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    assert page.get_by_role("heading", name="Offline app").is_visible()
    outside = [u for u in requested if not u.startswith("data:") and urlsplit(u).netloc != origin.netloc]
    assert outside == []
    for url in requested:
        if url.startswith("data:"):
            continue
        path = urlsplit(url).path.lstrip("/")
        assert (site / path).exists() or path == "", f"{url} is not a file of the site"


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app(site_url, module_page):
    """A fresh app in the module's page, for tests of the app rather than of its loading."""
    return fresh_app(module_page, site_url)


def test_markdown_is_rendered_and_raw_html_stays_text(app):
    page = app
    markdown = page.get_by_test_id("stMarkdownContainer").filter(has_text="bold and").first
    assert markdown.locator("strong").inner_text() == "bold"
    assert page.locator("#injected").count() == 0
    assert "<b id='injected'>raw html</b>" in markdown.inner_text()


def test_the_script_runs_under_its_own_file_name(app):
    app.get_by_text("script offline_app.py, component offline_app.echo").wait_for(timeout=10000)


def test_typed_value_reruns_the_script(app):
    page = app
    field = page.get_by_label("Your name", exact=True)
    field.fill("Grace")
    field.press("Enter")
    page.get_by_text("Hello Grace").wait_for(timeout=10000)
    assert field.input_value() == "Grace"


def test_loading_shows_progress_then_the_app(site, serve, page):
    """Where the page has no first paint (here: a URL with a query string, which the
    build-time run did not have), a progress bar shows until the app runs."""
    server = serve(site)
    page.goto(server.url + "?loading=1")
    progress = page.get_by_role("progressbar")
    progress.wait_for(timeout=10000)
    page.wait_for_selector("[data-testid='stElementContainer']", timeout=60000)
    assert progress.count() == 0


def test_a_failed_load_is_explained_in_the_page(site, serve, page, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(site, broken)
    site_file(broken, "pyodide/pyodide.asm.wasm").unlink()
    server = serve(broken)
    page.goto(server.url)
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=60000)
    assert "could not be loaded" in alert.inner_text()


def test_time_to_first_app_element_is_reported(site, serve, page):
    """Not a timed test: it prints the figure the spine issue asks for."""
    server = serve(site)
    start = time.perf_counter()
    page.goto(server.url)
    page.wait_for_selector("[data-testid='stElementContainer']", timeout=60000)
    elapsed = time.perf_counter() - start
    print(f"\nnavigation to first app element: {elapsed * 1000:.0f} ms")
    assert page.get_by_role("heading", name="Offline app").is_visible()
