"""The first paint (issue 19): build.py --app performs the app's first run at build time, and
the page draws it before Python has loaded; what the user does meanwhile reaches the live
session in order once Python is ready, and the first live run leaves unchanged nodes alone.

Python's arrival is held back by holding the request for the worker's script (page.route)
until the test lets it through."""
from __future__ import annotations

import re

import pytest

from sites import IDLE, StaticServer, build_source_site, runs_ended, wait_runs

APP = '''
import streamlit as st

st.title("First paint")
st.write("Drawn at build time, then live.")
st.session_state.setdefault("pings", 0)
if st.button("Ping"):
    st.session_state.pings += 1
st.write(f"pings: {st.session_state.pings}")
name = st.text_input("Name")
st.write(f"name: {name}")
agree = st.checkbox("Agree")
st.write(f"agree: {agree}")
with st.sidebar:
    st.header("Side")
'''

VARIES = '''
import random
import streamlit as st

st.title("Varies")
st.write(f"lucky number {random.random()}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "first_paint", APP)


@pytest.fixture(scope="module")
def server(site):
    server = StaticServer(site)
    yield server
    server.close()


class HeldWorker:
    """Holds the request for python-worker.js (so Python cannot start) until released; a
    built site names it python-worker.<hash>.js (buildlib/hashed_names.py)."""

    def __init__(self, page):
        self.routes = []
        page.route(re.compile(r"/python-worker\.([0-9a-f]{8}\.)?js$"), lambda route: self.routes.append(route))

    def release(self):
        for route in self.routes:
            route.continue_()
        self.routes.clear()


def open_held(page, url):
    held = HeldWorker(page)
    page.goto(url)
    page.get_by_role("heading", name="First paint").wait_for()
    return held


def test_the_build_time_page_shows_before_python(page, server, site):
    assert 'id="wasmlit-first-paint"' in (site / "index.html").read_text()
    held = open_held(page, server.url)
    # Everything the first run draws is there, and the app shows as running.
    main = page.get_by_test_id("stMain")
    assert "Drawn at build time, then live." in main.inner_text()
    assert page.get_by_role("button", name="Ping").is_visible()
    assert page.get_by_label("Name").is_visible()
    assert page.get_by_test_id("stSidebar").get_by_role("heading", name="Side").is_visible()
    assert page.get_by_test_id("stApp").get_attribute("data-test-script-state") == "running"
    assert page.locator(".wl-loading").count() == 0
    assert held.routes, "the worker's script was requested (and held)"
    held.release()
    page.wait_for_selector(IDLE, timeout=60000)
    assert "pings: 0" in main.inner_text()


def test_the_first_live_run_leaves_unchanged_nodes_alone(page, server):
    held = open_held(page, server.url)
    page.evaluate("""() => {
        window.__firstNodes = [...document.querySelectorAll("[data-testid='stElementContainer']")];
        window.__mutated = [];
        new MutationObserver((records) => window.__mutated.push(...records.map((r) => r.type)))
          .observe(document.querySelector("[data-testid='stMain']"), { subtree: true, childList: true,
                                                                     attributes: true, characterData: true });
    }""")
    held.release()
    page.wait_for_selector(IDLE, timeout=60000)
    still = page.evaluate("""() => window.__firstNodes.every((el) => el.isConnected) &&
        document.querySelectorAll("[data-testid='stElementContainer']").length === window.__firstNodes.length""")
    assert still, "an element of the first paint was replaced"
    assert page.evaluate("window.__mutated") == []


def test_input_before_python_is_ready_is_kept_and_delivered_in_order(page, server):
    held = open_held(page, server.url)
    page.get_by_role("button", name="Ping").click()
    page.get_by_role("button", name="Ping").click()
    name = page.get_by_label("Name")
    name.fill("Ada")
    name.press("Enter")
    page.get_by_test_id("stCheckbox").get_by_text("Agree").click()
    name.press("End")
    name.press_sequentially(" L")  # typed after, not sent: kept in the field
    before = runs_ended(page)
    held.release()
    wait_runs(page, before, timeout=60000)
    page.wait_for_function("""() => document.querySelector("[data-testid='stMain']").innerText.includes("agree: True")""",
                           timeout=60000)
    page.wait_for_selector(IDLE)
    text = page.get_by_test_id("stMain").inner_text()
    assert "pings: 2" in text and "name: Ada" in text and "agree: True" in text
    assert name.input_value() == "Ada L"


def test_a_url_with_a_query_string_starts_without_the_first_paint(page, server):
    held = HeldWorker(page)
    page.goto(server.url + "?x=1")
    page.locator(".wl-loading").wait_for()
    assert page.get_by_role("heading", name="First paint").count() == 0
    held.release()
    page.wait_for_selector(IDLE, timeout=60000)
    assert page.get_by_role("heading", name="First paint").is_visible()


def test_an_app_that_varies_by_design_starts_as_before(page, tmp_path_factory):
    site = build_source_site(tmp_path_factory, "varies", VARIES)
    assert "wasmlit-first-paint" not in (site / "index.html").read_text()
    server = StaticServer(site)
    try:
        page.goto(server.url)
        page.wait_for_selector(IDLE, timeout=60000)
        assert "lucky number" in page.get_by_test_id("stMain").inner_text()
    finally:
        server.close()
