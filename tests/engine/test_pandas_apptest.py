"""AppTest on data apps with real pandas: `at.dataframe[i].value`, `at.table[i].value`,
`at.metric[i]` and `at.json[i].value` as Streamlit 1.50's AppTest gives them.

The expectations were printed by Streamlit 1.50.0's own AppTest (`streamlit.testing.v1`,
pandas 2.3.3, pyarrow) running the same calls, and this file passes unchanged against it
(in a venv with streamlit==1.50.0 and a `wasmlit/testing.py` that re-exports
`streamlit.testing.v1.AppTest`). They are written as the pandas constructions that give
those frames, so they hold under pandas 2 and 3 alike:
- a dict of columns, records, a list of rows -> `pd.DataFrame(data)` (a list of rows has
  columns 0, 1, ...); a list, tuple or 1-D array -> one column "value"; a dict of scalars ->
  index from its keys, column "value"; a 2-D array -> columns 0, 1, ...;
- a Series -> one column named after it (0 when unnamed) on the Series' index; an Index ->
  one column named after it on a RangeIndex; a Styler -> its data;
- DataFrames keep their index, MultiIndex levels, and dtypes (datetime with time zone,
  category, Int64 with <NA>, timedelta; Decimal and dict cells as objects, list cells as
  numpy arrays);
- a column of mixed scalars comes back as pandas' "string" dtype (the Arrow fix);
- `st.dataframe(None)` -> an empty DataFrame;
- Metric: `.value` the body text ("5" for np.int64(5)), `.delta` the delta text, `.color`
  Streamlit's MetricColor enum (RED 0, GREEN 1, GRAY 2);
- Json: `.value` the JSON text, made with `json.dumps(body, default=repr)` (sets as lists),
  so a Series is its repr and np.int64(1) is "np.int64(1)".
"""
from __future__ import annotations

import datetime
import decimal
import json

import pytest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

from wasmlit.testing import AppTest  # noqa: E402

HEADER = "import streamlit as st\nimport pandas as pd\nimport numpy as np\nimport datetime, decimal\n"


def values(body: str, kind: str = "dataframe") -> list:
    at = AppTest.from_string(HEADER + body).run()
    assert not at.exception
    return [e.value for e in getattr(at, kind)]


def same(actual, expected) -> None:
    pd.testing.assert_frame_equal(actual, expected, check_column_type="equiv",
                                  check_index_type="equiv")


@pytest.mark.parametrize("data, expected", [
    ('{"a": [1, 2], "b": ["x", "y"]}', lambda: pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})),
    ("[1, 2, 3]", lambda: pd.DataFrame({"value": [1, 2, 3]})),
    ("(1, 2)", lambda: pd.DataFrame({"value": [1, 2]})),
    ('[{"a": 1, "b": 2}, {"a": 3, "b": 4}]', lambda: pd.DataFrame({"a": [1, 3], "b": [2, 4]})),
    ('[[1, "a"], [2, "b"]]', lambda: pd.DataFrame([[1, "a"], [2, "b"]])),
    ('{"k": 1, "j": 2}', lambda: pd.DataFrame({"value": [1, 2]}, index=["k", "j"])),
    ("np.array([[1, 2], [3, 4]])", lambda: pd.DataFrame(np.array([[1, 2], [3, 4]]))),
    ("np.array([1.5, 2.5])", lambda: pd.DataFrame({"value": [1.5, 2.5]})),
    ('pd.Series([1.5, 2.5], name="s")', lambda: pd.DataFrame({"s": [1.5, 2.5]})),
    ('pd.Series([1, 2], index=["x", "y"])', lambda: pd.DataFrame({0: [1, 2]}, index=["x", "y"])),
    ('pd.Index([1, 2], name="ix")', lambda: pd.DataFrame({"ix": [1, 2]})),
    ('pd.DataFrame({"x": [1, 2]}).style', lambda: pd.DataFrame({"x": [1, 2]})),
    ("None", lambda: pd.DataFrame()),
])
def test_dataframe_value_is_the_frame_streamlit_builds(data, expected):
    [value] = values(f"st.dataframe({data})")
    same(value, expected())


