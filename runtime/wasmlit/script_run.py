"""One run of the app script, or of one fragment: what it wrote (its writers, fragment
stack, widget ids) and performing it (`perform`): the widgets' callbacks, then the script or
the fragment's body, with control flow and errors turned into a `RunOutcome`.

The session (session.py) owns what outlives a run, its state, tree, queue and fragments: it
starts each run and applies its outcome. A run reaches those through `self.session`.
"""
from __future__ import annotations

from enum import Enum
from typing import Any, Callable

from .delta_generator import DeltaGenerator
from .elements.exception_display import show_exception
from .errors import FragmentHandledException, RerunException, RunInterrupted, StopException
from .fragments import Fragment
from .magic import script_globals

# An app that calls st.rerun() this many times in a row with no page event in between
# (nor a time.sleep(), which gives the page a turn: see bridge.py) is in an endless loop
# that freezes the tab: its next rerun is refused.
RERUN_LIMIT = 100
ENDLESS_RERUN_MESSAGE = (
    f"wasmlit stopped this app: it called `st.rerun()` {RERUN_LIMIT} times in a row with no "
    "user input in between, which looks like an endless rerun loop. Interact with the app "
    "to run it again.")


class RunOutcome(Enum):
    """How a run ended, which says what the session keeps of it."""
    # It ran to its end, or st.stop() / sys.exit() / the page's Stop (a "stop" event, or
    # the KeyboardInterrupt the page raises in a script busy with no st call) ended it:
    # widgets it did not reach are forgotten.
    COMPLETED = "completed"
    # An error (or a refused endless rerun) ended it early: what it drew stays, and the
    # widgets it did not reach keep their values.
    STOPPED = "stopped"
    # A fragment run whose widget callback raised: its body did not run, and its elements
    # stay as they were (as in 1.50).
    CALLBACK_FAILED = "callback_failed"
    # A newer request supersedes it (st.rerun(), or a full run queued meanwhile): nothing
    # is trimmed or forgotten.
    INTERRUPTED = "interrupted"


