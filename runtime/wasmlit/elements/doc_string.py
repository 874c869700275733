"""`streamlit.elements.doc_string`: the one helper of Streamlit 1.50's st.help module that
apps import (Streamlit's own st.help example does, to warn when it runs inside `exec`).
st.help itself is `elements/text.py`'s."""
from __future__ import annotations

import inspect

from ..current import running_session


def _get_scriptrunner_frame() -> inspect.FrameInfo | None:
    """The frame of the app's script that is running now (the caller's line is there), or
    None outside a run or when the code runs in an `exec` block without source lines (1.50's
    meaning)."""
    session = running_session()
    filename = getattr(session, "filename", None) if session is not None else None
    for frame in inspect.stack():
        if frame.code_context is None:
            return None
        if filename is not None and frame.filename == filename:
            return frame
    return None
