"""Hostile text in every input channel an app has: Markdown (with and without raw HTML),
st.write, text elements, widget labels, help, placeholders, options and format_func
output, errors and tracebacks, table and dataframe cells and column names, metrics, chart
titles and axis labels, download file names, toasts, the page title, chat messages, st.html
and link/image URLs. Nothing of it may run script in the page: no payload sets
window.__pwned, the app adds no <script> element and no inline on* handler, every link
points to http(s)/mailto/a relative path/#anchor (no image source is a script URL), and
the payload shows as text where Streamlit shows text."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app, handlers_had_their_turn

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
IMG = "<img src=x onerror=window.__pwned=1>"

APP = r'''
import streamlit as st

IMG = "<img src=x onerror=window.__pwned=1>"
SCR = "<script>window.__pwned=1</script>"
SVG = '"><svg onload=window.__pwned=1>'
TPL = "{{constructor.constructor('window.__pwned=1')()}}"
IFR = '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'
ALL = " ".join([IMG, SCR, SVG, TPL, IFR])
JS = "javascript:window.__pwned=1"
DATA = "data:text/html,<script>parent.__pwned=1</script>"

st.set_page_config(page_title="title " + IMG + SCR)
st.markdown("md " + ALL)
st.markdown("mdhtml " + ALL, unsafe_allow_html=True)
st.markdown(f"[jslink]({JS}) [datalink](data:text/html,x) [vbs](vbscript:msgbox) "
            "[ok](https://example.com) [mail](mailto:a@b.c) [rel](/page) [anc](#top) "
            f"![pic]({JS})")
st.markdown(f'<a href="{JS}">htmljs</a> <a href="{DATA}">htmldata</a> '
            '<a href=" jAvAsCrIpT:window.__pwned=1">htmljs2</a> '
            f'<a href="java&#x09;script:window.__pwned=1">htmljs3</a> {IFR}', unsafe_allow_html=True)
st.write("write " + ALL)
st.write({"k": ALL})
st.text("text " + ALL)
st.code("code " + ALL)
st.json({"json": ALL})
st.caption("caption " + ALL)
st.title("title " + ALL)
st.header("header " + ALL)
st.text_input("label " + ALL, help="help " + ALL, placeholder="ph " + ALL, key="ti")
st.selectbox("sel " + ALL, ["opt " + ALL, "two"], index=1, help="help2 " + ALL, key="sb")
st.radio("rad " + ALL, [1, 2], format_func=lambda v: f"fmt{v} " + ALL, key="rd")
st.multiselect("ms " + ALL, ["mopt " + ALL], placeholder="msph " + ALL, key="ms")
st.checkbox("cb " + ALL, help="cbhelp " + ALL)
st.button("btn " + ALL, help="btnhelp " + ALL)
st.error("err " + ALL)
st.exception(RuntimeError("exc " + ALL))
table = {"col " + ALL: ["cell " + ALL], "n": [1], "lnk": [JS]}
st.table(table)
st.dataframe(table, column_config={"lnk": st.column_config.LinkColumn("lnk")})
st.metric("metric " + ALL, "val " + ALL, "delta " + ALL, help="mhelp " + ALL)
st.vega_lite_chart({"a": [1, 2], "b": [3, 4]},
                   {"title": "chart " + ALL, "mark": "line",
                    "encoding": {"x": {"field": "a", "type": "quantitative"},
                                 "y": {"field": "b", "type": "quantitative"}}})
st.line_chart({"y": [1, 3, 2]}, x_label="xl " + ALL)
st.download_button("dl", "data", file_name='"><img src=x onerror=window.__pwned=1>.txt')
st.link_button("lbjs", JS)
st.link_button("lbdata", DATA)
st.link_button("lbok", "https://example.com")
# (st.image(JS) is a file path to Streamlit: MediaFileStorageError, so images use Markdown.)
st.markdown(f'<img src="{JS}" alt="htmlimg">', unsafe_allow_html=True)
st.toast("toast " + ALL)
with st.chat_message("user"):
    st.write("chat " + ALL)
st.html("<p id='htmlp'>html ok</p>" + ALL + f'<a href="{JS}">stjs</a>')
raise ValueError("boom " + ALL)
'''

# What the page must never contain once the app has rendered (run in the page).
AUDIT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
  }
  for (const s of document.querySelectorAll('script')) {
    if (!s.src || new URL(s.src).origin !== location.origin) bad.push('script ' + s.outerHTML.slice(0, 60));
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    const scheme = new URL(href, document.baseURI).protocol;
    if (!['http:', 'https:', 'mailto:', 'blob:'].includes(scheme)) bad.push(`href ${href}`);
  }
  for (const img of document.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src');
    if (/^\\s*(javascript|vbscript|data:text)/i.test(src)) bad.push(`img ${src}`);
  }
  for (const f of document.querySelectorAll('iframe, object, embed')) bad.push(f.outerHTML.slice(0, 60));
  return { pwned: window.__pwned === undefined ? null : window.__pwned, bad };
}"""

