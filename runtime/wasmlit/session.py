"""One app in one page: its script, state, element tree, fragments, timers and run loop.

The page hands events in (`enqueue`), the session runs what they ask for (`run_pending`:
each run is performed by a script_run.ScriptRun, whose outcome says what the session keeps)
and hands back changes for the page (`Host.flush`). Nothing here knows about a browser:
a host supplies `poll` (events that arrived during a run) and `flush` (changes to show).
"""
from __future__ import annotations

import linecache
import os
import time
from typing import Any

from . import alias, config
from .context_info import ContextInfo
from .current import running
from .delta_generator import DeltaGenerator
from .errors import RerunException, StreamlitAPIException
from .fragments import Fragment
from .hosts import Host, RecordingHost
from .magic import compile_script
from .nav_state import NavState
from .per_session import end_full_run
from .query_params import QueryParams
from .run_queue import RunQueue
from .script_run import RunOutcome, ScriptRun
from .state import SessionState, SessionStateProxy
from .tree import Tree
from .workspace import Workspace

# Updates of elements already shown (a loop rewriting one st.empty) go to the page at most
# this often, the latest each time: an endless loop of them must not flood the page.
UPDATES_EVERY_SECONDS = 0.016


class AppSession:
    def __init__(self, source: str, filename: str = "app.py", host: Host | None = None,
                 workspace: Workspace | None = None) -> None:
        self.filename = filename
        self.workspace = workspace or Workspace()  # its folder, modules and secrets
        self.host: Host = host or RecordingHost()  # no page: keeps what it is sent
        self.tree = Tree()
        self.state = SessionState()
        self.state_proxy = SessionStateProxy(self.state)
        self.sidebar: DeltaGenerator | None = None
        self.bottom: DeltaGenerator | None = None
        self.queue = RunQueue()
        self.fragments: dict[str, Fragment] = {}
        self.timers: dict[str, float] = {}       # fragment id -> seconds, as the page has them
        self.current_run: ScriptRun | None = None
        self._last_flush = 0.0  # time.monotonic() of the last changes sent to the page
        self._sent_this_run: set[str] = set()  # ids of nodes the run in progress has sent
        self._checked = 0  # how many of tree.changes show_progress has looked at
        self.run_count = 0
        self.reruns_in_a_row = 0  # st.rerun() calls since user input or a timed run
        self.query_params = QueryParams(self.tree)  # the page URL's, sent with a rerun event
        self.context_info = ContextInfo()           # what st.context shows, likewise
        self.warned_default_and_state = False  # Streamlit shows that warning once
        # What st.user and the script run context hold: a static page has no login, so
        # its user is always logged out.
        self.user_info: dict[str, Any] = {"is_logged_in": False}
        alias.install()
        self.code: Any = None  # the entry script, compiled (with magic)
        self.compile_error: BaseException | None = None  # or why it could not be
        self._config_error: BaseException | None = None
        self.config_file_options: dict[str, Any] = {}
        try:  # the app's .streamlit/config.toml (magic's options are read when compiling)
            self.config_file_options = config.read_config_file(self._app_folder())
        except Exception as exc:  # noqa: BLE001 - shown in the page, as a failed run
            self._config_error = exc
        self.set_source(source)
        self.navigation = NavState(self)  # its pages, and the one asked for and shown

    def _app_folder(self) -> str | None:
        """The folder holding the app's .streamlit/: its workspace's, else the entry
        script's when that is a file on disk."""
        if self.workspace.folder:
            return self.workspace.folder
        return os.path.dirname(os.path.abspath(self.filename)) \
            if os.path.isfile(self.filename) else None

    # --- input from the page ------------------------------------------------------------
    def set_source(self, source: str) -> None:
        # Tracebacks show the app's source lines, as for a file on disk.
        linecache.cache[self.filename] = (len(source), None, source.splitlines(True), self.filename)
        if self._config_error is not None:
            self.code, self.compile_error = None, self._config_error
            return
        try:  # with magic (bare expressions are written), as 1.50 compiles an app script
            self.code = compile_script(source, self.filename, self.config_file_options)
            self.compile_error = None
        except SyntaxError as exc:
            self.code, self.compile_error = None, exc

    def enqueue(self, event: dict) -> None:
        """Queue what a page event asks for.

        {"kind": "rerun"}: a full run (the page's first, and one after Back/Forward, carries
        "query", its URL's query string, and "context", what st.context shows; after
        Python restarted, "values": {widget_id: value}, what the page's widgets show,
        which the widgets take when the run draws them: `SessionState.restore_values`);
        {"kind": "tick", "fragment": id}: a timer tick;
        {"kind": "widgets", "values": {widget_id: value}}: widgets changed (a form submit
        sends all its widgets at once, its submit button first); the run is scoped as
        `_scope_of` says, and a submit clears its form when the form says so;
        {"kind": "stop"}: the Stop button (`stop`).
        """
        kind = event.get("kind")
        if kind != "tick":  # a tick counts when its own run starts (`_run_next`)
            self.reruns_in_a_row = 0
        if kind == "rerun":
            self.query_params.from_page(event.get("query"))
            self.context_info.from_page(event.get("context"))
            self.navigation.from_page(event)  # "page" / "page_hash": the page it asks for
            self.state.restore_values(event.get("values") or {})
            self.queue.request_full()
        elif kind == "tick":
            if event.get("fragment") in self.fragments:
                self.queue.request_fragment(event["fragment"], timed=True)
        elif kind == "widgets":
            values = dict(event.get("values") or {})
            self._clear_submitted_forms(values)
            fragment_id = self._scope_of(values)
            if fragment_id is None:
                self.queue.request_full(values)
            else:
                self.queue.request_fragment(fragment_id, values)
        elif kind == "stop":
            self.stop()
        else:
            raise ValueError(f"unknown page event {event!r}")

    def stop(self) -> None:
        """The page's Stop, as Streamlit 1.50's Stop button (its request_stop): the run in
        progress ends at its next checkpoint as st.stop() ends it, and the requests queued
        behind it are dropped (1.50's STOP request replaces a pending RERUN). The widget
        values those held still reach the next run, since the page keeps showing them;
        button presses do not (the page sends a press once). With nothing running or
        queued it does nothing."""
        if self.current_run is not None:
            self.current_run.stop_requested = True
        dropped = self.queue.drop_all()
        self.queue.carry({widget_id: value for widget_id, value in dropped.items()
                          if not self._is_trigger(widget_id)})

    def _is_trigger(self, widget_id: str) -> bool:
        entry = self.state.widget(widget_id)
        return entry is not None and entry.is_trigger

    def _scope_of(self, values: dict[str, Any]) -> str | None:
        """The fragment that widget values rerun: the innermost fragment of their widgets
        when all of them share it; else None, the whole app (widgets outside fragments,
        unknown ones, or widgets from different scopes sent together)."""
        scopes = set()
        for widget_id in values:
            entry = self.state.widget(widget_id)
            fragment_id = entry.fragment_ids[-1] if entry is not None and entry.fragment_ids \
                else None
            scopes.add(fragment_id if fragment_id in self.fragments else None)
        return scopes.pop() if len(scopes) == 1 else None

    def _clear_submitted_forms(self, values: dict[str, Any]) -> None:
        """A submit of a form with clear_on_submit: once the run it starts draws the form's
        widgets, they show their defaults again, while the script keeps what was
        submitted until the next submit sends what they show (as 1.50 does)."""
        for widget_id, value in values.items():
            entry = self.state.widget(widget_id)
            if entry is None or entry.kind != "form_submit_button" or not value:
                continue
            if any(node.kind == "form" and node.props.get("form_id") == entry.form_id
                   and node.props.get("clear_on_submit")
                   for root in self.tree.roots.values() for node in root.walk()):
                self.state.show_defaults_next(entry.form_id)

    def absorb_page_events(self) -> None:
        for event in self.host.poll():
            self.enqueue(event)

    # --- the run loop -----------------------------------------------------------------
    def run_pending(self) -> None:
        """Run until nothing is queued; runs never overlap.

        A KeyboardInterrupt (the page interrupts Python for its Stop) never escapes: in the
        script it ends the run (script_run); landing in engine code, it ends the run in
        progress as Stop does, and the loop goes on with what the page sends next."""
        try:
            with running(self):
                try:
                    self.workspace.enter()
                    while self._run_next():
                        pass
                finally:
                    self.workspace.leave()
        except KeyboardInterrupt:  # between runs, in the loop's own set-up or tear-down
            self._stopped_by_interrupt()

    def _run_next(self) -> bool:
        """Take in page events and perform the next request; False when none is queued."""
        try:
            self.absorb_page_events()
            request = self.queue.pop()
            if request is None:
                return False
            if request.timed:
                # A tick that waited its turn: a fragment rerunning itself endlessly
                # keeps the front of the queue, so ticks arriving meanwhile wait behind it
                # (or, for its own timer, are joined by its rerun, which makes the request
                # untimed) and do not restart its count: they did, and such a loop beside
                # a run_every fragment went on past the limit.
                self.reruns_in_a_row = 0
            self._execute(request.fragment_id, request.widget_values)
        except KeyboardInterrupt:
            self._stopped_by_interrupt()
        return True

    def _stopped_by_interrupt(self) -> None:
        """A KeyboardInterrupt landed in engine code: a Stop. What the run drew until then
        is sent; the next event runs normally."""
        self.current_run = None
        self.stop()
        self.flush()

    def show_progress(self) -> None:
        """After each element or container a run writes: the page shows it at once, as
        Streamlit sends each delta as it is made. The script may compute for long before
        its next st call ("Loading…" then a slow load), and Python runs beside the page, so
        the page can show it meanwhile. Only an element this run has already sent, written
        again (a loop rewriting one st.empty, a progress bar), waits up to
        UPDATES_EVERY_SECONDS: the page gets the latest once a frame, never a flood."""
        changes = self.tree.changes
        if not changes:
            return
        sent = self._sent_this_run
        new = changes[self._checked:]  # each pending change is looked at once, not per write
        self._checked = len(changes)
        if any(change["op"] != "update" or change["id"] not in sent for change in new) or \
                time.monotonic() - self._last_flush >= UPDATES_EVERY_SECONDS:
            self.flush()

    def flush(self) -> None:
        changes = self.tree.take_changes()
        self._last_flush = time.monotonic()
        self._checked = 0
        if changes:
            self._sent_this_run.update(change["id"] for change in changes if "id" in change)
            self.host.flush(changes)

    def _execute(self, fragment_id: str | None, widget_values: dict[str, Any]) -> None:
        """Perform one run and keep what its outcome says to keep."""
        if fragment_id is not None and fragment_id not in self.fragments:
            return  # its fragment is gone (a full run no longer calls it)
        run = ScriptRun(self, fragment_id)
        self.current_run = run
        self._sent_this_run = set()
        self.state.begin_run()
        self.query_params.begin_run()
        self.run_count += 1
        timers_before = self.timers
        if run.is_full:
            self.timers = {}  # the fragments this run calls set theirs again
        try:
            outcome = run.perform(widget_values)
        except KeyboardInterrupt:  # landed in engine code around the script: a Stop
            self.stop()
            outcome = RunOutcome.COMPLETED
        finally:
            self.current_run = None
        self._keep(run, outcome, timers_before)
        self.flush()

    def _keep(self, run: ScriptRun, outcome: RunOutcome, timers_before: dict[str, float]) -> None:
        """After a run: trim what it did not rewrite, forget widgets (and, after a full
        run, fragments) it no longer reached, and tell the page its timers."""
        if outcome is RunOutcome.INTERRUPTED:  # the run that supersedes it will keep its own
            self.timers = timers_before
            return
        if outcome is not RunOutcome.CALLBACK_FAILED:
            run.finish()
        self.state.end_run(run.fragment_id, forget_unseen=outcome is RunOutcome.COMPLETED)
        if run.is_full:
            # Only now do fragments this run no longer called go away: a tick or click for
            # one that arrived during the run still finds it, and waits for the run to end.
            self.fragments = run.fragments_called
            self.tree.event("timers", timers=dict(self.timers))
            end_full_run(self)  # e.g. a logo this run did not set again goes away

    # --- helpers for commands ----------------------------------------------------------------
    def require_run(self) -> ScriptRun:
        if self.current_run is None:
            raise RuntimeError("No script run is in progress.")
        return self.current_run

    def rerun(self, scope: str = "app") -> None:
        if scope not in ("app", "fragment"):
            raise StreamlitAPIException(
                f"'{scope}'is not a valid rerun scope. Valid scopes are 'app' and 'fragment'.")
        run = self.require_run()
        if scope == "fragment":
            if run.is_full or run.current_fragment is None:
                raise StreamlitAPIException(
                    'scope="fragment" can only be specified from `@st.fragment`-decorated '
                    "functions during fragment reruns.")
            raise RerunException("fragment", run.current_fragment.fragment_id)
        raise RerunException("app")
