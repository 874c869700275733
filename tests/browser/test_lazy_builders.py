"""Element builders loaded on first need (web/lazy-builders.js, buildlib/lazy_chunks.py): a
first run that draws only text and buttons fetches none of their chunks; a run drawing
kinds from chunks shows them before the app says the run ended; change lists apply in the
order they came while chunks load; a chunk that cannot be loaded (or that the network does
not answer within 15 s) shows an error in the element's place and the app keeps working,
and the element is drawn once its chunk comes after all; a first paint drawing a lazily loaded kind gets
a modulepreload for its chunk and draws it before Python is there.

Chunks are served late (the static server sleeps before answering them) so the page has to
wait for them."""
from __future__ import annotations

import json
import re
import time

import pytest

from sites import IDLE, ROOT, StaticServer, build_source_site, click_and_wait_run

APP = '''
import datetime
import time
import streamlit as st

st.write("Lazy builders")
st.session_state.setdefault("pings", 0)
if st.button("Ping"):
    st.session_state.pings += 1
st.write(f"pings: {st.session_state.pings}")
if st.button("Show more"):
    st.date_input("When", datetime.date(2024, 5, 17))
    st.json({"answer": 42})
    st.chat_input("Say something")
if st.button("Two"):
    st.page_link("https://example.com", label="Example link")
    time.sleep(0.3)
    st.write("between the two")
    time.sleep(0.3)
    st.table({"col": [1, 2]})
if st.button("Record"):
    st.audio_input("Say it")
if st.button("Upload"):
    st.file_uploader("Upload here")
    st.write("after the uploader")
if st.button("Graph"):
    st.graphviz_chart("digraph { a -> b }")
    st.write("after the graph")
'''

PRERENDERED = '''
import datetime
import streamlit as st

st.title("Preloaded")
st.date_input("Day", datetime.date(2024, 1, 2))
'''

# Seconds the server waits before answering a family's chunk (chunks/<family>-<hash>.js).
SLOW = {"pickers": 0.8, "json": 0.8, "chat": 0.8, "page_link": 1.5, "audio_input": 2.0}


def chunk_manifest() -> dict:
    """dist/chunks.json: {"start": the chunks the bundle imports, "kinds": {kind: the chunks
    (beyond those) its builders need}}."""
    return json.loads((ROOT / "dist" / "chunks.json").read_text("utf-8"))


def slow_chunks(url_path: str):
    found = re.search(r"/chunks/(\w+)-[A-Z0-9]{8}\.js$", url_path)
    if found and found[1] in SLOW:
        time.sleep(SLOW[found[1]])
    return None  # served as asked


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "lazy_builders", APP)


@pytest.fixture(scope="module")
def loaded(site, module_page):
    """The module's page with the app's first run done, and every URL it requested."""
    server = StaticServer(site, slow_chunks)
    requested: list[str] = []
    module_page.on("request", lambda request: requested.append(request.url))
    module_page.goto(server.url)
    module_page.wait_for_selector(IDLE, timeout=60000)
    yield module_page, requested
    server.close()


def test_a_first_run_of_text_and_buttons_fetches_no_lazily_loaded_chunk(loaded, site):
    page, requested = loaded
    lazy = {chunk for chunks in chunk_manifest()["kinds"].values() for chunk in chunks}
    assert lazy and all((site / chunk).is_file() for chunk in lazy)
    fetched = {url.split("?")[0] for url in requested}
    assert not [url for url in fetched if any(url.endswith("/" + chunk) for chunk in lazy)]
    assert page.get_by_text("pings: 0").is_visible()


# Each time the app says a run ended: whether the elements of "Show more" were in the page.
WATCH_RUN_ENDS = """
(() => {
  window.__wlEnds = [];
  const app = document.querySelector("[data-testid='stApp']");
  const has = (id) => document.querySelector(`[data-testid='${id}']`) !== null;
  new MutationObserver(() => {
    if (app.getAttribute("data-test-script-state") !== "notRunning") return;
    window.__wlEnds.push({ date: has("stDateInput"), json: has("stJson"), chat: has("stChatInput") });
  }).observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
})()
"""


def test_kinds_from_chunks_are_drawn_before_the_run_is_said_to_end(loaded):
    page, _ = loaded
    page.evaluate(WATCH_RUN_ENDS)
    click_and_wait_run(page.get_by_role("button", name="Show more"))
    assert page.evaluate("window.__wlEnds")[0] == {"date": True, "json": True, "chat": True}
    assert page.get_by_test_id("stDateInput").locator("input").input_value() == "2024/05/17"
    assert '"answer"' in page.get_by_test_id("stJson").inner_text()
    assert "42" in page.get_by_test_id("stJson").inner_text()
    assert page.get_by_test_id("stChatInput").locator("textarea").get_attribute("placeholder") == "Say something"


# The order in which the elements of "Two" first appear in the page.
WATCH_ORDER = """
(() => {
  window.__wlOrder = [];
  const seen = {
    link: () => document.querySelector("[data-testid='stPageLink']") !== null,
    between: () => [...document.querySelectorAll("[data-testid='stMarkdownContainer']")]
      .some((el) => el.textContent.includes("between the two")),
    table: () => document.querySelector("[data-testid='stTable']") !== null,
  };
  new MutationObserver(() => {
    for (const [name, there] of Object.entries(seen)) {
      if (!window.__wlOrder.includes(name) && there()) window.__wlOrder.push(name);
    }
  }).observe(document.body, { childList: true, subtree: true });
})()
"""