# Every link click is stopped before it navigates, and its href recorded.
TRAP = """() => {
  window.__clicked = [];
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a');
    if (a) { window.__clicked.push(a.getAttribute('href')); ev.preventDefault(); }
  }, true);
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "hostile", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app(site_url, module_page):
    page = fresh_app(module_page, site_url, timeout=90000)
    page.get_by_test_id("stVegaLiteChart").first.locator("svg, canvas").first.wait_for(timeout=30000)
    # The chance given to hostile markup to run a script: every image has loaded or
    # failed (an onerror would have fired) and the tasks queued meanwhile have run.
    handlers_had_their_turn(page)
    return page


def audit(page):
    result = page.evaluate(AUDIT)
    assert result == {"pwned": None, "bad": []}


def test_nothing_runs_and_no_active_markup_after_render(app):
    audit(app)


def test_payloads_show_as_text_where_streamlit_shows_text(app):
    main = app.get_by_test_id("stMain").inner_text()
    for prefix in ("md", "write", "text", "code", "caption", "title", "header", "label", "sel",
                   "rad", "fmt1", "ms", "cb", "btn", "err", "RuntimeError: exc", "col", "cell",
                   "metric", "val", "delta", "chat", "boom"):
        assert f"{prefix} {IMG}" in main, prefix
    charts = app.get_by_test_id("stVegaLiteChart")
    assert "chart " + IMG in charts.nth(0).locator("svg").first.text_content()
    assert "xl " + IMG in charts.nth(1).locator("svg").first.text_content()
    assert app.title() == "title " + IMG + "<script>window.__pwned=1</script>"
    assert IMG in app.get_by_test_id("stToast").inner_text()
    assert app.get_by_placeholder("ph " + IMG).count() == 1
    assert app.locator("#htmlp").inner_text() == "html ok"


def test_links_are_neutralised_and_safe_ones_kept(app):
    hrefs = {a.inner_text(): a.get_attribute("href")
             for a in app.get_by_test_id("stMain").locator("a").all() if a.inner_text()}
    assert hrefs["ok"] == "https://example.com"
    assert hrefs["mail"] == "mailto:a@b.c"
    assert hrefs["rel"] == "/page"
    assert hrefs["lbok"] == "https://example.com"
    for text in ("htmljs", "htmldata", "htmljs2", "htmljs3", "lbjs", "lbdata", "stjs"):
        assert hrefs.get(text) is None, text


def test_interacting_runs_nothing(app):
    app.evaluate(TRAP)
    app.get_by_test_id("stSelectbox").locator("[role=combobox]").click(force=True)
    option = app.get_by_role("option").filter(has_text="opt " + IMG)
    option.wait_for(timeout=5000)
    assert IMG in option.inner_text()
    app.keyboard.press("Escape")
    app.get_by_test_id("stMultiSelect").locator("[role=combobox]").click(force=True)
    app.get_by_role("option").filter(has_text="mopt " + IMG).wait_for(timeout=5000)
    app.keyboard.press("Escape")
    for icon in app.get_by_test_id("stTooltipIcon").all():
        icon.hover()
    links = app.get_by_test_id("stMain").locator("a").all()
    for link in links:
        if link.is_visible():
            link.click(timeout=5000, force=True)
    clicked = app.evaluate("window.__clicked")
    assert clicked, "no link was clicked"
    for href in clicked:
        assert href is None or href.split(":", 1)[0] in ("https", "mailto") or href[0] in "/#", href
    # What a clicked hostile link could run (a navigation or handler queued by the click)
    # has had its turn before the audit.
    handlers_had_their_turn(app)
    audit(app)
