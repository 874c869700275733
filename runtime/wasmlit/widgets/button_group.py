"""Button groups: st.pills, st.segmented_control and st.feedback.

The page shows and sends the indices of the selected buttons; the script gets the
option (single selection), the list of options (multi), or feedback's sentiment number.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

from ..registry import command
from ..errors import StreamlitAPIException
from . import label_props
from .options import (copied, default_indices, is_new_state_value, options_of,
                      placement_identity, register, strict_or_default)
from ..props import validate_icon, validate_label_visibility, validate_width, width_prop

_THUMBS = (":material/thumb_up:", ":material/thumb_down:")
_FACES = (":material/sentiment_sad:", ":material/sentiment_dissatisfied:",
          ":material/sentiment_neutral:", ":material/sentiment_satisfied:",
          ":material/sentiment_very_satisfied:")
_STAR, _FILLED_STAR = ":material/star:", ":material/star_filled:"


def _option(content: str = "", icon: str | None = None, selected_icon: str | None = None) -> dict:
    return {"content": content, "icon": icon, "selected_icon": selected_icon}


def _identity_of(option: dict) -> tuple:
    return (option["content"], option["icon"], option["selected_icon"])


# --- icons at the start of an option's text --------------------------------------------

def _split_icon(text: str) -> dict:
    """Streamlit shows a leading material icon or emoji of a pill as an icon."""
    parts = text.split(" ")
    try:  # as 1.50: Streamlit's own icon rules, an invalid icon is just text
        icon = validate_icon(parts[0].strip())
    except StreamlitAPIException:
        icon = None
    if icon:
        text = " ".join(parts[1:])
    return _option(text, icon)


# --- the widgets ------------------------------------------------------------------------

@command
def pills(dg, label: str, options: Any, *, selection_mode: str = "single", default: Any = None,
          format_func: Callable[[Any], str] | None = None, key: Any = None,
          help: str | None = None, on_change: Callable | None = None, args: Any = None,
          kwargs: Any = None, disabled: bool = False, label_visibility: str = "visible",
          width: Any = "content") -> Any:
    return _labelled_group(dg, "pills", label, options, selection_mode, default, format_func,
                           key, help, on_change, args, kwargs, disabled, label_visibility, width)


@command
def segmented_control(dg, label: str, options: Any, *, selection_mode: str = "single",
                      default: Any = None, format_func: Callable[[Any], str] | None = None,
                      key: Any = None, help: str | None = None,
                      on_change: Callable | None = None, args: Any = None, kwargs: Any = None,
                      disabled: bool = False, label_visibility: str = "visible",
                      width: Any = "content") -> Any:
    return _labelled_group(dg, "segmented_control", label, options, selection_mode, default,
                           format_func, key, help, on_change, args, kwargs, disabled,
                           label_visibility, width)


@command
def feedback(dg, options: str = "thumbs", *, key: Any = None, disabled: bool = False,
             on_change: Callable | None = None, args: Any = None, kwargs: Any = None,
             width: Any = "content") -> int | None:
    if options not in ("thumbs", "faces", "stars"):
        raise StreamlitAPIException(
            "The options argument to st.feedback must be one of ['thumbs', 'faces', 'stars']. "
            f"The argument passed was '{options}'.")
    if options == "thumbs":
        buttons = [_option(icon=icon) for icon in _THUMBS]
        sentiments = [1, 0]  # thumb up is the first button and means 1
    elif options == "faces":
        buttons = [_option(icon=icon) for icon in _FACES]
        sentiments = list(range(len(_FACES)))
    else:
        buttons = [_option(icon=_STAR, selected_icon=_FILLED_STAR) for _ in range(5)]
        sentiments = list(range(5))
    return _button_group(
        dg, "feedback", buttons, sentiments, default=None, selection_mode="single", key=key,
        style="borderless", disabled=disabled, on_change=on_change, args=args, kwargs=kwargs,
        visualization="all_up_to_selected" if options == "stars" else "only_selected",
        label=None, label_visibility="collapsed", help=None, width=width)


def _labelled_group(dg, style, label, options, selection_mode, default, format_func, key, help,
                    on_change, args, kwargs, disabled, label_visibility, width):
    validate_label_visibility(label_visibility)
    opt = options_of(options)
    defaults = default_indices(opt, default) or []

    def look(option: Any) -> dict:
        return _split_icon(format_func(option) if format_func else str(option))

    return _button_group(
        dg, style, None, opt, default=defaults, selection_mode=selection_mode, key=key,
        style=style, disabled=disabled, on_change=on_change, args=args, kwargs=kwargs,
        visualization="only_selected", label=label, label_visibility=label_visibility,
        help=help, width=width, look=look)


def _button_group(dg, kind: str, buttons: list[dict] | None, values: list[Any], *,
                  default: list[int] | None, selection_mode: str, key: Any, style: str,
                  disabled: bool, on_change, args, kwargs, visualization: str,
                  label: str | None, label_visibility: str, help: str | None, width: Any,
                  look: Callable[[Any], dict] | None = None) -> Any:
    """One group of buttons; `values` are what the buttons stand for, `buttons` how they
    look (or `look(value)` makes that)."""
    if selection_mode not in ("single", "multi"):
        raise StreamlitAPIException(
            "The selection_mode argument must be one of ['single', 'multi']. The argument "
            f"passed was '{selection_mode}'.")
    single = selection_mode == "single"
    if single and default is not None and isinstance(default, Sequence) and len(default) > 1:
        raise StreamlitAPIException(
            "The default argument to `st.pills` must be a single value when "
            "`selection_mode='single'`.")
    key = None if key is None else str(key)
    validate_width(width, allow_content=True)
    if buttons is None:
        buttons = [look(value) for value in values]
    default_list = list(default or [])

    def deserialize(ui_value: Any) -> Any:
        chosen = [values[i] for i in (ui_value if ui_value is not None else default_list)
                  if isinstance(i, int) and 0 <= i < len(values)]
        if single:
            return chosen[0] if chosen else None
        return chosen

    def serialize(value: Any) -> list[int]:
        if single:
            value = [value] if value is not None else []
        return default_indices(values, value) or []

    initial = deserialize(None)
    identity = dict(options=[_identity_of(b) for b in buttons], default=default,
                    click_mode=selection_mode, style=style, width=width, label=label, help=help,
                    **placement_identity(dg))
    props = dict(label_props(label, help, disabled, label_visibility), options=buttons,
                 click_mode=selection_mode, style=style, visualization=visualization,
                 width=width_prop(width))
    _, value = register(
        dg, kind, key=key, default=initial, explicit_default=default_list or None,
        identity=identity, key_identity=None, props=props,
        on_change=on_change, args=args, kwargs=kwargs, deserialize=deserialize,
        serialize=strict_or_default(is_new_state_value(dg, key), serialize, serialize(initial)))
    return copied(value)
