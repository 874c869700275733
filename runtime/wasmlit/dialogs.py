"""`@st.dialog`: a modal whose body is a fragment.

Calling a dialog function opens one modal in the app's event area (outside the main
flow), and runs the function there as a fragment: its widgets rerun only the dialog.
The modal stays while runs keep calling it; a full run that does not call it (after
`st.rerun()` in the dialog, say) closes it. The page closes it on Escape, the close
button or a click outside, without a rerun unless `on_dismiss` asks for one.
"""
from __future__ import annotations

import functools
from typing import Any, Callable

from .current import current_session
from .errors import StreamlitAPIException
from .state import WidgetEntry
from .widgets import widget_id

WIDTHS = ("small", "medium", "large")


def dialog(title: Any, *, width: str = "small", dismissible: bool = True,
           on_dismiss: Any = "ignore") -> Callable:
    """`@st.dialog("Title")`; a bare `@st.dialog` has no title and is refused."""
    if isinstance(title, str):
        return lambda func: _make_dialog(func, title, width, dismissible, on_dismiss)
    return _make_dialog(title, "", width, dismissible, on_dismiss)


def _make_dialog(func: Callable, title: str, width: str, dismissible: bool,
                 on_dismiss: Any) -> Callable:
    if title is None or title == "":
        raise StreamlitAPIException(
            "A non-empty `title` argument has to be provided for dialogs, for example "
            '`@st.dialog("Example Title")`.')

    @functools.wraps(func)
    def open_dialog(*args: Any, **kwargs: Any) -> None:
        session = current_session()
        run = session.require_run()
        if run.active_dg().block.path[:1] == (session.tree.ROOTS.index("event"),):
            raise StreamlitAPIException("Dialogs may not be nested inside other dialogs.")
        props = _dialog_props(session, run, title, width, dismissible, on_dismiss)
        if run.has_dialog_opened:
            raise StreamlitAPIException(
                "Only one dialog is allowed to be opened at the same time. Please make sure "
                "to not call a dialog-decorated function more than once in a script run.")
        run.has_dialog_opened = True
        # Each call reopens the modal, even one the user closed: `opened` changes per run.
        writer = run.event_writer.place_block("dialog", dict(props, opened=session.run_count))
        run.dg_stack.append(writer)
        try:
            run.call_fragment(func, args, kwargs, None)
        finally:
            if run.dg_stack and run.dg_stack[-1] is writer:
                run.dg_stack.pop()

    return open_dialog


def _dialog_props(session, run, title: str, width: str, dismissible: bool,
                  on_dismiss: Any) -> dict:
    if on_dismiss not in ("ignore", "rerun") and not callable(on_dismiss):
        raise StreamlitAPIException(
            f"You have passed {on_dismiss} to `on_dismiss`. But only 'ignore', 'rerun', or a "
            "callable is supported.")
    props = {"title": str(title), "width": width if width in WIDTHS else "small",
             "dismissible": bool(dismissible), "dismiss_id": None}
    if on_dismiss != "ignore":
        # Dismissing sends this trigger, which reruns the app (and calls the callback).
        identity = {"title": title, "dismissible": bool(dismissible), "width": width,
                    "on_dismiss": "callback" if callable(on_dismiss) else str(on_dismiss)}
        wid = widget_id("dialog", None, identity)
        entry = WidgetEntry(widget_id=wid, kind="dialog", value=False, is_trigger=True,
                            fragment_ids=tuple(f.fragment_id for f in run.fragment_stack),
                            callback=on_dismiss if callable(on_dismiss) else None)
        session.state.register_widget(entry, False)
        run.element_ids.add(wid)
        props["dismiss_id"] = wid
    return props