class ScriptRun:
    def __init__(self, session: Any, fragment_id: str | None) -> None:
        self.session = session                  # the AppSession (session.py) it runs for
        self.fragment_id = fragment_id          # None for a full run
        self.created: list[DeltaGenerator] = []  # writers made in this run, trimmed at its end
        self.dg_stack: list[DeltaGenerator] = []
        self.fragment_stack: list[Fragment] = []
        self.element_ids: set[str] = set()       # widget ids seen, for duplicate detection
        self.user_keys: set[str] = set()
        self.forms: set[str] = set()
        self.fragments_called: dict[str, Fragment] = {}
        self.event_writer: DeltaGenerator | None = None  # where a dialog opens
        self.has_dialog_opened = False
        self.page_config_set: set[str] = set()  # what st.set_page_config set in this run
        self.stop_requested = False  # the page's Stop: end at the next checkpoint
        self.showing_error = False   # drawing the error that ends the run: not stopped

    @property
    def is_full(self) -> bool:
        return self.fragment_id is None

    @property
    def current_fragment(self) -> Fragment | None:
        return self.fragment_stack[-1] if self.fragment_stack else None

    def active_dg(self) -> DeltaGenerator:
        return self.dg_stack[-1]

    def checkpoint(self) -> None:
        """Called before every element: take in what the page sent meanwhile; end this run
        as st.stop() does if the page asked to stop it (Streamlit 1.50's Stop button
        requests a stop that the script meets at its next st call); give up this run if a
        full rerun is now waiting (it supersedes this run)."""
        session = self.session
        session.absorb_page_events()
        if self.stop_requested and not self.showing_error:
            raise StopException()
        if session.queue.has_full_run():
            raise RunInterrupted()

    def finish(self) -> None:
        """The run ended without being superseded: drop stale elements it did not rewrite."""
        for writer in self.created:
            writer.finish_run()

    # --- performing it ------------------------------------------------------------------
    def perform(self, widget_values: dict[str, Any]) -> RunOutcome:
        """Run the callbacks of the widgets that changed, then the script (or the fragment)."""
        if self.is_full:
            return self._perform_script(widget_values)
        return self._perform_fragment(self.session.fragments[self.fragment_id], widget_values)

    def _perform_script(self, widget_values: dict[str, Any]) -> RunOutcome:
        session = self.session
        tree = session.tree
        main = DeltaGenerator(session, tree.roots["main"], root="main")
        session.sidebar = DeltaGenerator(session, tree.roots["sidebar"], root="sidebar")
        # st.chat_input written to the main area is pinned in the bottom area.
        session.bottom = DeltaGenerator(session, tree.roots["bottom"], root="bottom")
        # A dialog the run does not open again closes at its end.
        self.event_writer = DeltaGenerator(session, tree.roots["event"], root="event")
        self.dg_stack.append(main)
        namespace = script_globals(session.filename)
        return self._guarded(lambda: self._exec_script(namespace, widget_values))

    def _exec_script(self, namespace: dict, widget_values: dict[str, Any]) -> None:
        self._run_callbacks(widget_values)
        session = self.session
        if session.compile_error is not None:
            raise session.compile_error
        # A pages/ folder app runs its entry script as its main page.
        session.navigation.active_page = ""
        if session.navigation.uses_pages_directory:
            # Imported here: only pages/ folder apps need st.navigation's module.
            from .navigation import run_pages_folder
            run_pages_folder(session)
        else:
            exec(session.code, namespace)

    def _perform_fragment(self, fragment: Fragment, widget_values: dict[str, Any]) -> RunOutcome:
        session = self.session
        writer = DeltaGenerator(session, fragment.block, form_id=None)
        # A fragment run may open a dialog (in place of the open one), never close one.
        self.event_writer = DeltaGenerator(session, session.tree.roots["event"], root="event",
                                           trimmed=False)
        if session.sidebar is not None:
            # `st.sidebar.container()` in the body lands where it did in the full run
            # (it replaces, not accumulates), as Streamlit restores its root cursors.
            session.sidebar.cursor = fragment.sidebar_cursor
        self.dg_stack.extend(fragment.outer_stack)
        self.dg_stack.append(writer)
        self.fragment_stack.extend(fragment.outer_fragments)
        self.fragment_stack.append(fragment)
        session.navigation.active_page = fragment.page_hash  # widget ids as in its page

        callbacks_failed = []

        def body() -> None:
            if not self._run_callbacks(widget_values):
                callbacks_failed.append(True)
                return
            fragment.func(*fragment.args, **fragment.kwargs)

        outcome = self._guarded(body, show_in=writer)
        if callbacks_failed and outcome is not RunOutcome.INTERRUPTED:
            return RunOutcome.CALLBACK_FAILED
        return outcome

    def _run_callbacks(self, widget_values: dict[str, Any]) -> bool:
        """Callbacks run before the script or fragment body. What they draw goes to the top
        of the main area (in a fragment run it replaces main's first element, as in 1.50).
        A callback's error ends a full run; in a fragment run it is shown there too and
        the result is False: the fragment body must not run."""
        session = self.session
        due = session.state.apply_page_values(widget_values)
        if not due:
            return True
        top = self.dg_stack[0] if self.is_full else \
            DeltaGenerator(session, session.tree.roots["main"], trimmed=False)
        self.dg_stack.append(top)
        try:
            for entry in due:
                try:
                    entry.callback(*entry.callback_args, **entry.callback_kwargs)
                except RerunException:
                    top.warning("Calling st.rerun() within a callback is a no-op.")
                except Exception as exc:
                    if self.is_full:
                        raise
                    self.show_exception(exc, top)
                    return False
        finally:
            self.dg_stack.pop()
        return True

    def _guarded(self, body: Callable[[], None],
                 show_in: DeltaGenerator | None = None) -> RunOutcome:
        """Run `body`, turning control flow and errors into the run's outcome."""
        try:
            body()
        except (StopException, SystemExit):
            # st.stop() and the page's Stop: widgets the run did not reach are forgotten.
            # sys.exit() ends the run the same quiet way (1.50's script thread ends and
            # shows nothing); it must not stop the page's run loop.
            return RunOutcome.COMPLETED
        except KeyboardInterrupt:
            # The page interrupted a script busy with no st call (Pyodide raises this
            # when the page writes its interrupt buffer): a Stop, which also drops what
            # was queued behind this run.
            self.session.stop()
            return RunOutcome.COMPLETED
        except RerunException as rerun:
            if self._refuse_endless_rerun(show_in or self.dg_stack[0]):
                return RunOutcome.STOPPED
            if rerun.scope == "fragment" and rerun.fragment_id is not None:
                self.session.queue.request_fragment(rerun.fragment_id, first=True)
            else:
                self.session.queue.request_full()
            return RunOutcome.INTERRUPTED
        except RunInterrupted:
            return RunOutcome.INTERRUPTED
        except FragmentHandledException as handled:
            # Already shown inside the fragment that raised. At the top of a script run
            # that is all; the body of a fragment rerun shows it once more, as Streamlit does.
            if show_in is not None:
                self.show_exception(handled, show_in)
            return RunOutcome.STOPPED
        except Exception as exc:  # the app's own error: show it where it happened
            self.show_exception(exc, show_in or self.dg_stack[0])
            return RunOutcome.STOPPED
        return RunOutcome.COMPLETED

    def _refuse_endless_rerun(self, writer: DeltaGenerator) -> bool:
        """Count an st.rerun(); past RERUN_LIMIT in a row, refuse it and say why in the
        page (where the run stopped). The run then ends there, as after an error."""
        session = self.session
        session.reruns_in_a_row += 1
        if session.reruns_in_a_row <= RERUN_LIMIT:
            return False
        saved = self.fragment_stack
        self.fragment_stack = []
        self.showing_error = True
        try:
            writer.error(ENDLESS_RERUN_MESSAGE)
        except RunInterrupted:
            pass
        finally:
            self.fragment_stack = saved
            self.showing_error = False
        return True

    def show_exception(self, exc: BaseException, writer: DeltaGenerator) -> None:
        """Show an error that ended the run (or a fragment) with `writer`, and report it."""
        # The page's app handle reports it (an "error" event) as well as showing it.
        shown = exc.__cause__ if isinstance(exc, FragmentHandledException) and exc.__cause__ \
            else exc
        self.session.tree.event("script_error", type=type(shown).__name__, message=str(shown))
        saved = self.fragment_stack
        self.fragment_stack = []  # the error element itself is never refused
        self.showing_error = True  # nor stopped: a Stop takes effect after it
        try:
            show_exception(writer, exc, uncaught=True)
        except RunInterrupted:
            pass
        finally:
            self.fragment_stack = saved
            self.showing_error = False

    # --- fragments ----------------------------------------------------------------------
    def call_fragment(self, func: Callable, args: tuple, kwargs: dict,
                      run_every: float | None) -> Any:
        """A fragment function was called by the script (or by an enclosing fragment):
        draw it in a new block at the call position and run its body now."""
        session = self.session
        outer = self.active_dg()
        writer = outer.place_block("vertical", {"fragment": True, "allow_empty": False})
        fragment_id = "%s.%s@%s" % (getattr(func, "__module__", ""), func.__qualname__,
                                    "-".join(map(str, writer.block.path)))
        fragment = Fragment(fragment_id, func, args, kwargs, writer.block,
                            outer_stack=list(self.dg_stack),
                            outer_fragments=list(self.fragment_stack), run_every=run_every,
                            sidebar_cursor=session.sidebar.cursor if session.sidebar else 0,
                            page_hash=session.navigation.active_page)
        session.fragments[fragment_id] = fragment
        self.fragments_called[fragment_id] = fragment
        if run_every is not None:
            session.timers[fragment_id] = run_every
            if not self.is_full:
                session.tree.event("timers", timers=dict(session.timers))
        self.dg_stack.append(writer)
        self.fragment_stack.append(fragment)
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            # Shown inside the fragment; what called the fragment gets a (catchable)
            # FragmentHandledException, and an enclosing fragment shows that one too,
            # as Streamlit 1.50 does.
            self.show_exception(exc, writer)
            raise FragmentHandledException(exc) from exc
        finally:
            self.fragment_stack.pop()
            if self.dg_stack and self.dg_stack[-1] is writer:
                self.dg_stack.pop()
