"""st.data_editor: a table the user edits in the page; the script gets the edited data
back in the shape it gave (dict of columns, list of records, list of values, ...).

The widget's value is Streamlit's editing state, {"edited_rows": {row: {column: value}},
"added_rows": [{column: value}], "deleted_rows": [row]}, which is also what
`st.session_state[key]` holds. Each run applies it to a fresh copy of the data, with the
value conversions pandas and Streamlit 1.50 make (an integer column becomes a float
column once a row is added or a cell emptied; missing numbers are NaN, other missing
values None). A pandas DataFrame, when pandas is importable, is edited with pandas.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime
import decimal
import math
from collections import ChainMap, UserDict
from collections.abc import ItemsView, Mapping
from types import MappingProxyType
from typing import Any, Callable

from ..elements import command
from ..errors import StreamlitAPIException, StreamlitInvalidHeightError
from . import _root_of, add_widget
from .validation import validate_width, width_prop

INDEX = "_index"

# Data kinds (Streamlit's ColumnDataKind values).
INTEGER, FLOAT, BOOLEAN, STRING, EMPTY = "integer", "float", "boolean", "string", "empty"
DECIMAL, DATE, TIME, DATETIME, TIMEDELTA, LIST = ("decimal", "date", "time", "datetime",
                                                 "timedelta", "list")
UNKNOWN = "unknown"

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

# Formats whose (range) index Streamlit hides.
_INDEX_HIDDEN_FORMATS = {"list_of_values", "tuple_of_values", "set_of_values", "list_of_records",
                         "list_of_rows", "column_value_mapping", "numpy_list", "numpy_matrix",
                         "pandas_index"}


def empty_state() -> dict:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


@command
def data_editor(dg, data: Any, *, width: Any = "stretch", height: Any = "auto",
                use_container_width: bool | None = None, hide_index: bool | None = None,
                column_order: Any = None, column_config: Any = None, num_rows: str = "fixed",
                disabled: Any = False, key: Any = None, on_change: Callable | None = None,
                args: Any = None, kwargs: Any = None, row_height: int | None = None) -> Any:
    validate_width(width, allow_content=True)
    if not isinstance(height, (int, str)) or (isinstance(height, str) and height != "auto") \
            or (isinstance(height, int) and height <= 0):
        raise StreamlitInvalidHeightError(height, False)
    if use_container_width is not None:
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int):
            width = "content"
    if column_order is not None:
        column_order = list(column_order)

    table = to_table(data)
    config = process_config_mapping(column_config)
    for name in table.disabled_columns:
        _update(config, name, {"disabled": True})
    if table.format in _INDEX_HIDDEN_FORMATS:
        _update(config, INDEX, {"hidden": True})
    if not table.range_index:
        _update(config, INDEX, {"required": True})
    if hide_index is None and table.range_index and num_rows == "dynamic":
        hide_index = True
    if hide_index is not None:
        _update(config, INDEX, {"hidden": hide_index})
    if not isinstance(disabled, bool):
        for column in disabled:
            _update(config, column, {"disabled": True})
    _check_type_compatibilities(table, config)

    identity = {"data": table.fingerprint(), "width": width, "height": height,
                "use_container_width": use_container_width,
                "column_order": None if column_order is None else tuple(column_order),
                "column_config_mapping": str(config), "num_rows": num_rows,
                "row_height": row_height, "form_id": dg.form_id, "root": _root_of(dg)}
    props = {
        "columns": _column_props(table, config, disabled is True),
        "rows": table.page_rows(),
        "order": _display_order(table, config, column_order),
        "dynamic": num_rows == "dynamic", "disabled": disabled is True,
        "width": width_prop(width), "height": height, "row_height": row_height,
    }
    _, state = add_widget(
        dg, "data_editor", key=key, default=empty_state(), identity=identity,
        key_identity=None, props=props, on_change=on_change, args=args,
        kwargs=kwargs, writes_allowed=False, serialize=_serialize, deserialize=deserialize)
    return table.edited(state if isinstance(state, dict) else empty_state())


# --- the editing state ------------------------------------------------------------------

def deserialize(page_value: Any) -> dict:
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


# --- column configuration ------------------------------------------------------------------

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


def _update(config: dict, column: Any, values: dict) -> None:
    config.setdefault(column, {}).update(values)


def _config_of(config: dict, name: str, position: int) -> dict:
    """A column's settings: by name, merged with those given by position (int keys;
    0 is the index column)."""
    merged: dict = {}
    if position in config:
        merged.update(config[position])
    if name in config:
        merged.update(config[name])
    return merged


def _type_of(settings: dict) -> str | None:
    type_config = settings.get("type_config") or {}
    return type_config.get("type")


def _check_type_compatibilities(table: "Table", config: dict) -> None:
    for name, kind in table.all_kinds():
        if name not in config:
            continue
        settings = config[name]
        if settings.get("disabled") is True:
            continue
        column_type = _type_of(settings)
        if column_type is None or column_type not in COMPATIBLE:
            continue
        if kind not in COMPATIBLE[column_type]:
            raise StreamlitAPIException(
                f"The configured column type `{column_type}` for column `{name}` is not "
                f"compatible for editing the underlying data type `{_kind_repr(kind)}`.\n\n"
                "You have following options to fix this: 1) choose a compatible type 2) "
                "disable the column 3) convert the column into a compatible data type.")


def _kind_repr(kind: str) -> str:
    return f"ColumnDataKind.{kind.upper()}"


_EDITOR_BY_KIND = {INTEGER: "number", FLOAT: "number", DECIMAL: "number", BOOLEAN: "checkbox",
                   STRING: "text", EMPTY: "text"}


def _column_props(table: "Table", config: dict, all_disabled: bool) -> list[dict]:
    """What the page needs of each column (the index first), in data order."""
    out = []
    for position, (name, kind) in enumerate(table.all_kinds()):
        settings = _config_of(config, name, position)
        type_config = dict(settings.get("type_config") or {})
        editor = type_config.get("type") or _EDITOR_BY_KIND.get(kind)
        if editor not in ("text", "number", "checkbox"):
            editor = None  # shown, not editable here (dates, lists, selectboxes, ...)
        is_index = name == INDEX
        editable = (editor is not None and not all_disabled and settings.get("disabled") is not True
                    and not (is_index and table.range_index))
        label = settings.get("label")
        out.append({
            "name": name, "label": ("" if is_index else name) if label is None else str(label),
            "kind": kind, "editor": editor or "text", "editable": editable, "is_index": is_index,
            "hidden": bool(settings.get("hidden", False)), "help": settings.get("help"),
            "required": bool(settings.get("required", False)),
            "default": _cell(settings.get("default")),
            "alignment": settings.get("alignment"), "width": settings.get("width"),
            "integer": kind == INTEGER,
            "min": type_config.get("min_value"), "max": type_config.get("max_value"),
            "step": type_config.get("step"), "format": type_config.get("format"),
            "max_chars": type_config.get("max_chars"),
        })
    return out


def _display_order(table: "Table", config: dict, column_order: list | None) -> list[int]:
    """Positions (in `_column_props`) of the columns the grid shows, in order: the index
    (unless hidden), then the data columns in `column_order` (or data order)."""
    names = [name for name, _ in table.all_kinds()]
    shown = []
    if not _config_of(config, INDEX, 0).get("hidden", False):
        shown.append(0)
    data_names = column_order if column_order is not None else names[1:]
    for name in data_names:
        if name in names[1:]:
            position = names.index(name, 1)
            if not _config_of(config, name, position).get("hidden", False):
                shown.append(position)
    return shown


# --- data: from the app's shape to columns and back ---------------------------------------

class Table:
    """Data as columns of plain values, with a range index or explicit index labels."""

    def __init__(self, fmt: str, columns: list[str], values: dict[str, list],
                 index: list | None, index_kind: str | None = None) -> None:
        self.format = fmt
        self.columns = columns
        self.values = values
        self.index = index  # None: a range index 0..n-1
        self.range_index = index is None
        self.length = len(values[columns[0]]) if columns else (len(index) if index else 0)
        self.disabled_columns: list[str] = []
        self.kinds = {}
        for name in columns:
            kind = infer_kind(values[name])
            if kind == UNKNOWN:
                # Streamlit turns mixed columns into text and disables them.
                values[name] = [None if _missing(v) else str(v) for v in values[name]]
                self.disabled_columns.append(name)
                kind = STRING
            values[name] = _normalise(values[name], kind)
            self.kinds[name] = kind
        self.index_kind = INTEGER if index is None else (index_kind or infer_kind(index))

    def all_kinds(self) -> list[tuple[str, str]]:
        return [(INDEX, self.index_kind)] + [(c, self.kinds[c]) for c in self.columns]

    def page_rows(self) -> list[list]:
        index = self.index if self.index is not None else list(range(self.length))
        return [[_cell(index[r])] + [_cell(self.values[c][r]) for c in self.columns]
                for r in range(self.length)]

    def fingerprint(self) -> str:
        return repr((self.format, self.columns, self.page_rows()))

    def edited(self, state: dict) -> Any:
        """The data with the editing state applied, in the app's shape."""
        values = {c: list(v) for c, v in self.values.items()}
        index = list(self.index) if self.index is not None else list(range(self.length))
        upcast: set[str] = set()
        for row, changes in (state.get("edited_rows") or {}).items():
            row = int(row)
            if not 0 <= row < len(index) or not isinstance(changes, Mapping):
                continue
            for name, value in changes.items():
                if name == INDEX:
                    new = parse_value(value, self.index_kind)
                    old = index[row]
                    index = [new if label == old else label for label in index]
                elif name in values:
                    parsed = parse_value(value, self.kinds[name])
                    if parsed is None:
                        upcast.add(name)
                    values[name][row] = parsed
        deleted = sorted({int(r) for r in state.get("deleted_rows") or [] if 0 <= int(r) < len(index)})
        if deleted:
            keep = [r for r in range(len(index)) if r not in set(deleted)]
            index = [index[r] for r in keep]
            values = {c: [v[r] for r in keep] for c, v in values.items()}
        self._add_rows(state.get("added_rows") or [], values, index, upcast)
        for name in self.columns:
            kind = FLOAT if (self.kinds[name] == INTEGER and name in upcast) else self.kinds[name]
            values[name] = _normalise(values[name], kind)
        return self._shaped(values, index)

    def _add_rows(self, added: list, values: dict, index: list, upcast: set) -> None:
        if not added:
            return
        integer_index = self.range_index or (self.index_kind == INTEGER)
        next_label = (max(index) + 1 if index else 0) if integer_index else None
        for row in added:
            if not isinstance(row, Mapping):
                continue
            label = None
            new = {c: None for c in self.columns}
            for name, value in row.items():
                if name == INDEX:
                    label = parse_value(value, self.index_kind)
                elif name in new:
                    new[name] = parse_value(value, self.kinds[name])
            if label is not None and not self.range_index and label in index:
                at = index.index(label)  # an existing label: that row is overwritten
                for c in self.columns:
                    values[c][at] = new[c]
                    if new[c] is None:
                        upcast.add(c)
                continue
            if label is None or self.range_index:
                if next_label is None:
                    continue  # Streamlit skips rows it cannot give an index label
                label = next_label
                next_label += 1
            index.append(label)
            for c in self.columns:
                values[c].append(new[c])
                upcast.add(c)  # pandas enlargement makes integer columns float

    def _shaped(self, values: dict, index: list) -> Any:
        fmt = self.format
        if fmt in ("list_of_values", "tuple_of_values", "set_of_values"):
            items = values[self.columns[0]] if self.columns else []
            return tuple(items) if fmt == "tuple_of_values" else set(items) \
                if fmt == "set_of_values" else items
        if fmt == "list_of_records":
            return [{c: values[c][r] for c in self.columns} for r in range(len(index))]
        if fmt == "list_of_rows":
            return [[values[c][r] for c in self.columns] for r in range(len(index))]
        if fmt == "column_value_mapping":
            return {c: values[c] for c in self.columns}
        if fmt == "column_index_mapping":
            return {c: dict(zip(index, values[c])) for c in self.columns}
        if fmt == "key_value_dict":
            return dict(zip(index, values[self.columns[0]])) if self.columns else {}
        if fmt in ("numpy_list", "numpy_matrix"):
            import numpy as np  # we were given a numpy array
            if not self.columns or not index:
                return np.ndarray(0)  # as Streamlit returns an emptied array
            if fmt == "numpy_list":
                return np.array(values[self.columns[0]])
            return np.array([[values[c][r] for c in self.columns] for r in range(len(index))])
        raise AssertionError(fmt)


