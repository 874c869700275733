"""The grid's columns as the page gets them, for st.dataframe and st.table: one
GridColumn per index level and data column, and GridData, the values the page gets with
the source AppTest reads. Built from plain tables in elements/data.py and from pandas
objects in elements/dataframes.py, which both import them from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class GridColumn:
    """One column as the page gets it; `values` are JSON-ready (None where missing)."""
    name: str                  # its column_config key ("_index" for index columns)
    label: str                 # the header text
    kind: str                  # the data kind (Streamlit's ColumnDataKind)
    type: str                  # the grid's column type when no column config names one
    values: list
    is_index: bool = False
    group: str | None = None   # the upper levels of MultiIndex columns, joined by " / "
    timezone: str | None = None
    options: list | None = None
    display: list | None = None  # a Styler's text for each cell, shown instead of the value
    styles: dict | None = None   # a Styler's colours: {row: [color, background-color]}


class GridData(list):
    """The columns' values as the page gets them (a list of lists, the index first).

    `source` keeps what Streamlit's AppTest turns into the element's `.value`: the pandas
    DataFrame Streamlit would have serialised, or the plain Table of other data (a list
    subclass, so the page and the tree's comparisons see only the values)."""

    def __init__(self, columns: list, source: Any = None) -> None:
        super().__init__(columns)
        self.source = source
