"""st.dataframe, st.table, st.data_editor, st.metric and st.json with real pandas and numpy:
what the page gets for each dtype, and what the app gets back.

Where the expectations come from (Streamlit 1.50.0):
- column types: the grid's `getColumnTypeFromArrow` (frontend/lib/src/components/widgets/
  DataFrame/arrowUtils.ts): "unicode"/"empty" -> text, "datetime"/"datetimetz" -> datetime,
  "date" -> date, "time" -> time, "bool" -> checkbox, ints/floats/"range"/"decimal" -> number,
  "categorical" -> selectbox (its options the categories), "list..." -> list, anything else
  (object, timedelta, period, ...) -> an object column showing `Quiver.format`'s text;
- a datetimetz column shows "YYYY-MM-DD HH:mm:ssZ" in its own zone (DateTimeColumn.ts adds
  "Z" to the default format when the Arrow type has a time zone);
- timedeltas are text from moment's `duration.humanize()` (Quiver.formatDuration);
- dicts (an Arrow struct) show as compact JSON (Quiver.format, `JSON.stringify`);
- MultiIndex columns: the last level is the header, the upper ones joined by " / " the
  group (arrowUtils.ts `getColumnFromArrow`); a MultiIndex index is one index column per
  level, titled by the level's name;
- mixed columns become pandas' "string" dtype when Arrow refuses them
  (dataframe_util.fix_arrow_incompatible_column_types);
- the shapes and dtypes the app gets back from st.data_editor were printed by Streamlit
  1.50's own AppTest (streamlit==1.50.0, pandas 2.3.3) for the same calls.
"""
from __future__ import annotations

import datetime
import decimal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import App

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

RUNTIME = Path(__file__).resolve().parents[2] / "runtime"


def run(body: str) -> App:
    return App("import streamlit as st\nimport pandas as pd\nimport numpy as np\n"
               "import datetime, decimal\n" + body)


def one(app: App, kind: str) -> dict:
    [node] = app.nodes(kind)
    return node.props


def column(props: dict, label: str) -> tuple[dict, list]:
    """A data column's props and values, by its header."""
    [position] = [i for i, c in enumerate(props["columns"]) if c["label"] == label and not c["is_index"]]
    return props["columns"][position], props["data"][position]


def test_importing_wasmlit_and_plain_data_do_not_load_pandas_or_numpy():
    code = ("import sys, wasmlit\n"
            "from wasmlit import AppSession\n"
            "s = AppSession('import streamlit as st\\nst.dataframe({\"a\": [1]})\\n"
            "st.table([1, 2])\\nst.metric(\"m\", 1)\\nst.data_editor({\"a\": [1]})', 'app.py', None)\n"
            "s.enqueue({'kind': 'rerun'}); s.run_pending()\n"
            "print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(RUNTIME)}, check=True)
    assert out.stdout.strip() == "[]"


def test_each_dtype_gets_the_column_type_streamlit_gives_it():
    props = one(run("""
df = pd.DataFrame({
    "i": [1, 2], "f": [1.5, None], "s": ["a", None], "b": [True, False],
    "n": pd.array([1, None], dtype="Int64"), "nb": pd.array([True, None], dtype="boolean"),
    "t": pd.to_datetime(["2024-01-02 03:04:05", None]),
    "tz": pd.date_range("2024-01-01", periods=2, tz="Europe/Berlin"),
    "c": pd.Categorical(["x", "y"], categories=["y", "x", "z"]),
    "d": pd.to_timedelta([1, 2], unit="D"),
    "dec": [decimal.Decimal("1.10"), decimal.Decimal("2.5")],
    "l": [[1, 2], [3]], "m": [{"k": 1}, {"k": 2}],
    "day": [datetime.date(2024, 1, 2), None], "time": [datetime.time(1, 2, 3), None],
    "str": pd.array(["p", None], dtype="string"),
})
st.dataframe(df)
"""), "dataframe")
    types = {c["label"]: c["type"] for c in props["columns"] if not c["is_index"]}
    assert types == {"i": "number", "f": "number", "s": "text", "b": "checkbox", "n": "number",
                     "nb": "checkbox", "t": "datetime", "tz": "datetime", "c": "selectbox",
                     "d": "text", "dec": "number", "l": "list", "m": "json", "day": "date",
                     "time": "time", "str": "text"}
    index = props["columns"][0]
    assert (index["is_index"], index["type"], index["label"]) == (True, "number", "")
    assert props["data"][0] == [0, 1]
    assert column(props, "c")[0]["options"] == ["y", "x", "z"]


def test_missing_values_reach_the_page_as_none():
    props = one(run("""
st.dataframe(pd.DataFrame({"f": [np.nan, np.inf, 2.0], "n": pd.array([None, 1, 2], dtype="Int64"),
                           "s": [None, "a", "b"], "t": pd.to_datetime([None, "2024-01-01", None]),
                           "c": pd.Categorical([None, "a", "a"])}))
"""), "dataframe")
    for label in ("f", "n", "s", "t", "c"):
        assert column(props, label)[1][0] is None
    assert column(props, "f")[1] == [None, None, 2.0]  # JSON has no NaN or Infinity
    assert column(props, "n")[1] == [None, 1, 2]


def test_time_zone_aware_datetimes_show_their_own_wall_clock_and_offset():
    # Across the switch to summer time in Berlin: +01:00 then +02:00.
    props = one(run("""
st.dataframe(pd.DataFrame({"tz": pd.date_range("2024-03-30 12:00", periods=3, tz="Europe/Berlin"),
                           "utc": pd.to_datetime(["2024-01-01 10:00:00"] * 3, utc=True)}))
"""), "dataframe")
    col, values = column(props, "tz")
    assert col["timezone"] == "Europe/Berlin"
    assert values == ["2024-03-30 12:00:00+01:00", "2024-03-31 12:00:00+02:00",
                      "2024-04-01 12:00:00+02:00"]
    assert column(props, "utc")[1] == ["2024-01-01 10:00:00+00:00"] * 3


def test_naive_datetimes_and_dates_keep_their_wall_clock():
    props = one(run("""
st.dataframe(pd.DataFrame({"t": pd.to_datetime(["2024-01-02 03:04:05", "1969-12-31 23:59:59"]),
                           "day": [datetime.date(2024, 1, 2), datetime.date(1999, 12, 31)]}))
"""), "dataframe")
    stamps = column(props, "t")[1]
    as_utc = [datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms) for ms in stamps]
    assert as_utc == [datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(1969, 12, 31, 23, 59, 59)]
    assert column(props, "day")[1] == ["2024-01-02", "1999-12-31"]


