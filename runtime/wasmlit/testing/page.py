"""What the browser page holds for an `AppTest`, and the events it sends.

The page (web/render.js) sends a widget's new value as it changes, except in a form: there
the DOM keeps what the user entered until a submit button of the form sends the form's
values, the button first. `SimulatedPage` holds only those entries (a test's actions stay
unsent until `AppTest.run()`) and turns them into the same page event; what to run, in
which scope, and clearing a form are the session's decisions (`AppSession.enqueue`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Entry:
    """A value the user entered into a widget, not sent to the app yet."""

    page_value: Any          # as the page sends it (the JSON its builder in web/widgets/ sends)
    python_value: Any        # as the script will get it (what the widget's `.value` shows)
    form: str | None         # the widget's form: sent only when the form is submitted
    submits: bool = False    # a form submit button's click


class SimulatedPage:
    def __init__(self, app_session) -> None:
        self.app_session = app_session
        self.entries: dict[str, Entry] = {}  # widget id -> what the user entered
        # Triggers (buttons, chat inputs) the last widgets event sent: id -> Python value.
        self.triggered: dict[str, Any] = {}

    def enter(self, widget_id: str, entry: Entry) -> None:
        self.entries[widget_id] = entry

    def withdraw(self, widget_id: str) -> None:
        self.entries.pop(widget_id, None)

    def take_widgets_event(self) -> dict | None:
        """The widgets event for what is entered now, or None: every value outside a
        form, and a form's values only when one of its submit buttons was clicked (the
        button first, as render.js's submitForm sends them). What is sent is no longer
        held; the rest of a form waits for its submit."""
        submitted = {e.form for e in self.entries.values() if e.submits and e.form}
        sent = sorted((wid for wid, e in self.entries.items()
                       if not e.form or e.form in submitted),
                      key=lambda wid: not self.entries[wid].submits)
        values = {wid: self.entries[wid].page_value for wid in sent}
        state = self.app_session.state
        self.triggered = {wid: self.entries[wid].python_value for wid in sent
                          if (entry := state.widget(wid)) is not None and entry.is_trigger}
        for wid in sent:
            del self.entries[wid]
        return {"kind": "widgets", "values": values} if values else None

    def forget_sent(self) -> None:
        """A run started by something else (a rerun, a tick) sends no widget value."""
        self.triggered = {}

    def apply(self, changes: list[dict]) -> None:
        """Apply a run's changes as the page does where it holds values: an update with
        `reset` replaces what the user entered with the value it shows (a form cleared
        on submit), and that value is what the form's next submit sends."""
        for change in changes:
            if change.get("op") != "update" or not change.get("reset"):
                continue
            props = change["props"]
            entry = self.app_session.state.widget(props["id"])
            page_value = props["value"]
            python_value = entry.deserialize(page_value) if entry is not None and \
                entry.deserialize is not None else page_value
            self.entries[props["id"]] = Entry(page_value, python_value, props.get("form"))