def to_table(data: Any) -> Any:
    """The app's data as a Table (or, for a pandas DataFrame, a PandasTable)."""
    pandas_format = _pandas_format(data)
    if pandas_format is not None:
        from .data_editor_pandas import PandasTable  # pandas is importable: we were given it
        return PandasTable(data, pandas_format)
    if _is_numpy_array(data):
        # Streamlit names the column of a 1-D array "value", those of a 2-D array 0, 1, ...
        if data.ndim <= 1:
            values = data.tolist()
            values = values if isinstance(values, list) else [values]
            return _table("numpy_list", {"value": values} if values else {}, None)
        rows = data.tolist()
        width = len(rows[0]) if rows else 0
        return _table("numpy_matrix", {str(i): [row[i] for row in rows] for i in range(width)}, None)
    fmt = determine_format(data)
    if fmt is None:
        raise StreamlitAPIException(
            f"The data type ({type(data).__name__}) or format is not supported by the data "
            "editor. Please convert your data into a Pandas Dataframe or another supported "
            "data format.")
    if fmt in ("list_of_values", "tuple_of_values", "set_of_values"):
        items = list(data)
        return _table(fmt, {"value": items} if items else {}, None)
    if fmt == "key_value_dict":
        mapping = _as_mapping(data)
        if not mapping:
            return _table(fmt, {}, None)
        return _table(fmt, {"value": list(mapping.values())}, list(mapping.keys()))
    if fmt == "list_of_records":
        records = list(data)
        names: list = []
        for record in records:
            for name in record:
                if name not in names:
                    names.append(name)
        return _table(fmt, {n: [rec.get(n) for rec in records] for n in names}, None)
    if fmt == "list_of_rows":
        rows = [list(r) for r in data]
        width = max((len(r) for r in rows), default=0)
        return _table(fmt, {i: [r[i] if i < len(r) else None for r in rows] for i in range(width)}, None)
    if fmt == "column_value_mapping":
        lengths = {len(v) for v in data.values()}
        if len(lengths) > 1:
            raise ValueError("All arrays must be of the same length")
        return _table(fmt, {name: list(v) for name, v in data.items()}, None)
    # column_index_mapping
    labels: list = []
    for inner in data.values():
        for label in inner:
            if label not in labels:
                labels.append(label)
    return _table(fmt, {name: [inner.get(label) for label in labels] for name, inner in data.items()},
                  labels)


