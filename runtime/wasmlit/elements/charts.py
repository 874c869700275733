"""Vega-Lite charts: st.line_chart, st.bar_chart, st.area_chart, st.scatter_chart (the
specs Streamlit 1.50 builds through Altair, built here without Altair or pandas),
st.vega_lite_chart, st.altair_chart (any object with `to_dict()`) and st.map (points
over a plain base; no map tiles offline).

Every chart is one "vega_lite_chart" element whose props carry the full Vega-Lite spec
with its data inline (`data.values` / `datasets`), the theme and the sizing. With
`on_select` the chart is a widget ("arrow_vega_lite_chart") whose value is Streamlit's
selection state: `{"selection": {param: {} | [points] | {field: [lo, hi]}}}`.
"""
from __future__ import annotations

import contextlib
import datetime
import json
import math
import numbers
from typing import Any

from ..registry import command
from .data import to_columns
from .selection_state import AttributeDictionary, check_on_select
from ..errors import StreamlitAPIException
from ..widgets import add_widget
from ..widgets.data_editor_table import top_module_of
from ..widgets.data_editor_values import (DATE, DATETIME, DECIMAL, FLOAT, INTEGER, STRING, TIME,
                                          TIMEDELTA, cell, infer_kind)
from ..props import container_width, validate_height, validate_width

_SUFFIX = " -- streamlit-generated"
INDEX_COL = "index" + _SUFFIX
VALUE_COL = "value" + _SUFFIX
COLOR_COL = "color" + _SUFFIX
MISSING_COL = "DOES_NOT_EXIST" + _SUFFIX
_COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
_CHANNELS = {"x", "y", "x2", "y2", "xError", "xError2", "yError", "yError2", "longitude",
             "latitude", "color", "opacity", "fillOpacity", "strokeOpacity", "strokeWidth",
             "size", "shape", "text", "tooltip", "href", "key", "order", "detail", "facet",
             "row", "column"}
_QUANT = {INTEGER, FLOAT, DECIMAL}
_TIME = {DATE, DATETIME, TIME, TIMEDELTA}


# --- data -------------------------------------------------------------------------------

class Frame:
    """Plain columns: `names` (in order), `values[name]`, `kinds[name]`, the index values
    and the index name (None when unnamed)."""

    def __init__(self, names, values, kinds, index, index_name=None):
        self.names, self.values, self.kinds = list(names), values, kinds
        self.index, self.index_name = index, index_name

    @property
    def length(self) -> int:
        return len(self.index)


def to_frame(data: Any) -> Frame:
    """The app's data (dict of columns, list, records, numpy, pandas...) as a Frame."""
    if top_module_of(data) == "pandas" and type(data).__name__ == "DataFrame":
        df = data
    else:
        table = to_columns(data)
        df = getattr(table, "df", None)
        if df is None:
            index = list(table.index) if table.index is not None else list(range(table.length))
            # pandas names the columns of a plain list 0, 1, ... (the charts see "0").
            plain = table.format in ("list_of_values", "tuple_of_values", "set_of_values")
            names = [str(i) if plain else c for i, c in enumerate(table.columns)]
            return Frame(names, {n: list(table.values[c]) for n, c in zip(names, table.columns)},
                         {n: table.kinds[c] for n, c in zip(names, table.columns)}, index)
    names = list(df.columns)
    values = {c: [_plain(v) for v in df[c].tolist()] for c in names}
    # A nullable integer column (Int64 with <NA>) is still integers to Streamlit.
    kinds = {c: INTEGER if _is_integer_dtype(df[c]) else infer_kind(values[c]) for c in names}
    return Frame(names, values, kinds, [_plain(v) for v in df.index.tolist()], df.index.name)


def _is_integer_dtype(column: Any) -> bool:
    dtype = getattr(column, "dtype", None)
    return getattr(dtype, "kind", "") in ("i", "u") and str(dtype) != "bool"


def _plain(value: Any) -> Any:
    """pandas/numpy scalars as Python values (pandas' missing values as None)."""
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if hasattr(value, "item") and type(value).__module__.split(".")[0] == "numpy":
        return value.item()
    return value


