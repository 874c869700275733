"""Start-up in Chromium: the wheel's modules are sourceless .pyc, micropip is never
fetched, markdown.js (and KaTeX's stylesheet) only when some text needs more than plain
text; a site given a Pyodide snapshot (WASMLIT_SNAPSHOT=1) restores it."""
from __future__ import annotations

from buildlib.snapshot import NAME, write_manifest, write_snapshot
from sites import IDLE, ROOT, build_source_site, site_file, site_names

APP = '''
import random
import sys
import time
import streamlit as st

w = sys.modules["wasmlit"]
st.text(f"loader: {type(w.__loader__).__name__} {w.__cached__}")
st.text(f"random: {random.random()}")
st.write("Plain text with no Markdown syntax")
st.checkbox("A checkbox")
if st.query_params.get("md"):
    st.markdown("Some **b** text")
if st.query_params.get("math"):
    st.latex("x^2")
if st.query_params.get("sleep"):
    st.text("before sleep")
    time.sleep(1.0)
    st.text("after sleep")
'''


def texts(page, prefix):
    return [t for t in page.get_by_test_id("stText").all_inner_texts() if t.startswith(prefix)]


def open_logged(page, url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.split("?")[0].rsplit("/", 1)[-1]))
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60000)
    return requested


def test_pyc_and_markdown_only_when_needed(tmp_path_factory, serve, page):
    site = build_source_site(tmp_path_factory, "startup", APP)
    server = serve(site)
    markdown = site_names(site)["markdown.js"]  # its hashed name (buildlib/hashed_names.py)
    requested = open_logged(page, server.url)
    assert "snapshot.bin.gz" not in requested  # none by default (startup.json says so)
    # wasmlit came from the wheel's .pyc, not from sources compiled in the page.
    assert texts(page, "loader: ") == [
        "loader: SourcelessFileLoader /lib/python3.14/site-packages/wasmlit/__init__.pyc"]
    assert markdown not in requested and "katex.min.css" not in requested
    assert not [name for name in requested if name.startswith("micropip")]
    # Plain text is drawn as markdown-it would: a paragraph holding the text.
    para = page.get_by_test_id("stMarkdownContainer").filter(has_text="Plain text").locator("p")
    assert para.inner_text() == "Plain text with no Markdown syntax"

    # Markdown beyond plain text: markdown.js is fetched, and the run ends once it is drawn.
    requested = open_logged(page, server.url + "?md=1")
    assert markdown in requested and "katex.min.css" not in requested
    strong = page.get_by_test_id("stMarkdownContainer").filter(has_text="Some b text").locator("strong")
    assert strong.inner_text() == "b"

    # Math: KaTeX's stylesheet too.
    requested = open_logged(page, server.url + "?math=1")
    assert markdown in requested
    page.wait_for_function("() => !!document.querySelector('link[data-wasmlit-katex]')", timeout=10000)
    assert page.locator(".katex").count() >= 1


def test_a_snapshot_is_restored_and_reseeds_random(tmp_path_factory, serve, page):
    site = build_source_site(tmp_path_factory, "snapshot", APP)
    wheel = next(site_file(site, "pyodide/").glob("wasmlit-*.whl"))
    pyodide = ROOT / "node_modules" / "pyodide"
    assert write_snapshot(site / NAME, pyodide, wheel, ROOT / ".cache" / "snapshot")
    write_manifest(site, True, pyodide)  # startup.json: the page reads it under its hashed name
    (site / "startup.json").replace(site_file(site, "startup.json"))
    server = serve(site)
    requested = open_logged(page, server.url)
    assert NAME in requested
    assert page.evaluate("performance.getEntriesByName('wasmlit:snapshot-restored').length") == 1
    assert texts(page, "loader: ") == [
        "loader: SourcelessFileLoader /lib/python3.14/site-packages/wasmlit/__init__.pyc"]
    first = texts(page, "random: ")
    page.reload()  # every page draws its own random numbers, not the snapshot's sequence
    page.wait_for_selector(IDLE, timeout=60000)
    assert texts(page, "random: ") != first
    # time.sleep suspends the run (JSPI) and the page paints meanwhile, as without a snapshot.
    page.goto(server.url + "?sleep=1")
    page.get_by_text("before sleep").wait_for(timeout=60000)
    assert page.locator("[data-testid='stApp']").get_attribute("data-test-script-state") == "running"
    page.wait_for_selector(IDLE, timeout=10000)
    assert texts(page, "after sleep") == ["after sleep"]
    assert page.evaluate("performance.getEntriesByName('wasmlit:snapshot-restored').length") == 1
