"""What magic calls for an expression standing alone in an app script (see wasmlit.magic)."""
from __future__ import annotations

from typing import Any

from ...current import current_session
from ...registry import COMMANDS


def transparent_write(*args: Any) -> Any:
    """st.write the arguments, and return them (the one argument, or the tuple)."""
    COMMANDS["write"](current_session().require_run().active_dg(), *args)
    return args[0] if len(args) == 1 else args
