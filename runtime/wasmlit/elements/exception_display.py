"""How an exception is drawn: the "exception" element of st.exception and of an error that
ends a run (script_run.py).

Its own small module, imported by the run loop at start: an app whose run raises must still
see its error in the page even when nothing else of the status family (st.error, st.toast,
st.status, ...) has been loaded, which in the browser may mean fetched (lazy_modules.py).
"""
from __future__ import annotations

import os
import traceback

from ..config import GENERIC_UNCAUGHT_EXCEPTION_TEXT, uncaught_error_details
from ..errors import MarkdownFormattedException

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _user_frames(exc: BaseException) -> list[str]:
    """The traceback from the first frame outside wasmlit on, as Streamlit shows it."""
    frames = traceback.extract_tb(exc.__traceback__)
    first_user = next((i for i, f in enumerate(frames)
                       if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR)), None)
    shown = frames[first_user:] if first_user is not None else frames
    return [line.strip() for line in traceback.format_list(shown)]


def _message(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError) and exc.text:
        caret = " " * max((exc.offset or 1) - 1, 0)
        return (f'File "{exc.filename}", line {exc.lineno}\n  {exc.text.rstrip()}\n'
                f"  {caret}^\n{type(exc).__name__}: {exc.msg}")
    try:
        return str(exc).strip()
    except Exception:  # an exception whose __str__ fails still gets shown
        return ""


def _type_name(exc: BaseException, uncaught: bool) -> str:
    # Streamlit names an uncaught error's type with its module (`__main__.MyError`,
    # `streamlit.errors.StreamlitAPIException`), a shown one by its bare name.
    cls = type(exc)
    if not uncaught:
        return cls.__name__
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def show_exception(dg, exception: BaseException, *, uncaught: bool):
    props = {
        "type": _type_name(exception, uncaught),
        "message": _message(exception),
        "markdown": isinstance(exception, MarkdownFormattedException)
        or getattr(exception, "message_is_markdown", False),
        "is_warning": isinstance(exception, Warning),
        "traceback": _user_frames(exception),
    }
    if uncaught:  # client.showErrorDetails may hide parts of an error that ended the run
        message, trace, kind = uncaught_error_details()
        if not message:
            props.update(message=GENERIC_UNCAUGHT_EXCEPTION_TEXT, markdown=False)
        if not trace:
            props["traceback"] = []
        if not kind:
            props["type"] = ""
    return dg.place_element("exception", props)