def _json_cell(value: Any) -> Any:
    """A value as Vega data: dates as ISO text, NaN as null."""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return cell(value)


def records(names: list[str], columns: dict[str, list]) -> list[dict]:
    length = len(columns[names[0]]) if names else 0
    return [{n: _json_cell(columns[n][i]) for n in names} for i in range(length)]


def vega_type(kind: str | None) -> str:
    """Streamlit's Vega-Lite type for a data kind."""
    if kind in _QUANT:
        return "quantitative"
    if kind in _TIME:
        return "temporal"
    return "nominal"


# --- colours -----------------------------------------------------------------------------

def _is_hex(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("#") and len(value) in (4, 5, 7, 9) \
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])


def _is_rgb_text(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("rgb(", "rgba(")) and value.endswith(")")


def _is_color_tuple(value: Any) -> bool:
    return isinstance(value, (tuple, list)) and len(value) in (3, 4) and all(
        isinstance(v, numbers.Real) and not isinstance(v, bool) for v in value)


def is_color_like(value: Any) -> bool:
    return _is_hex(value) or _is_rgb_text(value) or _is_color_tuple(value)


def css_color(value: Any) -> str:
    """A hex/rgb text as is; a tuple as rgb(...)/rgba(...) (floats are 0..1 fractions)."""
    if _is_hex(value) or _is_rgb_text(value):
        return value
    if _is_color_tuple(value):
        parts = list(value)
        rgb = [int(round(v * 255)) if isinstance(v, float) else int(v) for v in parts[:3]]
        if len(parts) == 3:
            return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
        alpha = parts[3] if isinstance(parts[3], float) else parts[3] / 255
        return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {alpha})"
    raise _invalid_color(value)


def _invalid_color(color: Any) -> StreamlitAPIException:
    return StreamlitAPIException(f"""
This does not look like a valid color argument: `{color}`.

The color argument can be:

* A hex string like "#ffaa00" or "#ffaa0088".
* An RGB or RGBA tuple with the red, green, blue, and alpha
  components specified as ints from 0 to 255 or floats from 0.0 to
  1.0.
* The name of a column.
* Or a list of colors, matching the number of y columns to draw.
""")


def _color_length_error(colors: Any, y_columns: list[str]) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"The list of colors `{colors}` must have the same length as the list of columns to "
        f"be colored `{y_columns}`.")


# --- built-in charts -----------------------------------------------------------------------

def _column_not_found(frame: Frame, name: Any) -> StreamlitAPIException:
    available = ", ".join(str(c) for c in frame.names)
    return StreamlitAPIException(
        f'Data does not have a column named `"{name}"`. Available columns are `{available}`')


def _stack_check(stack: Any, command_name: str) -> None:
    if stack not in (None, True, False, "normalize", "center", "layered"):
        raise StreamlitAPIException(
            f"Invalid value for stack parameter: {stack}. Stack must be one of True, "
            'False, "normalize", "center", "layered" or None. See documentation '
            f"for `{command_name}` [here](https://docs.streamlit.io/develop/api-reference/"
            f"charts/{command_name}) for more information.")


def _y_columns(frame: Frame, y: Any, x: str | None) -> list:
    if y is None:
        columns = list(frame.names)
    elif isinstance(y, str):
        columns = [y]
    else:
        columns = [str(c) for c in (y.tolist() if hasattr(y, "tolist") else list(y))]
    for col in columns:
        if col not in frame.names:
            raise _column_not_found(frame, col)
    if x in columns and (not y or x not in y):
        columns.remove(x)
    return columns


def _column_or_value(frame: Frame, value: Any) -> tuple[Any, Any]:
    if isinstance(value, str) and value in frame.names:
        return value, None
    return None, value