def _table(fmt: str, columns: dict, index: list | None) -> Table:
    if INDEX in columns:
        raise StreamlitAPIException(
            f"The column name '{INDEX}' is reserved for the index column and can't be used "
            "for data columns. Please rename the column in the provided data.")
    # Streamlit names columns by text when their names are not all text.
    if not all(isinstance(name, str) for name in columns):
        columns = {str(name): values for name, values in columns.items()}
    return Table(fmt, list(columns), dict(columns), index)


def determine_format(data: Any) -> str | None:
    """Streamlit's data format names, for the plain Python shapes it edits."""
    if isinstance(data, (ChainMap, UserDict, MappingProxyType)) or _is_dataclass(data) \
            or _is_namedtuple(data):
        return "key_value_dict"
    if isinstance(data, (ItemsView, enumerate)):
        return "list_of_rows"
    if isinstance(data, (list, tuple, set, frozenset)):
        items = list(data)
        if all(_is_scalar(v) for v in items):
            if isinstance(data, tuple):
                return "tuple_of_values"
            return "set_of_values" if isinstance(data, (set, frozenset)) else "list_of_values"
        first = items[0]
        if isinstance(first, dict):
            return "list_of_records"
        if isinstance(first, (list, tuple, set, frozenset)):
            return "list_of_rows"
        return None
    if isinstance(data, Mapping):
        if not data:
            return "key_value_dict"
        first = next(iter(data.values()))
        if isinstance(first, dict):
            return "column_index_mapping"
        if isinstance(first, (list, tuple)):
            return "column_value_mapping"
        return "key_value_dict"
    if hasattr(data, "__iter__") and not isinstance(data, (str, bytes)):
        return "list_of_values"
    return None


