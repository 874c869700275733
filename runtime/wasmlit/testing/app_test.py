"""`AppTest`: run a wasmlit app under plain CPython and drive it like a user would.

The API is Streamlit 1.50's `streamlit.testing.v1.AppTest`; underneath runs wasmlit's own
engine (`wasmlit.session.AppSession`, with a `RecordingHost` for a page). A widget action
records the value the browser page would send for that widget (the same JSON its builder
in web/widgets/*.js sends) in a `SimulatedPage`, which holds what the page holds; `run()`
sends them as one page event through the session's front door (`AppSession.enqueue`), so
a test sees what the browser would show.

Deliberate differences from Streamlit's AppTest (they follow what the browser page does):
- An interaction with a widget inside an `st.fragment` reruns only that fragment.
- A widget inside an `st.form` keeps its new value until a submit button of its form is
  clicked (the page sends form values only on submit).
- `advance(seconds)` fires `run_every` fragment timers as if that much time had passed.
"""
from __future__ import annotations

import inspect
import itertools
import textwrap
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence
from urllib import parse

from ..hosts import RecordingHost
from ..session import AppSession
from .element_tree import Block, ElementList, Node, _Finder
from .page import SimulatedPage

# Arguments for apps made by `from_function`, looked up by the script's last line.
_CALL_ARGS: dict[int, tuple[tuple, dict]] = {}
_tokens = itertools.count(1)


