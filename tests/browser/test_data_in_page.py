"""st.dataframe, st.table and st.metric in Chromium: the grid keeps only the rows in view
in the DOM (100,000 rows, scrolled to the end), sorts on header clicks, formats columns
by their column_config, and sends row selections; metrics show Streamlit's arrows and
colours."""
from __future__ import annotations

import pytest

from sites import build_site

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import streamlit as st

N = 100000
st.dataframe({"n": list(range(N)), "name": [f"row {i}" for i in range(N)]}, height=350, key="big")
st.dataframe({"price": [20.25, 1.5, None], "share": [0.1, 0.25, 0.5], "city": ["Rome", "Oslo", "Bern"]},
             column_config={"price": st.column_config.NumberColumn("Price", format="dollar"),
                            "share": st.column_config.NumberColumn(format="percent")},
             hide_index=True)
st.table({"a": [1, 2], "b": ["x", "y"]})
st.metric("Up", 70, 1.5)
st.metric("Down", 70, "-8%")
st.metric("Inverse down", 5, -2, delta_color="inverse")
st.metric("Off", 5, 3, delta_color="off")
event = st.dataframe({"fruit": ["apple", "pear", "plum"]}, on_select="rerun", key="pick")
st.markdown(f"picked: {event.selection.rows}")
'''

GREEN, RED, GRAY = "rgb(21, 130, 55)", "rgb(189, 64, 67)", "rgba(49, 51, 63, 0.6)"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    work = tmp_path_factory.mktemp("data")
    app = work / "data_app.py"
    app.write_text(APP)
    return serve(build_site(app, work / "site")).url


@pytest.fixture
def app(site_url, page):
    page.goto(site_url)
    page.wait_for_selector(IDLE, timeout=120000)
    page.wait_for_selector("[data-testid='stMetric']", timeout=30000)
    return page


def grid(page, nth):
    return page.get_by_test_id("stDataFrame").nth(nth)


def body_texts(frame, column):
    """Texts of one column in the rows the grid has drawn."""
    return frame.locator(f"tbody tr[role='row'] td[aria-colindex='{column}']").all_inner_texts()


def test_a_100k_row_grid_keeps_few_rows_in_the_dom_and_scrolls_to_the_last(app):
    big = grid(app, 0)
    assert big.get_by_role("grid").get_attribute("aria-rowcount") == "100001"
    assert big.locator("tbody tr[role='row']").count() < 40
    scroller = big.get_by_test_id("stDataFrameResizable")
    scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    app.wait_for_timeout(200)
    assert big.locator("tbody tr[role='row']").count() < 40
    assert "row 99999" in body_texts(big, 2)
    cell = big.get_by_role("gridcell", name="row 99999")
    box, frame_box = cell.bounding_box(), scroller.bounding_box()
    assert frame_box["y"] <= box["y"] and box["y"] + box["height"] <= frame_box["y"] + frame_box["height"] + 1


def test_clicking_a_header_sorts_ascending_descending_then_unsorted(app):
    prices = grid(app, 1)
    header = prices.get_by_role("columnheader", name="Price")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert body_texts(prices, 1) == ["$1.50", "$20.25", ""]
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert body_texts(prices, 1) == ["$20.25", "$1.50", ""]
    header.click()
    assert header.get_attribute("aria-sort") == "none"
    assert body_texts(prices, 3) == ["Rome", "Oslo", "Bern"]
    city = prices.get_by_role("columnheader", name="city")
    city.focus()
    app.keyboard.press("Enter")
    assert body_texts(prices, 3) == ["Bern", "Oslo", "Rome"]


def test_sorting_100k_rows_descending_shows_the_largest_first(app):
    big = grid(app, 0)
    header = big.get_by_role("columnheader", name="n", exact=True)
    header.click()
    header.click()
    assert body_texts(big, 1)[:2] == ["99999", "99998"]


def test_column_formats_follow_column_config(app):
    assert body_texts(grid(app, 1), 2) == ["10%", "25%", "50%"]


def test_table_is_a_static_html_table_with_its_index(app):
    table = app.get_by_test_id("stTableStyledTable")
    assert table.evaluate("t => t.tagName") == "TABLE"
    assert table.locator("tbody th").all_inner_texts() == ["0", "1"]
    assert table.locator("tbody td").all_inner_texts() == ["1", "x", "2", "y"]


def test_metric_arrows_and_colours(app):
    metrics = app.get_by_test_id("stMetric")
    expected = [("Up", GREEN), ("Down", RED), ("Down", GREEN), ("Up", GRAY)]
    for i, (arrow, colour) in enumerate(expected):
        delta = metrics.nth(i).get_by_test_id("stMetricDelta")
        assert delta.get_by_test_id(f"stMetricDeltaIcon-{arrow}").count() == 1
        assert delta.evaluate("e => getComputedStyle(e).color") == colour
    assert metrics.nth(0).get_by_test_id("stMetricLabel").evaluate("e => e.tagName") == "LABEL"


def test_row_selection_reaches_the_script_by_data_position_after_sorting(app):
    picker = grid(app, 2)
    picker.get_by_role("columnheader", name="fruit").click()
    picker.get_by_role("columnheader", name="fruit").click()   # descending: plum, pear, apple
    picker.get_by_role("checkbox", name="Select row 1").check()  # apple, data row 0
    app.wait_for_timeout(200)
    app.wait_for_selector(IDLE)
    picker.get_by_role("checkbox", name="Select row 3").check()  # plum, data row 2
    app.wait_for_timeout(200)
    app.wait_for_selector(IDLE)
    assert app.get_by_text("picked: [0, 2]").count() == 1
    assert picker.locator("tbody td[aria-colindex='1']").all_inner_texts() == ["plum", "pear", "apple"]
    assert picker.get_by_role("checkbox", name="Select all rows").evaluate("b => b.indeterminate")
