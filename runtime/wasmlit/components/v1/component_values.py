"""A custom component's value as it travels from the frontend back to Python.

The frontend's `Streamlit.setComponentValue` sends JSON, bytes (a typed array or
ArrayBuffer) or a DataFrame (an `ArrowTable`: three Arrow IPC buffers). The page sends
`{"wasmlit_component_value": <"json"|"bytes"|"dataframe">, "value": ...}`, bytes as base64
since every page event is JSON. As in 1.50, session state then holds the JSON value or
the bytes, and a DataFrame's Arrow table (`ArrowTable` here, a proto there), which the
component's call returns as a pandas DataFrame.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from ...widgets import ValueCodec

TAG = "wasmlit_component_value"


@dataclass(frozen=True)
class ArrowTable:
    """A DataFrame the frontend sent: its data, index and columns as Arrow IPC bytes."""
    data: bytes
    index: bytes
    columns: bytes


def from_page(sent: Any) -> Any:
    """What session state holds for a value the page sent (other values pass as they are:
    one the app put there itself)."""
    if not isinstance(sent, dict) or TAG not in sent:
        return sent
    kind, value = sent[TAG], sent.get("value")
    if kind == "bytes":
        return base64.b64decode(value)
    if kind == "dataframe":
        return ArrowTable(*(base64.b64decode(value[part]) for part in ("data", "index", "columns")))
    return value


def as_returned(value: Any) -> Any:
    """What the component's call returns for the value session state holds."""
    if isinstance(value, ArrowTable):
        from .component_arrow import to_dataframe
        return to_dataframe(value)
    return value


# The page never shows the value, so it is not sent back to the page.
CODEC = ValueCodec(serialize=lambda value: None, deserialize=from_page)