@pytest.mark.parametrize("delta, text", [
    # moment.js duration.humanize() with its default thresholds (ss 44, s 45, m 45, h 22,
    # d 26, M 11): what Streamlit's grid shows for a timedelta.
    ("10s", "a few seconds"), ("44s", "a few seconds"), ("45s", "a minute"), ("89s", "a minute"),
    ("90s", "2 minutes"), ("44min", "44 minutes"), ("45min", "an hour"), ("3h", "3 hours"),
    ("21h", "21 hours"), ("22h", "a day"), ("1D", "a day"), ("2D", "2 days"),
    ("25D", "25 days"), ("26D", "a month"), ("45D", "a month"), ("46D", "2 months"),
    ("300D", "10 months"), ("320D", "a year"), ("547D", "a year"), ("548D", "2 years"),
    ("-2D", "2 days"),
])
def test_timedeltas_show_as_moment_humanizes_them(delta, text):
    props = one(run(f"st.dataframe(pd.DataFrame({{'d': pd.to_timedelta([{delta!r}, None])}}))"),
                "dataframe")
    assert column(props, "d")[1] == [text, None]


def test_decimals_are_numbers_and_lists_and_dicts_keep_their_shape():
    props = one(run("""
st.dataframe(pd.DataFrame({"dec": [decimal.Decimal("1.10"), None], "l": [[1, 2], None],
                           "a": [np.array([1, 2]), np.array([3])], "m": [{"k": [1]}, None]}))
"""), "dataframe")
    assert column(props, "dec")[1] == [1.1, None]
    assert column(props, "l")[1] == [[1, 2], None]
    assert column(props, "a")[1] == [[1, 2], [3]]
    assert column(props, "m")[1] == [{"k": [1]}, None]


def test_mixed_columns_become_text_as_streamlit_fixes_them_for_arrow():
    props = one(run('st.dataframe(pd.DataFrame({"m": [1, "a", None], "d": [{"k": 1}, {"k": 2}, None]}))'),
                "dataframe")
    # Arrow refuses "m" (int and str), so Streamlit turns every flagged column into
    # strings: "d" too, its first value being a dict.
    assert column(props, "m")[0]["type"] == "text" and column(props, "m")[1] == ["1", "a", None]
    assert column(props, "d")[1] == ["{'k': 1}", "{'k': 2}", None]


def test_dict_columns_alone_stay_json_objects():
    props = one(run('st.dataframe(pd.DataFrame({"d": [{"k": 1}, None]}))'), "dataframe")
    assert column(props, "d")[0]["type"] == "json" and column(props, "d")[1] == [{"k": 1}, None]


def test_pandas_3_string_dtype_is_text():
    props = one(run('st.dataframe(pd.DataFrame({"s": pd.Series(["a", None], dtype="str")}))'), "dataframe")
    assert column(props, "s")[0]["type"] == "text" and column(props, "s")[1] == ["a", None]


