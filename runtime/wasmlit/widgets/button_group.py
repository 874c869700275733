"""Button groups: st.pills, st.segmented_control and st.feedback.

The page shows and sends the indices of the selected buttons; the script gets the
option (single selection), the list of options (multi), or feedback's sentiment number.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable

from ..registry import command
from ..errors import StreamlitAPIException
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget, label_props
from .options import (copied, default_indices, is_new_state_value, options_of,
                      placement_identity, strict_or_default)
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
    group = _Group(kind="feedback", style="borderless", values=sentiments, buttons=buttons,
                   selection_mode="single", default=None,
                   visualization="all_up_to_selected" if options == "stars" else "only_selected",
                   label=None, label_visibility="collapsed", help=None)
    return _button_group(dg, group, key=key, callback=WidgetCallback(on_change, args, kwargs),
                         disabled=disabled, width=width)


def _labelled_group(dg, style, label, options, selection_mode, default, format_func, key, help,
                    on_change, args, kwargs, disabled, label_visibility, width):
    """st.pills and st.segmented_control, which differ only in `style`; the parameters
    are theirs, passed through."""
    validate_label_visibility(label_visibility)
    opt = options_of(options)
    defaults = default_indices(opt, default) or []

    def look(option: Any) -> dict:
        return _split_icon(format_func(option) if format_func else str(option))

    group = _Group(kind=style, style=style, values=opt, buttons=None, look=look,
                   selection_mode=selection_mode, default=defaults, label=label,
                   label_visibility=label_visibility, help=help)
    return _button_group(dg, group, key=key, callback=WidgetCallback(on_change, args, kwargs),
                         disabled=disabled, width=width)


@dataclass(frozen=True)
class _Group:
    """What a group of buttons is: `values` are what the buttons stand for, `buttons` how
    they look (or `look(value)` makes that, once the arguments are checked)."""
    kind: str
    style: str
    values: list[Any]
    buttons: list[dict] | None
    selection_mode: str
    default: list[int] | None
    label: str | None
    label_visibility: str
    help: str | None
    visualization: str = "only_selected"
    look: Callable[[Any], dict] | None = None


def _button_group(dg, group: _Group, *, key: Any, callback: WidgetCallback, disabled: bool,
                  width: Any) -> Any:
    """Draw one group of buttons; return the selected value (or values)."""
    selection_mode, default, values = group.selection_mode, group.default, group.values
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
    buttons = group.buttons if group.buttons is not None else [group.look(v) for v in values]
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
                    click_mode=selection_mode, style=group.style, width=width,
                    label=group.label, help=group.help, **placement_identity(dg))
    props = dict(label_props(group.label, group.help, disabled, group.label_visibility),
                 options=buttons, click_mode=selection_mode, style=group.style,
                 visualization=group.visualization, width=width_prop(width))
    show = strict_or_default(is_new_state_value(dg, key), serialize, serialize(initial))
    _, value = add_widget(
        dg, WidgetIdentity(group.kind, key, identity, key_params=None), default=initial,
        explicit_default=default_list or None, props=props, callback=callback,
        codec=ValueCodec(show, deserialize))
    return copied(value)