class AppTest(_Finder):
    """A simulated wasmlit app. Make one with `from_file`, `from_string` or
    `from_function`, call `run()`, inspect elements (`at.markdown[0].value`), act on
    widgets (`at.button[0].click()`), and `run()` again.

    Unlike Streamlit's AppTest, and like the browser page: a widget inside a fragment
    reruns only that fragment, form widgets wait for their submit button, and
    `advance(seconds)` fires `run_every` timers (see the module docstring)."""

    def __init__(self, script_path: str | Path, *, default_timeout: float = 3,
                 args: tuple | None = None, kwargs: dict | None = None,
                 _source: str | None = None) -> None:
        self._script_path = str(script_path)
        self._source = _source
        self.default_timeout = default_timeout
        self.args, self.kwargs = args, kwargs
        self.query_params: dict[str, Any] = {}
        self.secrets: dict[str, Any] = {}
        self._host = RecordingHost()
        # wasmlit's session running the app, and the page it serves: what the user entered.
        self.app_session = AppSession(self._read_source(), self._script_path, self._host)
        self.simulated_page = SimulatedPage(self.app_session)
        self._clock = 0.0                  # seconds of simulated time (advance)
        self._timers: dict[str, list[float]] = {}  # fragment id -> [interval, next due]
        self._ran = False

    # --- making one -----------------------------------------------------------------------
    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> "AppTest":
        """An app from source text (dedented); it must do its own imports."""
        return cls("app_test_script.py", default_timeout=default_timeout,
                   _source=textwrap.dedent(script))

    @classmethod
    def from_function(cls, script: Callable[..., Any], *, default_timeout: float = 3,
                      args: tuple | None = None, kwargs: dict | None = None) -> "AppTest":
        """An app whose script is the body of `script`, called with `args` / `kwargs`."""
        source = textwrap.dedent("".join(inspect.getsourcelines(script)[0]))
        token = next(_tokens)
        _CALL_ARGS[token] = (tuple(args or ()), dict(kwargs or {}))
        name = getattr(script, "__name__", "script")
        call = (f"\n__wl_args, __wl_kwargs = __import__('wasmlit.testing.app_test', "
                f"fromlist=['_CALL_ARGS'])._CALL_ARGS[{token}]\n"
                f"{name}(*__wl_args, **__wl_kwargs)\n")
        return cls(f"{name}.py", default_timeout=default_timeout, args=args, kwargs=kwargs,
                   _source=source + call)

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> "AppTest":
        """An app from a file; a relative path is taken from the calling test's folder
        (then from the current directory)."""
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).resolve().parent
            path = caller / path if (caller / path).exists() else path.resolve()
        return cls(path, default_timeout=default_timeout)

    def _read_source(self) -> str:
        if self._source is not None:
            return self._source
        return Path(self._script_path).read_text(encoding="utf-8")

    # --- state the test can set ---------------------------------------------------------------
    @property
    def session_state(self):
        """The app's `st.session_state` (read and write between runs)."""
        return self.app_session.state_proxy

    # --- running ----------------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> "AppTest":
        """Send what the test set (clicks, values) as the page would, and run the app (or
        just the fragment the interaction belongs to). The first run, and a run with
        nothing set, is a full rerun. Raises RuntimeError if it takes over `timeout` s."""
        if self._source is None:
            self.app_session.set_source(self._read_source())
        query = parse.urlencode(self.query_params, doseq=True)
        event = self.simulated_page.take_widgets_event()
        if not self._ran or event is None:
            self.simulated_page.forget_sent()
            self.app_session.enqueue({"kind": "rerun", "query": query})
        else:
            self.app_session.query_params.from_page(query)  # set by the test, as st.query_params
            self.app_session.enqueue(event)
        self._run_session(timeout)
        self._ran = True
        return self

    def _run_session(self, timeout: float | None) -> None:
        timeout = self.default_timeout if timeout is None else timeout
        start = len(self._host.flushed)
        failure: list[BaseException] = []

        def work() -> None:
            try:
                with _secrets_from(self.secrets), _script_dir_on_path(self._script_dir()):
                    self.app_session.run_pending()
            except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
                failure.append(exc)

        worker = threading.Thread(target=work, name="wasmlit-apptest", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        if failure:
            raise failure[0]
        self._after_run(self._host.flushed[start:])

    def _script_dir(self) -> str | None:
        """A file's folder is importable during its runs, as in Streamlit."""
        return None if self._source is not None else str(Path(self._script_path).resolve().parent)

    def _after_run(self, changes: list[dict]) -> None:
        self.simulated_page.apply(changes)
        for change in changes:
            if change.get("op") == "timers":
                # The page restarts every interval when a run sends the set of timers.
                self._timers = {fid: [float(secs), self._clock + float(secs)]
                                for fid, secs in change["timers"].items()}
        self.query_params = parse.parse_qs(self.app_session.query_params.query_string,
                                           keep_blank_values=True)

    def advance(self, seconds: float, *, timeout: float | None = None) -> "AppTest":
        """Let `seconds` of simulated time pass: every `run_every` fragment timer that
        falls due ticks (its fragment reruns), in time order, without waiting."""
        if not self._ran:
            raise RuntimeError("Call run() before advance().")
        target = self._clock + float(seconds)
        for _ in range(100_000):
            due = [(t[1], fid) for fid, t in self._timers.items() if t[1] <= target]
            if not due:
                break
            when, fid = min(due)
            self._clock = when
            self._timers[fid][1] = when + self._timers[fid][0]
            self.simulated_page.forget_sent()
            self.app_session.enqueue({"kind": "tick", "fragment": fid})
            self._run_session(timeout)
        self._clock = target
        return self

    # --- the element tree -------------------------------------------------------------------
    def _root(self, name: str) -> Block:
        return Block(self.app_session.tree.roots[name], self, name)

    @property
    def main(self) -> Block:
        """The main area."""
        return self._root("main")

    @property
    def sidebar(self) -> Block:
        """The sidebar."""
        return self._root("sidebar")

    def _roots(self) -> list[Block]:
        return [self._root(name) for name in ("main", "sidebar", "event", "bottom")]

    def __iter__(self) -> Iterator[Node]:
        for root in self._roots():
            yield from root

    def __len__(self) -> int:
        return len(self._roots())

    def __getitem__(self, idx: int) -> Node:
        return self._roots()[idx]

    def get(self, element_type: str) -> Sequence[Node]:
        """Every element of this Streamlit type (e.g. "markdown", "button") on the page."""
        return super().get(element_type)

    def switch_page(self, page_path: str) -> "AppTest":
        """The next run() runs the page at `page_path` (relative to the main script) of a
        multipage app, as Streamlit's AppTest does."""
        from ..navigation import page_icon_and_name, request_page_hash, url_hash
        full = Path(self._script_path).parent / page_path
        if not full.is_file():
            raise ValueError(f"Unable to find script at {page_path}, make sure the page given "
                             "is relative to the main script.")
        request_page_hash(self.app_session, url_hash(page_icon_and_name(full.resolve())[1]))
        return self

    def __repr__(self) -> str:
        return f"AppTest(script={self._script_path!r}, runs={self.app_session.run_count})"


class _secrets_from:
    """During a run, `st.secrets` holds the test's `at.secrets` (when it set any)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __enter__(self) -> None:
        from ..secrets import secrets
        self.saved = (secrets._text, secrets._path, secrets._secrets)
        if self.values:
            object.__setattr__(secrets, "_text", "")
            object.__setattr__(secrets, "_path", "AppTest.secrets")
            object.__setattr__(secrets, "_secrets", dict(self.values))

    def __exit__(self, *exc: Any) -> None:
        from ..secrets import secrets
        for name, value in zip(("_text", "_path", "_secrets"), self.saved):
            object.__setattr__(secrets, name, value)


class _script_dir_on_path:
    def __init__(self, folder: str | None) -> None:
        self.folder = folder
        self.added = False

    def __enter__(self) -> None:
        import sys
        if self.folder and self.folder not in sys.path:
            sys.path.insert(0, self.folder)
            self.added = True

    def __exit__(self, *exc: Any) -> None:
        import sys
        if self.added and self.folder in sys.path:
            sys.path.remove(self.folder)
