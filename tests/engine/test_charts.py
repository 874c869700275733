"""Vega-Lite charts: the specs the built-in charts build (as Streamlit 1.50's Altair code),
st.vega_lite_chart / st.altair_chart data and selection state, and st.map."""
from __future__ import annotations

import pytest

from helpers import App
from wasmlit.elements import charts as ch

POINT_SPEC = '''{"mark": "bar",
    "params": [{"name": "pick", "select": {"type": "point", "fields": ["k"]}},
               {"name": "span", "select": "interval"}],
    "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}'''


def spec_of(app: App, n: int = 0) -> dict:
    nodes = [x for x in app.nodes() if x.kind in ("vega_lite_chart", "arrow_vega_lite_chart")]
    return nodes[n].props["spec"]


def chart_app(body: str) -> App:
    return App("import streamlit as st\n" + body)


def select(app: App, value: dict) -> App:
    wid = app.nodes("arrow_vega_lite_chart")[0].props["id"]
    return app._send({"kind": "widgets", "values": {wid: value}})


def test_wide_data_is_melted_with_streamlits_generated_columns():
    spec = ch.build_chart_spec("area", {"a": [1, 2], "b": [3, 4]}, stack="layered")
    assert spec["data"]["values"] == [
        {ch.INDEX_COL: 0, ch.COLOR_COL: "a", ch.VALUE_COL: 1},
        {ch.INDEX_COL: 1, ch.COLOR_COL: "a", ch.VALUE_COL: 2},
        {ch.INDEX_COL: 0, ch.COLOR_COL: "b", ch.VALUE_COL: 3},
        {ch.INDEX_COL: 1, ch.COLOR_COL: "b", ch.VALUE_COL: 4}]
    enc = spec["encoding"]
    assert ch.INDEX_COL == "index -- streamlit-generated"
    assert enc["x"] == {"field": ch.INDEX_COL, "type": "quantitative", "title": "", "scale": {},
                        "axis": {"tickMinStep": 1, "grid": False}}
    assert enc["y"]["stack"] is False and enc["opacity"] == {"value": 0.7}
    assert enc["color"] == {"field": ch.COLOR_COL, "type": "nominal", "title": " ",
                            "legend": {"titlePadding": 5, "offset": 5, "orient": "bottom"}}
    assert enc["tooltip"] == [
        {"field": ch.INDEX_COL, "title": "index", "type": "quantitative"},
        {"field": ch.VALUE_COL, "title": "value", "type": "quantitative"},
        {"field": ch.COLOR_COL, "title": "color", "type": "nominal"}]
    assert spec["params"][0]["bind"] == "scales"  # .interactive()


def test_line_chart_layers_hover_points_on_x_and_names_its_axes_from_x_and_y():
    spec = ch.build_chart_spec("line", {"t": [1, 2], "v": [0.5, 1.5]}, x="t", y="v")
    line, points = spec["layer"]
    assert line["mark"] == {"type": "line"}
    assert line["encoding"]["x"]["title"] == "t" and line["encoding"]["y"]["title"] == "v"
    assert points["params"][0]["select"]["fields"] == ["t"]
    assert points["encoding"]["opacity"]["condition"]["empty"] is False
    assert spec["config"] == {"legend": {"symbolType": "stroke"}}


def test_bar_chart_x_is_ordinal_and_stack_false_groups_bars_with_an_offset():
    spec = ch.build_chart_spec("bar", {"a": [1, 2], "b": [3, 4]}, stack=False, sort=True)
    assert spec["encoding"]["x"]["type"] == "ordinal"
    assert spec["encoding"]["xOffset"] == {"field": ch.COLOR_COL}
    assert spec["encoding"]["y"]["stack"] is False


def test_horizontal_bar_swaps_axes_and_grid_and_sort_false_keeps_data_order():
    spec = ch.build_chart_spec("bar", {"k": ["x", "y"], "v": [1, 2]}, x="k", y="v",
                               horizontal=True, sort=False, stack="normalize")
    enc = spec["encoding"]
    assert enc["x"]["field"] == "v" and enc["x"]["axis"]["grid"] is True
    assert enc["y"] == {"field": "k", "type": "ordinal", "title": "k", "scale": {},
                        "axis": {"grid": False}, "sort": None}
    assert enc["x"]["stack"] == "normalize"