def test_a_named_index_is_shown_first_with_its_name():
    props = one(run('st.dataframe(pd.DataFrame({"a": [1, 2]}, index=pd.Index(["r1", "r2"], name="rows")))'),
                "dataframe")
    assert [props["columns"][i]["label"] for i in props["order"]] == ["rows", "a"]
    assert props["data"][0] == ["r1", "r2"] and props["columns"][0]["type"] == "text"


def test_a_datetime_index_is_a_datetime_column():
    props = one(run('st.dataframe(pd.DataFrame({"a": [1]}, index=pd.DatetimeIndex(["2024-01-02"], tz="UTC")))'),
                "dataframe")
    assert props["columns"][0]["type"] == "datetime" and props["data"][0] == ["2024-01-02 00:00:00+00:00"]


def test_a_multiindex_index_is_one_index_column_per_level():
    props = one(run("""
idx = pd.MultiIndex.from_tuples([("a", 1), ("b", 2)], names=["k", None])
st.dataframe(pd.DataFrame({"x": [10, 20]}, index=idx))
"""), "dataframe")
    shown = [props["columns"][i] for i in props["order"]]
    assert [(c["label"], c["is_index"], c["type"]) for c in shown] == [
        ("k", True, "text"), ("", True, "number"), ("x", False, "number")]
    assert props["data"][:2] == [["a", "b"], [1, 2]]


def test_multiindex_columns_are_grouped_under_their_upper_levels():
    props = one(run("""
cols = pd.MultiIndex.from_tuples([("a", "b", "x"), ("a", "", "y"), ("z", "q", "w")])
st.dataframe(pd.DataFrame([[1, 2, 3]], columns=cols))
"""), "dataframe")
    shown = [props["columns"][i] for i in props["order"] if not props["columns"][i]["is_index"]]
    assert [(c["label"], c["group"]) for c in shown] == [("x", "a / b"), ("y", "a"), ("w", "z / q")]


def test_series_index_and_styler_are_shown_as_streamlit_converts_them():
    app = run("""
st.dataframe(pd.Series([1.5, 2.5], name="s"))
st.dataframe(pd.Series([1, 2], index=["x", "y"]))
st.dataframe(pd.Index([3, 4], name="ix"))
st.dataframe(pd.DataFrame({"a": [1]}).style.highlight_max())
""")
    series, unnamed, index, styler = (n.props for n in app.nodes("dataframe"))
    label = lambda p: [p["columns"][i]["label"] for i in p["order"]]  # noqa: E731
    assert label(series) == ["", "s"] and series["data"][1] == [1.5, 2.5]
    assert label(unnamed) == ["", "0"] and unnamed["data"][0] == ["x", "y"]
    assert label(index) == ["ix"]  # an Index has no index of its own: hidden as in 1.50
    assert label(styler) == ["", "a"]


def test_numpy_arrays_keep_their_dtypes():
    props = one(run('st.dataframe(np.array([[1.5, np.nan], [3.0, 4.0]]))'), "dataframe")
    assert [props["columns"][i]["label"] for i in props["order"]] == ["0", "1"]
    assert props["data"][2] == [None, 4.0]


def test_column_config_and_order_apply_to_pandas_columns():
    props = one(run("""
df = pd.DataFrame({"a": [1], "b": [2.5], "c": ["x"]})
st.dataframe(df, hide_index=True, column_order=["c", "a"],
             column_config={"a": st.column_config.NumberColumn("A", format="%d")})
"""), "dataframe")
    shown = [props["columns"][i] for i in props["order"]]
    assert [(c["label"], c["format"]) for c in shown] == [("c", None), ("A", "%d")]


def test_table_gets_the_same_columns():
    props = one(run("""
st.table(pd.DataFrame({"f": [1234.5, None], "t": pd.to_datetime(["2024-01-02 03:04:05", None]),
                       "d": pd.to_timedelta(["1D", None])}))
"""), "table")
    assert [c["label"] for c in props["columns"]] == ["", "f", "t", "d"]
    assert [c["kind"] for c in props["columns"]] == ["integer", "float", "datetime", "timedelta"]
    assert props["data"][1] == [1234.5, None] and props["data"][3] == ["a day", None]


# --- st.data_editor: the app gets its own type back -------------------------------------

def edited(source: str) -> object:
    """What st.data_editor returns for `source` (unedited)."""
    from wasmlit.testing import AppTest
    at = AppTest.from_string("import streamlit as st\nimport pandas as pd\nimport numpy as np\n"
                             f"st.session_state['out'] = st.data_editor({source}, key='ed')\n").run()
    return at.session_state["out"]


