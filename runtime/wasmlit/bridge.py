"""The one module that talks to the page: it hands page events to an AppSession and
the session's changes to the page's renderer (web/render.js, an `AppView`).

Everything crosses as JSON text, so no Python proxy outlives a call except the one
run-pump each app hands the page at start.
"""
from __future__ import annotations

import io
import json
import os
import sys
import time

from js import console
from pyodide.ffi import create_proxy

from .session import AppSession, _current_session

_apps: dict[int, tuple[AppSession, object]] = {}
_real_sleep = time.sleep


class PageHost:
    """The session's host in a browser page: an AppView from web/render.js."""

    def __init__(self, view) -> None:
        self._view = view

    def poll(self) -> list[dict]:
        raw = self._view.takeEvents()
        return json.loads(raw) if raw else []

    def flush(self, changes: list[dict]) -> None:
        self._view.apply(json.dumps(changes, default=str))


class ConsoleStream(io.TextIOBase):
    """sys.stdout / sys.stderr for app scripts: each complete line goes to the browser's
    console (console.log, or console.error for stderr), as Streamlit's terminal shows it."""

    encoding = "utf-8"  # some libraries read sys.stdout.encoding
    errors = "strict"

    def __init__(self, method: str) -> None:
        self._method = method
        self._pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            getattr(console, self._method)(line)
        return len(text)

    def flush(self) -> None:
        if self._pending:
            getattr(console, self._method)(self._pending)
            self._pending = ""


def _sleep_showing_progress(seconds: float) -> None:
    """time.sleep that first shows what the run drew so far (the page paints while a
    JSPI-suspended run sleeps)."""
    session = _current_session.get()
    if session is not None:
        session.flush()
    _real_sleep(seconds)


def start(view, source: str, filename: str = "app.py", app_dir: str | None = None) -> None:
    """Create the app's session and give the page the function that runs it. A multi-file
    app's folder (app_dir, already written by the page) becomes the working directory and
    comes first on sys.path, so the app can open its data files and import its modules."""
    time.sleep = _sleep_showing_progress
    if app_dir:
        os.chdir(app_dir)
        if app_dir not in sys.path:
            sys.path.insert(0, app_dir)
    if not isinstance(sys.stdout, ConsoleStream):
        sys.stdout, sys.stderr = ConsoleStream("log"), ConsoleStream("error")
    session = AppSession(source, filename, host=PageHost(view))
    pump = create_proxy(session.run_pending)
    _apps[id(view)] = (session, pump)
    view.attach(pump)


def stop(view) -> None:
    """Forget an app (the page unmounted it) and release its pump."""
    entry = _apps.pop(id(view), None)
    if entry is not None:
        entry[1].destroy()
