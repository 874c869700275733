"""Widgets: identity, registration with session state, and the element that draws them.

A widget's id is Streamlit's: its type and identifying parameters hashed (or, with
`key=`, the key and the few parameters Streamlit keeps in the identity), so an unchanged
widget keeps its value across reruns and a changed one starts afresh.
"""
from __future__ import annotations

import hashlib
from typing import Any, Callable

from ..errors import (StreamlitDuplicateElementId, StreamlitDuplicateElementKey,
                      StreamlitInvalidFormCallbackError, StreamlitValueAssignmentNotAllowedError)
from ..props import validate_label_visibility
from ..state import WidgetEntry


def widget_id(kind: str, key: str | None, identity: dict[str, Any]) -> str:
    digest = hashlib.md5(repr((kind, sorted(identity.items()))).encode(), usedforsecurity=False)
    return f"$$ID-{digest.hexdigest()}-{key}"


def add_widget(dg, kind: str, *, key: Any, default: Any, identity: dict[str, Any],
               key_identity: tuple[str, ...] | None = (), props: dict[str, Any],
               on_change: Callable | None = None, args: Any = None, kwargs: Any = None,
               is_trigger: bool = False, trigger_reset: Any = False,
               allow_form_callback: bool = False,
               writes_allowed: bool = True, explicit_default: Any = ...,
               serialize: Callable[[Any], Any] | None = None,
               deserialize: Callable[[Any], Any] | None = None) -> tuple[str, Any]:
    """Register a widget in the current run and draw it; return (widget id, value).

    With `key=`, the id is the key plus the `key_identity` parameters (Streamlit's
    `key_as_main_identity`); `key_identity=None` keeps every parameter, the form and the
    root in the id even with a key, as Streamlit does for sliders, radios and uploaders.

    `serialize` turns the Python value into what the page shows (JSON-ready: an option
    becomes its index, a date its ISO text); `deserialize` turns what the page sends back
    into the Python value. Without them, values pass as they are. `writes_allowed=False`
    (buttons, uploaders) refuses a value the app put under the widget's key.
    `explicit_default` is the default Streamlit checks for its "created with a default
    value but also had its value set via the Session State API" warning: None when the
    call left the default alone (each Streamlit widget says which values count), else
    `default` is used.
    """
    session = dg.session
    run = session.require_run()
    user_key = None if key is None else str(key)
    # Checked in Streamlit's order: fragment policy, callbacks in forms, session state
    # writes, then the widget's id.
    dg.check_policies(is_widget=True)
    if dg.form_id is not None and on_change is not None and not allow_form_callback:
        raise StreamlitInvalidFormCallbackError()
    _check_session_state_rules(dg, user_key, default if explicit_default is ... else explicit_default,
                               writes_allowed)
    if user_key is not None and key_identity is not None:
        ids = {name: identity[name] for name in key_identity if name in identity}
    else:
        ids = dict(identity, form_id=dg.form_id, root=root_of(dg))
    page = session.navigation.active_page
    if page:  # the same widget on two pages is two widgets, as in 1.50
        ids["page"] = page
    wid = widget_id(kind, user_key, ids)
    if user_key is not None and user_key in run.user_keys:
        raise StreamlitDuplicateElementKey(user_key)
    if wid in run.element_ids:
        raise StreamlitDuplicateElementId(kind)
    fragments = tuple(f.fragment_id for f in run.fragment_stack)
    entry = WidgetEntry(widget_id=wid, kind=kind, value=None, key=user_key,
                        fragment_ids=fragments, form_id=dg.form_id, is_trigger=is_trigger,
                        trigger_reset=trigger_reset,
                        callback=on_change, callback_args=tuple(args or ()),
                        callback_kwargs=dict(kwargs or {}), deserialize=deserialize)
    value = session.state.register_widget(entry, default)
    run.element_ids.add(wid)
    if user_key is not None:
        run.user_keys.add(user_key)
    show = serialize if serialize is not None else _shown
    entry.serialize = show
    node = dg.place_element(kind, dict(props, id=wid, form=dg.form_id, value=show(value),
                                       default=show(default)), is_widget=True)
    if session.state.shows_default_now(wid) and \
            not (user_key is not None and session.state.is_new_value(user_key)):
        _show_default_again(session, node)
    return wid, value


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
