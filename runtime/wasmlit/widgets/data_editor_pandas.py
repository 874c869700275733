"""st.data_editor on a pandas object: the same interface as data_editor_table.Table,
with the edits applied by pandas itself (so dtypes change as they do in Streamlit).

Only imported when the app passes a DataFrame, so pandas is importable then.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..elements.dataframes import is_arrow_incompatible
from ..errors import StreamlitAPIException
from .data_editor_values import (BOOLEAN, DATETIME, FLOAT, INDEX, INTEGER, STRING, TIMEDELTA,
                                 UNKNOWN, cell, check_no_index_column, infer_kind,
                                 parse_value)

_SUPPORTED_INDEXES = ("RangeIndex", "Index", "DatetimeIndex", "CategoricalIndex",
                      "Int64Index", "Float64Index", "UInt64Index")


class PandasTable:
    """`fmt`: Streamlit's name of the pandas shape given ("pandas_dataframe", "pandas_series",
    "pandas_styler", "pandas_index"); the edited data comes back as a DataFrame, or as a
    Series for a Series (Streamlit's `convert_pandas_df_to_data_format`)."""

    def __init__(self, data: Any, fmt: str = "pandas_dataframe") -> None:
        self.format = fmt
        if fmt == "pandas_styler":
            data = data.data
        elif fmt == "pandas_series" or fmt == "pandas_index":
            data = pd.DataFrame(data)
        df = data.copy()
        if type(df.index).__name__ not in _SUPPORTED_INDEXES:
            raise StreamlitAPIException(
                f"The type of the dataframe index - {type(df.index).__name__} - is not yet "
                "supported by the data editor.")
        duplicated = list(df.columns[df.columns.duplicated()])
        if duplicated:
            raise StreamlitAPIException(
                "All column names are required to be unique for usage with data editor. "
                f"The following column names are duplicated: {duplicated}. "
                "Please rename the duplicated columns in the provided data.")
        check_no_index_column(df.columns)
        self.disabled_columns: list[str] = []
        for name in list(df.columns):
            if is_arrow_incompatible(df[name]):
                self.disabled_columns.append(str(name))
                df[name] = df[name].astype("string")
        if isinstance(df.columns, pd.MultiIndex):
            df.columns = ["_".join(map(str, header)) for header in df.columns.to_flat_index()]
        elif not all(isinstance(c, str) for c in df.columns):
            df = df.rename(columns={c: str(c) for c in df.columns})
        self.df = df
        self.range_index = isinstance(df.index, pd.RangeIndex)
        self.index_kind = _kind(df.index)
        self.kinds = {name: _kind(df[name]) for name in df.columns}

    def all_kinds(self) -> list[tuple[str, str]]:
        return [(INDEX, self.index_kind)] + list(self.kinds.items())

    def page_rows(self) -> list[list]:
        index = self.df.index.tolist()
        columns = [self.df[c].tolist() for c in self.df.columns]
        return [[cell(index[r])] + [cell(col[r]) for col in columns] for r in range(len(index))]

    def fingerprint(self) -> str:
        return repr(("pandas", list(self.df.columns), [str(t) for t in self.df.dtypes],
                     self.page_rows()))

    def edited(self, state: dict) -> "pd.DataFrame":
        df = self.df.copy()
        for row, changes in (state.get("edited_rows") or {}).items():
            row = int(row)
            if not 0 <= row < len(df.index):
                continue
            for name, value in changes.items():
                if name == INDEX:
                    df.rename(index={df.index[row]: parse_value(value, self.index_kind)}, inplace=True)
                elif name in df.columns:
                    df.iat[row, df.columns.get_loc(name)] = parse_value(value, self.kinds[name])
        deleted = [int(r) for r in state.get("deleted_rows") or [] if 0 <= int(r) < len(df.index)]
        if deleted:
            df = df.drop(df.index[deleted])
        self._add_rows(df, state.get("added_rows") or [])
        return df.iloc[:, 0] if self.format == "pandas_series" else df

    def _add_rows(self, df: "pd.DataFrame", added: list) -> None:
        if not added:
            return
        next_label = step = None
        if isinstance(df.index, pd.RangeIndex):
            next_label, step = df.index.stop, df.index.step
        elif pd.api.types.is_integer_dtype(df.index.dtype):
            next_label, step = (0 if df.index.empty else df.index.max() + 1), 1
        for row in added:
            label = None
            values: list[Any] = [None] * df.shape[1]
            for name, value in row.items():
                if name == INDEX:
                    label = parse_value(value, self.index_kind)
                elif name in df.columns:
                    values[df.columns.get_loc(name)] = parse_value(value, self.kinds[name])
            if label is not None and not self.range_index:
                df.loc[label, :] = values
            elif next_label is not None:
                df.loc[next_label, :] = values
                next_label += step
            # else: Streamlit skips a row it cannot give an index label


def _kind(values: Any) -> str:
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return "categorical"
    if pd.api.types.is_bool_dtype(dtype):
        return BOOLEAN
    if pd.api.types.is_integer_dtype(dtype):
        return INTEGER
    if pd.api.types.is_float_dtype(dtype):
        return FLOAT
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return DATETIME
    if pd.api.types.is_timedelta64_dtype(dtype):
        return TIMEDELTA
    if pd.api.types.is_string_dtype(dtype) and not dtype == object:
        return STRING
    kind = infer_kind([None if v is pd.NA else v for v in values.tolist()])
    return STRING if kind == UNKNOWN else kind
