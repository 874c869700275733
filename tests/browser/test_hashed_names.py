"""A built site whose files carry content hashes in their names (buildlib/hashed_names.py)
in Chromium: it loads and runs, and everything it asks for (the page's, the worker's, the
lazily loaded bundles, fonts and KaTeX's stylesheet) is named by its content; only
index.html and the app's own file keep their names."""
from __future__ import annotations

import re

from sites import IDLE, build_source_site, click_and_wait_run, site_names

APP = '''
import datetime
import streamlit as st
st.title("Hashed names")
st.markdown("Some **bold** text and :material/home: an icon")
st.latex("x^2")
st.date_input("A date", datetime.date(2024, 5, 17))  # a widget family from the lazy archive
if st.button("Go"):
    st.write("clicked")
'''

HEX = "[0-9a-f]{8}"
# A path that names its content: NAME.<hash>.EXT, a file in a NAME-<hash>/ folder, our
# wheel with its hash as the build tag, or a chunk of the page's JS as esbuild names it
# (buildlib/lazy_chunks.py).
HASHED = re.compile(rf"([\w-]+-{HEX}/.+|[^/]+\.{HEX}\.\w+|[^/]+-0\.{HEX}-[^/]+\.whl|chunks/[\w-]+-[A-Z0-9]{{8}}\.js)")
FIXED = {"", "hashed_names_app.py"}  # index.html (the site's folder) and the app, by its name


def test_a_site_with_hashed_names_runs_and_asks_only_for_hashed_files(tmp_path_factory, serve, page):
    site = build_source_site(tmp_path_factory, "hashed_names", APP)
    names = site_names(site)
    assert names["wasmlit.js"] != "wasmlit.js" and names["pyodide/"] != "pyodide/"
    server = serve(site)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.split("?")[0]))
    page.goto(server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    page.locator(".katex").first.wait_for(timeout=30000)
    page.get_by_test_id("stDateInput").wait_for(timeout=30000)
    click_and_wait_run(page.get_by_role("button", name="Go"))
    assert page.get_by_text("clicked").is_visible()
    assert not page.get_by_test_id("stException").count()

    paths = {url[len(server.url):] for url in requested if url.startswith(server.url)}
    unhashed = sorted(p for p in paths - FIXED if not HASHED.fullmatch(p))
    assert unhashed == [], unhashed
    for rel in ("wasmlit.js", "wasmlit.css", "python-worker.js", "markdown.js", "pyodide/pyodide-lock.json",
                "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip", "katex/katex.min.css"):
        hashed = names.get(rel) or names[rel.split("/")[0] + "/"] + rel.split("/", 1)[1]
        assert hashed in paths, (rel, sorted(paths))
    assert any(p.startswith(names["fonts/"]) for p in paths)  # the stylesheet's fonts
    assert any(p.startswith("chunks/pickers-") for p in paths)  # st.date_input's builders
    assert not [url for url in requested if not url.startswith((server.url, "data:", "blob:"))]
