"""An app's first run, performed at build time under the host's Python (`build.py --app`).

Its change list goes into the site's index.html so the page can draw the app before
Pyodide has loaded ("first paint"); the live session is then seeded with the same tree
(`Tree.replay`) and sends only what its own first run changes. The run here is the one
the page asks for when it opens: no query string, the default page, no st.context values
(those read as empty: the live run corrects what they change).

What the build cannot stand in for ends it with `NoFirstPaint` and a one-line reason:
an error the run showed (a package the host lacks is one); st.secrets, which the build
never reads (the site's visitors get the site's secrets.toml; the build machine's copy
stays out of the page the build writes); time.sleep, which here returns at once: a run
that waits shows something else meanwhile (a spinner, a progress bar), and a page that
drew how it ends would then show it start over.

`python -m wasmlit.prerender ENTRY FILENAME RESULT [FOLDER]` runs it in a process of its
own (buildlib/prerender.py) and writes {"changes": [...]} or {"reason": "..."} to RESULT.
"""
from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import StreamlitSecretNotFoundError
from .hosts import RecordingHost
from .secrets import Secrets
from .session import AppSession
from .tree import Node
from .workspace import Workspace

# The event the page sends when it opens the app (web/render.js attach()): its URL with no
# query string, the default page. Its "context" (what st.context shows) stays out.
FIRST_EVENT = {"kind": "rerun", "query": "", "page": ""}
SECRETS_NOT_READ = "st.secrets is not read at build time (the page reads the site's secrets.toml)"


class NoFirstPaint(Exception):
    """The build-time run cannot stand for the page's first run; str() is the reason."""


class SecretsAtBuildTime(Secrets):
    """st.secrets in the build-time run: every read raises (as a site without secrets does)
    and is remembered, even when the app catches the error."""

    touched = False

    def _parse(self):
        object.__setattr__(self, "touched", True)
        raise StreamlitSecretNotFoundError(SECRETS_NOT_READ)


def first_run(source: str, filename: str = "app.py", folder: str | None = None) -> list[dict]:
    """The changes the app's first run sends to a page that just opened it; NoFirstPaint
    when the run read st.secrets, showed an error or slept."""
    host = RecordingHost()
    workspace = Workspace(folder)
    secrets = SecretsAtBuildTime()
    workspace.secrets = secrets
    session = AppSession(source, filename, host=host, workspace=workspace)
    session.enqueue(dict(FIRST_EVENT))
    with sleeps_noted() as sleeps:
        session.run_pending()
    if secrets.touched:
        raise NoFirstPaint("it reads st.secrets, which are not read at build time")
    error = next((change for change in host.flushed if change["op"] == "script_error"), None)
    if error is not None:
        raise NoFirstPaint(f"its first run raised {_one_line(error['type'], error['message'])}")
    shown = next((node for root in session.tree.roots.values() for node in root.walk()
                  if node.kind == "exception"), None)
    if shown is not None:
        raise NoFirstPaint(f"its first run shows an exception: {_exception_text(shown)}")
    if sleeps:
        raise NoFirstPaint("its first run waits (time.sleep): the page would show how it ends "
                           "before how it starts")
    return host.flushed


@contextmanager
def sleeps_noted():
    """While it lasts, time.sleep returns at once and notes how long it was asked for."""
    asked: list[float] = []
    real_sleep = time.sleep
    time.sleep = asked.append
    try:
        yield asked
    finally:
        time.sleep = real_sleep


def _exception_text(node: Node) -> str:
    return _one_line(node.props.get("type") or "Exception", node.props.get("message") or "")


def _one_line(kind: str, message: str) -> str:
    first = (message.strip().splitlines() or [""])[0]
    text = f"{kind}: {first}" if first else kind
    return text if len(text) <= 200 else text[:199] + "…"


def main(argv: list[str]) -> int:
    """ENTRY FILENAME RESULT [FOLDER]: the first run of the app whose code is in ENTRY,
    named FILENAME (as the page names it), run in FOLDER (a multi-file app's) or none."""
    entry, filename, result = argv[:3]
    folder = argv[3] if len(argv) > 3 else None
    source = Path(entry).read_text("utf-8-sig")
    try:
        answer: dict = {"changes": first_run(source, filename, folder)}
    except NoFirstPaint as e:
        answer = {"reason": str(e)}
    try:
        text = json.dumps(answer, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        text = json.dumps({"reason": f"its first run sends what JSON cannot hold ({e})"})
    Path(result).write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
