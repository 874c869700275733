"""wasmlit: Streamlit's API, running in the browser on Pyodide.

`import streamlit as st` in an app resolves to this package (see `wasmlit.alias`).
"""
from __future__ import annotations

from typing import Any

from . import commands as _commands
from .errors import (StreamlitAPIException, StreamlitBadTimeStringError,
                     StreamlitFragmentWidgetsNotAllowedOutsideError)
from .dialogs import dialog
from .fragments import fragment
from .session import AppSession, current_session
from .caching import cache, cache_data, cache_resource
from .context import ContextProxy as _ContextProxy
from .query_params import (QueryParamsProxy as _QueryParamsProxy, experimental_get_query_params,
                           experimental_set_query_params)
from .secrets import secrets
from .navigation import Page, navigation, switch_page
from . import column_config

# The modules context.py and query_params.py must not shadow st.context / st.query_params.
globals().pop("context", None)
globals().pop("query_params", None)

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
    if name == "query_params":
        return _QueryParamsProxy(current_session().query_params)
    if name == "context":
        return _ContextProxy(current_session().context_info)
    raise AttributeError(f"module 'streamlit' has no attribute '{name}'")


__all__ = ["AppSession", "dialog", "StreamlitAPIException", "StreamlitBadTimeStringError",
           "StreamlitFragmentWidgetsNotAllowedOutsideError", "fragment", "rerun", "stop",
           "cache", "cache_data", "cache_resource", "secrets", "experimental_get_query_params",
           "experimental_set_query_params", "Page", "navigation", "switch_page",
           *_commands.ST_COMMANDS]
