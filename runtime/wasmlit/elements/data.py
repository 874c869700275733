"""Data elements: st.dataframe (a read-only grid the page virtualises), st.table (a static
HTML table) and st.metric.

pandas objects (DataFrame, Series, Index, Styler) are converted column by column in
elements/dataframes.py, imported only when the app passes one. Other data is brought into
columns by st.data_editor's table model (widgets/data_editor_table.py: dicts of columns,
lists, lists of records); numpy arrays and pyarrow tables are recognised by duck typing and
turned into those shapes first, so nothing here needs numpy, pandas or pyarrow to be
importable. The grid's column records are in elements/grid.py, shared with dataframes.py.
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping
from textwrap import dedent
from typing import Any

from ..errors import StreamlitAPIException
from ..props import (container_width, validate_height, validate_label_visibility, validate_width,
                     width_prop)
from ..registry import command
from ..widgets import ValueCodec, WidgetIdentity
from ..widgets.data_editor_columns import (config_of, is_hidden, process_config_mapping,
                                           update_config)
from ..widgets.data_editor_table import (INDEX_HIDDEN_FORMATS, format_of_pandas, make_table,
                                         to_table, top_module_of)
from ..widgets.data_editor_values import (BOOLEAN, DATE, DATETIME, DECIMAL, FLOAT, INDEX, INTEGER,
                                          LIST, TIME, cell)
from .grid import GridColumn, GridData
from .selection_state import AttributeDictionary, add_selection_widget, check_on_select

# The grid's column type for each data kind when no column config names one.
_TYPE_BY_KIND = {INTEGER: "number", FLOAT: "number", DECIMAL: "number", BOOLEAN: "checkbox",
                 DATE: "date", DATETIME: "datetime", TIME: "time", LIST: "list"}


# --- data -------------------------------------------------------------------------------

def to_grid(data: Any) -> tuple[list[GridColumn], Any, str]:
    """The app's data as (columns for the page, source for AppTest, Streamlit's format name)."""
    pandas_format = format_of_pandas(data)
    if pandas_format is not None:
        from . import dataframes  # pandas is importable: the app gave us a pandas object
        df = dataframes.to_dataframe(data)
        columns = dataframes.grid_columns(df)
        if type(data).__name__ == "Styler":
            dataframes.apply_styler(data, columns)
        return columns, dataframes.snapshot(df), pandas_format
    table = to_columns(data)
    return _table_columns(table), table, table.format


def to_columns(data: Any) -> Any:
    """The app's data as a data_editor Table (or PandasTable); None is an empty table."""
    if data is None:
        return make_table("list_of_values", {}, None)
    if top_module_of(data) == "pyarrow" and hasattr(data, "to_pydict"):
        columns = data.to_pydict()
        return make_table("column_value_mapping_arrow" if columns else "pyarrow_table",
                          dict(columns), None)
    try:
        return to_table(data)
    except StreamlitAPIException:
        raise StreamlitAPIException(
            f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`. "
            "Offending object:\n```py\n" + repr(data)[:400] + "\n```") from None


def _table_columns(table: Any) -> list[GridColumn]:
    """A plain Table's index and columns for the page."""
    index = table.index if table.index is not None else list(range(table.length))
    out = [GridColumn(INDEX, "", table.index_kind, _TYPE_BY_KIND.get(table.index_kind, "text"),
                      [cell(v) for v in index], is_index=True)]
    for name in table.columns:
        kind = table.kinds[name]
        out.append(GridColumn(str(name), str(name), kind, _TYPE_BY_KIND.get(kind, "text"),
                              [cell(v) for v in table.values[name]]))
    return out


def _grid_columns(columns: list[GridColumn], config: dict) -> list[dict]:
    """What the page needs to show each column (the index first), in data order."""
    out = []
    for position, column in enumerate(columns):
        settings = config_of(config, column.name, position)
        type_config = dict(settings.get("type_config") or {})
        label = settings.get("label")
        out.append({
            "name": column.name, "label": column.label if label is None else str(label),
            "kind": column.kind, "type": type_config.get("type") or column.type,
            "format": type_config.get("format"), "is_index": column.is_index,
            "group": column.group, "timezone": column.timezone, "options": column.options,
            "display": column.display, "styles": column.styles,
            "min": type_config.get("min_value"), "max": type_config.get("max_value"),
            "display_text": type_config.get("display_text"),
            "help": settings.get("help"), "width": settings.get("width"),
            "alignment": settings.get("alignment"), "pinned": settings.get("pinned"),
        })
    return out


def _display_order(columns: list[GridColumn], config: dict, column_order: list | None) -> list[int]:
    """Positions of the columns the grid shows, in order: the index column(s) (unless
    hidden), then the data columns in `column_order` (or data order)."""
    def hidden(position: int) -> bool:
        return is_hidden(config, columns[position].name, position)

    shown = [p for p, c in enumerate(columns) if c.is_index and not hidden(p)]
    data = [p for p, c in enumerate(columns) if not c.is_index]
    if column_order is not None:
        by_name = {columns[p].name: p for p in reversed(data)}
        data = [by_name[str(name)] for name in column_order if str(name) in by_name]
    return shown + [p for p in data if not hidden(p)]


# --- st.dataframe -------------------------------------------------------------------------

_SELECTION_MODES = {"single-row", "multi-row", "single-column", "multi-column",
                    "single-cell", "multi-cell"}


@command
def dataframe(dg, data: Any = None, width: Any = "stretch", height: Any = "auto", *,
              use_container_width: bool | None = None, hide_index: bool | None = None,
              column_order: Any = None, column_config: Any = None, key: Any = None,
              on_select: Any = "ignore", selection_mode: Any = "multi-row",
              row_height: int | None = None) -> Any:
    check_on_select(on_select)
    width = container_width(use_container_width, width, keep_pixels=True)
    validate_width(width, allow_content=True)
    validate_height(height, allow_stretch=False, also_allowed=("auto",))
    columns, source, fmt = to_grid(data)
    config = process_config_mapping(column_config)
    if fmt in INDEX_HIDDEN_FORMATS:
        update_config(config, INDEX, {"hidden": True})
    if hide_index is not None:
        update_config(config, INDEX, {"hidden": hide_index})
    order = list(column_order) if column_order else None
    props = {
        "columns": _grid_columns(columns, config),
        "data": GridData([c.values for c in columns], source),
        "order": _display_order(columns, config, order),
        "width": width_prop(width), "height": height if isinstance(height, int) else None,
        "row_height": row_height,
    }
    if on_select == "ignore":
        dg.place_element("dataframe", props)
        return dg
    modes = _selection_modes(selection_mode)
    props["selection_mode"] = sorted(modes)
    data_identity = repr(([c["name"] for c in props["columns"]], props["data"]))
    identity = {"data": data_identity, "width": width, "height": height,
                "use_container_width": use_container_width, "column_order": order,
                "column_config": str(config), "selection_mode": str(selection_mode),
                "is_selection_activated": True, "row_height": row_height}
    return add_selection_widget(dg, WidgetIdentity("dataframe", key, identity, None), on_select,
                                default=_empty_selection(), props=props,
                                codec=ValueCodec(_selection_json, _selection_value))


def _selection_modes(selection_mode: Any) -> set:
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= _SELECTION_MODES:
        raise StreamlitAPIException(
            f"Invalid selection mode: {selection_mode}. Valid options are: {_SELECTION_MODES}")
    for kind in ("row", "column", "cell"):
        if {f"single-{kind}", f"multi-{kind}"} <= modes:
            raise StreamlitAPIException(
                f"Only one of `single-{kind}` or `multi-{kind}` can be selected as selection mode.")
    return modes


def _empty_selection() -> AttributeDictionary:
    return AttributeDictionary(selection={"rows": [], "columns": [], "cells": []})


def _selection_value(page_value: Any) -> AttributeDictionary:
    """The page's selection as Streamlit returns it (cells as tuples)."""
    state = dict(page_value) if isinstance(page_value, dict) else {}
    selection = dict(state.get("selection") or {})
    selection.setdefault("rows", [])
    selection.setdefault("columns", [])
    selection["cells"] = [tuple(cell) for cell in selection.get("cells") or []]
    return AttributeDictionary(selection=selection)


def _selection_json(state: Any) -> dict:
    selection = dict((state or {}).get("selection") or {}) if isinstance(state, dict) else {}
    return {"selection": {"rows": list(selection.get("rows") or []),
                          "columns": list(selection.get("columns") or []),
                          "cells": [list(c) for c in selection.get("cells") or []]}}


# --- st.table -------------------------------------------------------------------------------

@command
def table(dg, data: Any = None, *, border: Any = True) -> Any:
    if not (isinstance(border, bool) or border == "horizontal"):
        raise StreamlitAPIException(
            "Invalid `border` value. Valid values are: True, False, 'horizontal'.")
    columns, source, _ = to_grid(data)
    dg.place_element("table", {"columns": [{"label": c.label, "kind": c.kind, "type": c.type,
                                       "timezone": c.timezone, "group": c.group} for c in columns],
                          "data": GridData([c.values for c in columns], source),
                          "border": "horizontal" if border == "horizontal" else bool(border)})
    return dg


# --- st.metric -----------------------------------------------------------------------------

def _number_text(value: Any) -> str:
    if isinstance(value, numbers.Number):
        return str(value)
    if hasattr(value, "item"):
        try:
            item = value.item()
            if isinstance(item, (float, int)):
                return str(item)
        except Exception:  # noqa: BLE001  (as Streamlit: fall through to the TypeError)
            pass
    raise TypeError(f"'{value}' is of type {type(value)}, which is not an accepted type. "
                    "Please convert the value to an accepted number type.")


def metric_value_text(value: Any) -> str:
    """The value as Streamlit shows it: None is a long dash, text as given, numbers by str()."""
    if value is None:
        return "—"
    return value if isinstance(value, str) else _number_text(value)


def metric_delta(delta: Any, delta_color: str) -> tuple[str, str, str]:
    """(text, color, direction): color "red"/"green"/"gray", direction "up"/"down"/"none"."""
    if delta_color not in ("normal", "inverse", "off"):
        raise StreamlitAPIException(
            f"'{delta_color}' is not an accepted value. delta_color only accepts: "
            "'normal', 'inverse', or 'off'")
    if delta is None or (isinstance(delta, str) and delta == ""):
        return "", "gray", "none"
    text = dedent(delta) if isinstance(delta, str) else _number_text(delta)
    down = dedent(str(delta)).startswith("-")
    good = not down if delta_color == "normal" else down
    color = "gray" if delta_color == "off" else ("green" if good else "red")
    return text, color, "down" if down else "up"


@command
def metric(dg, label: str, value: Any, delta: Any = None, delta_color: str = "normal", *,
           help: str | None = None, label_visibility: str = "visible", border: bool = False,
           width: Any = "stretch", height: Any = "content", chart_data: Any = None,
           chart_type: str = "line") -> Any:
    validate_label_visibility(label_visibility)
    body = metric_value_text(value)
    if not isinstance(label, str):
        raise TypeError(f"'{label}' is of type {type(label)}, which is not an accepted type."
                        " label only accepts: str. Please convert the label to an accepted type.")
    delta_text, color, direction = metric_delta(delta, delta_color)
    chart: list[float] = []
    if chart_data is not None:
        for item in _as_list(chart_data):
            try:
                chart.append(float(item))
            except Exception as ex:  # noqa: BLE001
                raise StreamlitAPIException(
                    "Only numeric values are supported for chart data sequence. The "
                    f"value '{item}' is of type {type(item)} and "
                    "cannot be converted to float.") from ex
    validate_height(height, allow_content=True)
    validate_width(width, allow_content=True)
    dg.place_element("metric", {
        "label": label, "body": body, "delta": delta_text, "color": color,
        "direction": direction, "help": None if help is None else dedent(help),
        "label_visibility": label_visibility, "border": bool(border),
        "width": width_prop(width), "height": height if isinstance(height, int) else None,
        "chart_data": chart, "chart_type": chart_type if chart_type in ("bar", "area") else "line",
    })
    return dg


def _as_list(data: Any) -> list:
    """Streamlit's `convert_anything_to_list`: a scalar in a list, a mapping's keys, a
    sequence's items, a table's first column."""
    if isinstance(data, (str, int, float, bool)):
        return [data]
    if isinstance(data, Mapping):
        return list(data.keys())
    if isinstance(data, (list, tuple, set, frozenset, range)):
        return list(data)
    if hasattr(data, "tolist") and not hasattr(data, "columns"):
        values = data.tolist()
        return values if isinstance(values, list) else [values]
    columns = [c for c in to_grid(data)[0] if not c.is_index]
    return columns[0].values if columns else []
