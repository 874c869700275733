"""One app in one page: its script, state, element tree, fragments, timers and run loop.

The page hands events in (`enqueue`), the session runs what they ask for (`run_pending`)
and hands back changes for the page (`Host.flush`). Nothing here knows about a browser:
a host supplies `poll` (events that arrived during a run) and `flush` (changes to show).
"""
from __future__ import annotations

import contextvars
import linecache
import os
from typing import Any, Callable, Protocol

from . import alias, config
from .context import ContextInfo
from .delta_generator import DeltaGenerator
from .errors import (FragmentHandledException, RerunException, RunInterrupted, StopException,
                     StreamlitAPIException)
from .elements.status import show_exception
from .fragments import Fragment
from .magic import compile_script, script_globals
from .navigation import (active_page as _active_page, from_page as _page_from_event,
                         run_script as _run_entry_script, set_active_page as _set_active_page)
from .query_params import QueryParams
from .run_queue import RunQueue
from .script_run import ScriptRun
from .state import SessionState, SessionStateProxy
from .tree import Tree
from .workspace import Workspace

# An app that calls st.rerun() this many times in a row with no page event in between
# (nor a time.sleep(), which gives the page a turn: see bridge.py) is in an endless loop
# that freezes the tab: its next rerun is refused.
RERUN_LIMIT = 100
ENDLESS_RERUN_MESSAGE = (
    f"wasmlit stopped this app: it called `st.rerun()` {RERUN_LIMIT} times in a row with no "
    "user input in between, which looks like an endless rerun loop. Interact with the app "
    "to run it again.")

_current_session: contextvars.ContextVar["AppSession | None"] = contextvars.ContextVar(
    "wasmlit_session", default=None)


def current_session() -> "AppSession":
    session = _current_session.get()
    if session is None:
        raise RuntimeError("This Streamlit command was called outside of a running wasmlit app.")
    return session


class Host(Protocol):
    def poll(self) -> list[dict]: ...
    def flush(self, changes: list[dict]) -> None: ...


class _NoHost:
    """For tests and headless use: no page to poll, changes stay in `AppSession.flushed`."""

    def __init__(self) -> None:
        self.flushed: list[dict] = []

    def poll(self) -> list[dict]:
        return []

    def flush(self, changes: list[dict]) -> None:
        self.flushed.extend(changes)


