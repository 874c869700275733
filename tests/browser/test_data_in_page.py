"""st.dataframe, st.table and st.metric in Chromium: the grid keeps only the rows in view
in the DOM (100,000 rows, scrolled to the end), sorts on header clicks, formats columns
by their column_config, and sends row selections; metrics show Streamlit's arrows and
colours; pandas dtypes (time zones, timedeltas, Int64, decimals, categoricals, lists,
dicts, MultiIndex columns) show as Streamlit 1.50 formats them."""
from __future__ import annotations

import importlib.util
import json

import pytest

from sites import build_site, fresh_app, run_after

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


# pandas data: the page's Pyodide has no pandas offline, so the engine makes the props of
# st.dataframe / st.table for real pandas frames here, under CPython, and the app writes
# those props as they are. What Streamlit 1.50 shows for each cell (the expectations below)
# comes from its frontend: DateTimeColumn ("YYYY-MM-DD HH:mm:ss", "Z" added for a column
# with a time zone, shown in that zone), Quiver.format (timedeltas humanized by moment.js,
# decimals without trailing zeros, dicts as compact JSON, floats in st.table as numbro
# "0,0.0000"), arrowUtils.getColumnFromArrow (MultiIndex column groups "a / b") and
# getCellFromArrow (a Styler's display text replaces the cell's, its colours apply;
# pandas_styler_utils makes every cell's text, so unformatted floats show pandas' 6 places).
PANDAS_APP = """
import datetime, decimal
import numpy as np
import pandas as pd
import streamlit as st

df = pd.DataFrame({
    "tz": pd.date_range("2024-03-30 12:00", periods=3, tz="Europe/Berlin"),
    "when": pd.to_datetime(["2024-01-02 03:04:05", None, "1999-12-31 23:59:59"]),
    "span": pd.to_timedelta(["1D", "3h", None]),
    "n": pd.array([1, None, 3], dtype="Int64"),
    "dec": [decimal.Decimal("1.10"), decimal.Decimal("2.5"), None],
    "cat": pd.Categorical(["x", "y", None]),
    "tags": [["a", "b"], [], None],
    "obj": [{"k": 1}, None, {"k": 2}],
    "f": [1234.5, np.nan, 0.25],
})
st.dataframe(df, key="pandas")
st.dataframe(pd.DataFrame([[1, 2, 3]], columns=pd.MultiIndex.from_tuples(
    [("a", "b", "x"), ("a", "b", "y"), ("z", "", "w")])), key="multi")
st.table(df[["when", "span", "obj", "f"]])
st.dataframe(pd.DataFrame({"a": [1.5, 2.25], "b": [0.5, 1.0]}).style
             .format({"a": "{:.1f}"}).highlight_max(subset=["a"]), key="styled")
"""


def pandas_elements() -> list:
    """(kind, props) of PANDAS_APP's elements, made by the engine with real pandas."""
    pytest.importorskip("pandas")
    from wasmlit import AppSession
    session = AppSession(PANDAS_APP, "pandas_app.py", None)
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    return [(n.kind, n.props) for n in session.tree.roots["main"].children]


def with_pandas_elements(app: str) -> str:
    try:
        elements = pandas_elements()
    except pytest.skip.Exception:
        return app
    return app + (
        "\nimport json\n"
        f"for kind, props in json.loads({json.dumps(json.dumps(elements))}):\n"
        "    st.container().place_element(kind, props)\n")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    work = tmp_path_factory.mktemp("data")
    app = work / "data_app.py"
    app.write_text(with_pandas_elements(APP))
    return serve(build_site(app, work / "site")).url


