"""DataFrames to and from the Arrow tables of the component protocol (1.50's
component_arrow): data, index and columns, each a DataFrame in Arrow IPC stream bytes.

Imported only when a component gets or sends a DataFrame: pyarrow is a large download in
the browser (Pyodide loads it from its distribution when imported), so a component that
passes no DataFrame never needs it. The import is not guarded, so that the page loads it.
"""
from __future__ import annotations

import base64
from typing import Any

import pandas as pd
import pyarrow as pa

from ...elements.dataframes import to_dataframe as _pandas_frame


def _maybe_tuple_to_list(item: Any) -> Any:
    return list(item) if isinstance(item, tuple) else item


def _ipc_bytes(df: "pd.DataFrame") -> bytes:
    table = pa.Table.from_pandas(df)
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def to_arrow_table(data: Any) -> dict[str, str]:
    """The frontend's `ArrowTable` parts for dataframe-like `data`, each base64 Arrow IPC."""
    if type(data).__module__.split(".")[0] in ("pyarrow", "polars"):
        data = data.to_pandas()
    df = _pandas_frame(data)
    parts = {"data": _ipc_bytes(df),
             "index": _ipc_bytes(pd.DataFrame(map(_maybe_tuple_to_list, df.index.values))),
             "columns": _ipc_bytes(pd.DataFrame(map(_maybe_tuple_to_list, df.columns.values)))}
    return {name: base64.b64encode(value).decode("ascii") for name, value in parts.items()}


def _from_ipc(source: bytes) -> "pd.DataFrame":
    return pa.RecordBatchStreamReader(source).read_pandas()


def to_dataframe(table: Any) -> "pd.DataFrame":
    """The pandas DataFrame of an ArrowTable the frontend sent (1.50's
    `arrow_proto_to_dataframe`)."""
    data, index, columns = _from_ipc(table.data), _from_ipc(table.index), _from_ipc(table.columns)
    return pd.DataFrame(data.to_numpy(), index=index.to_numpy().T.tolist(),
                        columns=columns.to_numpy().T.tolist())
