"""Widgets: identity, registration with session state, and the element that draws them.

A widget's id is Streamlit's: its type and identifying parameters hashed (or, with
`key=`, the key and the few parameters Streamlit keeps in the identity), so an unchanged
widget keeps its value across reruns and a changed one starts afresh.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import (StreamlitDuplicateElementId, StreamlitDuplicateElementKey,
                      StreamlitInvalidFormCallbackError, StreamlitValueAssignmentNotAllowedError)
from ..props import validate_label_visibility
from ..state import WidgetEntry


def widget_id(kind: str, key: str | None, identity: dict[str, Any]) -> str:
    digest = hashlib.md5(repr((kind, sorted(identity.items()))).encode(), usedforsecurity=False)
    return f"$$ID-{digest.hexdigest()}-{key}"


@dataclass(frozen=True)
class WidgetIdentity:
    """What names a widget: its kind, the app's `key` and the parameters hashed into its id.

    With a key, the id is the key plus the `key_params` parameters (Streamlit's
    `key_as_main_identity`); `key_params=None` keeps every parameter, the form and the
    root in the id even with a key, as Streamlit does for sliders, radios and uploaders.
    """
    kind: str
    key: Any
    params: dict[str, Any]
    key_params: tuple[str, ...] | None = ()


@dataclass(frozen=True)
class WidgetCallback:
    """What runs before the next run when the widget's value changes (`on_change`,
    `on_click`, `on_submit`), with its `args` and `kwargs`. Only a form's submit button
    may have one inside a form (`in_form`)."""
    function: Callable | None = None
    args: Any = None
    kwargs: Any = None
    in_form: bool = False


@dataclass(frozen=True)
class ValueCodec:
    """How a widget's value travels. `serialize` turns the Python value into what the page
    shows (JSON-ready: an option becomes its index, a date its ISO text); `deserialize`
    turns what the page sends back into the Python value. Without them, values pass as
    they are. A trigger (buttons, chat input) holds its value for one run only, then
    `trigger_reset`."""
    serialize: Callable[[Any], Any] | None = None
    deserialize: Callable[[Any], Any] | None = None
    is_trigger: bool = False
    trigger_reset: Any = False


NO_CALLBACK = WidgetCallback()
PLAIN_VALUE = ValueCodec()


def add_widget(dg, identity: WidgetIdentity, *, default: Any, props: dict[str, Any],
               callback: WidgetCallback = NO_CALLBACK, codec: ValueCodec = PLAIN_VALUE,
               writes_allowed: bool = True, explicit_default: Any = ...) -> tuple[str, Any]:
    """Register a widget in the current run and draw it; return (widget id, value).

    `writes_allowed=False` (buttons, uploaders) refuses a value the app put under the
    widget's key. `explicit_default` is the default Streamlit checks for its "created
    with a default value but also had its value set via the Session State API" warning:
    None when the call left the default alone (each Streamlit widget says which values
    count), else `default` is used.
    """
    run = dg.session.require_run()
    user_key = None if identity.key is None else str(identity.key)
    # Checked in Streamlit's order: fragment policy, callbacks in forms, session state
    # writes, then the widget's id.
    dg.check_policies(is_widget=True)
    if dg.form_id is not None and callback.function is not None and not callback.in_form:
        raise StreamlitInvalidFormCallbackError()
    _check_session_state_rules(dg, user_key, default if explicit_default is ... else explicit_default,
                               writes_allowed)
    wid = _widget_id_in(dg, identity, user_key)
    _check_unique(run, identity.kind, user_key, wid)
    entry, value = _register(dg, identity.kind, wid, user_key, default, callback, codec)
    _draw(dg, entry, value, default, props)
    return wid, value


def _widget_id_in(dg, identity: WidgetIdentity, user_key: str | None) -> str:
    """The widget's id where `dg` writes: the form, the root and the page count where
    Streamlit counts them."""
    params = identity.params
    if user_key is not None and identity.key_params is not None:
        ids = {name: params[name] for name in identity.key_params if name in params}
    else:
        ids = dict(params, form_id=dg.form_id, root=root_of(dg))
    page = dg.session.navigation.active_page
    if page:  # the same widget on two pages is two widgets, as in 1.50
        ids["page"] = page
    return widget_id(identity.kind, user_key, ids)


def _check_unique(run, kind: str, user_key: str | None, wid: str) -> None:
    """A key, and an id, name one widget per run."""
    if user_key is not None and user_key in run.user_keys:
        raise StreamlitDuplicateElementKey(user_key)
    if wid in run.element_ids:
        raise StreamlitDuplicateElementId(kind)


def _register(dg, kind: str, wid: str, user_key: str | None, default: Any,
              callback: WidgetCallback, codec: ValueCodec) -> tuple[WidgetEntry, Any]:
    """Enter the widget in session state and in this run; return its entry and value."""
    session = dg.session
    run = session.require_run()
    fragments = tuple(f.fragment_id for f in run.fragment_stack)
    entry = WidgetEntry(widget_id=wid, kind=kind, value=None, key=user_key,
                        fragment_ids=fragments, form_id=dg.form_id, is_trigger=codec.is_trigger,
                        trigger_reset=codec.trigger_reset,
                        callback=callback.function, callback_args=tuple(callback.args or ()),
                        callback_kwargs=dict(callback.kwargs or {}),
                        deserialize=codec.deserialize)
    value = session.state.register_widget(entry, default)
    run.element_ids.add(wid)
    if user_key is not None:
        run.user_keys.add(user_key)
    entry.serialize = codec.serialize if codec.serialize is not None else _shown
    return entry, value


def _draw(dg, entry: WidgetEntry, value: Any, default: Any, props: dict[str, Any]) -> None:
    """Place the widget's element, showing its value (or, after a form cleared, its default)."""
    session, show = dg.session, entry.serialize
    node = dg.place_element(entry.kind, dict(props, id=entry.widget_id, form=dg.form_id,
                                             value=show(value), default=show(default)),
                            is_widget=True)
    if session.state.shows_default_now(entry.widget_id) and \
            not (entry.key is not None and session.state.is_new_value(entry.key)):
        _show_default_again(session, node)


