"""wasmlit: Streamlit's API, running in the browser on Pyodide.

`import streamlit as st` in an app resolves to this package (see `wasmlit.alias`).
"""
from __future__ import annotations

import importlib as _importlib
import sys as _sys
import types as _types
from typing import Any

from .lazy_names import ATTRIBUTE_SOURCES as _ATTRIBUTE_SOURCES, COMMAND_MODULES as _COMMAND_MODULES

# Names `st` gives that are also names of wasmlit's submodules: st.navigation, st.echo and
# st.secrets are a function and an object, st.context and st.query_params per-session.
_NOT_SUBMODULES = frozenset(["context", "query_params"] + [
    name for name, (_module, attribute) in _ATTRIBUTE_SOURCES.items() if attribute])


class _Streamlit(_types.ModuleType):
    """This package's module type. Importing a submodule sets it as an attribute of its
    package: wasmlit.navigation (imported by st.page_link, a pages/ folder app or a test)
    must not replace st.navigation, which `__getattr__` gives on first use."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _NOT_SUBMODULES and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


# Named as the type it extends: `type(st).__name__` (st.help shows it) stays "module".
_Streamlit.__name__ = _Streamlit.__qualname__ = "module"
_sys.modules[__name__].__class__ = _Streamlit  # before the imports below set any submodule

from . import commands as _commands  # noqa: E402
from .current import current_session, running_session as _running_session  # noqa: E402
from .errors import (StreamlitAPIException, StreamlitBadTimeStringError,  # noqa: E402
                     StreamlitFragmentWidgetsNotAllowedOutsideError)
from .fragments import fragment  # noqa: E402
from .session import AppSession  # noqa: E402
from . import config, errors, version  # noqa: E402
from .config import get_option, set_user_option as set_option  # noqa: E402

# wasmlit's own release, its wheel's version (buildlib/wasmlit_wheel.py reads this line).
WASMLIT_VERSION = "0.1.0"
# What `st.__version__` reports: the Streamlit release whose API this is, since libraries
# written for Streamlit gate features on it.
from .version import STREAMLIT_VERSION_STRING as __version__  # noqa: E402

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
        from .query_params import QueryParamsProxy
        return QueryParamsProxy(current_session().query_params)
    if name == "context":
        from .context import ContextProxy  # st.context's classes: imported on first use
        return ContextProxy(current_session().context_info)
    return _lazy(name)


# `from streamlit import *`: 1.50 has no __all__, so it exports every public name of the
# module; these are those of its names wasmlit has (its internal helper modules aside). The
# per-session ones exist only while an app runs, so `__all__` is worked out on each star
# import (in `__getattr__`): outside a run it leaves them out rather than raising.
_PER_SESSION = ("context", "query_params", "session_state", "sidebar")
_ALWAYS_EXPORTED = ["config", "errors", "fragment", "get_option", "rerun", "set_option", "stop",
                    "version", *_ATTRIBUTE_SOURCES, *_COMMAND_MODULES]
