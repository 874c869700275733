"""st.plotly_chart in Chromium: a plain dict figure is drawn by plotly.js (SVG marks inside
stPlotlyChart), plotly.js is fetched only once a page draws a plotly chart, and clicking a
bar of a chart with on_select="rerun" gives the script Streamlit's selection state."""
from __future__ import annotations

import pytest

from sites import build_source_site, is_asset_url

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import streamlit as st

st.write("figures page")
if st.checkbox("Show chart"):
    event = st.plotly_chart(
        {"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [3, 1, 2]}],
         "layout": {"height": 300}},
        on_select="rerun", selection_mode="points", key="bars")
    st.write(f"picked: {event.selection.point_indices!r}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "figures", APP)


def test_plotly_is_loaded_only_for_a_chart_which_it_draws_as_svg(site, serve, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(serve(site).url)
    page.wait_for_selector(IDLE, timeout=60000)
    page.get_by_text("figures page").wait_for()
    assert not [url for url in requested if is_asset_url(url, "plotly.js")]
    assert page.get_by_test_id("stPlotlyChart").count() == 0

    page.get_by_text("Show chart").click()
    page.wait_for_selector(IDLE)
    chart = page.get_by_test_id("stPlotlyChart")
    chart.locator("svg.main-svg g.trace.bars path").first.wait_for(timeout=30000)
    assert chart.locator("g.trace.bars g.point").count() == 3
    assert [url for url in requested if is_asset_url(url, "plotly.js")]
    assert page.get_by_text("picked: []").count() == 1

    bar = chart.locator("g.trace.bars g.point path").first
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text("picked: [0]").wait_for(timeout=15000)
