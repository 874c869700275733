"""`get_script_run_ctx()`: the running app's context, with the attributes libraries read
from 1.50's `ScriptRunContext` (`session_id`, `page_script_hash`, `user_info`,
`query_string`, `session_state`, `main_script_path`, ...); None outside a run."""
from __future__ import annotations

import threading
import weakref
from typing import Any

from ...current import running_session
from ...nav_state import main_script_path, url_hash
from ...uploaded_file import FileStore

UserInfo = dict  # 1.50: dict[str, str | bool | None]

# One context per session, for as long as the session lives.
_contexts: "weakref.WeakKeyDictionary[Any, ScriptRunContext]" = weakref.WeakKeyDictionary()


class ScriptRunContext:
    """One session's context, read live from the session (the same object for every run,
    as 1.50 keeps one per session). 1.50's message queue (`enqueue`) and server managers
    (`pages_manager`, `uploaded_file_mgr`, `fragment_storage`) are not part of it."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self.script_requests = None  # 1.50's request queue; wasmlit's run queue is its own
        self.gather_usage_stats = False
        self.command_tracking_deactivated = False
        self.tracked_commands: list[Any] = []
        self.cached_message_hashes: set[str] = set()
        self.in_fragment_callback = False

    @property
    def session_id(self) -> str:
        return FileStore.of(self._session).session_id  # the id upload URLs carry too

    @property
    def session_state(self) -> Any:
        return self._session.state_proxy

    @property
    def query_string(self) -> str:
        return self._session.query_params.query_string

    @property
    def main_script_path(self) -> str:
        return self._session.filename

    @property
    def user_info(self) -> dict[str, Any]:
        return self._session.user_info

    @property
    def context_info(self) -> Any:
        return self._session.context_info

    @property
    def page_script_hash(self) -> str:
        """The hash of the page being shown (the main script's for a one-page app)."""
        current = self._session.navigation.current
        return current or url_hash(str(main_script_path(self._session)))

    @property
    def active_script_hash(self) -> str:
        """The hash of the script running now: a page's, else the main script's."""
        session = self._session
        return session.navigation.active_page or url_hash(str(main_script_path(session)))

    @property
    def main_script_parent(self) -> Any:
        return main_script_path(self._session).parent

    def _run(self) -> Any:
        return self._session.current_run

    @property
    def current_fragment_id(self) -> str | None:
        run = self._run()
        fragment = run.current_fragment if run is not None else None
        return fragment.fragment_id if fragment is not None else None

    @property
    def widget_ids_this_run(self) -> set[str]:
        run = self._run()
        return run.element_ids if run is not None else set()

    @property
    def widget_user_keys_this_run(self) -> set[str]:
        run = self._run()
        return run.user_keys if run is not None else set()

    @property
    def form_ids_this_run(self) -> set[str]:
        run = self._run()
        return run.forms if run is not None else set()

    @property
    def has_dialog_opened(self) -> bool:
        run = self._run()
        return bool(run is not None and run.has_dialog_opened)

    def __repr__(self) -> str:
        return f"ScriptRunContext(session_id={self.session_id!r})"


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The context of the app running now, or None outside a run."""
    session = running_session()
    if session is None or session.current_run is None:
        return None
    ctx = _contexts.get(session)
    if ctx is None:
        ctx = _contexts[session] = ScriptRunContext(session)
    return ctx


def add_script_run_ctx(thread: threading.Thread | None = None,
                       ctx: ScriptRunContext | None = None) -> threading.Thread:
    """Returns the thread, as 1.50 does. A page's Python has no threads to run Streamlit
    commands on, so nothing is attached."""
    return thread if thread is not None else threading.current_thread()


__all__ = ["ScriptRunContext", "UserInfo", "add_script_run_ctx", "get_script_run_ctx"]
