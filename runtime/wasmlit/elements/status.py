"""Status elements: alerts, exceptions, balloons, toasts and spinners."""
from __future__ import annotations

import contextlib
import itertools
import os
import traceback
from typing import Any, Iterator

from ..errors import StreamlitAPIException
from . import command

_balloon_launches = itertools.count(1)
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _alert(dg, kind: str, body: Any, icon: str | None):
    return dg._enqueue("alert", {"body": str(body), "type": kind, "icon": icon})


@command
def error(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "error", body, icon)


@command
def warning(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "warning", body, icon)


@command
def info(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "info", body, icon)


@command
def success(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "success", body, icon)


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


@command
def exception(dg, exception: BaseException, *, width: Any = "stretch"):
    return show_exception(dg, exception, uncaught=False)


def show_exception(dg, exception: BaseException, *, uncaught: bool):
    return dg._enqueue("exception", {
        "type": _type_name(exception, uncaught),
        "message": _message(exception),
        "markdown": isinstance(exception, StreamlitAPIException)
        or getattr(exception, "message_is_markdown", False),  # Streamlit's MarkdownFormattedException
        "is_warning": isinstance(exception, Warning),
        "traceback": _user_frames(exception),
    })


@command
def balloons(dg):
    # Every call launches anew, so the element differs from the one it replaces.
    return dg._enqueue("balloons", {"launch": next(_balloon_launches)})


@command
def toast(dg, body: Any, *, icon: str | None = None, duration: Any = "short"):
    dg._session.require_run().checkpoint()
    seconds = {"short": 4, "long": 10, "infinite": None}.get(duration, duration)
    dg._session.tree.event("toast", body=str(body), icon=icon, seconds=seconds)


@command
@contextlib.contextmanager
def spinner(dg, text: str = "In progress...", *, show_time: bool = False,
            width: Any = "content") -> Iterator[None]:
    slot = dg.empty()
    slot._enqueue("spinner", {"text": str(text), "show_time": bool(show_time)})
    dg._session.flush()
    try:
        yield
    finally:
        with contextlib.suppress(BaseException):
            slot.empty()


