"""The one module that talks to the page: it hands page events to an AppSession and
the session's changes to the page's renderer.

Python runs in a Web Worker (web/python-worker.js); each app's "view" here is that worker's
`AppChannel`, which posts the changes to the page (web/render.js's `AppView` applies them)
and hands over the events the page sent. Everything crosses as JSON text, so no Python
proxy outlives a call except the one run-pump each app hands the worker at start.
"""
from __future__ import annotations

import io
import json
import os
import sys
import textwrap
import time
from contextlib import contextmanager

import js
from pyodide.ffi import can_run_sync, create_proxy, run_sync

from . import lazy_modules, package_hook
from .current import running_session
from .session import AppSession
from .workspace import Workspace

_apps: dict[str, tuple[AppSession, object]] = {}  # the page's app id -> session, pump
_real_sleep = time.sleep


class PageHost:
    """The session's host in a browser page: an AppView from web/render.js."""

    def __init__(self, view) -> None:
        self._view = view

    def poll(self) -> list[dict]:
        # Without shared memory the page's events wait in the worker's message queue, read
        # only while a run yields: let it read them now and then (at an st call).
        if self._view.wantsYield() and can_run_sync():
            run_sync(self._view.yieldToPage())
        raw = self._view.takeEvents()
        return json.loads(raw) if raw else []

    def flush(self, changes: list[dict]) -> None:
        self._view.apply(json.dumps(changes, default=str))


class ConsoleStream(io.TextIOBase):
    """sys.stdout / sys.stderr for app scripts: each complete line goes to the page's
    console (console.log, or console.error for stderr), as Streamlit's terminal shows it.
    The worker forwards the line (js.wasmlitConsole) so it shows where the page's own
    messages do."""

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
            _to_console(self._method, line)
        return len(text)

    def flush(self) -> None:
        if self._pending:
            _to_console(self._method, self._pending)
            self._pending = ""


def _to_console(method: str, line: str) -> None:
    forward = getattr(js, "wasmlitConsole", None)
    if forward is not None:
        forward(method, line)
    else:
        getattr(js.console, method)(line)


def _sleep_showing_progress(seconds: float) -> None:
    """time.sleep that first shows what the run drew so far (the page paints it while the
    worker sleeps). With shared memory the worker blocks in Atomics.wait; without, Python's
    own sleep runs (JSPI suspends it, so the worker reads the page's messages meanwhile)."""
    session = running_session()
    sleeper = None
    if session is not None:
        session.flush()
        if isinstance(session.host, PageHost):
            sleeper = session.host._view.sleeper()
    if sleeper is not None:
        sleeper(seconds)
    else:
        _real_sleep(seconds)
    if session is not None:  # another app on the page may have run meanwhile
        session.workspace.enter()
        session.reruns_in_a_row = 0  # a paced `sleep; st.rerun()` loop is no endless loop


@contextmanager
def _showing_package_load(message: str):
    """While a run waits for a package it imports (wasmlit.package_hook): what the run drew
    so far, then the message ("Loading pandas, numpy (14.2 MB)…") below it in the app."""
    session = running_session()
    view = session.host._view if session is not None and isinstance(session.host, PageHost) else None
    if session is not None:
        session.flush()
    if view is not None:
        view.showPackageLoading(message)
    try:
        yield
    finally:
        if view is not None:
            view.hidePackageLoading()
        if session is not None:  # another app on the page may have run meanwhile
            session.workspace.enter()


def install_package_finder(packages) -> None:
    """Load Pyodide's packages when first imported (web/packages.js's hookApi)."""
    package_hook.install(packages, _showing_package_load)


def lazy_archive() -> str | None:
    """The file name of the archive with the modules the wheel leaves out (beside it in
    pyodide/), or None when the package is whole (wasmlit.lazy_modules)."""
    found = lazy_modules.manifest()
    return found and found["archive"]


def install_lazy_modules(fetch_sync) -> None:
    """Fetch the lazy archive when an app first imports one of its modules: `fetch_sync`
    (a JS function of the file name) returns its bytes, synchronously."""
    lazy_modules.install(lambda name: fetch_sync(name).to_bytes())


def start(app_id: str, view, source: str, filename: str = "app.py", app_dir: str | None = None,
          secrets: str | None = None, first_paint: str | None = None) -> None:
    """Create the app's session and give the page the function that runs it. A multi-file
    app's folder (app_dir, already written by the page) is its working directory and comes
    first on sys.path while it runs, so the app can open its data files and import its
    modules; `secrets` (a secrets.toml's text) is what its st.secrets reads. `first_paint`
    (JSON of the build-time first run's changes, which the page drew before Python was
    ready) seeds the session's tree, so the first live run sends only what differs."""
    time.sleep = _sleep_showing_progress
    if not isinstance(sys.stdout, ConsoleStream):
        sys.stdout, sys.stderr = ConsoleStream("log"), ConsoleStream("error")
    workspace = Workspace(app_dir, secrets)
    session = AppSession(textwrap.dedent(source), filename, host=PageHost(view),
                         workspace=workspace)
    if first_paint:
        session.tree.replay(json.loads(first_paint))
    pump = create_proxy(session.run_pending)
    _apps[app_id] = (session, pump)
    view.attach(pump)


def replace_source(app_id: str, source: str) -> None:
    """The app's files changed (the dev server): the next run uses the new code and imports
    the app's modules afresh; session state stays."""
    session, _pump = _apps[app_id]
    session.set_source(textwrap.dedent(source))
    session.workspace.forget_modules()


def stop(app_id: str) -> None:
    """Forget an app (the page unmounted it) and release its pump."""
    entry = _apps.pop(app_id, None)
    if entry is not None:
        entry[0].workspace.forget_modules()
        entry[1].destroy()