def _show_default_again(session, node) -> None:
    """A form with clear_on_submit was submitted: the page shows the widget's default
    again in place of what the user entered (`reset`: even if the page's last value for
    it was that default), while the tree keeps the value the script holds, so later runs
    leave the page alone until that value changes (as 1.50, whose page clears the form)."""
    session.tree.show_on_page(node, dict(node.props, value=node.props["default"]))


def settle_from_page(dg, wid: str, roundtrip: Callable[[Any], Any]) -> None:
    """From the next run on, the widget holds what the page sends back for its value:
    Streamlit's page returns every widget's value with each rerun, so a value set in
    session state comes back converted (a list as a tuple, a time without seconds...)."""
    entry = dg.session.state.widget(wid)
    if entry is None:
        return

    def settle(value: Any) -> Any:
        try:
            return roundtrip(value)
        except Exception:  # a value the page could not show stays as it is
            return value

    entry.settle = settle


DEFAULT_AND_STATE_WARNING = (
    'The widget with key "{key}" was created with a default value but also had its value '
    "set via the Session State API.")


def _check_session_state_rules(dg, key: str | None, default: Any, writes_allowed: bool) -> None:
    """Streamlit's rules for a value the app set under a widget's key during this run."""
    session = dg.session
    if key is None or not session.state.is_new_value(key):
        return
    if not writes_allowed:
        raise StreamlitValueAssignmentNotAllowedError(key)
    if default is not None and not session.warned_default_and_state:
        session.warned_default_and_state = True
        dg.warning(DEFAULT_AND_STATE_WARNING.format(key=key))


def root_of(dg) -> str:
    """Which root the writer writes in: "sidebar", or "main" (main, bottom, dialogs)."""
    return "sidebar" if dg.block.path[:1] == (1,) else "main"


def _shown(value: Any) -> Any:
    """The value as the page shows it (JSON-ready)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def label_props(label: Any, help: str | None, disabled: bool, label_visibility: str) -> dict:
    validate_label_visibility(label_visibility)
    return {"label": "" if label is None else str(label), "help": help,
            "disabled": bool(disabled), "label_visibility": label_visibility}