def test_change_lists_apply_in_order_while_chunks_load(loaded):
    page, _ = loaded
    page.evaluate(WATCH_ORDER)
    click_and_wait_run(page.get_by_role("button", name="Two"))
    # The text between the link and the table waited for the link's chunk.
    assert page.evaluate("window.__wlOrder") == ["link", "between", "table"]
    assert page.get_by_test_id("stPageLink").get_by_text("Example link").is_visible()
    assert page.get_by_test_id("stTable").is_visible()


def test_a_click_while_a_chunk_loads_still_counts(loaded):
    page, _ = loaded
    count = int(page.get_by_text(re.compile(r"^pings: \d+$")).inner_text().split(": ")[1])
    with page.expect_request(re.compile(r"/chunks/audio_input-[A-Z0-9]{8}\.js$")):
        page.get_by_role("button", name="Record").click()
    page.get_by_role("button", name="Ping").click()  # the server holds the chunk for 2 s
    page.get_by_text(f"pings: {count + 1}").wait_for(timeout=30000)
    page.wait_for_selector(IDLE, timeout=30000)
    assert page.locator(".wl-unknown").count() == 0


def test_a_chunk_that_cannot_be_loaded_shows_an_error_in_place(loaded):
    page, _ = loaded
    page.route(re.compile(r"/chunks/files-[A-Z0-9]{8}\.js$"),
               lambda route: route.fulfill(status=404, body="not here"))
    click_and_wait_run(page.get_by_role("button", name="Upload"))
    failed = page.locator(".wl-builder-failed")
    assert failed.count() == 1
    assert 'could not load the code that draws "file_uploader" elements' in failed.inner_text()
    assert failed.locator("xpath=ancestor::*[@data-testid='stElementContainer']").count() == 1
    assert page.get_by_text("after the uploader").is_visible()
    before = page.get_by_text(re.compile(r"^pings: \d+$")).inner_text()
    click_and_wait_run(page.get_by_role("button", name="Ping"))
    count = int(before.split(": ")[1])
    assert page.get_by_text(f"pings: {count + 1}").is_visible()
    # Once the chunk can be fetched again, the next run that draws the uploader loads it.
    page.unroute(re.compile(r"/chunks/files-[A-Z0-9]{8}\.js$"))
    click_and_wait_run(page.get_by_role("button", name="Upload"))
    assert page.locator(".wl-builder-failed").count() == 0
    assert page.get_by_test_id("stFileUploader").count() == 1


def test_a_chunk_the_network_never_answers_holds_nothing_back_for_long(loaded):
    page, _ = loaded
    held = []
    chunk = re.compile(r"/chunks/graphviz-[A-Z0-9]{8}\.js$")
    page.route(chunk, lambda route: held.append(route))  # never answered while held
    try:
        start = time.monotonic()
        click_and_wait_run(page.get_by_role("button", name="Graph"), timeout=60000)
        waited = time.monotonic() - start
        # What came after the chart, and the run's end, waited for it only so long
        # (web/elements.js CHUNK_WAIT_MS, 15 s); the chart says what happened.
        assert held and 14 < waited < 40, waited
        assert page.get_by_text("after the graph").is_visible()
        failed = page.locator(".wl-builder-failed")
        assert 'could not load the code that draws "graphviz_chart" elements (no answer in 15 s)' in failed.inner_text()
    finally:
        for route in held:
            route.continue_()  # the chunk comes late after all
        page.unroute(chunk)
    # Then the chart is drawn where it said it could not be, with no run (Python sends
    # nothing for an element that has not changed), and later runs draw graphs as usual.
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.get_by_test_id("stGraphVizChart").wait_for(timeout=30000)
    assert page.locator(".wl-builder-failed").count() == 0
    before = int(page.get_by_text(re.compile(r"^pings: \d+$")).inner_text().split(": ")[1])
    click_and_wait_run(page.get_by_role("button", name="Ping"))
    assert page.get_by_text(f"pings: {before + 1}").is_visible()
    click_and_wait_run(page.get_by_role("button", name="Graph"))
    page.get_by_test_id("stGraphVizChart").wait_for(timeout=30000)
    assert page.locator(".wl-builder-failed").count() == 0
    assert not [e for e in errors if "graphviz" in e or "two element builders" in e], errors


def test_a_first_paint_preloads_the_chunks_it_draws_with(tmp_path_factory, page):
    site = build_source_site(tmp_path_factory, "lazy_preload", PRERENDERED)
    index = (site / "index.html").read_text("utf-8")
    assert 'id="wasmlit-first-paint"' in index
    preloaded = re.findall(r'<link rel="modulepreload" href="([^"]+)">', index)
    manifest = chunk_manifest()
    assert preloaded == manifest["start"] + manifest["kinds"]["date_input"]
    assert any(re.fullmatch(r"chunks/pickers-[A-Z0-9]{8}\.js", p) for p in preloaded)
    assert all((site / p).is_file() for p in preloaded)
    server = StaticServer(site)
    try:
        held = []  # Python never starts: what shows is the first paint
        page.route(re.compile(r"/python-worker\.([0-9a-f]{8}\.)?js$"), lambda route: held.append(route))
        page.goto(server.url)
        page.get_by_role("heading", name="Preloaded").wait_for()
        assert page.get_by_test_id("stDateInput").locator("input").input_value(timeout=10000) == "2024/01/02"
        assert held and page.get_by_test_id("stApp").get_attribute("data-test-script-state") == "running"
        page.close()
    finally:
        server.close()
