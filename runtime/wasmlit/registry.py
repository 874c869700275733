"""The element commands' registry: `st.<name>` and `<container>.<name>` look commands up here.

Every command takes the writer (a DeltaGenerator) first: `st.markdown("x")` calls
`COMMANDS["markdown"](<active writer>, "x")`, and `col.markdown("x")` calls it with `col`.
Each family module (elements/, widgets/, navigation) registers its commands with `@command`
when imported; `wasmlit/__init__` imports them all, so the registry is full once
`import streamlit` (or any wasmlit module) has run.
"""
from __future__ import annotations

from typing import Any, Callable

COMMANDS: dict[str, Callable[..., Any]] = {}


def command(func: Callable[..., Any]) -> Callable[..., Any]:
    """Register `func` under its name (a trailing underscore dropped: `map_` is `map`)."""
    COMMANDS[func.__name__.rstrip("_")] = func
    return func
