"""Vega-Lite charts in Chromium: what the conformance steps cannot check - every chart kind
draws SVG marks inside its stVegaLiteChart, the Vega bundle (dist/vega.js) is fetched only
once a chart is drawn, a click on a bar reaches the script as Streamlit's point selection,
a dragged interval as {field: [lo, hi]}, and st.map draws its points with the offline
caption."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app, handlers_had_their_turn, is_asset_url

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import streamlit as st

st.title("Charts")
if st.checkbox("Show charts"):
    data = {"a": [1, 3, 2, 4], "b": [2, 1, 4, 3]}
    st.line_chart(data)
    st.bar_chart(data, stack=False)
    st.bar_chart(data, horizontal=True)
    st.area_chart(data)
    st.scatter_chart(data, x="a", y="b", size=50)
    st.map({"lat": [52.5, 48.8], "lon": [13.4, 2.35]})
    spec = {"mark": {"type": "bar"},
            "params": [{"name": "pick", "select": {"type": "point", "fields": ["k"]}}],
            "encoding": {"x": {"field": "k", "type": "nominal"},
                         "y": {"field": "v", "type": "quantitative"}}}
    event = st.vega_lite_chart({"k": ["A", "B", "C"], "v": [3, 5, 2]}, spec,
                               on_select="rerun", key="pick_chart")
    st.write(f"picked: {event.selection.pick!r}")
    brush = {"mark": "point", "params": [{"name": "span", "select": {"type": "interval", "encodings": ["x"]}}],
             "encoding": {"x": {"field": "a", "type": "quantitative"},
                          "y": {"field": "b", "type": "quantitative"}}}
    spans = st.vega_lite_chart(data, brush, on_select="rerun")
    st.write(f"span: {sorted(spans.selection.span)} {len(spans.selection.span.get('a', []))}")
'''

CHARTS = "[data-testid='stVegaLiteChart']"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "charts", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app_page(site_url, module_page):
    page = fresh_app(module_page, site_url)
    page.wait_for_selector("[data-testid='stHeading']")
    return page


@pytest.fixture
def cold_page(site_url, page):
    """A page of its own, for what a page does the first time (loading vega.js)."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_selector(IDLE, timeout=60000)
    page.wait_for_selector("[data-testid='stHeading']")
    page.requested = requested
    return page


def show_charts(page):
    page.get_by_text("Show charts").click()
    page.wait_for_selector(IDLE)
    page.wait_for_function(
        f"() => [...document.querySelectorAll(\"{CHARTS}\")].length === 7 && "
        f"[...document.querySelectorAll(\"{CHARTS}\")].every(c => c.querySelector('svg .mark-group'))",
        timeout=30000)


def test_vega_bundle_loads_only_when_a_chart_is_drawn(cold_page):
    # The chance a load that must not happen is given: the first run has been drawn and
    # the tasks it queued (an import() the drawing started) have run.
    handlers_had_their_turn(cold_page)
    assert not [u for u in cold_page.requested if is_asset_url(u, "vega.js")]
    show_charts(cold_page)
    assert [u for u in cold_page.requested if is_asset_url(u, "vega.js")]


def test_every_chart_kind_draws_marks_in_its_stVegaLiteChart(app_page):
    show_charts(app_page)
    marks = app_page.eval_on_selector_all(
        CHARTS, "els => els.map(e => e.querySelectorAll("
        "'svg g.mark-line path, svg g.mark-rect path, svg g.mark-area path, svg g.mark-symbol path').length)")
    assert len(marks) == 7 and all(n > 0 for n in marks), marks
    deck = app_page.locator("[data-testid='stDeckGlJsonChart']")
    assert deck.locator("svg g.mark-symbol path").count() == 2
    assert "no" in deck.inner_text().lower() and "offline" in deck.inner_text()


def test_clicking_a_bar_sends_the_point_selection_to_the_script(app_page):
    show_charts(app_page)
    assert app_page.get_by_text("picked: {}").count() == 1
    bars = app_page.locator(CHARTS).nth(5).locator("g.mark-rect path")
    bars.nth(1).click()
    app_page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stMarkdown']\")]"
        ".some(e => e.innerText.includes(\"picked: [{\"))", timeout=15000)
    text = app_page.get_by_text("picked:").inner_text()
    assert "'k': 'B'" in text, text


def test_dragging_an_interval_sends_its_field_range_to_the_script(app_page):
    show_charts(app_page)
    assert app_page.get_by_text("span: [] 0").count() == 1
    chart = app_page.locator(CHARTS).nth(6).locator("svg.marks")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] / 2
    app_page.mouse.move(box["x"] + box["width"] * 0.3, y)
    app_page.mouse.down()
    app_page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    app_page.mouse.up()
    app_page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stMarkdown']\")]"
        ".some(e => e.innerText.includes(\"span: ['a'] 2\"))", timeout=15000)
