"""Layout containers: container, columns, empty, expander, tabs, popover, form (and the
sidebar, which the session creates).

Streamlit 1.50 puts no limit on nesting (columns in columns in the sidebar are fine), so
none is enforced here. Validation errors carry Streamlit 1.50's texts.
"""
from __future__ import annotations

from typing import Any, Sequence

from ..errors import (StreamlitAPIException, StreamlitDuplicateElementKey,
                      StreamlitInvalidColumnGapError, StreamlitInvalidColumnSpecError,
                      StreamlitInvalidHorizontalAlignmentError,
                      StreamlitInvalidVerticalAlignmentError)
from ..props import container_width, validate_height, validate_icon, validate_width
from ..registry import command

_FLEX = {"left": "start", "center": "center", "right": "end", "top": "start",
         "bottom": "end", "distribute": "space-between"}


def gap_size(gap: Any, element_type: str) -> str:
    """Streamlit's gap check: "small"/"medium"/"large" (any case) or None ("none")."""
    if gap is None:
        return "none"
    if isinstance(gap, str) and gap.lower() in ("small", "medium", "large"):
        return gap.lower()
    raise StreamlitInvalidColumnGapError(gap, element_type)


def _check_alignment(horizontal: Any, vertical: Any) -> None:
    """st.container's alignments, with 1.50's error classes."""
    if horizontal not in ("left", "center", "right", "distribute"):
        raise StreamlitInvalidHorizontalAlignmentError(horizontal, "st.container")
    if vertical not in ("top", "center", "bottom", "distribute"):
        raise StreamlitInvalidVerticalAlignmentError(vertical, "st.container")


@command
def container(dg, *, border: bool | None = None, key: Any = None, width: Any = "stretch",
              height: Any = "content", horizontal: bool = False,
              horizontal_alignment: str = "left", vertical_alignment: str = "top",
              gap: str | None = "small"):
    gap_name = gap_size(gap, "st.container")
    _check_alignment(horizontal_alignment, vertical_alignment)
    validate_width(width)
    validate_height(height, allow_content=True)
    fixed = isinstance(height, int) and not isinstance(height, bool)
    # Like Streamlit: shown while empty only with a border or a fixed height; a fixed
    # height draws a border unless border=False says otherwise.
    shown_border = bool(border) if border is not None else fixed
    user_key = str(key) if key else None
    if user_key is not None:  # Streamlit registers a container's key like a widget's
        run = dg.session.require_run()
        if user_key in run.user_keys:
            raise StreamlitDuplicateElementKey(user_key)
        run.user_keys.add(user_key)
    if horizontal:
        justify, align = _FLEX[horizontal_alignment], _FLEX[vertical_alignment]
    else:
        justify, align = _FLEX[vertical_alignment], _FLEX[horizontal_alignment]
    return dg.place_block("vertical", {
        "border": shown_border, "height": height if fixed else None, "horizontal": bool(horizontal),
        "justify": justify, "align": align, "gap": gap_name, "width": width,
        "key": user_key, "allow_empty": bool(border) or fixed})


@command
def empty(dg):
    return dg.place_block("empty", {}, single_slot=True)


@command
def columns(dg, spec: Any, *, gap: str | None = "small", vertical_alignment: str = "top",
            border: bool = False, width: Any = "stretch"):
    weights = (1,) * spec if isinstance(spec, int) else spec
    try:
        weights = list(weights)
        bad = not weights or any(w <= 0 for w in weights)
    except TypeError:
        bad = True
    if bad:
        raise StreamlitInvalidColumnSpecError()
    if vertical_alignment not in ("top", "center", "bottom"):
        raise StreamlitInvalidVerticalAlignmentError(vertical_alignment, "st.columns")
    gap_name = gap_size(gap, "st.columns")
    validate_width(width)
    row = dg.place_block("horizontal", {"gap": gap_name, "vertical_alignment": vertical_alignment,
                                       "width": width})
    total = float(sum(weights))
    return [row.place_block("column", {"weight": w / total, "border": bool(border), "gap": gap_name,
                                      "vertical_alignment": vertical_alignment})
            for w in weights]


@command
def expander(dg, label: str, expanded: bool = False, *, icon: str | None = None,
             width: Any = "stretch"):
    if label is None:
        raise StreamlitAPIException("A label is required for an expander")
    validate_width(width)
    return dg.place_block("expander", {"label": str(label), "expanded": bool(expanded),
                                      "icon": validate_icon(icon), "width": width})


@command
def tabs(dg, tabs: Sequence[str], *, width: Any = "stretch", default: str | None = None):
    if not tabs:
        raise StreamlitAPIException(
            "The input argument to st.tabs must contain at least one tab label.")
    labels = list(tabs)
    if default and default not in labels:
        raise StreamlitAPIException(f"The default tab '{default}' is not in the list of tabs.")
    if any(not isinstance(t, str) for t in labels):
        raise StreamlitAPIException(
            "The tabs input list to st.tabs is only allowed to contain strings.")
    validate_width(width)
    group = dg.place_block("tabs", {"labels": labels, "width": width,
                                   "default": labels.index(default) if default else 0})
    return tuple(group.place_block("tab", {"label": label}) for label in labels)


@command
def popover(dg, label: str, *, help: str | None = None, icon: str | None = None,
            disabled: bool = False, use_container_width: bool | None = None,
            width: Any = "content"):
    if label is None:
        raise StreamlitAPIException("A label is required for a popover")
    width = container_width(use_container_width, width)
    validate_width(width, allow_content=True)
    return dg.place_block("popover", {"label": str(label), "help": str(help) if help else None,
                                     "icon": validate_icon(icon), "disabled": bool(disabled),
                                     "width": width})


@command
def form(dg, key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True,
         border: bool = True, width: Any = "stretch", height: Any = "content"):
    if dg.form_id is not None:
        raise StreamlitAPIException("Forms cannot be nested in other forms.")
    run = dg.session.require_run()
    form_id = str(key)
    if form_id in run.forms:
        raise StreamlitAPIException(
            f"There are multiple identical forms with `key='{form_id}'`. To fix this, please "
            "make sure that the `key` argument is unique for each `st.form` you create.")
    run.forms.add(form_id)
    return dg.place_block("form", {"form_id": form_id, "border": bool(border), "allow_empty": False,
                                  "clear_on_submit": bool(clear_on_submit),
                                  "enter_to_submit": bool(enter_to_submit)}, form_id=form_id)
