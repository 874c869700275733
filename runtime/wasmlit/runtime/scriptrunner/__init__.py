"""`streamlit.runtime.scriptrunner`: the script run context helpers and run-control
exceptions libraries import from here (1.50's re-exports)."""
from __future__ import annotations

from ..scriptrunner_utils.exceptions import RerunException, StopException
from ..scriptrunner_utils.script_run_context import (ScriptRunContext, add_script_run_ctx,
                                                     get_script_run_ctx)

__all__ = ["RerunException", "ScriptRunContext", "StopException", "add_script_run_ctx",
           "get_script_run_ctx"]
