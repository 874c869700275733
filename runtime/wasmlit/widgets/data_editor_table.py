"""The table model: the app's data as columns of plain values (dict of columns, list of
records, list of values, numpy arrays, ...), the editing state applied to it, and the
result back in the shape the app gave. A pandas object becomes a PandasTable instead
(data_editor_pandas), which offers the same interface.

st.data_editor edits these tables; st.dataframe, st.table and the charts read them.
"""
from __future__ import annotations

import dataclasses
from collections import ChainMap, UserDict
from collections.abc import ItemsView, Mapping
from types import MappingProxyType
from typing import Any

from ..errors import StreamlitAPIException
from .data_editor_values import (FLOAT, INDEX, INTEGER, STRING, UNKNOWN, cell,
                                 check_no_index_column, infer_kind, is_missing, normalise,
                                 parse_value)

# Formats whose (range) index Streamlit hides.
INDEX_HIDDEN_FORMATS = {"list_of_values", "tuple_of_values", "set_of_values", "list_of_records",
                        "list_of_rows", "column_value_mapping", "numpy_list", "numpy_matrix",
                        "pandas_index"}


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
                values[name] = [None if is_missing(v) else str(v) for v in values[name]]
                self.disabled_columns.append(name)
                kind = STRING
            values[name] = normalise(values[name], kind)
            self.kinds[name] = kind
        self.index_kind = INTEGER if index is None else (index_kind or infer_kind(index))

    def all_kinds(self) -> list[tuple[str, str]]:
        return [(INDEX, self.index_kind)] + [(c, self.kinds[c]) for c in self.columns]

    def page_rows(self) -> list[list]:
        index = self.index if self.index is not None else list(range(self.length))
        return [[cell(index[r])] + [cell(self.values[c][r]) for c in self.columns]
                for r in range(self.length)]

    def fingerprint(self) -> str:
        return repr((self.format, self.columns, self.page_rows()))

    def edited(self, state: dict) -> Any:
        """The data with the editing state applied, in the app's shape."""
        values = {c: list(v) for c, v in self.values.items()}
        index = list(self.index) if self.index is not None else list(range(self.length))
        upcast: set[str] = set()
        index = self._edit_cells(state.get("edited_rows") or {}, values, index, upcast)
        deleted = sorted({int(r) for r in state.get("deleted_rows") or [] if 0 <= int(r) < len(index)})
        if deleted:
            keep = [r for r in range(len(index)) if r not in set(deleted)]
            index = [index[r] for r in keep]
            values = {c: [v[r] for r in keep] for c, v in values.items()}
        self._add_rows(state.get("added_rows") or [], values, index, upcast)
        for name in self.columns:
            kind = FLOAT if (self.kinds[name] == INTEGER and name in upcast) else self.kinds[name]
            values[name] = normalise(values[name], kind)
        return self._shaped(values, index)

    def _edit_cells(self, edited_rows: Mapping, values: dict, index: list, upcast: set) -> list:
        """`values` with the edited cells changed; the index (relabelled where edited)."""
        for row, changes in edited_rows.items():
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
        return index

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
            return self._numpy_shaped(values, index)
        raise AssertionError(fmt)

    def _numpy_shaped(self, values: dict, index: list) -> Any:
        import numpy as np  # we were given a numpy array
        if not self.columns or not index:
            return np.ndarray(0)  # as Streamlit returns an emptied array
        if self.format == "numpy_list":
            return np.array(values[self.columns[0]])
        return np.array([[values[c][r] for c in self.columns] for r in range(len(index))])


def to_table(data: Any) -> Any:
    """The app's data as a Table (or, for a pandas object, a PandasTable)."""
    pandas_format = format_of_pandas(data)
    if pandas_format is not None:
        from .data_editor_pandas import PandasTable  # pandas is importable: we were given it
        return PandasTable(data, pandas_format)
    if is_numpy_array(data):
        # Streamlit names the column of a 1-D array "value", those of a 2-D array 0, 1, ...
        if data.ndim <= 1:
            values = data.tolist()
            values = values if isinstance(values, list) else [values]
            return make_table("numpy_list", {"value": values} if values else {}, None)
        rows = data.tolist()
        width = len(rows[0]) if rows else 0
        return make_table("numpy_matrix", {str(i): [row[i] for row in rows] for i in range(width)},
                          None)
    fmt = determine_format(data)
    if fmt is None:
        raise StreamlitAPIException(
            f"The data type ({type(data).__name__}) or format is not supported by the data "
            "editor. Please convert your data into a Pandas Dataframe or another supported "
            "data format.")
    return _plain_table(fmt, data)


def _plain_table(fmt: str, data: Any) -> Table:
    """A Table of plain Python data in format `fmt` (determine_format's name for it)."""
    if fmt in ("list_of_values", "tuple_of_values", "set_of_values"):
        items = list(data)
        return make_table(fmt, {"value": items} if items else {}, None)
    if fmt == "key_value_dict":
        mapping = _as_mapping(data)
        if not mapping:
            return make_table(fmt, {}, None)
        return make_table(fmt, {"value": list(mapping.values())}, list(mapping.keys()))
    if fmt == "list_of_records":
        records = list(data)
        names = _ordered_union(records)
        return make_table(fmt, {n: [rec.get(n) for rec in records] for n in names}, None)
    if fmt == "list_of_rows":
        rows = [list(r) for r in data]
        width = max((len(r) for r in rows), default=0)
        return make_table(fmt, {i: [r[i] if i < len(r) else None for r in rows]
                                for i in range(width)}, None)
    if fmt == "column_value_mapping":
        lengths = {len(v) for v in data.values()}
        if len(lengths) > 1:
            raise ValueError("All arrays must be of the same length")
        return make_table(fmt, {name: list(v) for name, v in data.items()}, None)
    # column_index_mapping
    labels = _ordered_union(data.values())
    return make_table(fmt, {name: [inner.get(label) for label in labels]
                            for name, inner in data.items()}, labels)


def _ordered_union(mappings: Any) -> list:
    """The keys of all the mappings, each once, in the order they first appear."""
    return list(dict.fromkeys(key for mapping in mappings for key in mapping))


def make_table(fmt: str, columns: dict, index: list | None) -> Table:
    """A Table in format `fmt` of {column name: values}; raises Streamlit's error for a
    column named like the index column."""
    check_no_index_column(columns)
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
        return _format_of_collection(data)
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


def _format_of_collection(data: Any) -> str | None:
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


def top_module_of(data: Any) -> str:
    """The top-level package of the data's type ("pandas", "numpy", "pyarrow", ...)."""
    return type(data).__module__.split(".")[0]


def format_of_pandas(data: Any) -> str | None:
    """Streamlit's format name of a pandas object (None for other data)."""
    if top_module_of(data) != "pandas":
        return None
    name = type(data).__name__
    if name in ("DataFrame", "Series", "Styler"):
        return {"DataFrame": "pandas_dataframe", "Series": "pandas_series",
                "Styler": "pandas_styler"}[name]
    return "pandas_index" if name.endswith("Index") and hasattr(data, "to_frame") else None


def is_numpy_array(data: Any) -> bool:
    cls = type(data)
    return cls.__name__ == "ndarray" and cls.__module__ == "numpy"
