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
from dataclasses import dataclass, field
from typing import Any

from ..registry import command
from .data import to_columns
from .selection_state import AttributeDictionary, add_selection_widget, check_on_select
from ..errors import StreamlitAPIException
from ..widgets import ValueCodec, WidgetIdentity
from ..widgets.data_editor_table import top_module_of
from ..widgets.data_editor_values import (DATE, DATETIME, DECIMAL, FLOAT, INTEGER, STRING, TIME,
                                          TIMEDELTA, cell, infer_kind)
from ..props import container_width, validate_height, validate_theme, validate_width

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


@dataclass(frozen=True)
class ChartOptions:
    """What a built-in chart command was asked for: its own parameters."""
    chart: str  # "line", "area", "bar" or "scatter"
    x: Any = None
    y: Any = None
    x_label: Any = None
    y_label: Any = None
    color: Any = None
    size: Any = None
    width: Any = None
    height: Any = None
    stack: Any = None
    horizontal: Any = False
    sort: Any = True

    @property
    def horizontal_bar(self) -> bool:
        return self.chart == "bar" and bool(self.horizontal)


@dataclass
class _ChartColumns:
    """The columns a built-in chart draws, with their values and kinds; `rows` is the
    data as it goes into the spec (long format when there are several y columns)."""
    values: dict[str, list]
    kinds: dict[str, Any]
    x: str | None
    y_columns: list
    color_column: Any
    color_value: Any
    size_column: Any
    size_value: Any
    sort_column: str | None
    y_column: str | None = None
    rows: list[dict] = field(default_factory=list)


def build_chart_spec(chart: str, data: Any, **options: Any) -> dict:
    """The Vega-Lite spec Streamlit 1.50 builds for a built-in chart.

    `chart` is "line", "area", "bar" or "scatter"; `options` are the command's own
    parameters (`ChartOptions`). Wide data (several y columns) is melted into long format
    with Streamlit's generated "value"/"color" columns; without `x` the index becomes the
    x column ("index -- streamlit-generated" when unnamed).
    """
    opts = ChartOptions(chart, **options)
    cols = _chart_columns(to_frame(data), opts)
    _fill_rows(cols)
    return _spec(cols, opts, _encoding(cols, opts))


def _chart_columns(frame: Frame, opts: ChartOptions) -> _ChartColumns:
    """The columns the options name, checked against the data (Streamlit's errors)."""
    x = opts.x
    if x is not None:
        if not isinstance(x, str):
            raise StreamlitAPIException(
                "x parameter should be a column name (str) or None to use the "
                f" dataframe's index. Value given: {x} (type {type(x)})")
        if x not in frame.names:
            raise _column_not_found(frame, x)
    y_columns = _y_columns(frame, opts.y, x)
    color_column, color_value = _column_or_value(frame, opts.color)
    size_column, size_value = _column_or_value(frame, opts.size)
    sort_column = None
    if isinstance(opts.sort, str):
        sort_column = opts.sort[1:] if opts.sort.startswith("-") else opts.sort
        if sort_column not in frame.names:
            raise _column_not_found(frame, sort_column)
    values, kinds = dict(frame.values), dict(frame.kinds)
    if x is None and y_columns:
        x = INDEX_COL if frame.index_name is None else str(frame.index_name)
        values[x], kinds[x] = frame.index, infer_kind(frame.index)
    if color_column is not None and values[color_column] and \
            _is_color_tuple(values[color_column][0]):
        values[color_column] = [css_color(c) for c in values[color_column]]
    return _ChartColumns(values, kinds, x, y_columns, color_column, color_value, size_column,
                         size_value, sort_column)


def _fill_rows(cols: _ChartColumns) -> None:
    """Set `rows` and `y_column`; several y columns are melted into long format, their
    names in the generated color column and their values in the generated value column."""
    keep = []
    for name in (cols.x, cols.color_column, cols.size_column, cols.sort_column, *cols.y_columns):
        if name is not None and name not in keep:
            keep.append(name)
    values = cols.values
    if not (len(cols.y_columns) > 1 and cols.x is not None):
        cols.y_column = cols.y_columns[0] if cols.y_columns else None
        cols.rows = records(keep, {n: values[n] for n in keep})
        return
    length = len(values[keep[0]]) if keep else 0
    cols.y_column, cols.color_column = VALUE_COL, COLOR_COL
    ids = [n for n in (cols.x, cols.size_column, cols.sort_column) if n]
    long = {n: [] for n in ids + [COLOR_COL, VALUE_COL]}
    for name in cols.y_columns:
        for i in range(length):
            for n in ids:
                long[n].append(values[n][i])
            long[COLOR_COL].append(str(name))
            long[VALUE_COL].append(values[name][i])
    cols.kinds[VALUE_COL] = infer_kind(long[VALUE_COL])
    cols.kinds[COLOR_COL] = STRING
    cols.rows = records(list(long), long)


