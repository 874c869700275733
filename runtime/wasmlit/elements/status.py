"""Status elements: alerts, exceptions, progress bars, balloons, snow, toasts, spinners and
the st.status container."""
from __future__ import annotations

import contextlib
import itertools
import math
import textwrap
from typing import Any, Iterator

from ..delta_generator import DeltaGenerator
from ..errors import StreamlitAPIException, StreamlitValueError
from ..props import validate_icon, validate_width, width_prop
from ..registry import command
from .exception_display import show_exception

_balloon_launches = itertools.count(1)
_snow_launches = itertools.count(1)
_toast_launches = itertools.count(1)


class ElementSlot(DeltaGenerator):
    """The writer Streamlit returns for an element: writing to it replaces that element in
    place (`bar = st.progress(0); bar.progress(50)`, `msg = st.info(..); msg.empty()`)."""

    def __init__(self, dg: DeltaGenerator, index: int) -> None:
        super().__init__(dg.session, dg.block, root=dg.root, form_id=dg.form_id, trimmed=False)
        self._index = index

    def _next_index(self) -> int:
        return self._index


def element_writer(dg: DeltaGenerator, kind: str, props: dict) -> DeltaGenerator:
    """Write a leaf element with `dg` and return a writer bound to the slot it occupies."""
    return slot_of(dg, dg.place_element(kind, props))


def slot_of(dg: DeltaGenerator, node: Any) -> DeltaGenerator:
    """A writer for the slot `node` (just written with `dg`) occupies."""
    if dg.single_slot:  # st.empty(): the placeholder already is that slot
        return dg
    index = next((i for i, child in enumerate(dg.block.children) if child is node), None)
    return dg if index is None else ElementSlot(dg, index)


def clean_text(text: Any) -> str:
    """Streamlit's clean_text: str(), dedented and stripped."""
    return textwrap.dedent(str(text)).strip()


def _alert(dg, kind: str, body: Any, icon: str | None, width: Any):
    icon = validate_icon(icon)
    body = clean_text(body)
    validate_width(width)
    return element_writer(dg, "alert", {"body": body, "type": kind, "icon": icon,
                                        "width": width_prop(width)})


@command
def error(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "error", body, icon, width)


@command
def warning(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "warning", body, icon, width)


@command
def info(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "info", body, icon, width)


@command
def success(dg, body: Any, *, icon: str | None = None, width: Any = "stretch"):
    return _alert(dg, "success", body, icon, width)


@command
def exception(dg, exception: BaseException, *, width: Any = "stretch"):
    validate_width(width)
    return slot_of(dg, show_exception(dg, exception, uncaught=False))


@command
def balloons(dg):
    # Every call launches anew, so the element differs from the one it replaces.
    return element_writer(dg, "balloons", {"launch": next(_balloon_launches)})


@command
def snow(dg):
    return element_writer(dg, "snow", {"launch": next(_snow_launches)})


def _progress_value(value: Any) -> int:
    """Streamlit's progress value: an int in [0, 100] or a float in [0.0, 1.0], as percent."""
    if isinstance(value, int):
        if 0 <= value <= 100:
            return value
        raise StreamlitAPIException(f"Progress Value has invalid value [0, 100]: {value}")
    if isinstance(value, float):
        if 0.0 <= value <= 1.0 or math.isclose(value, 0.0, rel_tol=1e-9, abs_tol=1e-9) \
                or math.isclose(value, 1.0, rel_tol=1e-9, abs_tol=1e-9):
            return int(value * 100)
        raise StreamlitAPIException(f"Progress Value has invalid value [0.0, 1.0]: {value}")
    raise StreamlitAPIException(f"Progress Value has invalid type: {type(value).__name__}")


@command
def progress(dg, value: Any, text: str | None = None, width: Any = "stretch"):
    percent = _progress_value(value)
    if text is not None and not isinstance(text, str):
        raise StreamlitAPIException(
            f"Progress Text is of type {type(text)}, which is not an accepted type."
            "Text only accepts: str. Please convert the text to an accepted type.")
    validate_width(width)
    return element_writer(dg, "progress", {
        "value": percent, "text": None if text is None else clean_text(text),
        "width": width_prop(width)})


@command
def toast(dg, body: Any, *, icon: str | None = None, duration: Any = "short"):
    if str(body) == "":
        raise StreamlitAPIException("Toast body cannot be blank - please provide a message.")
    icon = validate_icon(icon)
    if duration in ("short", "long", "infinite"):
        seconds = {"short": 4, "long": 10, "infinite": None}[duration]
    elif isinstance(duration, int) and not isinstance(duration, bool) and duration > 0:
        seconds = duration
    else:
        raise StreamlitValueError(
            "duration", ["short", "long", "infinite", "a positive integer"])
    dg.session.require_run().checkpoint()
    # As in 1.50, a toast is an element: it shows while its slot is in the tree, so a rerun
    # that calls st.toast again replaces it (each call is new: `launch`) and one that does
    # not call it removes it.
    return element_writer(dg, "toast", {"body": clean_text(body), "icon": icon, "seconds": seconds,
                                        "launch": next(_toast_launches)})


@command
@contextlib.contextmanager
def spinner(dg, text: str = "In progress...", *, show_time: bool = False,
            width: Any = "content") -> Iterator[None]:
    """The page shows the spinner only once it has been up for 0.5 s, as Streamlit does."""
    validate_width(width, allow_content=True)
    slot = dg.empty()
    slot.place_element("spinner", {"text": clean_text(text), "show_time": bool(show_time),
                              "width": width_prop(width)})
    dg.session.flush()
    try:
        yield
    finally:
        with contextlib.suppress(BaseException):
            slot.empty()


# --- st.status --------------------------------------------------------------------------
_STATE_ICONS = {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}


def _state_icon(state: Any) -> str:
    if state not in _STATE_ICONS:
        raise StreamlitAPIException(
            f"Unknown state ({state}). Must be one of 'running', 'complete', or 'error'.")
    return _STATE_ICONS[state]


class StatusContainer(DeltaGenerator):
    """The writer st.status returns: a container whose label, state and expansion can change
    (`update`); leaving its `with` block marks a running status complete (error when an
    exception leaves it)."""

    def _init_status(self, parent: DeltaGenerator, props: dict, state: str) -> None:
        self._parent_block = parent.block
        self._status_props = props
        self._state = state

    def update(self, *, label: str | None = None, expanded: bool | None = None,
               state: str | None = None) -> None:
        props = dict(self._status_props, expanded=None if expanded is None else bool(expanded))
        if label is not None:
            props["label"] = str(label)
        if state is not None:
            props["icon"] = _state_icon(state)
            props["state"] = state
            self._state = state
        self._status_props = props
        self.session.require_run().checkpoint()
        self.session.tree.place(self._parent_block, self.block.path[-1], "status", props, block=True)

    def __enter__(self) -> "StatusContainer":
        super().__enter__()
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        if self._state == "running":
            self.update(state="error" if exc_type is not None else "complete")
        return super().__exit__(exc_type, exc, tb)


@command
def status(dg, label: str, *, expanded: bool = False, state: str = "running",
           width: Any = "stretch"):
    props = {"label": label or "", "expanded": bool(expanded), "icon": _state_icon(state),
             "state": state}
    validate_width(width)
    props["width"] = width_prop(width)
    writer = dg.place_block("status", props)
    # _add_block makes a plain writer; it becomes a StatusContainer (no extra state but ours).
    writer.__class__ = StatusContainer
    writer._init_status(dg, props, state)
    return writer
