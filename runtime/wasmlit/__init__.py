"""wasmlit: Streamlit's API, running in the browser on Pyodide.

`import streamlit as st` in an app resolves to this package (see `wasmlit.alias`).
"""
from __future__ import annotations

from typing import Any

from . import commands as _commands
from .errors import (StreamlitAPIException, StreamlitBadTimeStringError,
                     StreamlitFragmentWidgetsNotAllowedOutsideError)
from .fragments import fragment
from .session import AppSession, current_session

__version__ = "0.1.0"

globals().update(_commands.ST_COMMANDS)
rerun = _commands.rerun
stop = _commands.stop


def __getattr__(name: str) -> Any:
    # Per-session objects, looked up in the running app (PEP 562).
    if name == "session_state":
        return current_session().state_proxy
    if name == "sidebar":
        return current_session().sidebar
    raise AttributeError(f"module 'streamlit' has no attribute '{name}'")


__all__ = ["AppSession", "StreamlitAPIException", "StreamlitBadTimeStringError",
           "StreamlitFragmentWidgetsNotAllowedOutsideError", "fragment", "rerun", "stop",
           *_commands.ST_COMMANDS]
