"""st.dataframe, st.table and st.metric under CPython: the props the page gets for each
data shape (dicts of columns, lists, records, numpy / pandas / pyarrow when importable),
column configuration, and Streamlit 1.50's texts and errors."""
import datetime
import decimal

import pytest
from helpers import App


def run(body):
    return App("import streamlit as st\n" + body)


def one(app, kind):
    [node] = app.nodes(kind)
    return node.props


def shown(props):
    """Labels of the columns the grid shows, in order."""
    return [props["columns"][i]["label"] for i in props["order"]]


def rows(props):
    """The shown columns' values, row by row."""
    cols = [props["data"][i] for i in props["order"]]
    return [list(r) for r in zip(*cols)]


# --- st.dataframe -----------------------------------------------------------------------

def test_a_dict_of_columns_is_shown_without_its_range_index():
    props = one(run('st.dataframe({"a": [1, 2], "b": ["x", None]})'), "dataframe")
    assert shown(props) == ["a", "b"]
    assert rows(props) == [[1, "x"], [2, None]]
    assert [c["type"] for c in props["columns"]] == ["number", "number", "text"]


def test_a_list_of_records_gets_every_key_as_a_column():
    props = one(run('st.dataframe([{"a": 1}, {"b": 2.5, "a": 3}])'), "dataframe")
    assert shown(props) == ["a", "b"]
    assert rows(props) == [[1, None], [3, 2.5]]


def test_a_key_value_dict_keeps_its_keys_as_the_index():
    props = one(run('st.dataframe({"x": 1, "y": 2})'), "dataframe")
    assert shown(props) == ["", "value"]
    assert rows(props) == [["x", 1], ["y", 2]]


def test_hide_index_overrides_the_default_either_way():
    props = one(run('st.dataframe({"a": [1, 2]}, hide_index=False)'), "dataframe")
    assert shown(props) == ["", "a"] and rows(props) == [[0, 1], [1, 2]]
    props = one(run('st.dataframe({"x": 1}, hide_index=True)'), "dataframe")
    assert shown(props) == ["value"]


def test_column_order_and_column_config_labels_hide_and_order_columns():
    props = one(run('st.dataframe({"a": [1], "b": [2], "c": [3]}, column_order=["c", "a", "b"],'
                    ' column_config={"a": "Alpha", "b": None})'), "dataframe")
    assert shown(props) == ["c", "Alpha"]


def test_column_config_factories_set_type_and_format():
    app = run('st.dataframe({"p": [1.5], "d": [__import__("datetime").date(2024, 1, 31)], "u": ["https://x.io"]},'
              ' column_config={"p": st.column_config.NumberColumn("Price", format="dollar"),'
              ' "u": st.column_config.LinkColumn(display_text="open"),'
              ' "d": st.column_config.DateColumn(format="MMM YYYY")})')
    props = one(app, "dataframe")
    cols = {c["name"]: c for c in props["columns"]}
    assert (cols["p"]["label"], cols["p"]["type"], cols["p"]["format"]) == ("Price", "number", "dollar")
    assert (cols["d"]["type"], cols["d"]["format"]) == ("date", "MMM YYYY")
    assert (cols["u"]["type"], cols["u"]["display_text"]) == ("link", "open")
    assert rows(props) == [[1.5, "2024-01-31", "https://x.io"]]


def test_plain_dicts_in_column_config_work_like_the_factories():
    props = one(run('st.dataframe({"v": [0.5]}, column_config={"v": {"label": "V", "type_config":'
                    ' {"type": "progress", "min_value": 0, "max_value": 1}}})'), "dataframe")
    [col] = [c for c in props["columns"] if c["name"] == "v"]
    assert (col["label"], col["type"], col["min"], col["max"]) == ("V", "progress", 0, 1)


def test_column_config_factories_return_streamlits_dict_shape():
    app = run('st.session_state.c = st.column_config.NumberColumn("N", format="%.2f", min_value=0)\n'
              'st.session_state.t = st.column_config.DatetimeColumn(default=__import__("datetime").datetime(2024, 1, 2, 3, 4))\n'
              'st.session_state.s = st.column_config.SelectboxColumn(options=[1, 2], format_func=str)')
    assert app.state["c"] == {"label": "N", "width": None, "help": None, "disabled": None,
                              "required": None, "default": None, "pinned": None,
                              "type_config": {"type": "number", "min_value": 0, "max_value": None,
                                              "format": "%.2f", "step": None}}
    assert app.state["t"]["default"] == "2024-01-02T03:04:00"
    assert app.state["s"]["type_config"]["options"] == [{"value": 1, "label": "1"}, {"value": 2, "label": "2"}]


