"""Pending run requests and how they coalesce, as in Streamlit's script runner.

A full run supersedes every pending fragment run (it reruns them anyway); fragment
requests wait in arrival order, and a fragment already waiting is not queued twice.
Widget values that came with the requests travel with them and merge when they coalesce.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunRequest:
    fragment_id: str | None  # None: the whole script
    widget_values: dict[str, Any] = field(default_factory=dict)

    @property
    def is_full(self) -> bool:
        return self.fragment_id is None


class RunQueue:
    def __init__(self) -> None:
        self._pending: list[RunRequest] = []

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
        merged: dict[str, Any] = {}
        for request in self._pending:
            merged.update(request.widget_values)
        merged.update(widget_values or {})
        self._pending = [RunRequest(None, merged)]

    def request_fragment(self, fragment_id: str, widget_values: dict[str, Any] | None = None,
                         *, first: bool = False) -> None:
        values = widget_values or {}
        for request in self._pending:
            if request.is_full or request.fragment_id == fragment_id:
                request.widget_values.update(values)
                return
        request = RunRequest(fragment_id, dict(values))
        if first:
            self._pending.insert(0, request)
        else:
            self._pending.append(request)

    def pop(self) -> RunRequest | None:
        return self._pending.pop(0) if self._pending else None
