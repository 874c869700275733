"""st.graphviz_chart and st.pdf in Chromium: Graphviz (WebAssembly) and pdf.js are fetched
from the site only once a page uses them; a graph's SVG carries no script a hostile DOT
could smuggle in; a PDF's pages are drawn on canvases inside the viewer's iframe (the DOM
Streamlit 1.50's streamlit-pdf shows), with zoom, and a broken one says so."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app, run_after, site_file

# A two-page PDF ("Hello PDF 1", "Hello PDF 2", Helvetica, 200x100 pt), zlib + base64.
PDF_LINE = ('PDF = __import__("zlib").decompress(__import__("base64").b64decode("eNqtU0FPwjAYvfdXvAuJHnTtto6ZEA4o'
            'xESNBHYjHgorODJX0xWD/nrbDhzJ9KIuTbO97733fa9Le9ObyQW7jAkDhVpuyWCAIHt/lQiuhRGl2iCYio2sEVrCDMMhkVXuiGFH0PCCuyKvsYg8nbv9'
            'yXqpXWWsRSuPvpW7XUtPdfLgQeaFGKk9FtQCIaVglHq/ylhajbjhzWStdnpl2zu/ia02Lwz9w9jNOnaPT7rfy2pjnhEzV6+NluKFjDIvZimytW0LTpHl'
            'OLuVZalgjwzsHNkW48wZHjQHa/4/wZLfBUv+Giz8MVi/E8yPE8x3S+M/HcgQjEQtm4p1fZOmWImTAfdarglFSujXg4TziGONFrtCU6lajKcdjIWsg4Vx'
            'v4NFUVcbJ3EH45y3mNGiKKX2cefFh0Rq/4ZSBux4EWojtPF5kpCTXm/8OCGfMt3b9w=="))\n')

APP = '''
import streamlit as st
''' + PDF_LINE + '''
st.write("graphs and documents")
if st.checkbox("Show them"):
    st.graphviz_chart("""digraph {
        run -> intr
        intr -> "<img src=x onerror=window.__pwned=1>"
        b [URL="javascript:window.__pwned=2" label=<<b>bold</b>>]
        run -> b
    }""")
    st.graphviz_chart("digraph { a -> }")
    st.graphviz_chart("graph { x -- y }", width="stretch")
    st.pdf(PDF, height=300)
    st.pdf(b"this is not a PDF", height=200)
st.write("after them")
'''

PDF_FRAME = 'iframe[title="streamlit_pdf.pdf_viewer"]'
INK_JS = """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 3] > 0) ink++; return ink; }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "graphviz_pdf", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture(scope="module")
def shown(site_url, module_page):
    """The page with the graphs and PDFs shown, and every URL it requested on the way."""
    requested = []
    module_page.on("request", lambda request: requested.append(request.url))
    page = fresh_app(module_page, site_url)
    page.get_by_text("graphs and documents").wait_for()
    before = list(requested)
    run_after(page, lambda: page.get_by_text("Show them").click())
    page.locator("[data-testid='stGraphVizChart'] svg").first.wait_for(timeout=30000)
    page.frame_locator(PDF_FRAME).first.locator("[data-page-number='2'] canvas").wait_for(timeout=30000)
    return page, before, requested


def test_the_libraries_come_from_the_site_only_when_used(shown, site, site_url):
    page, before, requested = shown
    # under their hashed names (buildlib/hashed_names.py)
    urls = {name: site_url + site_file(site, name).relative_to(site).as_posix()
            for name in ("graphviz.js", "pdf.js", "pdfjs/pdf.worker.min.mjs")}
    assert not [u for u in before if u in urls.values()]
    for name, url in urls.items():
        assert url in requested, name
    assert all(u.startswith((site_url, "blob:", "data:")) for u in requested)


def test_a_graph_is_drawn_as_svg_without_the_scripts_its_dot_carried(shown):
    page, _, _ = shown
    chart = page.get_by_test_id("stGraphVizChart").first
    nodes = chart.locator("g.node > title").evaluate_all("ts => ts.map(t => t.textContent)")
    assert sorted(nodes) == ["<img src=x onerror=window.__pwned=1>", "b", "intr", "run"]
    assert chart.locator("g.edge").count() == 3
    assert chart.locator("img, script, foreignObject").count() == 0
    assert chart.locator("g.node text", has_text="bold").count() == 1
    assert chart.evaluate("el => el.innerHTML.includes('javascript:')") is False
    assert chart.evaluate("el => [...el.querySelectorAll('*')].some("
                          "n => [...n.attributes].some(a => a.name.startsWith('on')))") is False
    chart.locator("g.node", has_text="bold").click()
    assert page.evaluate("window.__pwned") is None
    svg = chart.locator("svg")
    assert svg.get_attribute("width").endswith("pt")  # width="content": Graphviz's own size


def test_a_graph_graphviz_cannot_read_draws_nothing_and_the_app_goes_on(shown):
    page, _, _ = shown
    broken = page.get_by_test_id("stGraphVizChart").nth(1)
    assert broken.locator("svg").count() == 0
    assert page.get_by_text("after them").count() == 1


def test_a_stretched_graph_spans_the_column(shown):
    page, _, _ = shown
    stretched = page.get_by_test_id("stGraphVizChart").nth(2)
    stretched.locator("svg").wait_for()
    assert stretched.locator("svg").get_attribute("width") is None
    column = page.get_by_test_id("stMainBlockContainer").evaluate("el => el.clientWidth")
    assert stretched.evaluate("el => el.getBoundingClientRect().width") > column * 0.7


def test_a_pdf_is_drawn_page_by_page_in_a_box_of_its_height(shown):
    page, _, _ = shown
    frame_el = page.locator(PDF_FRAME).first
    assert frame_el.get_attribute("data-testid") == "stCustomComponentV1"
    viewer = page.frame_locator(PDF_FRAME).first
    viewer.get_by_test_id("pdf-container").wait_for()
    content = viewer.get_by_test_id("pdf-content")
    assert content.evaluate("el => el.getBoundingClientRect().height") == 300
    assert viewer.locator("[data-page-number]").count() == 2
    first = viewer.locator("[data-page-number='1'] canvas")
    assert first.evaluate("c => c.getBoundingClientRect().width") == 200
    assert first.evaluate(INK_JS) > 50  # "Hello PDF 1" in Helvetica, drawn offline
    viewer.get_by_role("button", name="Zoom In").click()
    page.wait_for_function(
        "sel => document.querySelector(sel).contentDocument"
        ".querySelector(\"[data-page-number='1'] canvas\")?.getBoundingClientRect().width === 250",
        arg=PDF_FRAME)


def test_a_file_that_is_not_a_pdf_says_so(shown):
    page, _, _ = shown
    viewer = page.frame_locator(PDF_FRAME).nth(1)
    error = viewer.get_by_test_id("pdf-error")
    error.wait_for(timeout=30000)
    assert "Invalid PDF file" in error.inner_text()
