"""Session state: the user's keys and the widgets' values, and the rules for writing each.

Widget values live under their widget id; a widget created with `key=` is also reachable
as `st.session_state[key]`. Values the page sends are staged by the session and applied
before the run that reads them; buttons are triggers, True for one run only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .errors import StreamlitAPIException

_NOTHING = object()  # no value restored for a widget


@dataclass
class WidgetEntry:
    widget_id: str
    kind: str
    value: Any
    key: str | None = None
    fragment_ids: tuple[str, ...] = ()  # innermost fragment last; () outside fragments
    form_id: str | None = None
    is_trigger: bool = False
    trigger_reset: Any = False  # what a trigger falls back to (chat_input: None)
    callback: Callable[..., Any] | None = None
    callback_args: tuple = ()
    callback_kwargs: dict = field(default_factory=dict)
    # How a value the page sends becomes the Python value (an option's index -> the option).
    deserialize: Callable[[Any], Any] | None = None
    # The value as the page sends it back from the next run on (Streamlit's page returns
    # every widget's value with each rerun: a list set in session state comes back as a
    # tuple, a time without its seconds). None: the value stays as it is.
    settle: Callable[[Any], Any] | None = None
    # How a Python value becomes what the page shows and sends back (set by add_widget;
    # wasmlit.testing uses it to send a value the way the page would).
    serialize: Callable[[Any], Any] | None = None


class SessionState:
    def __init__(self) -> None:
        self._user: dict[str, Any] = {}
        self._widgets: dict[str, WidgetEntry] = {}
        self._key_to_id: dict[str, str] = {}
        self._rendered: set[str] = set()  # widget ids created in the current run
        self._new_keys: set[str] = set()  # keys the app wrote since the run began
        # Widgets of a form submitted with clear_on_submit whose next drawing shows their
        # default again (widgets/__init__.py), though they hold what was submitted.
        self._default_next: set[str] = set()
        # Values the page's widgets showed before Python restarted (`restore_values`),
        # by widget id, until the widget is drawn or a full run ends without drawing it.
        self._restored: dict[str, Any] = {}

    # --- the user's view: st.session_state -----------------------------------------
    def __getitem__(self, key: str) -> Any:
        widget_id = self._key_to_id.get(key)
        if widget_id is not None and widget_id in self._widgets:
            return self._widgets[widget_id].value
        if key in self._user:
            return self._user[key]
        raise KeyError(key)

    def __setitem__(self, key: str, value: Any) -> None:
        widget_id = self._key_to_id.get(key)
        if widget_id is not None and widget_id in self._rendered:
            raise StreamlitAPIException(
                f"`st.session_state.{key}` cannot be modified after the widget with key "
                f"`{key}` is instantiated."
            )
        self._new_keys.add(key)
        if widget_id is not None and widget_id in self._widgets:
            self._widgets[widget_id].value = value
        else:
            self._user[key] = value

    def __delitem__(self, key: str) -> None:
        widget_id = self._key_to_id.pop(key, None)
        found = key in self._user
        self._user.pop(key, None)
        if widget_id is not None and self._widgets.pop(widget_id, None) is not None:
            self._default_next.discard(widget_id)
            found = True
        if not found:
            raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self._user or (
            key in self._key_to_id and self._key_to_id[key] in self._widgets)  # type: ignore[index]

    def keys(self) -> list[str]:
        return list(self._user) + [k for k, wid in self._key_to_id.items() if wid in self._widgets]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self.keys()}

    def clear(self) -> None:
        self._user.clear()
        for key in list(self._key_to_id):
            widget_id = self._key_to_id.pop(key)
            self._widgets.pop(widget_id, None)
            self._default_next.discard(widget_id)

    # --- the engine's view ------------------------------------------------------------
    def begin_run(self) -> None:
        """A run starts: no widget is drawn yet, and no button is pressed unless the
        request that started this run says so (a rerun does not press it again)."""
        self._rendered = set()
        self._new_keys = set()
        for entry in self._widgets.values():
            if entry.is_trigger:
                entry.value = entry.trigger_reset
            elif entry.settle is not None:
                entry.value = entry.settle(entry.value)

    def is_new_value(self, key: str) -> bool:
        """The app set `st.session_state[key]` during this run (callbacks included)."""
        return key in self._new_keys

    def widget(self, widget_id: str) -> WidgetEntry | None:
        return self._widgets.get(widget_id)

    def restore_values(self, values: dict[str, Any]) -> None:
        """After Python restarted, the page sends what its widgets show (in the page's
        form, as a widgets event would): each widget takes its value when a run draws it,
        as if the user had set it, but no callback runs. Widget ids are a hash of the
        widget's kind and parameters, so the same code gives the same ids again."""
        self._restored.update(values)

    def register_widget(self, entry: WidgetEntry, default: Any) -> Any:
        """Record that the run created this widget, and return the value it has now.

        The value is, in order: a value the app set under its key during this run, the
        value restored from the page after a restart (`restore_values`), the widget's own
        value from earlier runs (or from the page), a value the user put under its key
        before creating it, its default.
        """
        known = self._widgets.get(entry.widget_id)
        restored = self._restore(entry)
        if restored is not _NOTHING:
            entry.value = restored
            if entry.key is not None:
                self._user.pop(entry.key, None)
        elif known is not None:
            entry.value = known.value
        elif entry.key is not None and entry.key in self._user:
            entry.value = self._user.pop(entry.key)
        else:
            entry.value = default
        self._widgets[entry.widget_id] = entry
        if entry.key is not None:
            self._key_to_id[entry.key] = entry.widget_id
        self._rendered.add(entry.widget_id)
        return entry.value

    def _restore(self, entry: WidgetEntry) -> Any:
        """The value restored for this widget, or _NOTHING: none was sent, the app set
        its key in this run (that wins, as over a value from the page), it is a button
        (restoring presses nothing), or it cannot take the value sent."""
        sent = self._restored.pop(entry.widget_id, _NOTHING)
        if sent is _NOTHING or entry.is_trigger or \
                (entry.key is not None and entry.key in self._new_keys):
            return _NOTHING
        if entry.deserialize is None:
            return sent
        try:
            return entry.deserialize(sent)
        except Exception:  # noqa: BLE001 - a value this widget never showed: its default
            return _NOTHING

    def show_defaults_next(self, form_id: str) -> None:
        """clear_on_submit: the form's widgets show their defaults when next drawn."""
        self._default_next.update(
            widget_id for widget_id, entry in self._widgets.items()
            if entry.form_id == form_id and entry.kind != "form_submit_button")

    def shows_default_now(self, widget_id: str) -> bool:
        """Whether this drawing of the widget shows its default again (once)."""
        if widget_id not in self._default_next:
            return False
        self._default_next.discard(widget_id)
        return True

    def apply_page_values(self, updates: dict[str, Any]) -> list[WidgetEntry]:
        """Take values the page sent; return the widgets whose callbacks are due."""
        due = []
        for widget_id, value in updates.items():
            entry = self._widgets.get(widget_id)
            if entry is None:
                continue
            if entry.deserialize is not None:
                value = entry.deserialize(value)
            changed = entry.is_trigger or entry.value != value
            entry.value = value
            if changed and entry.callback is not None:
                due.append(entry)
        return due

    def end_run(self, fragment_id: str | None, forget_unseen: bool = True) -> None:
        """Triggers fall back to False; widgets the run could have drawn but did not are
        forgotten (a full run owns every widget, a fragment run those inside it), unless
        an error ended the run early (`forget_unseen=False`, as in 1.50)."""
        if forget_unseen and fragment_id is None:
            self._restored.clear()  # for widgets this app no longer draws
        for widget_id, entry in list(self._widgets.items()):
            if entry.is_trigger:
                entry.value = entry.trigger_reset
            if not forget_unseen:
                continue
            owned = fragment_id is None or fragment_id in entry.fragment_ids
            if owned and widget_id not in self._rendered:
                del self._widgets[widget_id]
                self._default_next.discard(widget_id)
                if entry.key is not None and self._key_to_id.get(entry.key) == widget_id:
                    del self._key_to_id[entry.key]


