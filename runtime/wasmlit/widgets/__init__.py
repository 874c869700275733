"""Widgets: identity, registration with session state, and the element that draws them.

A widget's id is Streamlit's: its type and identifying parameters hashed (or, with
`key=`, the key and the few parameters Streamlit keeps in the identity), so an unchanged
widget keeps its value across reruns and a changed one starts afresh.
"""
from __future__ import annotations

import hashlib
from typing import Any, Callable

from ..errors import StreamlitAPIException, StreamlitDuplicateElementId, StreamlitDuplicateElementKey
from ..state import WidgetEntry

FORM_CALLBACK_ERROR = (
    "With forms, callbacks can only be defined on the `st.form_submit_button`. Defining "
    "callbacks on other widgets inside a form is not allowed."
)


def widget_id(kind: str, key: str | None, identity: dict[str, Any]) -> str:
    digest = hashlib.md5(repr((kind, sorted(identity.items()))).encode(), usedforsecurity=False)
    return f"$$ID-{digest.hexdigest()}-{key}"


def add_widget(dg, kind: str, *, key: Any, default: Any, identity: dict[str, Any],
               key_identity: tuple[str, ...] = (), props: dict[str, Any],
               on_change: Callable | None = None, args: Any = None, kwargs: Any = None,
               is_trigger: bool = False, allow_form_callback: bool = False,
               serialize: Callable[[Any], Any] | None = None,
               deserialize: Callable[[Any], Any] | None = None) -> tuple[str, Any]:
    """Register a widget in the current run and draw it; return (widget id, value).

    `serialize` turns the Python value into what the page shows (JSON-ready: an option
    becomes its index, a date its ISO text); `deserialize` turns what the page sends back
    into the Python value. Without them, values pass as they are.
    """
    session = dg._session
    run = session.require_run()
    user_key = None if key is None else str(key)
    if user_key is not None:
        ids = {name: identity[name] for name in key_identity if name in identity}
    else:
        ids = dict(identity, form_id=dg.form_id, root=_root_of(dg))
    wid = widget_id(kind, user_key, ids)
    if user_key is not None and user_key in run.user_keys:
        raise StreamlitDuplicateElementKey(user_key)
    if wid in run.element_ids:
        raise StreamlitDuplicateElementId(kind)
    if dg.form_id is not None and on_change is not None and not allow_form_callback:
        raise StreamlitAPIException(FORM_CALLBACK_ERROR)
    fragments = tuple(f.fragment_id for f in run.fragment_stack)
    entry = WidgetEntry(widget_id=wid, kind=kind, value=None, key=user_key,
                        fragment_ids=fragments, form_id=dg.form_id, is_trigger=is_trigger,
                        callback=on_change, callback_args=tuple(args or ()),
                        callback_kwargs=dict(kwargs or {}), deserialize=deserialize)
    # Policies (fragment outside-container, sidebar) are checked before state changes.
    dg._check_policies(is_widget=True)
    value = session.state.register_widget(entry, default)
    run.element_ids.add(wid)
    if user_key is not None:
        run.user_keys.add(user_key)
    shown = serialize(value) if serialize is not None else _shown(value)
    dg._enqueue(kind, dict(props, id=wid, form=dg.form_id, value=shown), is_widget=True)
    return wid, value


def _root_of(dg) -> str:
    return "sidebar" if dg.block.path[:1] == (1,) else "main"


def _shown(value: Any) -> Any:
    """The value as the page shows it (JSON-ready)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def label_props(label: Any, help: str | None, disabled: bool, label_visibility: str) -> dict:
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. Valid values are "
            "'visible', 'hidden' or 'collapsed'.")
    return {"label": "" if label is None else str(label), "help": help,
            "disabled": bool(disabled), "label_visibility": label_visibility}
