"""wasmlit: Streamlit's API, running in the browser on Pyodide.

`import streamlit as st` in an app resolves to this package (see `wasmlit.alias`).
"""
from __future__ import annotations

import importlib as _importlib
from typing import Any

from . import commands as _commands
from .current import current_session, running_session as _running_session
from .errors import (StreamlitAPIException, StreamlitBadTimeStringError,
                     StreamlitFragmentWidgetsNotAllowedOutsideError)
from .fragments import fragment
from .session import AppSession
from .context import ContextProxy as _ContextProxy
from .query_params import (QueryParamsProxy as _QueryParamsProxy, experimental_get_query_params,
                           experimental_set_query_params)
from .secrets import secrets
from .navigation import Page, navigation, switch_page
from . import config, errors, version
from .lazy_names import ATTRIBUTE_SOURCES as _ATTRIBUTE_SOURCES, COMMAND_MODULES as _COMMAND_MODULES
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

# The element families and the other lazily imported names (lazy_names.py) are imported
# when first used, by `__getattr__` below: `import streamlit` stays the engine's imports only.
rerun = _commands.rerun
stop = _commands.stop


def _lazy(name: str) -> Any:
    """A lazily imported name's value (kept as a global, so later reads skip this), or
    AttributeError."""
    if name in _COMMAND_MODULES:
        value = _commands.st_command(name)  # imports the family that registers it
    elif name in _ATTRIBUTE_SOURCES:
        module, attribute = _ATTRIBUTE_SOURCES[name]
        imported = _importlib.import_module(module)
        value = getattr(imported, attribute) if attribute else _importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module 'streamlit' has no attribute '{name}'")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_COMMAND_MODULES) | set(_ATTRIBUTE_SOURCES))


def __getattr__(name: str) -> Any:
    # Lazily imported names and per-session objects, looked up in the running app (PEP 562).
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
    return _lazy(name)


# `from streamlit import *`: 1.50 has no __all__, so it exports every public name of the
# module; these are those of its names wasmlit has (its internal helper modules aside). The
# per-session ones exist only while an app runs, so `__all__` is worked out on each star
# import (in `__getattr__`): outside a run it leaves them out rather than raising.
_PER_SESSION = ("context", "query_params", "session_state", "sidebar")
_ALWAYS_EXPORTED = ["Page", "config", "echo", "errors", "experimental_get_query_params",
                    "experimental_set_query_params", "experimental_user", "fragment",
                    "get_option", "login", "logout", "navigation", "rerun", "secrets",
                    "set_option", "stop", "switch_page", "user", "version",
                    *_ATTRIBUTE_SOURCES, *_COMMAND_MODULES]
