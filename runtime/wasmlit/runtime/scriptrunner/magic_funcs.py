"""What magic calls for an expression standing alone in an app script (see wasmlit.magic)."""
from __future__ import annotations

from typing import Any


def transparent_write(*args: Any) -> Any:
    """st.write the arguments, and return them (the one argument, or the tuple)."""
    from ...commands import ST_COMMANDS
    ST_COMMANDS["write"](*args)
    return args[0] if len(args) == 1 else args
