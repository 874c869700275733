"""Charts given real pandas / numpy data: the built-in charts, st.map, st.altair_chart,
st.vega_lite_chart, st.plotly_chart and st.pyplot.

Expectations from Streamlit 1.50.0's source:
- built-in charts type a numeric column (nullable Int64 too) "quantitative", datetimes
  (with a time zone too) "temporal" (elements/lib/built_in_chart_utils.py,
  `_get_x_encoding_type`/`_get_y_encoding_type`, via `infer_vegalite_type`);
- st.altair_chart converts the chart with its own "id" data transformer, which has no
  row limit and moves each dataset to `datasets`, under Altair's "none" theme
  (elements/vega_charts.py, `_altair_chart_to_vega_lite`).
"""
from __future__ import annotations

import pytest
from helpers import App

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

HEADER = "import streamlit as st\nimport pandas as pd\nimport numpy as np\n"


def specs(body: str, kind: str = "vega_lite_chart") -> list[dict]:
    app = App(HEADER + body)
    assert app.exceptions() == []
    return [n.props["spec"] for n in app.nodes(kind)]


def encoding(spec: dict) -> dict:
    return (spec.get("layer") or [spec])[0]["encoding"]


def test_builtin_charts_type_nullable_integers_and_zoned_datetimes():
    [line] = specs("""
df = pd.DataFrame({"t": pd.date_range("2024-01-01", periods=3, tz="Europe/Berlin"),
                   "n": pd.array([1, None, 3], dtype="Int64")})
st.line_chart(df, x="t", y="n")
""")
    enc = encoding(line)
    assert (enc["x"]["type"], enc["y"]["type"]) == ("temporal", "quantitative")
    assert enc["y"]["axis"].get("tickMinStep") == 1  # integers, as Streamlit 1.50's spec has


def test_a_series_and_a_numpy_array_chart_their_values():
    series, array = specs("""
st.line_chart(pd.Series([1, 2, 3], name="s"))
st.bar_chart(np.array([4, 5]))
""")
    assert encoding(series)["y"]["field"] == "s"
    # A 1-D array's one column is "value" (Streamlit 1.50's AppTest shows y field "value").
    assert encoding(array)["y"]["field"] == "value"
    assert [row["value"] for row in array["data"]["values"]] == [4, 5]


def test_altair_charts_have_no_row_limit_and_no_default_theme():
    alt = pytest.importorskip("altair")
    [spec] = specs("""
import altair as alt
df = pd.DataFrame({"x": range(6000), "y": range(6000)})
st.altair_chart(alt.Chart(df).mark_line().encode(x="x", y="y"))
""")
    name = spec["data"]["name"]
    assert len(spec["datasets"][name]) == 6000 and spec["datasets"][name][1] == {"x": 1, "y": 1}
    assert "continuousWidth" not in str(spec.get("config", {}))
    assert alt.data_transformers.active == "default"  # the app's Altair is left as it was


def test_vega_lite_chart_takes_a_dataframe_with_missing_values():
    [spec] = specs("""
df = pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": [1.5, np.nan]})
st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
""")
    assert spec["data"]["values"] == [{"a": 1, "b": 1.5}, {"a": None, "b": None}]


def test_map_takes_a_dataframe():
    app = App(HEADER + 'st.map(pd.DataFrame({"lat": [1.0, 2.0], "lon": [3.0, 4.0]}))')
    assert app.exceptions() == [] and len(app.nodes("map_chart")) == 1


def test_plotly_and_pyplot_take_pandas_data():
    pytest.importorskip("plotly")
    pytest.importorskip("matplotlib")
    app = App(HEADER + """
import plotly.express as px
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
df = pd.DataFrame({"t": pd.date_range("2024-01-01", periods=3, tz="UTC"), "f": [1.5, np.nan, 2.0]})
st.plotly_chart(px.line(df, x="t", y="f"))
fig, ax = plt.subplots()
ax.plot(df["t"], df["f"])
st.pyplot(fig)
""")
    assert app.exceptions() == []
    assert len(app.nodes("plotly_chart")) == 1 and len(app.nodes("image")) == 1
