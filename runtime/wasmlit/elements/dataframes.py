"""pandas objects as Streamlit 1.50 shows them in st.dataframe and st.table.

Imported only when the app passes a pandas object, so pandas and numpy are importable here
(`import wasmlit` never loads them). Each dtype converts with whole-column pandas and numpy
operations, never cell by cell in Python: a million-row frame converts in a fraction of a
second (benchmarks/dataframe_convert.py). Only what is per cell by nature goes cell by cell:
a Styler's texts (bounded by pandas' Styler cell limit) and columns of lists or arrays.

Streamlit sends a DataFrame to the browser as Arrow; its grid then picks a column type from
the pandas dtype (frontend `getColumnTypeFromArrow`) and formats each cell for that type
(`Quiver.format`, the column classes). `grid_columns` gives the page the same column types
with values the page can format the same way.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from ..errors import StreamlitAPIException
from ..widgets.data_editor_values import (BOOLEAN, DATE, DATETIME, DECIMAL, EMPTY, FLOAT, INDEX,
                                          INTEGER, LIST, STRING, TIME, TIMEDELTA)
from .grid import GridColumn

CATEGORICAL, OBJECT = "categorical", "object"


# --- Streamlit's DataFrame for a pandas object ---------------------------------------------

def to_dataframe(data: Any) -> "pd.DataFrame":
    """The DataFrame Streamlit 1.50 builds from a pandas DataFrame, Series, Index or Styler
    (`dataframe_util.convert_anything_to_pandas_df`), with the columns Arrow cannot hold
    turned into strings as Streamlit does when Arrow refuses them."""
    if isinstance(data, pd.DataFrame):
        df = data
    elif type(data).__name__ == "Styler":
        df = data.data
    elif isinstance(data, pd.Series):
        df = data.to_frame()  # an unnamed Series becomes column 0
    elif isinstance(data, pd.Index):
        df = data.to_frame(index=False)
    else:
        df = pd.DataFrame(data)
    return fix_arrow_incompatible(df)


def fix_arrow_incompatible(df: "pd.DataFrame") -> "pd.DataFrame":
    """The frame Streamlit 1.50 serialises: when Arrow refuses a column, every column (and
    index) `is_arrow_incompatible` flags becomes pandas' "string" dtype
    (`fix_arrow_incompatible_column_types`); otherwise the frame as it is."""
    columns = [df.iloc[:, position] for position in range(df.shape[1])]
    plain_index = not isinstance(df.index, pd.MultiIndex)
    if not any(_arrow_refuses(c) for c in columns) and not (plain_index and _arrow_refuses(df.index)):
        return df
    fixed = df.copy()
    for position, column in enumerate(columns):
        if is_arrow_incompatible(column):
            fixed.isetitem(position, column.astype("string"))
    if plain_index and is_arrow_incompatible(df.index):
        fixed.index = df.index.astype("string")
    return fixed


def _arrow_refuses(column: Any) -> bool:
    """Whether pyarrow's `Table.from_pandas` fails on this column: mixed scalar types,
    complex numbers, sets (lists, tuples, arrays and dicts it can hold)."""
    verdict = _arrow_verdict_by_dtype(column)
    if verdict is not None:
        return verdict
    first = _first_present(column)
    return not ptypes.is_list_like(first) or isinstance(first, (set, frozenset))


def _first_present(column: Any) -> Any:
    present = column[np.asarray(pd.notna(column))]
    return None if len(present) == 0 else (present[0] if isinstance(present, pd.Index)
                                           else present.iloc[0])


def is_arrow_incompatible(column: Any) -> bool:
    """Streamlit's `is_colum_type_arrow_incompatible` (which looks at the first value,
    missing or not)."""
    verdict = _arrow_verdict_by_dtype(column)
    if verdict is not None:
        return verdict
    if len(column) == 0:
        return True
    first = column[0] if isinstance(column, pd.Index) else column.iloc[0]
    return not ptypes.is_list_like(first) or ptypes.is_dict_like(first) \
        or isinstance(first, frozenset)


def _arrow_verdict_by_dtype(column: Any) -> bool | None:
    """What the dtype and pandas' inferred type settle: complex numbers and mixed integers
    are refused, any other non-object column and any object column not of "mixed" values
    is fine; None when it depends on the values ("mixed")."""
    if column.dtype.kind == "c":
        return True
    if column.dtype != object:
        return False
    inferred = ptypes.infer_dtype(column, skipna=True)
    if inferred in ("mixed-integer", "complex"):
        return True
    return None if inferred == "mixed" else False


# --- a Styler's texts and colours -------------------------------------------------------------

_CELL_ID = re.compile(r"row(\d+)_col(\d+)")


def apply_styler(styler: Any, columns: list[GridColumn]) -> None:
    """Give the data columns a Styler's display texts and cell colours, as Streamlit 1.50
    shows them (pandas_styler_utils: every cell's text is `str(value)` unless the Styler
    formats it; the grid applies a cell's `color` and `background-color`). A Styler is
    bounded by pandas' "styler.render.max_elements", so going cell by cell is fine here."""
    df = styler.data
    if df.size > int(pd.options.styler.render.max_elements):
        raise StreamlitAPIException(
            f"The dataframe has `{df.size}` cells, but the maximum number of cells allowed to be "
            "rendered by Pandas Styler is configured to "
            f"`{pd.options.styler.render.max_elements}`. To allow more cells to be styled, you "
            'can change the `"styler.render.max_elements"` config. For example: '
            f'`pd.set_option("styler.render.max_elements", {df.size})`')
    styler._compute()
    translated = styler._translate(False, False)
    data = [c for c in columns if not c.is_index]
    for position, column in enumerate(data):
        column.display = df.iloc[:, position].astype(str).tolist()
    for row in translated.get("body", []):
        for cell in row:
            match = _CELL_ID.match(str(cell.get("id") or ""))
            if match:
                r, c = map(int, match.groups())
                shown = cell.get("display_value")
                data[c].display[r] = str(getattr(shown, "value", shown))
    for style in translated.get("cellstyle", []):
        props = dict(p for p in style.get("props", []) if len(p) == 2)
        colours = [props.get("color"), props.get("background-color")]
        if not any(colours):
            continue
        if colours[1] == "yellow" and not colours[0]:
            colours[0] = "#31333F"  # Streamlit keeps yellow highlights readable in dark mode
        for selector in style.get("selectors", []):
            match = _CELL_ID.match(selector)
            if match:
                r, c = map(int, match.groups())
                data[c].styles = {**(data[c].styles or {}), r: colours}


# --- columns for the page ----------------------------------------------------------------

def grid_columns(df: "pd.DataFrame") -> list[GridColumn]:
    """The index column(s), then the data columns, converted for the page."""
    out = []
    index = df.index
    levels = [index.get_level_values(i) for i in range(index.nlevels)] \
        if isinstance(index, pd.MultiIndex) else [index]
    for level in levels:
        kind, type_, values, extra = convert(level)
        out.append(GridColumn(INDEX, "" if level.name is None else str(level.name), kind, type_,
                              values, is_index=True, **extra))
    multi = isinstance(df.columns, pd.MultiIndex)
    for position, label in enumerate(df.columns):
        group = None
        if multi:
            upper = [str(part) for part in label[:-1] if str(part) != ""]
            group = " / ".join(upper) or None
            label = label[-1]
        kind, type_, values, extra = convert(df.iloc[:, position])
        out.append(GridColumn(str(label), str(label), kind, type_, values, group=group, **extra))
    return out


def convert(column: Any) -> tuple[str, str, list, dict]:
    """(data kind, grid column type, JSON-ready values, extra column props) of a Series
    or Index, by its dtype, as Streamlit's grid maps dtypes to column types."""
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return CATEGORICAL, "selectbox", _objects(column), {"options": _objects(dtype.categories)}
    if ptypes.is_bool_dtype(dtype):
        return BOOLEAN, "checkbox", _objects(column), {}
    if ptypes.is_integer_dtype(dtype):
        return INTEGER, "number", _objects(column), {}
    if ptypes.is_float_dtype(dtype):
        return FLOAT, "number", _floats(column), {}
    if ptypes.is_datetime64_any_dtype(dtype):
        tz = getattr(dtype, "tz", None)
        if tz is not None:
            return DATETIME, "datetime", _zoned_datetimes(column), {"timezone": str(tz)}
        return DATETIME, "datetime", _epoch_ms(column), {}
    if ptypes.is_timedelta64_dtype(dtype):
        # Streamlit shows durations as text, humanized by moment.js (Quiver.formatDuration).
        return TIMEDELTA, "text", humanize_durations(column), {}
    if dtype != object:
        if ptypes.is_string_dtype(dtype):
            return STRING, "text", _objects(column), {}
        return STRING, "text", _texts(column), {}  # periods, intervals, ...
    return _convert_objects(column)


def _convert_objects(column: Any) -> tuple[str, str, list, dict]:
    inferred = ptypes.infer_dtype(column, skipna=True)
    if inferred in ("string", "unicode"):
        return STRING, "text", _objects(column), {}
    if inferred == "empty":
        return EMPTY, "text", [None] * len(column), {}
    if inferred == "boolean":
        return BOOLEAN, "checkbox", _objects(column), {}
    if inferred == "integer":
        return INTEGER, "number", _objects(column), {}
    if inferred in ("floating", "mixed-integer-float"):
        return FLOAT, "number", _floats(column.astype(float)), {}
    if inferred == "decimal":
        return DECIMAL, "number", _floats(column.astype(float)), {}
    if inferred == "date":
        days = np.asarray(column, dtype="datetime64[D]")
        return DATE, "date", _masked(np.datetime_as_string(days).astype(object), np.isnat(days)), {}
    if inferred == "time":
        return TIME, "time", _texts(column), {}
    if inferred in ("datetime", "datetime64"):
        try:
            return convert(pd.to_datetime(pd.Series(column)))
        except (ValueError, TypeError):  # mixed time zones: shown as text
            return STRING, "text", _texts(column), {}
    if inferred == "mixed":
        first = _first_present(column)
        if ptypes.is_dict_like(first):
            # Arrow makes dicts a struct: the grid shows it as compact JSON.
            return OBJECT, "json", _objects(column), {}
        if ptypes.is_list_like(first):
            return LIST, "list", [_plain_list(v) for v in _objects(column)], {}
    return STRING, "text", _texts(column), {}


def _masked(values: "np.ndarray", missing: "np.ndarray") -> list:
    if missing.any():
        if not values.flags.writeable:  # a view of pandas' own (copy-on-write) data
            values = values.copy()
        values[missing] = None
    return values.tolist()


def _objects(column: Any) -> list:
    """Python values (ints, floats, strs, bools, lists...), None where pandas has NA."""
    return column.to_numpy(dtype=object, na_value=None).tolist() if hasattr(column, "to_numpy") \
        else list(column)


def _floats(column: Any) -> list:
    values = np.asarray(column, dtype=float)
    return _masked(values.astype(object), ~np.isfinite(values))  # JSON has no NaN or inf


def _texts(column: Any) -> list:
    return _masked(np.asarray(column.astype(str), dtype=object), np.asarray(pd.isna(column)))


def _plain_list(value: Any) -> Any:
    if value is None:
        return None
    return value.tolist() if hasattr(value, "tolist") else list(value)


def _epoch_ms(column: Any) -> list:
    """Wall-clock datetimes as milliseconds since 1970 (the page reads them as UTC)."""
    stamps = np.asarray(column, dtype="datetime64[ms]")
    return _masked(stamps.astype(np.int64).astype(object), np.isnat(stamps))


def _zoned_datetimes(column: Any) -> list:
    """Time-zone-aware datetimes as "YYYY-MM-DD HH:MM:SS+HH:MM" in their own zone (how
    Streamlit's grid shows a datetimetz column: format "YYYY-MM-DD HH:mm:ssZ")."""
    series = column if isinstance(column, pd.Series) else column.to_series()
    wall = series.dt.tz_localize(None).to_numpy(dtype="datetime64[s]")
    utc = series.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[s]")
    missing = np.isnat(wall)
    offsets = (wall - utc).astype(np.int64)
    offsets[missing] = 0
    unique, inverse = np.unique(offsets, return_inverse=True)
    suffixes = np.array([_offset_text(int(o)) for o in unique])[inverse]
    texts = np.char.add(np.char.replace(np.datetime_as_string(wall, unit="s"), "T", " "), suffixes)
    return _masked(texts.astype(object), missing)


def _offset_text(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    minutes = abs(seconds) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# moment.js `duration.humanize()` (English, default thresholds), which Streamlit's grid uses
# for timedelta columns: the first rule that matches wins.
def humanize_durations(column: Any) -> list:
    nanos = np.asarray(column, dtype="timedelta64[ns]")
    missing = np.isnat(nanos)
    seconds = np.abs(np.where(missing, 0, nanos.astype(np.int64)) / 1e9)
    days = seconds / 86400
    months = days * 4800 / 146097

    def rnd(x: "np.ndarray") -> "np.ndarray":
        return np.floor(x + 0.5).astype(np.int64)

    s, m, h, d, mo, y = rnd(seconds), rnd(seconds / 60), rnd(seconds / 3600), rnd(days), \
        rnd(months), rnd(months / 12)
    rules = [
        (s <= 44, None, "a few seconds"), (s < 45, s, "seconds"),
        (m <= 1, None, "a minute"), (m < 45, m, "minutes"),
        (h <= 1, None, "an hour"), (h < 22, h, "hours"),
        (d <= 1, None, "a day"), (d < 26, d, "days"),
        (mo <= 1, None, "a month"), (mo < 11, mo, "months"),
        (y <= 1, None, "a year"), (np.ones_like(missing), y, "years"),
    ]
    out = np.empty(len(nanos), dtype=object)
    done = missing.copy()
    for match, count, word in rules:
        pick = match & ~done
        if not pick.any():
            continue
        if count is None:
            out[pick] = word
        else:
            out[pick] = np.char.add(count[pick].astype(str), " " + word).astype(object)
        done |= pick
    out[missing] = None
    return out.tolist()


# --- Streamlit's DataFrame for AppTest -------------------------------------------------------

def snapshot(df: "pd.DataFrame") -> "pd.DataFrame":
    """The frame as it is now, kept for AppTest's `.value` (Streamlit serialises it when the
    element is written, so later changes to the app's frame do not show)."""
    # pandas 3 copies on write: a shallow copy already stays as it is, at no cost.
    return df.copy(deep=int(pd.__version__.split(".")[0]) < 3)


def as_deserialized(df: "pd.DataFrame") -> "pd.DataFrame":
    """The frame as Streamlit's AppTest reads it back from Arrow: a copy whose list cells
    are numpy arrays (pyarrow's `to_pandas` of a list column)."""
    out = df.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if column.dtype == object and isinstance(_first_present(column), (list, tuple)):
            out.isetitem(position, column.map(
                lambda v: np.asarray(v) if isinstance(v, (list, tuple)) else v))
    return out


def table_to_dataframe(table: Any) -> "pd.DataFrame":
    """A plain Table (dict of columns, list, records, numpy array...) as the DataFrame
    Streamlit 1.50 builds from that data (`convert_anything_to_pandas_df`)."""
    index = None if table.index is None else pd.Index(table.index)
    if not table.columns:
        return pd.DataFrame(index=index)
    df = pd.DataFrame({name: table.values[name] for name in table.columns}, index=index)
    if table.format in ("list_of_rows", "numpy_matrix"):
        df.columns = pd.Index([int(name) for name in table.columns])  # pandas names them 0, 1, ...
    return fix_arrow_incompatible(df)
