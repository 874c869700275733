"""`st.stop()` and `st.rerun()` as exceptions: an app or library that catches Streamlit's
run control to let it through (`except (StopException, RerunException): raise`) catches
wasmlit's."""
from __future__ import annotations

from ...errors import RerunException, StopException

__all__ = ["RerunException", "StopException"]