@pytest.mark.parametrize("source, check", [
    # Streamlit 1.50's AppTest: Series in -> Series out (name kept; an unnamed one is "0"),
    # 1-D / 2-D numpy in -> numpy out, an Index or a Styler in -> a DataFrame out.
    ('pd.Series([1, 2], name="s")', lambda v: isinstance(v, pd.Series) and v.name == "s"
     and v.tolist() == [1, 2] and str(v.dtype) == "int64"),
    ("pd.Series([1.5, 2.5])", lambda v: isinstance(v, pd.Series) and str(v.name) == "0"
     and v.tolist() == [1.5, 2.5]),
    ("np.array([1, 2])", lambda v: isinstance(v, np.ndarray) and v.tolist() == [1, 2]
     and v.dtype == np.int64),
    ("np.array([[1, 2], [3, 4]])", lambda v: isinstance(v, np.ndarray) and v.tolist() == [[1, 2], [3, 4]]),
    ("pd.Index([1, 2])", lambda v: isinstance(v, pd.DataFrame) and v.iloc[:, 0].tolist() == [1, 2]),
    ('pd.DataFrame({"a": [1]}).style', lambda v: isinstance(v, pd.DataFrame) and v["a"].tolist() == [1]),
    ('pd.DataFrame({"a": [1, 2], "c": pd.Categorical(["x", "y"]), "n": pd.array([1, None], dtype="Int64")})',
     lambda v: {k: str(t) for k, t in v.dtypes.items()} == {"a": "int64", "c": "category", "n": "Int64"}),
])
def test_data_editor_returns_the_type_it_was_given(source, check):
    assert check(edited(source))


def test_data_editor_edits_a_series_and_an_array_in_their_own_type():
    app = App("""
import streamlit as st
import pandas as pd
import numpy as np
s = st.data_editor(pd.Series([1, 2], name="s"), key="s")
a = st.data_editor(np.array([1.5, 2.5]), key="a")
st.markdown(repr((type(s).__name__, s.tolist(), type(a).__name__, a.tolist())))
""")
    ids = [n.props["id"] for n in app.nodes("data_editor")]
    state = {"edited_rows": {"1": {"s": 7}}, "added_rows": [], "deleted_rows": []}
    app._send({"kind": "widgets", "values": {ids[0]: state}})
    state = {"edited_rows": {"0": {"value": 9.5}}, "added_rows": [], "deleted_rows": []}
    app._send({"kind": "widgets", "values": {ids[1]: state}})
    assert app.texts()[0] == repr(("Series", [1, 7], "ndarray", [9.5, 2.5]))


def test_a_styler_gives_each_cell_its_text_and_colours():
    # Streamlit 1.50 (pandas_styler_utils._use_display_values): every cell's text is
    # str(value) unless the Styler formats it; `highlight_max` colours the cell yellow (the
    # grid then uses a dark text colour, arrowUtils.applyPandasStylerCss).
    props = one(run("""
df = pd.DataFrame({"a": [1.5, 2.25], "b": [0.5, 1.0], "s": ["x", "y"]})
st.dataframe(df.style.format({"a": "{:.1f}"}).highlight_max(subset=["a"]))
"""), "dataframe")
    assert column(props, "a")[0]["display"] == ["1.5", "2.2"]
    assert column(props, "b")[0]["display"] == ["0.500000", "1.000000"]
    assert column(props, "s")[0]["display"] == ["x", "y"]
    assert column(props, "a")[0]["styles"] == {1: ["#31333F", "yellow"]}
    assert column(props, "a")[1] == [1.5, 2.25]  # the values stay (sorting, AppTest)


def test_a_styler_over_the_cell_limit_is_refused_with_streamlits_message():
    app = run("""
with pd.option_context("styler.render.max_elements", 3):
    st.dataframe(pd.DataFrame({"a": [1, 2], "b": [3, 4]}).style)
""")
    [exc] = app.exceptions()
    assert exc["message"].startswith("The dataframe has `4` cells, but the maximum number of cells "
                                     "allowed to be rendered by Pandas Styler is configured to `3`.")


def test_metric_chart_data_takes_the_first_column_of_pandas_data():
    # Streamlit 1.50 metric: chart_data goes through dataframe_util.convert_anything_to_list
    # (a table's first column, a sequence's items), each value as float().
    app = run("""
st.metric("a", 1, chart_data=pd.DataFrame({"x": [1, 2.5], "y": [9, 9]}))
st.metric("b", 1, chart_data=pd.Series([3, 4]))
st.metric("c", 1, chart_data=np.array([5, 6]))
""")
    assert [n.props["chart_data"] for n in app.nodes("metric")] == [[1.0, 2.5], [3.0, 4.0], [5.0, 6.0]]