def _axis(kinds: dict, column: Any, grid: bool) -> dict:
    if column is not None and kinds.get(column) == INTEGER:
        return {"tickMinStep": 1, "grid": grid}
    return {"grid": grid}


def _is_date(kinds: dict, column: Any) -> bool:
    return column is not None and kinds.get(column) in (DATE, DATETIME)


def _field_and_title(column: Any, generated: str, from_user: Any, label: Any) -> tuple:
    """An axis' field and title: none for a missing or generated column or one the
    app did not name; the app's label wins."""
    if column is None:
        field_name, title = MISSING_COL, ""
    elif column == generated:
        field_name, title = column, ""
    else:
        field_name, title = column, "" if from_user is None else column
    return field_name, (title if label is None else label)


def _x_encoding(kinds: dict, opts: ChartOptions, column: Any, from_user: Any, label: Any) -> dict:
    field_name, title = _field_and_title(column, INDEX_COL, from_user, label)
    if column is None:
        typ = "quantitative"
    elif opts.chart == "bar" and not opts.horizontal and not _is_date(kinds, column):
        typ = "ordinal"
    else:
        typ = vega_type(kinds.get(column))
    return {"field": field_name, "type": typ, "title": title, "scale": {},
            "axis": _axis(kinds, column, opts.horizontal_bar)}


def _y_encoding(kinds: dict, opts: ChartOptions, column: Any, from_user: Any, label: Any) -> dict:
    field_name, title = _field_and_title(column, VALUE_COL, from_user, label)
    if opts.horizontal_bar and not _is_date(kinds, column):
        typ = "ordinal"
    elif column:
        typ = vega_type(kinds.get(column))
    else:
        typ = "quantitative"
    return {"field": field_name, "type": typ, "title": title, "scale": {},
            "axis": _axis(kinds, column, not opts.horizontal_bar)}


def _position_encoding(cols: _ChartColumns, opts: ChartOptions) -> dict[str, Any]:
    """The x and y channels (swapped for a horizontal bar chart), stacked and sorted."""
    kinds = cols.kinds
    if opts.horizontal_bar:
        x_encoding = _x_encoding(kinds, opts, cols.y_column, opts.y, opts.x_label)
        y_encoding = _y_encoding(kinds, opts, cols.x, opts.x, opts.y_label)
        stack_enc, sort_enc = x_encoding, y_encoding
    else:
        x_encoding = _x_encoding(kinds, opts, cols.x, opts.x, opts.x_label)
        y_encoding = _y_encoding(kinds, opts, cols.y_column, opts.y, opts.y_label)
        stack_enc, sort_enc = y_encoding, x_encoding
    if opts.stack is not None:
        stack_enc["stack"] = False if opts.stack == "layered" else opts.stack
    if opts.chart == "bar":
        if opts.sort is False:
            sort_enc["sort"] = None
        elif isinstance(opts.sort, str):
            sort_enc["sort"] = {"field": cols.sort_column,
                                "order": "descending" if opts.sort.startswith("-") else "ascending"}
    return {"x": x_encoding, "y": y_encoding}


