"""Cell values of a table: the data kinds Streamlit names its columns by, what kind a list
of plain values is, how a value from the page is parsed back into a column's kind, and how
a value travels to the page as JSON.

The lowest of the table modules: the plain table model (data_editor_table), the pandas one
(data_editor_pandas), the column config (data_editor_columns), st.dataframe's pandas
conversion and the charts all build on these names, and this module imports none of them.
"""
from __future__ import annotations

import datetime
import decimal
import math
from typing import Any

from ..errors import StreamlitAPIException

# The index column's name in column config and in the editing state.
INDEX = "_index"

# Data kinds (Streamlit's ColumnDataKind values).
INTEGER, FLOAT, BOOLEAN, STRING, EMPTY = "integer", "float", "boolean", "string", "empty"
DECIMAL, DATE, TIME, DATETIME, TIMEDELTA, LIST = ("decimal", "date", "time", "datetime",
                                                 "timedelta", "list")
UNKNOWN = "unknown"


def check_no_index_column(names: Any) -> None:
    """Raise Streamlit's error for a data column named like the index column."""
    if INDEX in names:
        raise StreamlitAPIException(
            f"The column name '{INDEX}' is reserved for the index column and can't be used "
            "for data columns. Please rename the column in the provided data.")


def is_missing(value: Any) -> bool:
    """None or NaN: what a column holds where there is no value."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def infer_kind(values: list) -> str:
    """The data kind pandas and Arrow would give a column of these values; UNKNOWN for
    mixed values (which Streamlit shows as text and does not let the user edit)."""
    present = [v for v in values if not is_missing(v)]
    if not present:
        return EMPTY
    if all(isinstance(v, bool) for v in present):
        return BOOLEAN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return INTEGER if len(present) == len(values) else FLOAT
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return FLOAT
    return _kind_of_objects(present)


def _kind_of_objects(present: list) -> str:
    """The kind of present values that are not all numbers or booleans."""
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


def normalise(values: list, kind: str) -> list:
    """Values as a column of that kind holds them: floats (NaN when missing) in a float
    column, None for any other missing value."""
    if kind == FLOAT:
        return [math.nan if is_missing(v) else float(v) for v in values]
    return [None if is_missing(v) else v for v in values]


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


def cell(value: Any) -> Any:
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
        return [cell(v) for v in value]
    try:
        if value != value:  # pandas NA, NaT
            return None
    except (TypeError, ValueError):
        return None
    return str(value)