class AppSession:
    def __init__(self, source: str, filename: str = "app.py", host: Host | None = None,
                 workspace: Workspace | None = None) -> None:
        self.filename = filename
        self.workspace = workspace or Workspace()  # its folder, modules and secrets
        self.host: Host = host or _NoHost()
        self.tree = Tree()
        self.state = SessionState()
        self.state_proxy = SessionStateProxy(self.state)
        self.sidebar: DeltaGenerator | None = None
        self.bottom: DeltaGenerator | None = None
        self.queue = RunQueue()
        self.fragments: dict[str, Fragment] = {}
        self.timers: dict[str, float] = {}       # fragment id -> seconds, as the page has them
        self.current_run: ScriptRun | None = None
        self.run_count = 0
        self.reruns_in_a_row = 0  # st.rerun() calls since the last page event
        self.query_params = QueryParams(self.tree)  # the page URL's, sent with a rerun event
        self.context_info = ContextInfo()           # what st.context shows, likewise
        self.warned_default_and_state = False  # Streamlit shows that warning once
        # What st.user and the script run context hold: a static page has no login, so
        # its user is always logged out.
        self.user_info: dict[str, Any] = {"is_logged_in": False}
        alias.install()
        self._code: Any = None
        self._compile_error: BaseException | None = None
        self._config_error: BaseException | None = None
        self.config_file_options: dict[str, Any] = {}
        try:  # the app's .streamlit/config.toml (magic's options are read when compiling)
            self.config_file_options = config.read_config_file(self._app_folder())
        except Exception as exc:  # noqa: BLE001 - shown in the page, as a failed run
            self._config_error = exc
        self.set_source(source)

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
            self._code, self._compile_error = None, self._config_error
            return
        try:  # with magic (bare expressions are written), as 1.50 compiles an app script
            self._code = compile_script(source, self.filename, self.config_file_options)
            self._compile_error = None
        except SyntaxError as exc:
            self._code, self._compile_error = None, exc

    def enqueue(self, event: dict) -> None:
        """Queue what a page event asks for.

        {"kind": "rerun"}: a full run (the page's first, and one after Back/Forward, carries
        "query", its URL's query string, and "context", what st.context shows);
        {"kind": "tick", "fragment": id}: a timer tick;
        {"kind": "widgets", "values": {widget_id: value}}: widgets changed (a form submit
        sends all its widgets at once); the run is scoped to the first widget's fragment.
        """
        kind = event.get("kind")
        self.reruns_in_a_row = 0
        if kind == "rerun":
            self.query_params.from_page(event.get("query"))
            self.context_info.from_page(event.get("context"))
            _page_from_event(self, event)  # "page" / "page_hash": the page it asks for
            self.queue.request_full()
        elif kind == "tick":
            if event.get("fragment") in self.fragments:
                self.queue.request_fragment(event["fragment"])
        elif kind == "widgets":
            values = dict(event.get("values") or {})
            fragment_id = self._scope_of(values)
            if fragment_id is None:
                self.queue.request_full(values)
            else:
                self.queue.request_fragment(fragment_id, values)
        else:
            raise ValueError(f"unknown page event {event!r}")

    def _scope_of(self, values: dict[str, Any]) -> str | None:
        for widget_id in values:
            entry = self.state.widget(widget_id)
            if entry is not None and entry.fragment_ids:
                fragment_id = entry.fragment_ids[-1]
                return fragment_id if fragment_id in self.fragments else None
            return None
        return None

    def absorb_page_events(self) -> None:
        for event in self.host.poll():
            self.enqueue(event)

    # --- the run loop -----------------------------------------------------------------
    def run_pending(self) -> None:
        """Run until nothing is queued; runs never overlap."""
        token = _current_session.set(self)
        try:
            self.workspace.enter()
            while True:
                self.absorb_page_events()
                request = self.queue.pop()
                if request is None:
                    break
                self._execute(request.fragment_id, request.widget_values)
        finally:
            self.workspace.leave()
            _current_session.reset(token)

    def flush(self) -> None:
        changes = self.tree.take_changes()
        if changes:
            self.host.flush(changes)

    def _execute(self, fragment_id: str | None, widget_values: dict[str, Any]) -> None:
        if fragment_id is not None and fragment_id not in self.fragments:
            return  # its fragment is gone (a full run no longer calls it)
        run = ScriptRun(self, fragment_id)
        self.current_run = run
        self.state.begin_run()
        self.query_params.begin_run()
        self.run_count += 1
        try:
            if fragment_id is None:
                self._run_script(run, widget_values)
            else:
                self._run_fragment(run, self.fragments[fragment_id], widget_values)
        finally:
            self.current_run = None
        self.flush()

    def _run_callbacks(self, run: ScriptRun, widget_values: dict[str, Any]) -> bool:
        """Callbacks run before the script or fragment body. What they draw goes to the top
        of the main area (in a fragment run it replaces main's first element, as in 1.50).
        A callback's error ends a full run; in a fragment run it is shown there too and
        the result is False: the fragment body must not run."""
        due = self.state.apply_page_values(widget_values)
        if not due:
            return True
        top = run.dg_stack[0] if run.is_full else \
            DeltaGenerator(self, self.tree.roots["main"], trimmed=False)
        run.dg_stack.append(top)
        try:
            for entry in due:
                try:
                    entry.callback(*entry.callback_args, **entry.callback_kwargs)
                except RerunException:
                    top.warning("Calling st.rerun() within a callback is a no-op.")
                except Exception as exc:
                    if run.is_full:
                        raise
                    self._show_exception(run, exc, top)
                    return False
        finally:
            run.dg_stack.pop()
        return True

    def _run_script(self, run: ScriptRun, widget_values: dict[str, Any]) -> None:
        main = DeltaGenerator(self, self.tree.roots["main"], root="main")
        self.sidebar = DeltaGenerator(self, self.tree.roots["sidebar"], root="sidebar")
        # st.chat_input written to the main area is pinned in the bottom area.
        self.bottom = DeltaGenerator(self, self.tree.roots["bottom"], root="bottom")
        # A dialog the run does not open again closes at its end.
        run.event_writer = DeltaGenerator(self, self.tree.roots["event"], root="event")
        run.dg_stack.append(main)
        timers_before, self.timers = self.timers, {}
        namespace = script_globals(self.filename)
        outcome = self._guarded(run, lambda: self._exec_script(run, namespace, widget_values))
        if outcome == "interrupted":
            self.timers = timers_before
            return
        run.finish()
        self.state.end_run(None, forget_unseen=outcome == "done")
        # Only now do fragments this run no longer called go away: a tick or click for
        # one that arrived during the run still finds it, and waits for the run to end.
        self.fragments = run.fragments_called
        self.tree.event("timers", timers={fid: secs for fid, secs in self.timers.items()})

    def _exec_script(self, run: ScriptRun, namespace: dict, widget_values: dict) -> None:
        self._run_callbacks(run, widget_values)
        if self._compile_error is not None:
            raise self._compile_error
        _run_entry_script(self, namespace)  # a pages/ folder app runs as its main page

    def _run_fragment(self, run: ScriptRun, fragment: Fragment, widget_values: dict) -> None:
        writer = DeltaGenerator(self, fragment.block, form_id=None)
        # A fragment run may open a dialog (in place of the open one), never close one.
        run.event_writer = DeltaGenerator(self, self.tree.roots["event"], root="event",
                                          trimmed=False)
        if self.sidebar is not None:
            # `st.sidebar.container()` in the body lands where it did in the full run
            # (it replaces, not accumulates), as Streamlit restores its root cursors.
            self.sidebar.cursor = fragment.sidebar_cursor
        run.dg_stack.extend(fragment.outer_stack)
        run.dg_stack.append(writer)
        run.fragment_stack.extend(fragment.outer_fragments)
        run.fragment_stack.append(fragment)
        _set_active_page(self, getattr(fragment, "page_hash", ""))  # widget ids as in the page

        callbacks_failed = []

        def body() -> None:
            if not self._run_callbacks(run, widget_values):
                callbacks_failed.append(True)
                return
            fragment.func(*fragment.args, **fragment.kwargs)

        outcome = self._guarded(run, body, show_in=writer)
        if outcome == "interrupted":
            return
        if callbacks_failed:  # as in 1.50, the fragment's elements stay as they were
            self.state.end_run(fragment.fragment_id, forget_unseen=False)
            return
        run.finish()
        self.state.end_run(fragment.fragment_id, forget_unseen=outcome == "done")

    def _guarded(self, run: ScriptRun, body: Callable[[], None],
                 show_in: DeltaGenerator | None = None) -> str:
        """Run `body`, turning control flow and errors into outcomes: "done" (st.stop()
        included); "stopped" when an error or a refused endless rerun ended it early (the
        widgets it did not reach keep their values, as in 1.50); or "interrupted" when a
        newer request supersedes this run."""
        try:
            body()
        except (StopException, SystemExit, KeyboardInterrupt):
            # st.stop(): widgets the run did not reach are forgotten, as in 1.50 (whose
            # runner stops). sys.exit() ends the run the same quiet way (1.50's script
            # thread ends and shows nothing); it must not stop the page's run loop.
            return "done"
        except RerunException as rerun:
            if self._refuse_endless_rerun(run, show_in or run.dg_stack[0]):
                return "stopped"
            if rerun.scope == "fragment" and rerun.fragment_id is not None:
                self.queue.request_fragment(rerun.fragment_id, first=True)
            else:
                self.queue.request_full()
            return "interrupted"
        except RunInterrupted:
            return "interrupted"
        except FragmentHandledException as handled:
            # Already shown inside the fragment that raised. At the top of a script run
            # that is all; the body of a fragment rerun shows it once more, as Streamlit does.
            if show_in is not None:
                self._show_exception(run, handled, show_in)
            return "stopped"
        except Exception as exc:  # the app's own error: show it where it happened
            self._show_exception(run, exc, show_in or run.dg_stack[0])
            return "stopped"
        return "done"

    def _refuse_endless_rerun(self, run: ScriptRun, writer: DeltaGenerator) -> bool:
        """Count an st.rerun(); past RERUN_LIMIT in a row, refuse it and say why in the
        page (where the run stopped). The run then ends there, as after an error."""
        self.reruns_in_a_row += 1
        if self.reruns_in_a_row <= RERUN_LIMIT:
            return False
        saved = run.fragment_stack
        run.fragment_stack = []
        try:
            writer.error(ENDLESS_RERUN_MESSAGE)
        except RunInterrupted:
            pass
        finally:
            run.fragment_stack = saved
        return True

    def _show_exception(self, run: ScriptRun, exc: BaseException, writer: DeltaGenerator) -> None:
        # The page's app handle reports it (an "error" event) as well as showing it.
        shown = exc.__cause__ if isinstance(exc, FragmentHandledException) and exc.__cause__ else exc
        self.tree.event("script_error", type=type(shown).__name__, message=str(shown))
        saved = run.fragment_stack
        run.fragment_stack = []  # the error element itself is never refused
        try:
            show_exception(writer, exc, uncaught=True)
        except RunInterrupted:
            pass
        finally:
            run.fragment_stack = saved

    # --- fragments ----------------------------------------------------------------------
    def call_fragment(self, func: Callable, args: tuple, kwargs: dict,
                      run_every: float | None) -> Any:
        """A fragment function was called by the script (or by an enclosing fragment):
        draw it in a new block at the call position and run its body now."""
        run = self.require_run()
        outer = run.active_dg()
        writer = outer.place_block("vertical", {"fragment": True, "allow_empty": False})
        fragment_id = "%s.%s@%s" % (getattr(func, "__module__", ""), func.__qualname__,
                                    "-".join(map(str, writer.block.path)))
        fragment = Fragment(fragment_id, func, args, kwargs, writer.block,
                            outer_stack=list(run.dg_stack),
                            outer_fragments=list(run.fragment_stack), run_every=run_every,
                            sidebar_cursor=self.sidebar.cursor if self.sidebar else 0)
        fragment.page_hash = _active_page(self)
        self.fragments[fragment_id] = fragment
        run.fragments_called[fragment_id] = fragment
        if run_every is not None:
            self.timers[fragment_id] = run_every
            if not run.is_full:
                self.tree.event("timers", timers=dict(self.timers))
        run.dg_stack.append(writer)
        run.fragment_stack.append(fragment)
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            # Shown inside the fragment; what called the fragment gets a (catchable)
            # FragmentHandledException, and an enclosing fragment shows that one too,
            # as Streamlit 1.50 does.
            self._show_exception(run, exc, writer)
            raise FragmentHandledException(exc) from exc
        finally:
            run.fragment_stack.pop()
            if run.dg_stack and run.dg_stack[-1] is writer:
                run.dg_stack.pop()

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
