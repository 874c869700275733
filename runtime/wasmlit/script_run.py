"""One run of the app script, or of one fragment: its writers, its fragment stack, its
checkpoints, and how it ends (completed, stopped, rerun, interrupted, failed)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .delta_generator import DeltaGenerator
from .errors import RunInterrupted

if TYPE_CHECKING:
    from .fragments import Fragment
    from .session import AppSession


class ScriptRun:
    def __init__(self, session: "AppSession", fragment_id: str | None) -> None:
        self.session = session
        self.fragment_id = fragment_id          # None for a full run
        self.created: list[DeltaGenerator] = []  # writers made in this run, trimmed at its end
        self.dg_stack: list[DeltaGenerator] = []
        self.fragment_stack: list["Fragment"] = []
        self.element_ids: set[str] = set()       # widget ids seen, for duplicate detection
        self.user_keys: set[str] = set()
        self.forms: set[str] = set()
        self.fragments_called: dict[str, "Fragment"] = {}
        self.event_writer: DeltaGenerator | None = None  # where a dialog opens
        self.has_dialog_opened = False

    @property
    def is_full(self) -> bool:
        return self.fragment_id is None

    @property
    def current_fragment(self) -> "Fragment | None":
        return self.fragment_stack[-1] if self.fragment_stack else None

    def active_dg(self) -> DeltaGenerator:
        return self.dg_stack[-1]

    def checkpoint(self) -> None:
        """Called before every element: take in what the page sent meanwhile, and give up
        this run if a full rerun is now waiting (it supersedes this run)."""
        session = self.session
        session.absorb_page_events()
        if session.queue.has_full_run():
            raise RunInterrupted()

    def finish(self) -> None:
        """The run ended without being superseded: drop stale elements it did not rewrite."""
        for writer in self.created:
            writer.finish_run()