def build_chart_spec(chart: str, data: Any, *, x=None, y=None, x_label=None, y_label=None,
                     color=None, size=None, width=None, height=None, stack=None,
                     horizontal=False, sort=True) -> dict:
    """The Vega-Lite spec Streamlit 1.50 builds for a built-in chart.

    chart is "line", "area", "bar" or "scatter". Wide data (several y columns) is melted
    into long format with Streamlit's generated "value"/"color" columns; without `x` the
    index becomes the x column ("index -- streamlit-generated" when unnamed).
    """
    frame = to_frame(data)
    x_from_user = x
    if x is not None:
        if not isinstance(x, str):
            raise StreamlitAPIException(
                "x parameter should be a column name (str) or None to use the "
                f" dataframe's index. Value given: {x} (type {type(x)})")
        if x not in frame.names:
            raise _column_not_found(frame, x)
    y_columns = _y_columns(frame, y, x)
    color_column, color_value = _column_or_value(frame, color)
    size_column, size_value = _column_or_value(frame, size)
    sort_column = None
    if isinstance(sort, str):
        sort_column = sort[1:] if sort.startswith("-") else sort
        if sort_column not in frame.names:
            raise _column_not_found(frame, sort_column)
    values, kinds = dict(frame.values), dict(frame.kinds)
    if x is None and y_columns:
        x = INDEX_COL if frame.index_name is None else str(frame.index_name)
        values[x], kinds[x] = frame.index, infer_kind(frame.index)
    keep = []
    for name in (x, color_column, size_column, sort_column, *y_columns):
        if name is not None and name not in keep:
            keep.append(name)
    if color_column is not None and values[color_column] and \
            _is_color_tuple(values[color_column][0]):
        values[color_column] = [css_color(c) for c in values[color_column]]
    length = len(values[keep[0]]) if keep else 0
    horizontal_bar = chart == "bar" and horizontal
    # Melt wide data into long format.
    if len(y_columns) > 1 and x is not None:
        y_column, color_column = VALUE_COL, COLOR_COL
        ids = [n for n in (x, size_column, sort_column) if n]
        long = {n: [] for n in ids + [COLOR_COL, VALUE_COL]}
        for name in y_columns:
            for i in range(length):
                for n in ids:
                    long[n].append(values[n][i])
                long[COLOR_COL].append(str(name))
                long[VALUE_COL].append(values[name][i])
        names = list(long)
        kinds[VALUE_COL] = infer_kind(long[VALUE_COL])
        kinds[COLOR_COL] = STRING
        rows = records(names, long)
    else:
        y_column = y_columns[0] if y_columns else None
        rows = records(keep, {n: values[n] for n in keep})

    def axis(column, grid):
        out = {"grid": grid}
        if column is not None and kinds.get(column) == INTEGER:
            out = {"tickMinStep": 1, "grid": grid}
        return out

    def is_date(column):
        return column is not None and kinds.get(column) in (DATE, DATETIME)

    def x_enc(column, from_user, label):
        if column is None:
            field, title = MISSING_COL, ""
        elif column == INDEX_COL:
            field, title = column, ""
        else:
            field, title = column, "" if from_user is None else column
        if label is not None:
            title = label
        if column is None:
            typ = "quantitative"
        elif chart == "bar" and not horizontal and not is_date(column):
            typ = "ordinal"
        else:
            typ = vega_type(kinds.get(column))
        return {"field": field, "type": typ, "title": title, "scale": {},
                "axis": axis(column, horizontal_bar)}

    def y_enc(column, from_user, label):
        if column is None:
            field, title = MISSING_COL, ""
        elif column == VALUE_COL:
            field, title = column, ""
        else:
            field, title = column, "" if from_user is None else column
        if label is not None:
            title = label
        if horizontal_bar and not is_date(column):
            typ = "ordinal"
        elif column:
            typ = vega_type(kinds.get(column))
        else:
            typ = "quantitative"
        return {"field": field, "type": typ, "title": title, "scale": {},
                "axis": axis(column, not horizontal_bar)}

    if horizontal_bar:
        x_encoding, y_encoding = x_enc(y_column, y, x_label), y_enc(x, x_from_user, y_label)
        stack_enc, sort_enc = x_encoding, y_encoding
    else:
        x_encoding, y_encoding = x_enc(x, x_from_user, x_label), y_enc(y_column, y, y_label)
        stack_enc, sort_enc = y_encoding, x_encoding
    if stack is not None:
        stack_enc["stack"] = False if stack == "layered" else stack
    if chart == "bar":
        if sort is False:
            sort_enc["sort"] = None
        elif isinstance(sort, str):
            sort_enc["sort"] = {"field": sort_column,
                                "order": "descending" if sort.startswith("-") else "ascending"}
    encoding: dict[str, Any] = {"x": x_encoding, "y": y_encoding}
    if stack is False and color_column is not None and chart == "bar":
        encoding["yOffset" if horizontal else "xOffset"] = {"field": color_column}
    if color_column and (chart == "area" or stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    color_enc = _color_encoding(kinds, values, color_value, color_column, y_columns, color)
    if color_enc is not None:
        encoding["color"] = color_enc
    if chart == "scatter":
        if size_column is not None:
            encoding["size"] = {"field": size_column, "type": vega_type(kinds.get(size_column)),
                                "legend": dict(_SIZE_LEGEND)}
        elif isinstance(size_value, numbers.Real) and not isinstance(size_value, bool):
            encoding["size"] = {"value": size_value}
        elif size_value is None:
            encoding["size"] = {"value": 100}
        else:
            raise StreamlitAPIException(f"This does not look like a valid size: {size_value!r}")
    if x is not None and y_column is not None:
        encoding["tooltip"] = _tooltips(kinds, x, y_column, size_column, color_column, color_enc)
    mark = {"line": "line", "area": "area", "bar": "bar", "scatter": "circle"}[chart]
    w = width if isinstance(width, int) and not isinstance(width, bool) else 0
    h = height if isinstance(height, int) and not isinstance(height, bool) else 0
    zoom = {"name": "param_1", "select": {"type": "interval", "encodings": ["x", "y"]},
            "bind": "scales"}
    base = {"mark": {"type": mark}, "encoding": encoding}
    if chart == "line" and x is not None:
        hover = {"name": "param_2", "select": {"type": "point", "clear": "pointerout",
                 "fields": [x], "nearest": True, "on": "pointerover"}}
        points = {"mark": {"type": "point", "filled": True, "size": 65},
                  "encoding": dict(encoding, opacity={
                      "condition": {"param": "param_2", "value": 1, "empty": False}, "value": 0}),
                  "params": [hover]}
        return {"layer": [dict(base, params=[zoom]), points], "data": {"values": rows},
                "width": w, "height": h, "config": {"legend": {"symbolType": "stroke"}}}
    return dict(base, data={"values": rows}, params=[zoom], width=w, height=h)


def _color_encoding(kinds, values, color_value, color_column, y_columns, color_from_user):
    if color_value not in (None, [], ()):
        if is_color_like(color_value):
            if len(y_columns) != 1:
                raise _color_length_error([color_value] if color_value else [], y_columns)
            return {"value": css_color(color_value)}
        if isinstance(color_value, (list, tuple)):
            if len(color_value) != len(y_columns):
                raise _color_length_error(color_value, y_columns)
            if len(color_value) == 1:
                return {"value": css_color(color_value[0])}
            enc = {"type": "nominal", "title": " ", "legend": dict(_COLOR_LEGEND),
                   "scale": {"domain": list(y_columns),
                             "range": [css_color(c) for c in color_value]}}
            if color_column is not None:
                enc["field"] = color_column
            return enc
        raise _invalid_color(color_from_user)
    if color_column is None:
        return None
    typ = "nominal" if color_column == COLOR_COL else vega_type(kinds.get(color_column))
    enc = {"field": color_column, "type": typ, "legend": dict(_COLOR_LEGEND)}
    if color_column == COLOR_COL:
        enc["title"] = " "
    else:
        column = values.get(color_column) or []
        if column and is_color_like(column[0]):
            enc["scale"] = {"range": list(dict.fromkeys(css_color(c) for c in column))}
            enc["legend"] = None
    return enc


def _tooltips(kinds, x, y_column, size_column, color_column, color_enc) -> list[dict]:
    def tip(field):
        return {"field": field, "type": vega_type(kinds.get(field))}

    out = [{"field": x, "title": "index", "type": vega_type(kinds.get(x))}
           if x == INDEX_COL else tip(x)]
    out.append({"field": y_column, "title": "value", "type": "quantitative"}
               if y_column == VALUE_COL else tip(y_column))
    if color_column and not (isinstance(color_enc, dict) and "legend" in color_enc
                             and color_enc["legend"] is None):
        out.append({"field": color_column, "title": "color", "type": "nominal"}
                   if color_column == COLOR_COL else tip(color_column))
    if size_column:
        out.append(tip(size_column))
    return out


def _enqueue_builtin(dg, spec: dict, *, width: Any, height: Any, use_container_width: Any) -> Any:
    """Built-in charts always use Streamlit's theme and no selections."""
    return _vega_lite(dg, spec, use_container_width=use_container_width, theme="streamlit",
                      width=width, height=height)


@command
def line_chart(dg, data: Any = None, *, x=None, y=None, x_label=None, y_label=None, color=None,
               width: Any = "stretch", height: Any = "content", use_container_width=None) -> Any:
    width = container_width(use_container_width, width, keep_pixels=True)
    spec = build_chart_spec("line", data, x=x, y=y, x_label=x_label, y_label=y_label,
                            color=color, width=width, height=height)
    validate_width(width, allow_content=True)
    validate_height(height, allow_content=True)
    return _enqueue_builtin(dg, spec, width=width, height=height, use_container_width=None)


@command
def area_chart(dg, data: Any = None, *, x=None, y=None, x_label=None, y_label=None, color=None,
               stack=None, width=None, height=None, use_container_width=True) -> Any:
    _stack_check(stack, "st.area_chart")
    if stack is False or stack is None:
        stack = "layered"
    spec = build_chart_spec("area", data, x=x, y=y, x_label=x_label, y_label=y_label,
                            color=color, width=width, height=height, stack=stack)
    return _enqueue_builtin(dg, spec, width=None, height=None,
                            use_container_width=use_container_width)


@command
def bar_chart(dg, data: Any = None, *, x=None, y=None, x_label=None, y_label=None, color=None,
              horizontal=False, sort=True, stack=None, width=None, height=None,
              use_container_width=True) -> Any:
    _stack_check(stack, "st.bar_chart")
    spec = build_chart_spec("bar", data, x=x, y=y, x_label=x_label, y_label=y_label,
                            color=color, width=width, height=height, stack=stack,
                            horizontal=bool(horizontal), sort=sort)
    return _enqueue_builtin(dg, spec, width=None, height=None,
                            use_container_width=use_container_width)


@command
def scatter_chart(dg, data: Any = None, *, x=None, y=None, x_label=None, y_label=None,
                  color=None, size=None, width=None, height=None,
                  use_container_width=True) -> Any:
    spec = build_chart_spec("scatter", data, x=x, y=y, x_label=x_label, y_label=y_label,
                            color=color, size=size, width=width, height=height)
    return _enqueue_builtin(dg, spec, width=None, height=None,
                            use_container_width=use_container_width)


# --- st.vega_lite_chart / st.altair_chart -------------------------------------------------

def _unflatten(kwargs: dict) -> dict:
    """`x_field="a"` -> {"encoding": {"x": {"field": "a"}}}; other keys nest the same way."""
    out: dict = {}
    for name, value in kwargs.items():
        parts = name.split("_")
        target = out
        if parts[0] in _CHANNELS:
            target = out.setdefault("encoding", {})
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return out


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for k, v in extra.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _is_facet(spec: dict) -> bool:
    encoding = spec.get("encoding")
    return "facet" in spec or (isinstance(encoding, dict)
                               and any(c in encoding for c in ("row", "column", "facet")))


def _prepare_spec(spec: dict, use_container_width: bool, kwargs: dict) -> dict:
    spec = _merge(spec, _unflatten(kwargs)) if kwargs else dict(spec)
    if not spec:
        raise StreamlitAPIException("Vega-Lite charts require a non-empty spec dict.")
    if "autosize" not in spec:
        if "vconcat" in spec and use_container_width:
            spec["autosize"] = {"type": "fit-x", "contains": "padding"}
        elif _is_facet(spec):
            spec["autosize"] = {"type": "pad", "contains": "padding"}
        else:
            spec["autosize"] = {"type": "fit", "contains": "padding"}
    color = (spec.get("encoding") or {}).get("color") if isinstance(spec.get("encoding"), dict) \
        else None
    if isinstance(color, dict):
        color = spec["encoding"]["color"] = dict(color)
        if "title" in color and color["title"] is None:
            color["title"] = " "
        legend = color.get("legend")
        if isinstance(legend, dict) and "title" in legend and legend["title"] is None:
            color["legend"] = dict(legend, title=" ")
    return spec


def _data_values(data: Any) -> list[dict]:
    """Data given to a chart as Vega records (columns only, as Streamlit's Arrow data)."""
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return [{str(k): _json_cell(v) for k, v in r.items()} for r in data]
    frame = to_frame(data)
    return records([str(n) for n in frame.names],
                   {str(n): frame.values[n] for n in frame.names})


def _inline_data(spec: dict, data: Any) -> dict:
    """Pull data given beside or inside the spec into JSON-ready `values`/`datasets`."""
    if "datasets" in spec:
        spec["datasets"] = {str(name): _data_values(d) if not isinstance(d, bytes) else []
                            for name, d in spec["datasets"].items()}
    if "data" in spec:
        data_spec = spec["data"]
        if isinstance(data_spec, dict):
            if "values" in data_spec:
                data = data_spec["values"]
                del spec["data"]
        else:
            data = data_spec
            del spec["data"]
    if data is not None:
        spec["data"] = {"values": _data_values(data)}
    return spec


def _selection_params(spec: dict) -> set:
    return {p["name"] for p in spec.get("params") or []
            if isinstance(p, dict) and p.get("name") and p.get("select")}


def _parse_selection_mode(spec: dict, selection_mode: Any) -> list[str]:
    available = _selection_params(spec)
    if not available:
        raise StreamlitAPIException(
            "Selections are activated, but the provided chart spec does not "
            "have any selections defined. To add selections to `st.altair_chart`, check out "
            "the documentation [here](https://altair-viz.github.io/user_guide/interactions.html"
            "#selections-capturing-chart-interactions). For adding selections to "
            "`st.vega_lite_chart`, take a look at the specification [here]"
            "(https://vega.github.io/vega-lite/docs/selection.html).")
    if selection_mode is None:
        return sorted(available)
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in modes:
        if name not in available:
            raise StreamlitAPIException(
                f"Selection parameter '{name}' is not defined in the chart spec. Available "
                f"selection parameters are: {available}.")
    return sorted(modes)


def _vega_lite(dg, spec: Any, data: Any = None, *, use_container_width=None, theme="streamlit",
               key=None, on_select="ignore", selection_mode=None, width=None, height=None,
               kwargs=None) -> Any:
    if theme not in ("streamlit", None):
        raise StreamlitAPIException(
            f'You set theme="{theme}" while Streamlit charts only support '
            "theme=”streamlit” or theme=None to fallback to the default library theme.")
    check_on_select(on_select)
    selecting = on_select != "ignore"
    if selecting:
        dg.check_policies(is_widget=True)
    if isinstance(data, dict) and spec is None:
        spec, data = data, None
    spec = {} if spec is None else spec
    if use_container_width is None and width is None:
        use_container_width = not (_is_facet(spec) or "hconcat" in spec or "repeat" in spec)
    fit = use_container_width if use_container_width is not None else width == "stretch"
    spec = _inline_data(_prepare_spec(spec, bool(fit), kwargs or {}), data)
    props = {"spec": spec, "theme": theme or "", "use_container_width": use_container_width,
             "width": width, "height": height}
    if not selecting:
        dg.place_element("vega_lite_chart", props)
        return dg
    if any(k in spec for k in ("layer", "hconcat", "vconcat", "concat", "spec")) \
            or "encoding" not in spec:
        raise StreamlitAPIException(
            "Selections are not yet supported for multi-view charts (chart compositions). "
            "If you would like to use selections on multi-view charts, please upvote "
            "this [Github issue](https://github.com/streamlit/streamlit/issues/8643).")
    modes = _parse_selection_mode(spec, selection_mode)
    spec_text = json.dumps(spec, sort_keys=True, default=str)
    identity = {"vega_lite_spec": spec_text, "theme": theme,
                "use_container_width": use_container_width, "selection_mode": tuple(modes)}

    def empty() -> AttributeDictionary:
        return AttributeDictionary(selection=AttributeDictionary({m: {} for m in modes}))

    def deserialize(page_value: Any) -> AttributeDictionary:
        if isinstance(page_value, str):
            try:
                page_value = json.loads(page_value)
            except ValueError:
                page_value = None
        if not isinstance(page_value, dict) or "selection" not in page_value:
            return empty()
        return AttributeDictionary(page_value)

    def serialize(state: Any) -> Any:
        return json.loads(json.dumps(state if isinstance(state, dict) else empty(), default=str))

    _, state = add_widget(
        dg, "arrow_vega_lite_chart", key=key, default=empty(), identity=identity,
        key_identity=None, props=dict(props, selection_mode=modes),
        on_change=on_select if callable(on_select) else None, writes_allowed=False,
        explicit_default=None, serialize=serialize, deserialize=deserialize)
    return state


@command
def vega_lite_chart(dg, data: Any = None, spec: Any = None, *, use_container_width=None,
                    theme="streamlit", key=None, on_select="ignore", selection_mode=None,
                    **kwargs: Any) -> Any:
    return _vega_lite(dg, spec, data, use_container_width=use_container_width, theme=theme,
                      key=key, on_select=on_select, selection_mode=selection_mode, kwargs=kwargs)


@command
def altair_chart(dg, altair_chart: Any, *, use_container_width=None, theme="streamlit",
                 key=None, on_select="ignore", selection_mode=None) -> Any:
    spec = _altair_spec(altair_chart) if hasattr(altair_chart, "to_dict") else dict(altair_chart)
    return _vega_lite(dg, spec, None, use_container_width=use_container_width, theme=theme,
                      key=key, on_select=on_select, selection_mode=selection_mode)


def _altair_spec(chart: Any) -> dict:
    """The chart's Vega-Lite spec, as Streamlit 1.50 makes it: Altair's "none" theme (no
    default sizes), and each dataset handed over as it is (no 5,000-row limit), to be
    converted with the rest of the chart's data (Streamlit's "id" data transformer)."""
    if top_module_of(chart) != "altair":
        return chart.to_dict()
    import altair as alt  # the app gave us an Altair chart
    datasets: dict[str, Any] = {}

    def keep(data: Any) -> dict:
        name = f"data-{len(datasets)}"
        datasets[name] = data
        return {"name": name}

    alt.data_transformers.register("wasmlit", keep)
    theme = getattr(alt, "theme", None) or alt.themes
    no_theme = theme.enable("none") if theme.active == "default" else contextlib.nullcontext()
    with no_theme, alt.data_transformers.enable("wasmlit"):
        spec = chart.to_dict()
    if datasets:
        spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


# --- st.map ------------------------------------------------------------------------------

_LAT_NAMES = {"lat", "latitude", "LAT", "LATITUDE"}
_LON_NAMES = {"lon", "longitude", "LON", "LONGITUDE"}
_MAP_COLOR = (200, 30, 0, 160)
MAP_CAPTION = "Map tiles are not shown offline: the points are drawn on a plain grid."


def _coordinate_column(frame: Frame, human: str, given: Any, defaults: set) -> str:
    if given is not None:
        if given not in frame.names:
            raise StreamlitAPIException(
                f"Map data does not have a column named `{given}`. Available columns "
                f"are: {', '.join(map(str, frame.names))}")
        name = given
    else:
        name = next((c for c in frame.names if c in defaults), None)
        if name is None:
            raise StreamlitAPIException(
                f"Map data must contain a {human} column named: "
                f"{', '.join(map(repr, sorted(defaults)))}. Existing columns: "
                f"{', '.join(map(repr, list(frame.names)))}")
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in frame.values[name]):
        raise StreamlitAPIException(
            f"Column {name} is not allowed to contain null values, such as NaN, NaT, or None.")
    return name


