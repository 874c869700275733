"""Start-up in Chromium: the wheel's modules are sourceless .pyc, micropip is never
fetched, markdown.js (and KaTeX's stylesheet) only when some text needs more than plain
text (the Pyodide snapshot: tests/browser/test_snapshot.py)."""
from __future__ import annotations

from sites import IDLE, build_source_site, site_names

APP = '''
import random
import sys
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