def test_scatter_sizes_default_to_100_and_read_a_size_column():
    assert ch.build_chart_spec("scatter", {"a": [1], "b": [2]}, x="a", y="b")["encoding"]["size"] \
        == {"value": 100}
    enc = ch.build_chart_spec("scatter", {"a": [1], "b": [2], "s": [3]}, x="a", y="b",
                              size="s")["encoding"]
    assert enc["size"]["field"] == "s" and enc["tooltip"][-1] == {"field": "s", "type": "quantitative"}


def test_colors_from_values_lists_and_columns():
    data = {"a": [1, 2], "b": [3, 4], "c": ["#f00", "#0f0"]}
    assert ch.build_chart_spec("line", data, y="a", color=(255, 0, 0))["layer"][0]["encoding"]["color"] \
        == {"value": "rgb(255, 0, 0)"}
    enc = ch.build_chart_spec("bar", data, y=["a", "b"], color=["#111", "#222"])["encoding"]["color"]
    assert enc["scale"] == {"domain": ["a", "b"], "range": ["#111", "#222"]}
    enc = ch.build_chart_spec("bar", data, y="a", color="c")["encoding"]["color"]
    assert enc["legend"] is None and enc["scale"] == {"range": ["#f00", "#0f0"]}


def test_chart_errors_have_streamlits_texts():
    app = chart_app('st.bar_chart({"a": [1]}, y="zz")')
    assert app.exceptions()[0]["message"] == \
        'Data does not have a column named `"zz"`. Available columns are `a`'
    app = chart_app('st.line_chart({"a": [1], "b": [2]}, color=["#fff"])')
    assert app.exceptions()[0]["message"] == (
        "The list of colors `['#fff']` must have the same length as the list of columns "
        "to be colored `['a', 'b']`.")
    app = chart_app('st.area_chart({"a": [1]}, stack="up")')
    assert app.exceptions()[0]["message"].startswith("Invalid value for stack parameter: up.")


def test_lists_records_and_numpy_become_columns():
    assert ch.build_chart_spec("line", [5, 6])["data"]["values"] == [
        {ch.INDEX_COL: 0, "0": 5}, {ch.INDEX_COL: 1, "0": 6}]
    spec = ch.build_chart_spec("bar", [{"k": "x", "v": 1}, {"k": "y", "v": 2}], x="k", y="v")
    assert spec["data"]["values"] == [{"k": "x", "v": 1}, {"k": "y", "v": 2}]
    np = pytest.importorskip("numpy")
    spec = ch.build_chart_spec("scatter", np.array([[1.0, 2.0], [3.0, 4.0]]), x="0", y="1")
    assert spec["data"]["values"] == [{"0": 1.0, "1": 2.0}, {"0": 3.0, "1": 4.0}]


def test_pandas_frames_keep_a_named_index_as_x():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"v": [1, 2]}, index=pd.Index([10, 20], name="when"))
    spec = ch.build_chart_spec("line", df)
    assert spec["data"]["values"] == [{"when": 10, "v": 1}, {"when": 20, "v": 2}]


def test_vega_lite_chart_pulls_data_into_values_and_sets_autosize():
    app = chart_app('st.vega_lite_chart({"a": [1, 2]}, {"mark": "point", '
                    '"encoding": {"x": {"field": "a"}}}, x_type="quantitative")')
    spec = spec_of(app)
    assert spec["data"] == {"values": [{"a": 1}, {"a": 2}]}
    assert spec["autosize"] == {"type": "fit", "contains": "padding"}
    assert spec["encoding"]["x"] == {"field": "a", "type": "quantitative"}
    node = app.nodes("vega_lite_chart")[0]
    assert node.props["theme"] == "streamlit" and node.props["use_container_width"] is True


def test_altair_chart_accepts_any_object_with_to_dict():
    app = chart_app('''
class Chart:
    def to_dict(self):
        return {"mark": "bar", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}
st.altair_chart(Chart(), theme=None)
''')
    assert spec_of(app)["data"] == {"values": [{"x": 1}]}
    assert app.nodes("vega_lite_chart")[0].props["theme"] == ""