def _as_mapping(data: Any) -> dict:
    if _is_namedtuple(data):
        return dict(data._asdict())
    if _is_dataclass(data):
        return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    return dict(data)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (list, tuple, set, frozenset, dict))


def _is_dataclass(data: Any) -> bool:
    return dataclasses.is_dataclass(data) and not isinstance(data, type)


def _is_namedtuple(data: Any) -> bool:
    return isinstance(data, tuple) and hasattr(data, "_fields") and hasattr(data, "_asdict")


def _pandas_format(data: Any) -> str | None:
    """Streamlit's format name of a pandas object (None for other data)."""
    cls = type(data)
    if cls.__module__.split(".")[0] != "pandas":
        return None
    name = cls.__name__
    if name in ("DataFrame", "Series", "Styler"):
        return {"DataFrame": "pandas_dataframe", "Series": "pandas_series",
                "Styler": "pandas_styler"}[name]
    return "pandas_index" if name.endswith("Index") and hasattr(data, "to_frame") else None


def _is_numpy_array(data: Any) -> bool:
    cls = type(data)
    return cls.__name__ == "ndarray" and cls.__module__ == "numpy"


# --- values --------------------------------------------------------------------------

def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def infer_kind(values: list) -> str:
    """The data kind pandas and Arrow would give a column of these values; UNKNOWN for
    mixed values (which Streamlit shows as text and does not let the user edit)."""
    present = [v for v in values if not _missing(v)]
    if not present:
        return EMPTY
    if all(isinstance(v, bool) for v in present):
        return BOOLEAN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return INTEGER if len(present) == len(values) else FLOAT
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return FLOAT
    if all(isinstance(v, str) for v in present):
        return STRING
    if all(isinstance(v, decimal.Decimal) for v in present):
        return DECIMAL
    if all(isinstance(v, datetime.datetime) for v in present):
        return DATETIME
    if all(isinstance(v, datetime.date) and not isinstance(v, datetime.datetime) for v in present):
        return DATE
    if all(isinstance(v, datetime.time) for v in present):
        return TIME
    if all(isinstance(v, datetime.timedelta) for v in present):
        return TIMEDELTA
    if all(isinstance(v, (list, tuple)) for v in present):
        return LIST
    return UNKNOWN


