"""The app session whose run is in progress, for code that has no writer to ask.

`st.*` functions find their session here (`current_session()`), so no module needs to
import session.py to reach it: the session sets itself current while it runs
(`AppSession.run_pending`). A session is current for one page's app at a time; several
apps on one page take turns.
"""
from __future__ import annotations

import contextlib
import contextvars
from typing import Any, Iterator

# The AppSession (session.py) running now, or None between runs.
_session: contextvars.ContextVar[Any] = contextvars.ContextVar("wasmlit_session", default=None)


def running_session() -> Any:
    """The AppSession running now, or None outside a run."""
    return _session.get()


def current_session() -> Any:
    """The AppSession running now; a Streamlit command called outside a run raises."""
    session = _session.get()
    if session is None:
        raise RuntimeError("This Streamlit command was called outside of a running wasmlit app.")
    return session


@contextlib.contextmanager
def running(session: Any) -> Iterator[None]:
    """Make `session` the current one for the body (its run loop)."""
    token = _session.set(session)
    try:
        yield
    finally:
        _session.reset(token)
