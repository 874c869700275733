"""`streamlit.runtime.scriptrunner`: the script run context helpers and run-control
exceptions libraries import from here (1.50's re-exports).

They are imported on first use (PEP 562): every run imports this package's magic_funcs
(wasmlit.magic), and most never ask for the script run context."""
from __future__ import annotations

from typing import Any

__all__ = ["RerunException", "ScriptRunContext", "StopException", "add_script_run_ctx",
           "get_script_run_ctx"]


def __getattr__(name: str) -> Any:
    if name in ("RerunException", "StopException"):
        from ..scriptrunner_utils import exceptions as module
    elif name in __all__:
        from ..scriptrunner_utils import script_run_context as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(module, name)
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