def test_selection_state_starts_empty_and_reads_as_attributes():
    app = chart_app(f'''
ev = st.vega_lite_chart({{"k": ["A", "B"], "v": [1, 2]}}, {POINT_SPEC}, on_select="rerun")
st.write(f"{{ev!r}} {{ev.selection.pick!r}} {{type(ev).__name__}}")
''')
    assert app.texts() == ["{'selection': {'pick': {}, 'span': {}}} {} AttributeDictionary"]
    assert app.nodes("arrow_vega_lite_chart")[0].props["selection_mode"] == ["pick", "span"]


def test_a_selection_from_the_page_reaches_the_script_and_its_callback():
    app = chart_app(f'''
def picked():
    st.session_state.calls = st.session_state.get("calls", 0) + 1
ev = st.vega_lite_chart({{"k": ["A", "B"], "v": [1, 2]}}, {POINT_SPEC}, on_select=picked,
                        selection_mode="pick", key="c")
st.write(f"{{ev.selection.pick!r}} {{st.session_state.get('calls')}} {{st.session_state.c!r}}")
''')
    select(app, {"selection": {"pick": [{"k": "B", "v": 2}]}})
    assert app.texts() == ["[{'k': 'B', 'v': 2}] 1 {'selection': {'pick': [{'k': 'B', 'v': 2}]}}"]


def test_selection_inside_a_fragment_reruns_only_the_fragment():
    app = chart_app(f'''
st.session_state.full = st.session_state.get("full", 0) + 1
@st.fragment
def part():
    ev = st.vega_lite_chart({{"k": ["A"], "v": [1]}}, {POINT_SPEC}, on_select="rerun",
                            selection_mode="span")
    st.write(f"span: {{ev.selection.span!r}} full: {{st.session_state.full}}")
part()
''')
    select(app, {"selection": {"span": {"v": [0.5, 1.5]}}})
    assert app.texts() == ["span: {'v': [0.5, 1.5]} full: 1"]


def test_selection_errors_have_streamlits_texts():
    cases = {
        'st.vega_lite_chart({"a": [1]}, {"mark": "bar"}, on_select="yes")':
            "You have passed yes to `on_select`. But only 'ignore', 'rerun', or a callable is supported.",
        'st.vega_lite_chart({"a": [1]}, {"mark": "bar", "encoding": {}}, on_select="rerun")':
            "Selections are activated, but the provided chart spec does not have any selections",
        f'st.vega_lite_chart({{"a": [1]}}, {POINT_SPEC}, on_select="rerun", selection_mode="zz")':
            "Selection parameter 'zz' is not defined in the chart spec. Available selection parameters are:",
        'st.vega_lite_chart({"a": [1]}, {"layer": []}, on_select="rerun")':
            "Selections are not yet supported for multi-view charts (chart compositions).",
        'st.vega_lite_chart({"a": [1]}, {"mark": "bar"}, theme="dark")':
            'You set theme="dark" while Streamlit charts only support theme=”streamlit”',
    }
    for source, text in cases.items():
        message = chart_app(source).exceptions()[0]["message"]
        assert message.startswith(text), (source, message)


def test_a_selection_key_refuses_a_value_set_through_session_state():
    app = chart_app(f'''
st.session_state.c = {{"selection": {{}}}}
st.vega_lite_chart({{"k": ["A"], "v": [1]}}, {POINT_SPEC}, on_select="rerun", key="c")
''')
    assert app.exceptions()[0]["message"] == \
        "Values for the widget with `key` 'c' cannot be set using `st.session_state`."


def test_map_finds_lat_lon_columns_and_says_tiles_are_not_shown():
    app = chart_app('st.map({"LATITUDE": [52.5], "lon": [13.4]}, size=200, color="#00ff00")')
    node = app.nodes("map_chart")[0]
    points = node.props["spec"]["layer"][1]
    assert points["data"]["values"] == [{"lat": 52.5, "lon": 13.4}]
    assert points["encoding"]["color"] == {"value": "#00ff00"}
    assert "offline" in node.props["caption"]
    app = chart_app('st.map({"x": [1], "y": [2]})')
    assert app.exceptions()[0]["message"] == (
        "Map data must contain a latitude column named: 'LAT', 'LATITUDE', 'lat', 'latitude'. "
        "Existing columns: 'x', 'y'")
