"""wasmlit: Streamlit's API, running in the browser on Pyodide.

`import streamlit as st` in an app resolves to this package (see `wasmlit.alias`).
"""
from __future__ import annotations

from typing import Any

from . import commands as _commands
from .current import current_session, running_session as _running_session
from .errors import (StreamlitAPIException, StreamlitBadTimeStringError,
                     StreamlitFragmentWidgetsNotAllowedOutsideError)
from .dialogs import dialog
from .fragments import fragment
from .session import AppSession
from .caching import cache, cache_data, cache_resource
from .context import ContextProxy as _ContextProxy
from .query_params import (QueryParamsProxy as _QueryParamsProxy, experimental_get_query_params,
                           experimental_set_query_params)
from .secrets import secrets
from .navigation import Page, navigation, switch_page
from . import column_config, config, connections, errors, runtime, version
from .connections.factory import connection_factory as connection
from .config import get_option, set_user_option as set_option
from .echo import echo
from .user_info import (DeprecatedUserInfoProxy as _DeprecatedUserInfoProxy,
                        UserInfoProxy as _UserInfoProxy, login, logout)

# The modules context.py and query_params.py must not shadow st.context / st.query_params.
globals().pop("context", None)
globals().pop("query_params", None)

# wasmlit's own release, its wheel's version (buildlib/wasmlit_wheel.py reads this line).
WASMLIT_VERSION = "0.1.0"
# What `st.__version__` reports: the Streamlit release whose API this is, since libraries
# written for Streamlit gate features on it.
from .version import STREAMLIT_VERSION_STRING as __version__  # noqa: E402

user = _UserInfoProxy()
experimental_user = _DeprecatedUserInfoProxy()

# The element families register their commands (registry.COMMANDS) as they are imported.
from .elements import charts, data, figures, layout, media, page, status, text  # noqa: E402,F401
from .elements import graphviz, pdf  # noqa: E402,F401
from .elements import bokeh as _bokeh  # noqa: E402,F401
from .elements import deck, logo as _logo  # noqa: E402,F401
from .widgets import audio_input as _audio_input  # noqa: E402,F401
del deck, _logo, _audio_input  # not names of `streamlit` (st.logo, st.audio_input are commands)
del graphviz, pdf  # not names of `streamlit` (st.pdf is the command)
del _bokeh  # not a name of `streamlit` (st.bokeh_chart is the command)
from . import components  # noqa: E402  (st.components, as in 1.50)
from .components import v1 as _components_v1  # noqa: E402,F401  (st.components.v1 without an import)
del _components_v1
from .widgets import (button_group, buttons, chat, choice, data_editor, files,  # noqa: E402,F401
                      inputs, pickers, sliders)
del charts, data, figures, layout, media, page, status, text  # not names of `streamlit`
del button_group, buttons, chat, choice, data_editor, files, inputs, pickers, sliders

_ST_COMMANDS = _commands.st_commands()
globals().update(_ST_COMMANDS)
rerun = _commands.rerun
stop = _commands.stop


def __getattr__(name: str) -> Any:
    # Per-session objects, looked up in the running app (PEP 562).
    if name == "__all__":
        running = _running_session() is not None
        return _ALWAYS_EXPORTED + (list(_PER_SESSION) if running else [])
    if name == "session_state":
        return current_session().state_proxy
    if name == "sidebar":
        return current_session().sidebar
    if name == "query_params":
        return _QueryParamsProxy(current_session().query_params)
    if name == "context":
        return _ContextProxy(current_session().context_info)
    raise AttributeError(f"module 'streamlit' has no attribute '{name}'")


# `from streamlit import *`: 1.50 has no __all__, so it exports every public name of the
# module; these are those of its names wasmlit has (its internal helper modules aside). The
# per-session ones exist only while an app runs, so `__all__` is worked out on each star
# import (in `__getattr__`): outside a run it leaves them out rather than raising.
_PER_SESSION = ("context", "query_params", "session_state", "sidebar")
_ALWAYS_EXPORTED = ["Page", "cache", "cache_data", "cache_resource", "column_config", "components",
                    "config", "connection", "connections",
                    "dialog", "echo", "errors", "experimental_get_query_params",
                    "experimental_set_query_params", "experimental_user", "fragment",
                    "get_option", "login", "logout", "navigation", "rerun", "runtime", "secrets",
                    "set_option", "stop", "switch_page", "user", "version",
                    *_ST_COMMANDS]