def _encoding(cols: _ChartColumns, opts: ChartOptions) -> dict[str, Any]:
    """Every channel of the chart's mark."""
    chart, color_column = opts.chart, cols.color_column
    encoding = _position_encoding(cols, opts)
    if opts.stack is False and color_column is not None and chart == "bar":
        encoding["yOffset" if opts.horizontal else "xOffset"] = {"field": color_column}
    if color_column and (chart == "area" or opts.stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    color_enc = _color_encoding(cols.kinds, cols.values, cols.color_value, color_column,
                                cols.y_columns, opts.color)
    if color_enc is not None:
        encoding["color"] = color_enc
    if chart == "scatter":
        encoding["size"] = _size_encoding(cols)
    if cols.x is not None and cols.y_column is not None:
        encoding["tooltip"] = _tooltips(cols.kinds, cols.x, cols.y_column, cols.size_column,
                                        color_column, color_enc)
    return encoding


def _size_encoding(cols: _ChartColumns) -> dict:
    size_value = cols.size_value
    if cols.size_column is not None:
        return {"field": cols.size_column, "type": vega_type(cols.kinds.get(cols.size_column)),
                "legend": dict(_SIZE_LEGEND)}
    if isinstance(size_value, numbers.Real) and not isinstance(size_value, bool):
        return {"value": size_value}
    if size_value is None:
        return {"value": 100}
    raise StreamlitAPIException(f"This does not look like a valid size: {size_value!r}")


def _pixels(size: Any) -> int:
    return size if isinstance(size, int) and not isinstance(size, bool) else 0


def _spec(cols: _ChartColumns, opts: ChartOptions, encoding: dict) -> dict:
    """The spec: the mark with Streamlit's zoom, and for a line chart the points shown
    on hover."""
    mark = {"line": "line", "area": "area", "bar": "bar", "scatter": "circle"}[opts.chart]
    w, h = _pixels(opts.width), _pixels(opts.height)
    zoom = {"name": "param_1", "select": {"type": "interval", "encodings": ["x", "y"]},
            "bind": "scales"}
    base = {"mark": {"type": mark}, "encoding": encoding}
    if opts.chart == "line" and cols.x is not None:
        hover = {"name": "param_2", "select": {"type": "point", "clear": "pointerout",
                 "fields": [cols.x], "nearest": True, "on": "pointerover"}}
        points = {"mark": {"type": "point", "filled": True, "size": 65},
                  "encoding": dict(encoding, opacity={
                      "condition": {"param": "param_2", "value": 1, "empty": False}, "value": 0}),
                  "params": [hover]}
        return {"layer": [dict(base, params=[zoom]), points], "data": {"values": cols.rows},
                "width": w, "height": h, "config": {"legend": {"symbolType": "stroke"}}}
    return dict(base, data={"values": cols.rows}, params=[zoom], width=w, height=h)


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
    dg.place_element("vega_lite_chart", _chart_props(
        spec, None, _Sizing(use_container_width, width, height), theme="streamlit", kwargs={}))
    return dg


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


@dataclass(frozen=True)
class _Sizing:
    """How a chart is sized: the command's `use_container_width`, `width` and `height`."""
    use_container_width: Any = None
    width: Any = None
    height: Any = None


@dataclass(frozen=True)
class _Selection:
    """What a chart's selections were asked for: `on_select`, `selection_mode` and the
    `key` that names the chart when they are on."""
    key: Any = None
    on_select: Any = "ignore"
    mode: Any = None


def _chart_props(spec: Any, data: Any, sizing: _Sizing, *, theme: Any, kwargs: dict) -> dict:
    """The element's props: the spec with its data inline, sized to fit the container
    unless the chart is a facet, a horizontal concatenation or a repeat."""
    if isinstance(data, dict) and spec is None:
        spec, data = data, None
    spec = {} if spec is None else spec
    use_container_width, width = sizing.use_container_width, sizing.width
    if use_container_width is None and width is None:
        use_container_width = not (_is_facet(spec) or "hconcat" in spec or "repeat" in spec)
    fit = use_container_width if use_container_width is not None else width == "stretch"
    spec = _inline_data(_prepare_spec(spec, bool(fit), kwargs), data)
    return {"spec": spec, "theme": theme or "", "use_container_width": use_container_width,
            "width": width, "height": sizing.height}


def _vega_lite(dg, spec: Any, data: Any, *, use_container_width: Any, theme: Any,
               selection: _Selection, kwargs: dict) -> Any:
    """st.vega_lite_chart and st.altair_chart: the writer, or the selection state when
    `on_select` is on."""
    validate_theme(theme)
    check_on_select(selection.on_select)
    selecting = selection.on_select != "ignore"
    if selecting:
        dg.check_policies(is_widget=True)
    props = _chart_props(spec, data, _Sizing(use_container_width), theme=theme, kwargs=kwargs)
    if not selecting:
        dg.place_element("vega_lite_chart", props)
        return dg
    return _selection_state(dg, props, theme, selection)


def _selection_state(dg, props: dict, theme: Any, selection: _Selection) -> Any:
    """The chart as a widget whose value is Streamlit's selection state."""
    spec, use_container_width = props["spec"], props["use_container_width"]
    if any(k in spec for k in ("layer", "hconcat", "vconcat", "concat", "spec")) \
            or "encoding" not in spec:
        raise StreamlitAPIException(
            "Selections are not yet supported for multi-view charts (chart compositions). "
            "If you would like to use selections on multi-view charts, please upvote "
            "this [Github issue](https://github.com/streamlit/streamlit/issues/8643).")
    modes = _parse_selection_mode(spec, selection.mode)
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

    return add_selection_widget(
        dg, WidgetIdentity("arrow_vega_lite_chart", selection.key, identity, None),
        selection.on_select,
        default=empty(), props=dict(props, selection_mode=modes),
        codec=ValueCodec(serialize, deserialize))


@command
def vega_lite_chart(dg, data: Any = None, spec: Any = None, *, use_container_width=None,
                    theme="streamlit", key=None, on_select="ignore", selection_mode=None,
                    **kwargs: Any) -> Any:
    return _vega_lite(dg, spec, data, use_container_width=use_container_width, theme=theme,
                      selection=_Selection(key, on_select, selection_mode), kwargs=kwargs)


@command
def altair_chart(dg, altair_chart: Any, *, use_container_width=None, theme="streamlit",
                 key=None, on_select="ignore", selection_mode=None) -> Any:
    spec = _altair_spec(altair_chart) if hasattr(altair_chart, "to_dict") else dict(altair_chart)
    return _vega_lite(dg, spec, None, use_container_width=use_container_width, theme=theme,
                      selection=_Selection(key, on_select, selection_mode), kwargs={})


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