def _graticule(rows: list[dict], zoom: Any) -> dict:
    """A grid around the points (the projection fits it): about ten lines each way, the
    span Streamlit's zoom level shows when `zoom` is given, else the points' extent."""
    if not rows:
        return {"step": [10, 10]}
    lats, lons = [r["lat"] for r in rows], [r["lon"] for r in rows]
    center = ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)
    if zoom is not None:
        half_lon = 360 / 2 ** float(zoom) * 1.5
        half_lat = half_lon * 0.7
    else:
        half_lon = max((max(lons) - min(lons)) * 0.6, 0.01)
        half_lat = max((max(lats) - min(lats)) * 0.6, 0.01)
    west, east = max(center[0] - half_lon, -180), min(center[0] + half_lon, 180)
    south, north = max(center[1] - half_lat, -85), min(center[1] + half_lat, 85)
    step = max(east - west, north - south) / 10
    return {"extent": [[west, south], [east, north]], "step": [step, step]}


@command
def map_(dg, data: Any = None, *, latitude=None, longitude=None, color=None, size=None,
        zoom=None, use_container_width=True, width=None, height=None) -> Any:
    frame = to_frame(data)
    lat = _coordinate_column(frame, "latitude", latitude, _LAT_NAMES) if frame.names else None
    lon = _coordinate_column(frame, "longitude", longitude, _LON_NAMES) if frame.names else None
    rows = []
    color_col = color if isinstance(color, str) and color in frame.names else None
    size_col = size if isinstance(size, str) and size in frame.names else None
    if color_col is not None and frame.values[color_col] and \
            not is_color_like(frame.values[color_col][0]):
        raise StreamlitAPIException(
            f'Column "{color_col}" does not appear to contain valid colors.')
    if lat is not None:
        for i in range(frame.length):
            row = {"lat": _json_cell(frame.values[lat][i]), "lon": _json_cell(frame.values[lon][i])}
            if color_col is not None:
                row["color"] = css_color(frame.values[color_col][i])
            if size_col is not None:
                row["size"] = _json_cell(frame.values[size_col][i])
            rows.append(row)
    point_color = None if color_col else css_color(_MAP_COLOR if color is None else color)
    encoding: dict[str, Any] = {
        "longitude": {"field": "lon", "type": "quantitative"},
        "latitude": {"field": "lat", "type": "quantitative"},
        "tooltip": [{"field": "lat", "type": "quantitative"}, {"field": "lon", "type": "quantitative"}],
    }
    encoding["color"] = {"field": "color", "type": "nominal", "scale": None} if color_col \
        else {"value": point_color}
    if size_col is not None:
        encoding["size"] = {"field": "size", "type": "quantitative", "legend": None}
    else:
        radius = 100 if size is None else size
        encoding["size"] = {"value": max(4.0, min(400.0, float(radius) / 2))}
    spec = {
        "width": width if isinstance(width, int) else 0,
        "height": height if isinstance(height, int) else 500,
        "projection": {"type": "mercator"},
        "layer": [
            {"data": {"graticule": _graticule(rows, zoom)},
             "mark": {"type": "geoshape", "stroke": "#d5dae5", "strokeWidth": 0.5, "filled": False}},
            {"data": {"values": rows}, "mark": {"type": "circle", "opacity": 1},
             "encoding": encoding},
        ],
    }
    dg.place_element("map_chart", {"spec": spec, "use_container_width": bool(use_container_width),
                              "width": width, "height": height, "caption": MAP_CAPTION,
                              "theme": "streamlit"})
    return dg