def test_dates_lists_and_booleans_are_typed_for_the_grid():
    props = one(run('import datetime\nst.dataframe({"d": [datetime.datetime(2024, 1, 2, 3, 4, 5)],'
                    ' "l": [["a", "b"]], "b": [True]})'), "dataframe")
    cols = {c["name"]: c["type"] for c in props["columns"]}
    assert (cols["d"], cols["l"], cols["b"]) == ("datetime", "list", "checkbox")
    assert rows(props) == [["2024-01-02 03:04:05", ["a", "b"], True]]


def test_width_height_and_use_container_width():
    props = one(run('st.dataframe([1, 2], width=300, height=200)'), "dataframe")
    assert (props["width"], props["height"]) == (300, 200)
    props = one(run('st.dataframe([1, 2], use_container_width=False)'), "dataframe")
    assert props["width"] == "content" and props["height"] is None


def test_none_is_an_empty_dataframe():
    props = one(run("st.dataframe()"), "dataframe")
    assert rows(props) == []


def test_an_invalid_on_select_is_streamlits_error():
    [exc] = run('st.dataframe([1], on_select="bad")').exceptions()
    assert exc["message"] == ("You have passed bad to `on_select`. But only 'ignore', "
                              "'rerun', or a callable is supported.")


def test_selections_start_empty_and_come_back_from_the_page():
    app = run('ev = st.dataframe([1, 2, 3], on_select="rerun", key="sel")\n'
              'st.markdown(repr(ev.selection.rows))\nst.markdown(repr(st.session_state.sel["selection"]["rows"]))')
    assert app.texts() == ["[]", "[]"]
    [node] = app.nodes("dataframe")
    assert node.props["selection_mode"] == ["multi-row"]
    assert node.props["value"] == {"selection": {"rows": [], "columns": [], "cells": []}}
    app._send({"kind": "widgets", "values": {node.props["id"]: {"selection": {"rows": [0, 2]}}}})
    assert app.texts() == ["[0, 2]", "[0, 2]"]


def test_a_selection_callback_runs_before_the_script():
    app = run('def changed():\n    st.session_state.log = st.session_state.sel.selection.rows\n'
              'st.dataframe([1, 2], on_select=changed, key="sel", selection_mode="single-row")\n'
              'st.markdown(repr(st.session_state.get("log")))')
    [node] = app.nodes("dataframe")
    app._send({"kind": "widgets", "values": {node.props["id"]: {"selection": {"rows": [1]}}}})
    assert app.texts() == ["[1]"]


def test_selection_mode_errors_are_streamlits():
    [exc] = run('st.dataframe([1], on_select="rerun", selection_mode=["single-row", "multi-row"])').exceptions()
    assert exc["message"] == "Only one of `single-row` or `multi-row` can be selected as selection mode."
    [exc] = run('st.dataframe([1], on_select="rerun", selection_mode="rows")').exceptions()
    assert exc["message"].startswith("Invalid selection mode: rows. Valid options are: {")


def test_a_value_written_under_a_selectable_dataframes_key_is_refused():
    [exc] = run('st.session_state.sel = 1\nst.dataframe([1], on_select="rerun", key="sel")').exceptions()
    assert exc["type"].endswith("StreamlitValueAssignmentNotAllowedError")


def test_an_invalid_width_is_streamlits_error():
    [exc] = run('st.dataframe([1], width="wide")').exceptions()
    assert "Invalid width value: 'wide'" in exc["message"]


def test_dataframe_returns_a_writer():
    app = run('st.dataframe([1]).markdown("after")')
    assert app.texts() == ["after"]


# --- numpy, pandas, pyarrow (by duck typing) -----------------------------------------------

def test_numpy_arrays_become_numbered_columns_without_index():
    pytest.importorskip("numpy")
    props = one(run('import numpy as np\nst.dataframe(np.array([[1, 2], [3, 4]]))'), "dataframe")
    assert shown(props) == ["0", "1"] and rows(props) == [[1, 2], [3, 4]]
    # Streamlit 1.50 names the single column of a 1-D array "value"
    # (dataframe_util._fix_column_naming; its AppTest returns that column).
    props = one(run('import numpy as np\nst.dataframe(np.array([1.5, 2.5]))'), "dataframe")
    assert shown(props) == ["value"] and rows(props) == [[1.5], [2.5]]


def test_a_pandas_dataframe_keeps_its_index():
    pytest.importorskip("pandas")
    props = one(run('import pandas as pd\nst.dataframe(pd.DataFrame({"v": [1.0, None]}, index=["r1", "r2"]))'),
                "dataframe")
    assert shown(props) == ["", "v"] and rows(props) == [["r1", 1.0], ["r2", None]]


