"""What an `AppSession` talks to instead of a browser page, and the one host with no page.

A host hands the session the page events that arrived during a run (`poll`) and takes the
changes the page is to apply (`flush`). In the browser that is bridge.py's `PageHost`;
everywhere else (headless use, `wasmlit.testing.AppTest`, the engine tests) it is a
`RecordingHost`, which keeps what was flushed and can deliver events mid-run on cue.
"""
from __future__ import annotations

from typing import Protocol


class Host(Protocol):
    def poll(self) -> list[dict]: ...
    def flush(self, changes: list[dict]) -> None: ...


class RecordingHost:
    """No page: every change flushed stays in `flushed`, in order. A test can have page
    events arrive during a run: `deliver_on_poll(n, event...)` hands them in on the n-th
    `poll()` from now (the session polls when a run starts and before each element)."""

    def __init__(self) -> None:
        self.flushed: list[dict] = []
        self.polls = 0
        self.scheduled: dict[int, list[dict]] = {}  # poll number -> events it delivers

    def deliver_on_poll(self, n: int, *events: dict) -> None:
        self.scheduled.setdefault(self.polls + n, []).extend(events)

    def poll(self) -> list[dict]:
        self.polls += 1
        return self.scheduled.pop(self.polls, [])

    def flush(self, changes: list[dict]) -> None:
        self.flushed.extend(changes)
