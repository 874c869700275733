"""Pending run requests and how they coalesce, as in Streamlit's script runner.

A full run supersedes every pending fragment run (it reruns them anyway); fragment
requests wait in arrival order, and a fragment already waiting is not queued twice.
Widget values that came with the requests travel with them and merge when they coalesce.
A Stop drops every pending request (`drop_all`); the widget values they held still reach
the next run (`carry`): the page keeps showing them, as Streamlit's page keeps them and
sends them with its next rerun.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunRequest:
    fragment_id: str | None  # None: the whole script
    widget_values: dict[str, Any] = field(default_factory=dict)
    # A run_every tick asked for it on its own (it did not join a request already waiting):
    # time passed before it, so it starts a fresh count of st.rerun() calls in a row.
    timed: bool = False

    @property
    def is_full(self) -> bool:
        return self.fragment_id is None


class RunQueue:
    def __init__(self) -> None:
        self._pending: list[RunRequest] = []
        self._carried: dict[str, Any] = {}  # values of dropped requests, for the next one

    def __len__(self) -> int:
        return len(self._pending)

    def __bool__(self) -> bool:
        return bool(self._pending)

    @property
    def pending(self) -> tuple[RunRequest, ...]:
        return tuple(self._pending)

    def has_full_run(self) -> bool:
        return any(r.is_full for r in self._pending)

    def request_full(self, widget_values: dict[str, Any] | None = None) -> None:
        merged: dict[str, Any] = self._take_carried()
        for request in self._pending:
            merged.update(request.widget_values)
        merged.update(widget_values or {})
        self._pending = [RunRequest(None, merged)]

    def request_fragment(self, fragment_id: str, widget_values: dict[str, Any] | None = None,
                         *, first: bool = False, timed: bool = False) -> None:
        values = {**self._take_carried(), **(widget_values or {})}
        for request in self._pending:
            if request.is_full or request.fragment_id == fragment_id:
                request.widget_values.update(values)
                if first:  # an st.rerun() joining a tick's request: no longer a fresh count
                    request.timed = False
                return
        request = RunRequest(fragment_id, dict(values), timed=timed)
        if first:
            self._pending.insert(0, request)
        else:
            self._pending.append(request)

    def pop(self) -> RunRequest | None:
        return self._pending.pop(0) if self._pending else None

    def drop_all(self) -> dict[str, Any]:
        """Forget every pending request; return the widget values they held (merged in
        arrival order, the later value of a widget winning)."""
        values: dict[str, Any] = {}
        for request in self._pending:
            values.update(request.widget_values)
        self._pending = []
        return values

    def carry(self, widget_values: dict[str, Any]) -> None:
        """Widget values the next request takes with it (under its own)."""
        self._carried.update(widget_values)

    def _take_carried(self) -> dict[str, Any]:
        carried, self._carried = self._carried, {}
        return carried
