"""`streamlit.runtime`: what libraries ask of Streamlit's runtime.

`exists()` is True while an app runs in wasmlit (1.50's is True while its server runs; an
app only ever sees it during a run). 1.50's server objects (`Runtime`, `get_instance()`,
session managers) have no counterpart in a page without a server and are not defined.
"""
from __future__ import annotations

from ..current import running_session as _running_session  # not part of streamlit.runtime


def exists() -> bool:
    """True while a wasmlit app runs (scripts, fragments, callbacks)."""
    return _running_session() is not None


__all__ = ["exists"]