def test_dataframe_value_keeps_pandas_dtypes():
    [value] = values("""
df = pd.DataFrame({
    "t": pd.date_range("2024-01-01", periods=2, tz="Europe/Berlin"),
    "c": pd.Categorical(["a", "b"]), "n": pd.array([1, None], dtype="Int64"),
    "d": pd.to_timedelta([1, 2], unit="D"),
    "dec": [decimal.Decimal("1.10"), decimal.Decimal("2.5")],
    "l": [[1, 2], [3]], "m": [{"k": 1}, {"k": 2}]})
st.dataframe(df)
""")
    assert isinstance(value["t"].dtype, pd.DatetimeTZDtype) and str(value["t"].dt.tz) == "Europe/Berlin"
    assert isinstance(value["c"].dtype, pd.CategoricalDtype) and list(value["c"].cat.categories) == ["a", "b"]
    assert str(value["n"].dtype) == "Int64" and value["n"].iloc[1] is pd.NA
    assert pd.api.types.is_timedelta64_dtype(value["d"].dtype)
    assert value["d"].tolist() == [pd.Timedelta(days=1), pd.Timedelta(days=2)]
    assert value["dec"].tolist() == [decimal.Decimal("1.1"), decimal.Decimal("2.5")]
    # Arrow gives list cells back as numpy arrays.
    assert [type(v).__name__ for v in value["l"]] == ["ndarray", "ndarray"]
    assert [v.tolist() for v in value["l"]] == [[1, 2], [3]]
    assert value["m"].tolist() == [{"k": 1}, {"k": 2}]


def test_dataframe_value_keeps_multiindex_rows_and_columns():
    [rows, cols] = values("""
st.dataframe(pd.DataFrame({"x": [1, 2]}, index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)], names=["k", "i"])))
st.dataframe(pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "x"), ("a", "y")])))
""")
    assert isinstance(rows.index, pd.MultiIndex) and list(rows.index.names) == ["k", "i"]
    assert rows.index.tolist() == [("a", 1), ("b", 2)] and rows["x"].tolist() == [1, 2]
    assert isinstance(cols.columns, pd.MultiIndex) and cols.columns.tolist() == [("a", "x"), ("a", "y")]


def test_mixed_columns_come_back_as_strings():
    [value] = values('st.dataframe(pd.DataFrame({"m": [1, "a", None]}))')
    assert isinstance(value["m"].dtype, pd.StringDtype)
    assert value["m"].tolist()[:2] == ["1", "a"] and value["m"].isna().tolist() == [False, False, True]


def test_dataframe_value_is_the_data_as_it_was_written():
    [value] = values("""
df = pd.DataFrame({"a": [1, 2]})
st.dataframe(df)
df.loc[0, "a"] = 99
""")
    assert value["a"].tolist() == [1, 2]


def test_table_value_is_a_dataframe_too():
    tables = values("""
st.table({"a": [1, 2]})
st.table(pd.DataFrame({"f": [1.23456, None]}))
st.table(pd.Series([1, 2], name="n"))
""", "table")
    same(tables[0], pd.DataFrame({"a": [1, 2]}))
    same(tables[1], pd.DataFrame({"f": [1.23456, np.nan]}))
    same(tables[2], pd.DataFrame({"n": [1, 2]}))


def test_write_of_a_dataframe_is_a_dataframe_element():
    at = AppTest.from_string(HEADER + "st.write(pd.Series([1, 2]))").run()
    same(at.dataframe[0].value, pd.DataFrame({0: [1, 2]}))


def test_metric_value_delta_and_color():
    at = AppTest.from_string(HEADER + """
st.metric("m", np.int64(5), delta=np.float64(-1.5))
st.metric("m2", 1234.5, delta="-3%")
st.metric("a", np.float64(1.5), delta=np.int64(2))
st.metric("b", decimal.Decimal("1.50"))
""").run()
    got = [(m.label, m.value, m.delta, m.color) for m in at.metric]
    assert got == [("m", "5", "-1.5", 0), ("m2", "1234.5", "-3%", 0), ("a", "1.5", "2", 1),
                   ("b", "1.50", "", 2)]


def test_json_value_is_the_json_text_streamlit_makes():
    at = AppTest.from_string(HEADER + """
st.json(pd.Series([1, 2], index=["a", "b"]))
st.json(np.array([1, 2]))
st.json({"a": np.int64(1), "d": datetime.date(2024, 1, 2), "x": decimal.Decimal("1.5")})
st.json({"s": {3}, "f": float("nan")})
st.json('{"given": "as text"}')
""").run()
    series = pd.Series([1, 2], index=["a", "b"])
    assert [j.value for j in at.json] == [
        json.dumps(repr(series)), json.dumps("array([1, 2])"),
        json.dumps({"a": repr(np.int64(1)), "d": "datetime.date(2024, 1, 2)", "x": "Decimal('1.5')"}),
        '{"s": [3], "f": NaN}', '{"given": "as text"}']