def _normalise(values: list, kind: str) -> list:
    """Values as a column of that kind holds them: floats (NaN when missing) in a float
    column, None for any other missing value."""
    if kind == FLOAT:
        return [math.nan if _missing(v) else float(v) for v in values]
    return [None if _missing(v) else v for v in values]


def parse_value(value: Any, kind: str) -> Any:
    """A value from the page as the column's kind keeps it (Streamlit's rules: int(),
    float(), str(), bool(); None when it does not convert)."""
    if value is None:
        return None
    try:
        if kind == LIST:
            return list(value) if isinstance(value, (list, tuple)) else [value]
        if kind == STRING:
            return str(value)
        if isinstance(value, list):
            return None
        if kind == INTEGER:
            return int(value)
        if kind == FLOAT:
            return float(value)
        if kind == BOOLEAN:
            return bool(value)
        if kind == DECIMAL:
            return decimal.Decimal(str(value))
    except (ValueError, TypeError, ArithmeticError):
        return None
    return value


def _cell(value: Any) -> Any:
    """A value as JSON the page can show: NaN and missing values are None."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, decimal.Decimal):
        return None if value.is_nan() else float(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_cell(v) for v in value]
    try:
        if value != value:  # pandas NA, NaT
            return None
    except (TypeError, ValueError):
        return None
    return str(value)