@pytest.fixture
def app(site_url, module_page):
    """A fresh app in the module's page (one Pyodide start for the module)."""
    page = fresh_app(module_page, site_url, timeout=120000)
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
    big.get_by_role("gridcell", name="row 99999").wait_for(timeout=10000)  # the last rows drawn
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
    table = app.get_by_test_id("stTableStyledTable").first
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
    run_after(app, picker.get_by_role("checkbox", name="Select row 1").check)  # apple, data row 0
    run_after(app, picker.get_by_role("checkbox", name="Select row 3").check)  # plum, data row 2
    assert app.get_by_text("picked: [0, 2]").count() == 1
    assert picker.locator("tbody td[aria-colindex='1']").all_inner_texts() == ["plum", "pear", "apple"]
    assert picker.get_by_role("checkbox", name="Select all rows").evaluate("b => b.indeterminate")


# --- pandas data (see PANDAS_APP) ----------------------------------------------------------

def pandas_grid(page):
    if importlib.util.find_spec("pandas") is None:
        pytest.skip("needs pandas under CPython to make the props")
    grids = page.get_by_test_id("stDataFrame")
    assert grids.count() == 6, "the app did not draw the pandas elements"  # not a silent skip
    return grids.nth(3)


def column_texts(frame, label):
    heads = frame.locator("thead tr:last-child th[role='columnheader']").all_inner_texts()
    position = [h.strip() for h in heads].index(label) + 1
    return body_texts(frame, position)


@pytest.fixture
def tokyo_app(site_url, browser):
    """The app in a browser whose own time zone is far from the data's."""
    context = browser.new_context(timezone_id="Asia/Tokyo", viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_selector(IDLE, timeout=120000)
    page.wait_for_selector("[data-testid='stMetric']", timeout=30000)
    yield page
    context.close()


def test_pandas_datetimes_show_their_wall_clock_and_zone_offset(tokyo_app):
    frame = pandas_grid(tokyo_app)
    assert column_texts(frame, "tz") == ["2024-03-30 12:00:00+01:00", "2024-03-31 12:00:00+02:00",
                                         "2024-04-01 12:00:00+02:00"]
    assert column_texts(frame, "when") == ["2024-01-02 03:04:05", "", "1999-12-31 23:59:59"]


def test_pandas_dtypes_show_as_streamlit_formats_them(app):
    frame = pandas_grid(app)
    assert column_texts(frame, "span") == ["a day", "3 hours", ""]
    assert column_texts(frame, "n") == ["1", "", "3"]
    assert column_texts(frame, "dec") == ["1.1", "2.5", ""]
    assert column_texts(frame, "cat") == ["x", "y", ""]
    assert column_texts(frame, "obj") == ['{"k":1}', "", '{"k":2}']
    assert frame.locator("tbody tr[role='row']").first.locator(".wl-grid-chip").all_inner_texts() == ["a", "b"]
    # Missing values show Streamlit's grey "None".
    missing = frame.locator("tbody tr[role='row']").nth(1).locator("td.wl-grid-null").first
    assert missing.evaluate("td => getComputedStyle(td, '::before').content") == '"None"'


def test_multiindex_columns_show_group_headers(app):
    pandas_grid(app)
    frame = app.get_by_test_id("stDataFrame").nth(4)
    groups = frame.locator("thead tr.wl-grid-groups th")
    assert [(t.strip(), span) for t, span in zip(groups.all_inner_texts(),
            [groups.nth(i).get_attribute("colspan") for i in range(groups.count())])] == [
        ("", "1"), ("a / b", "2"), ("z", "1")]
    assert column_texts(frame, "w") == ["3"]


def test_pandas_table_cells_follow_quiver_format(app):
    pandas_grid(app)
    table = app.get_by_test_id("stTableStyledTable").nth(1)
    cells = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert [c.strip() for c in cells] == ["2024-01-02 03:04:05", "a day", '{"k":1}', "1,234.5000"]


def test_a_styler_shows_its_texts_and_colours(app):
    pandas_grid(app)
    frame = app.get_by_test_id("stDataFrame").nth(5)
    assert column_texts(frame, "a") == ["1.5", "2.2"]
    assert column_texts(frame, "b") == ["0.500000", "1.000000"]
    best = frame.locator("tbody tr[role='row']").nth(1).locator("td").nth(1)
    assert best.evaluate("td => getComputedStyle(td).backgroundColor") == "rgb(255, 255, 0)"
