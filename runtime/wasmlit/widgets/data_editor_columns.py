"""Column config for st.data_editor and st.dataframe: the `column_config` argument as
settings per column (by name, or by position with 0 the index), the settings the data
adds, Streamlit's check that a configured column type can edit the column's data, and
what the editor's grid gets of each column.

The settings of a column are the dicts st.column_config.* returns (column_config.py).
"""
from __future__ import annotations

import copy
from typing import Any

from ..errors import StreamlitAPIException
from .data_editor_values import (BOOLEAN, DATE, DATETIME, DECIMAL, EMPTY, FLOAT, INDEX, INTEGER,
                                 LIST, STRING, TIME, TIMEDELTA, cell)

# Column types each data kind can be edited with (Streamlit's compatibility table).
COMPATIBLE = {
    "text": {STRING, EMPTY},
    "number": {INTEGER, FLOAT, DECIMAL, STRING, TIMEDELTA, EMPTY},
    "checkbox": {BOOLEAN, STRING, INTEGER, EMPTY},
    "selectbox": {STRING, BOOLEAN, INTEGER, FLOAT, EMPTY},
    "date": {DATE, DATETIME, EMPTY},
    "time": {TIME, DATETIME, EMPTY},
    "datetime": {DATETIME, DATE, TIME, EMPTY},
    "link": {STRING, EMPTY},
    "list": {LIST, STRING, EMPTY},
    "multiselect": {LIST, STRING, EMPTY},
}

# The editor the grid offers for each data kind when no column config names one.
_EDITOR_BY_KIND = {INTEGER: "number", FLOAT: "number", DECIMAL: "number", BOOLEAN: "checkbox",
                   STRING: "text", EMPTY: "text"}


def process_config_mapping(column_config: Any) -> dict:
    """Streamlit's column config: None hides a column, a string labels it, a dict (what
    st.column_config.* returns) configures it."""
    if column_config is None:
        return {}
    out: dict = {}
    for column, config in column_config.items():
        if config is None:
            out[column] = {"hidden": True}
        elif isinstance(config, str):
            out[column] = {"label": config}
        elif isinstance(config, dict):
            out[column] = copy.deepcopy(config)
        else:
            raise StreamlitAPIException(
                f"Invalid column config for column `{column}`. "
                f"Expected `None`, `str` or `dict`, but got `{type(config)}`.")
    return out


def update_config(config: dict, column: Any, values: dict) -> None:
    """Add `values` to a column's settings (Streamlit's update_column_config)."""
    config.setdefault(column, {}).update(values)


def config_of(config: dict, name: str, position: int) -> dict:
    """A column's settings: by name, merged with those given by position (int keys;
    0 is the index column)."""
    merged: dict = {}
    if position in config:
        merged.update(config[position])
    if name in config:
        merged.update(config[name])
    return merged


def is_hidden(config: dict, name: str, position: int) -> bool:
    return bool(config_of(config, name, position).get("hidden", False))


def check_type_compatibilities(table: Any, config: dict) -> None:
    """Raise Streamlit's error when an editable column's configured type cannot edit its
    data kind (a "text" column of integers...)."""
    for name, kind in table.all_kinds():
        if name not in config:
            continue
        settings = config[name]
        if settings.get("disabled") is True:
            continue
        column_type = (settings.get("type_config") or {}).get("type")
        if column_type is None or column_type not in COMPATIBLE:
            continue
        if kind not in COMPATIBLE[column_type]:
            raise StreamlitAPIException(
                f"The configured column type `{column_type}` for column `{name}` is not "
                f"compatible for editing the underlying data type `ColumnDataKind."
                f"{kind.upper()}`.\n\nYou have following options to fix this: 1) choose a "
                "compatible type 2) disable the column 3) convert the column into a "
                "compatible data type.")


def editor_columns(table: Any, config: dict, all_disabled: bool) -> list[dict]:
    """What the editor's grid needs of each column (the index first), in data order."""
    return [_editor_column(table, name, kind, config_of(config, name, position), all_disabled)
            for position, (name, kind) in enumerate(table.all_kinds())]


def _editor_column(table: Any, name: str, kind: str, settings: dict, all_disabled: bool) -> dict:
    type_config = dict(settings.get("type_config") or {})
    editor = type_config.get("type") or _EDITOR_BY_KIND.get(kind)
    if editor not in ("text", "number", "checkbox"):
        editor = None  # shown, not editable here (dates, lists, selectboxes, ...)
    is_index = name == INDEX
    editable = (editor is not None and not all_disabled and settings.get("disabled") is not True
                and not (is_index and table.range_index))
    label = settings.get("label")
    return {
        "name": name, "label": ("" if is_index else name) if label is None else str(label),
        "kind": kind, "editor": editor or "text", "editable": editable, "is_index": is_index,
        "hidden": bool(settings.get("hidden", False)), "help": settings.get("help"),
        "required": bool(settings.get("required", False)),
        "default": cell(settings.get("default")),
        "alignment": settings.get("alignment"), "width": settings.get("width"),
        "integer": kind == INTEGER,
        "min": type_config.get("min_value"), "max": type_config.get("max_value"),
        "step": type_config.get("step"), "format": type_config.get("format"),
        "max_chars": type_config.get("max_chars"),
    }


def editor_display_order(table: Any, config: dict, column_order: list | None) -> list[int]:
    """Positions (in `editor_columns`) of the columns the grid shows, in order: the index
    (unless hidden), then the data columns in `column_order` (or data order)."""
    names = [name for name, _ in table.all_kinds()]
    shown = [] if is_hidden(config, INDEX, 0) else [0]
    data_names = column_order if column_order is not None else names[1:]
    for name in data_names:
        if name in names[1:]:
            position = names.index(name, 1)
            if not is_hidden(config, name, position):
                shown.append(position)
    return shown
