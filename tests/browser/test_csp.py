"""A built site under a strict Content-Security-Policy (the one README.md recommends): no
inline scripts and no eval beyond 'wasm-unsafe-eval'. Pyodide, Markdown with KaTeX, a
widget rerun, Vega charts (with an interval selection) and a Plotly chart all work without
a single CSP violation."""
from __future__ import annotations

import pytest

from sites import StaticServer, build_source_site, handlers_had_their_turn

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "media-src 'self' blob: data:; font-src 'self' data:; connect-src 'self'; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'")

APP = r'''
import streamlit as st
st.title("CSP app")
st.markdown("**bold** and math $x^2 + \\sqrt{y}$")
st.latex(r"\int_0^1 x\,dx")
name = st.text_input("Your name", value="Ada")
st.write(f"Hello {name}")
st.line_chart({"y": [1, 3, 2, 5]}, x_label="step")
st.vega_lite_chart({"a": [1, 2, 3], "b": [3, 1, 4]},
                   {"mark": "point", "params": [{"name": "pick", "select": "interval"}],
                    "encoding": {"x": {"field": "a", "type": "quantitative"},
                                 "y": {"field": "b", "type": "quantitative"},
                                 "color": {"condition": {"param": "pick", "value": "red"},
                                           "value": "blue"}}})
st.plotly_chart({"data": [{"type": "scatter", "x": [1, 2, 3], "y": [3, 1, 2]}],
                 "layout": {"title": {"text": "plotly under csp"}}})
'''

# Installed before any page script: records CSP violations as they happen.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (ev) => {
  window.__violations.push(`${ev.violatedDirective} ${ev.blockedURI} ${ev.sourceFile}:${ev.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "csp", APP)


def test_site_runs_under_a_strict_csp(site, page):
    server = StaticServer(site, headers={"Content-Security-Policy": CSP})
    try:
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.add_init_script(WATCH)
        page.goto(server.url)
        page.wait_for_selector(IDLE, timeout=90000)
        assert page.get_by_role("heading", name="CSP app").is_visible()
        markdown = page.get_by_test_id("stMarkdownContainer").filter(has_text="bold and math").first
        markdown.locator(".katex").first.wait_for(timeout=10000)
        assert page.locator(".katex-display .katex").count() == 1  # st.latex
        field = page.get_by_label("Your name", exact=True)
        field.fill("Grace")
        field.press("Enter")
        page.get_by_text("Hello Grace").wait_for(timeout=15000)
        charts = page.get_by_test_id("stVegaLiteChart")
        assert charts.count() == 2
        for i in range(2):
            charts.nth(i).locator("svg .mark-line, svg .mark-symbol").first.wait_for(timeout=30000)
        # The interval selection evaluates Vega expressions while dragging.
        charts.nth(1).scroll_into_view_if_needed()  # below the fold: the mouse cannot reach it
        box = charts.nth(1).locator("svg").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.7, steps=5)
        page.mouse.up()
        # The selection's expressions ran: points outside the interval turned blue.
        charts.nth(1).locator("svg .mark-symbol path[stroke='blue']").first.wait_for(timeout=10000)
        handlers_had_their_turn(page)  # a violation's event would have been dispatched
        page.get_by_test_id("stPlotlyChart").get_by_text("plotly under csp").wait_for(timeout=30000)
        assert "Chart error" not in page.get_by_test_id("stMain").inner_text()
        assert page.evaluate("window.__violations") == []
        assert errors == []
    finally:
        server.close()