class SessionStateProxy:
    """`st.session_state`: item and attribute access to one session's state."""

    __slots__ = ("_state",)

    def __init__(self, state: SessionState) -> None:
        object.__setattr__(self, "_state", state)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._state[key]
        except KeyError:
            raise KeyError(
                f'st.session_state has no key "{key}". Did you forget to initialize it? More '
                "info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
            ) from None

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self._state[key]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{key}". Did you forget to initialize it? '
                "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._state[key]
        except KeyError:
            raise AttributeError(key) from None

    def __contains__(self, key: object) -> bool:
        return key in self._state

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __len__(self) -> int:
        return len(self._state)

    def keys(self):
        return self._state.keys()

    def values(self):
        return [self._state[k] for k in self._state.keys()]

    def items(self):
        return [(k, self._state[k]) for k in self._state.keys()]

    def get(self, key: str, default: Any = None) -> Any:
        return self._state[key] if key in self._state else default

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self._state:
            self._state[key] = default
        return self._state[key]

    def pop(self, key: str, *default: Any) -> Any:
        if key in self._state:
            value = self._state[key]
            del self._state[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self._state[key] = value

    def clear(self) -> None:
        self._state.clear()

    def to_dict(self) -> dict[str, Any]:
        return self._state.to_dict()

    def __repr__(self) -> str:
        return repr(self._state.to_dict())