def test_a_pandas_series_is_one_column():
    pytest.importorskip("pandas")
    props = one(run('import pandas as pd\nst.table(pd.Series([1, 2], name="s"))'), "table")
    assert [c["label"] for c in props["columns"]] == ["", "s"]
    assert props["data"] == [[0, 1], [1, 2]]


def test_a_pyarrow_table_is_shown_by_columns():
    pytest.importorskip("pyarrow")
    props = one(run('import pyarrow as pa\nst.dataframe(pa.table({"a": [1, 2]}))'), "dataframe")
    assert rows(props)[-1][-1] == 2


# --- st.table ------------------------------------------------------------------------------

def test_table_always_shows_the_index():
    props = one(run('st.table([{"name": "Ann", "age": 3.5}, {"name": "Bob", "age": None}])'), "table")
    assert [c["label"] for c in props["columns"]] == ["", "name", "age"]
    assert [c["kind"] for c in props["columns"]] == ["integer", "string", "float"]
    assert props["data"] == [[0, 1], ["Ann", "Bob"], [3.5, None]]


def test_table_of_values_has_a_value_column():
    props = one(run("st.table([1, 2, 3])"), "table")
    assert [c["label"] for c in props["columns"]] == ["", "value"]


def test_table_border_modes_and_error():
    assert one(run('st.table([1], border="horizontal")'), "table")["border"] == "horizontal"
    assert one(run("st.table([1], border=False)"), "table")["border"] is False
    [exc] = run('st.table([1], border="thick")').exceptions()
    assert exc["message"] == "Invalid `border` value. Valid values are: True, False, 'horizontal'."


# --- st.metric -----------------------------------------------------------------------------

@pytest.mark.parametrize("delta, color, expected", [
    (1.5, "normal", ("1.5", "green", "up")),
    ("-8%", "normal", ("-8%", "red", "down")),
    (-2, "inverse", ("-2", "green", "down")),
    (3, "inverse", ("3", "red", "up")),
    ("3", "off", ("3", "gray", "up")),
    ("-3", "off", ("-3", "gray", "down")),
    (None, "normal", ("", "gray", "none")),
    ("", "normal", ("", "gray", "none")),
])
def test_metric_delta_text_colour_and_arrow(delta, color, expected):
    props = one(run(f"st.metric('m', 1, {delta!r}, delta_color={color!r})"), "metric")
    assert (props["delta"], props["color"], props["direction"]) == expected


@pytest.mark.parametrize("value, text", [(70, "70"), (1.50, "1.5"), ("9 mph", "9 mph"), (None, "—")])
def test_metric_value_text(value, text):
    assert one(run(f"st.metric('m', {value!r})"), "metric")["body"] == text


def test_metric_decimal_and_numpy_values():
    assert one(run("import decimal\nst.metric('m', decimal.Decimal('1.50'))"), "metric")["body"] == "1.50"
    pytest.importorskip("numpy")
    props = one(run("import numpy as np\nst.metric('m', np.int64(5), np.float64(-0.5))"), "metric")
    assert (props["body"], props["delta"], props["direction"]) == ("5", "-0.5", "down")


def test_metric_options_reach_the_page():
    props = one(run("st.metric('m', 1, help='  some help', label_visibility='collapsed', border=True,"
                    " chart_data=[1, '2', 3.5], chart_type='bar')"), "metric")
    assert (props["help"], props["label_visibility"], props["border"]) == ("some help", "collapsed", True)
    assert (props["chart_data"], props["chart_type"]) == ([1.0, 2.0, 3.5], "bar")


def test_metric_errors_are_streamlits():
    [exc] = run("st.metric('m', 1, 2, delta_color='blue')").exceptions()
    assert exc["message"] == ("'blue' is not an accepted value. delta_color only accepts: "
                              "'normal', 'inverse', or 'off'")
    [exc] = run("st.metric('m', 1, label_visibility='gone')").exceptions()
    assert exc["message"] == ("Unsupported label_visibility option 'gone'. "
                              "Valid values are 'visible', 'hidden' or 'collapsed'.")
    [exc] = run("st.metric('m', 1, chart_data=[1, 'x'])").exceptions()
    assert exc["message"] == ("Only numeric values are supported for chart data sequence. The "
                              "value 'x' is of type <class 'str'> and cannot be converted to float.")
    [exc] = run("st.metric('m', [1])").exceptions()
    assert exc["message"] == ("'[1]' is of type <class 'list'>, which is not an accepted type. "
                              "Please convert the value to an accepted number type.")
