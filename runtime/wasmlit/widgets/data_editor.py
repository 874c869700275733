"""st.data_editor: a table the user edits in the page; the script gets the edited data
back in the shape it gave (dict of columns, list of records, list of values, ...).

The widget's value is Streamlit's editing state, {"edited_rows": {row: {column: value}},
"added_rows": [{column: value}], "deleted_rows": [row]}, which is also what
`st.session_state[key]` holds. Each run applies it to a fresh copy of the data, with the
value conversions pandas and Streamlit 1.50 make (an integer column becomes a float
column once a row is added or a cell emptied; missing numbers are NaN, other missing
values None). A pandas DataFrame, when pandas is importable, is edited with pandas.

The table model is in data_editor_table (plain data) and data_editor_pandas, the column
config in data_editor_columns; this module is the command and its editing state.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from ..props import container_width, validate_height, validate_width, width_prop
from ..registry import command
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget
from .data_editor_columns import (check_type_compatibilities, editor_columns, editor_display_order,
                                  process_config_mapping, update_config)
from .data_editor_table import INDEX_HIDDEN_FORMATS, to_table
from .data_editor_values import INDEX


def empty_state() -> dict:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


@command
def data_editor(dg, data: Any, *, width: Any = "stretch", height: Any = "auto",
                use_container_width: bool | None = None, hide_index: bool | None = None,
                column_order: Any = None, column_config: Any = None, num_rows: str = "fixed",
                disabled: Any = False, key: Any = None, on_change: Callable | None = None,
                args: Any = None, kwargs: Any = None, row_height: int | None = None) -> Any:
    validate_width(width, allow_content=True)
    validate_height(height, allow_stretch=False, also_allowed=("auto",))
    width = container_width(use_container_width, width, keep_pixels=True)
    if column_order is not None:
        column_order = list(column_order)
    table = to_table(data)
    config = _editor_config(table, column_config, hide_index, num_rows, disabled)
    identity = {"data": table.fingerprint(), "width": width, "height": height,
                "use_container_width": use_container_width,
                "column_order": None if column_order is None else tuple(column_order),
                "column_config_mapping": str(config), "num_rows": num_rows,
                "row_height": row_height}
    props = {
        "columns": editor_columns(table, config, disabled is True),
        "rows": table.page_rows(),
        "order": editor_display_order(table, config, column_order),
        "dynamic": num_rows == "dynamic", "disabled": disabled is True,
        "width": width_prop(width), "height": height, "row_height": row_height,
    }
    _, state = add_widget(
        dg, WidgetIdentity("data_editor", key, identity, None), default=empty_state(),
        props=props, callback=WidgetCallback(on_change, args, kwargs),
        codec=_EDITS, writes_allowed=False)
    return table.edited(state if isinstance(state, dict) else empty_state())


def _editor_config(table: Any, column_config: Any, hide_index: bool | None, num_rows: str,
                   disabled: Any) -> dict:
    """The app's column config with what the data and the arguments add (Streamlit's
    order: mixed columns disabled, the index hidden or required, `disabled` columns)."""
    config = process_config_mapping(column_config)
    for name in table.disabled_columns:
        update_config(config, name, {"disabled": True})
    if table.format in INDEX_HIDDEN_FORMATS:
        update_config(config, INDEX, {"hidden": True})
    if not table.range_index:
        update_config(config, INDEX, {"required": True})
    if hide_index is None and table.range_index and num_rows == "dynamic":
        hide_index = True
    if hide_index is not None:
        update_config(config, INDEX, {"hidden": hide_index})
    if not isinstance(disabled, bool):
        for column in disabled:
            update_config(config, column, {"disabled": True})
    check_type_compatibilities(table, config)
    return config


# --- the editing state ------------------------------------------------------------------

def _deserialize(page_value: Any) -> dict:
    """The page's editing state as Streamlit keeps it (row keys as ints, all keys there)."""
    state = dict(page_value) if isinstance(page_value, Mapping) else empty_state()
    state.setdefault("edited_rows", {})
    state.setdefault("added_rows", [])
    state.setdefault("deleted_rows", [])
    state["edited_rows"] = {int(k): v for k, v in state["edited_rows"].items()}
    return state


def _serialize(state: Any) -> dict:
    if not isinstance(state, Mapping):
        state = empty_state()
    return {"edited_rows": {str(k): v for k, v in dict(state.get("edited_rows") or {}).items()},
            "added_rows": list(state.get("added_rows") or []),
            "deleted_rows": list(state.get("deleted_rows") or [])}


# The editing state both ways, the same for every data editor.
_EDITS = ValueCodec(serialize=_serialize, deserialize=_deserialize)
