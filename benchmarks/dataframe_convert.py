"""How long st.dataframe's Python side takes to turn a big pandas DataFrame into what the
page gets (elements/dataframes.py: column by column, with pandas and numpy operations).

    python3 benchmarks/dataframe_convert.py [--rows 1000000] [--repeat 3]

The frame has five mixed columns: int64, float64 with NaN, text, datetime64 and a
categorical. Prints the best of `--repeat` runs for Streamlit's DataFrame preparation
(`to_dataframe`), the column conversion (`grid_columns`), a whole script run calling
st.dataframe(df) in wasmlit's engine, and, for scale, the time json.dumps takes to encode
the values (the bridge does that when it sends them to the page).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "runtime"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from wasmlit.elements import dataframes  # noqa: E402


def sample(rows: int) -> "pd.DataFrame":
    rng = np.random.default_rng(0)
    floats = rng.normal(size=rows)
    floats[::10] = np.nan
    return pd.DataFrame({
        "id": np.arange(rows, dtype=np.int64),
        "value": floats,
        "name": pd.Series(rng.integers(0, 1000, rows)).map(lambda i: f"name {i}"),
        "when": pd.date_range("2024-01-01", periods=rows, freq="min"),
        "group": pd.Categorical(rng.choice(["red", "green", "blue"], rows)),
    })


def best(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def run_dataframe_command(df: "pd.DataFrame") -> None:
    """One script run that calls st.dataframe(df), without a page (wasmlit's engine)."""
    from wasmlit import AppSession
    import builtins
    session = AppSession("import streamlit as st\nst.dataframe(df)\n", "bench.py", None)
    builtins.df = df  # the script reads `df` from builtins: no copy, no pickling
    try:
        session.enqueue({"kind": "rerun"})
        session.run_pending()
    finally:
        del builtins.df


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    df = sample(args.rows)
    prepare, frame = best(args.repeat, lambda: dataframes.to_dataframe(df))
    convert, columns = best(args.repeat, lambda: dataframes.grid_columns(frame))
    encode, _ = best(1, lambda: json.dumps([c.values for c in columns]))
    command, _ = best(args.repeat, lambda: run_dataframe_command(df))
    print(f"pandas {pd.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")
    print(f"{args.rows:,} rows x {df.shape[1]} columns ({', '.join(str(t) for t in df.dtypes)})")
    print(f"  to_dataframe (Streamlit's frame):  {prepare * 1000:8.1f} ms")
    print(f"  grid_columns (values for the page): {convert * 1000:8.1f} ms")
    print(f"  total conversion:                   {(prepare + convert) * 1000:8.1f} ms")
    print(f"  st.dataframe(df) in a run (engine): {command * 1000:8.1f} ms")
    print(f"  (json.dumps of the values:          {encode * 1000:8.1f} ms)")


if __name__ == "__main__":
    main()
