"""Choice widgets with a list of options: st.radio, st.selectbox, st.multiselect.

What the page shows and sends: a radio the index of its option, a selectbox the option's
text (so a new option typed with `accept_new_options` travels the same way), a
multiselect the list of texts. The script gets the options themselves.
"""
from __future__ import annotations

from typing import Any, Callable

from ..registry import command
from ..errors import StreamlitAPIException, StreamlitSelectionCountExceedsMaxError
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget, label_props
from .options import (BAD_ARGUMENT_TYPE, coerce_enum, coerce_enum_sequence, copied,
                      default_indices, index_of, is_new_state_value, last_index_by_text,
                      options_of, placement_identity, state_is_none,
                      strict_or_default, to_list)
from ..props import validate_label_visibility, validate_width, width_prop


def _key(key: Any) -> str | None:
    return None if key is None else str(key)


def _check_index(kind: str, index: Any, opt: list[Any], range_error: str) -> None:
    if not isinstance(index, int) and index is not None:
        raise StreamlitAPIException(f"{kind} Value has invalid type: {type(index).__name__}")
    if index is not None and len(opt) > 0 and not 0 <= index < len(opt):
        raise StreamlitAPIException(range_error)


def _caption(caption: Any) -> str:
    if caption is None:
        return ""
    if isinstance(caption, str):
        return caption
    raise StreamlitAPIException(
        f"Radio captions must be strings. Passed type: {type(caption).__name__}")


def _require_text(values: list[Any]) -> None:
    """Option texts go to the page as text; anything else fails as in Streamlit."""
    if any(not isinstance(v, str) for v in values):
        raise TypeError(BAD_ARGUMENT_TYPE)


def _placeholder(placeholder: str | None) -> str | None:
    # Streamlit tells an explicit "" (no placeholder at all) from None (its own texts).
    return " " if placeholder == "" else placeholder


@command
def radio(dg, label: str, options: Any, index: int | None = 0,
          format_func: Callable[[Any], Any] = str, key: Any = None, help: str | None = None,
          on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
          disabled: bool = False, horizontal: bool = False, captions: Any = None,
          label_visibility: str = "visible", width: Any = "content") -> Any:
    key = _key(key)
    validate_label_visibility(label_visibility)
    validate_width(width, allow_content=True)
    opt = options_of(options)
    formatted = [str(format_func(option)) for option in opt]
    _check_index("Radio", index, opt, "Radio index must be between 0 and length of options")
    shown_captions = [_caption(c) for c in captions] if captions is not None else []
    explicit_default = None if index == 0 else index
    identity = dict(label=label, options=formatted, index=index, help=help,
                    horizontal=horizontal, captions=captions, width=width,
                    **placement_identity(dg))
    if state_is_none(dg, key):
        index = None

    def deserialize(ui_value: Any) -> Any:
        idx = ui_value if ui_value is not None else index
        if idx is None or not opt or not 0 <= idx < len(opt):
            return None
        return opt[idx]

    def serialize(value: Any) -> int | None:
        if value is None:
            return None
        return 0 if not opt else index_of(opt, coerce_enum(value, options, opt))

    default = deserialize(None)
    _, value = add_widget(
        dg, WidgetIdentity("radio", key, identity, key_params=None), default=default,
        explicit_default=explicit_default,
        props=dict(label_props(label, help, disabled, label_visibility), options=formatted,
                   captions=shown_captions, horizontal=bool(horizontal), width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(strict_or_default(is_new_state_value(dg, key), serialize,
                                           serialize(default)), deserialize))
    return copied(coerce_enum(value, options, opt))


@command
def selectbox(dg, label: str, options: Any, index: int | None = 0,
              format_func: Callable[[Any], Any] = str, key: Any = None,
              help: str | None = None, on_change: Callable | None = None, args: Any = None,
              kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False,
              label_visibility: str = "visible", accept_new_options: bool = False,
              width: Any = "stretch") -> Any:
    key = _key(key)
    validate_label_visibility(label_visibility)
    opt = options_of(options)
    _check_index("Selectbox", index, opt,
                 "Selectbox index must be greater than or equal to 0 and less than the length "
                 "of options.")
    placeholder = _placeholder(placeholder)
    formatted = [format_func(option) for option in opt]
    by_text = last_index_by_text(formatted)
    explicit_default = None if index == 0 else index
    identity = dict(label=label, options=formatted, index=index, help=help,
                    placeholder=placeholder, accept_new_options=accept_new_options, width=width)
    if state_is_none(dg, key):
        index = None
    _require_text(formatted)
    validate_width(width)

    def deserialize(ui_value: Any) -> Any:
        if ui_value is None:
            return opt[index] if index is not None and opt else None
        i = by_text.get(ui_value) if isinstance(ui_value, str) else None
        return opt[i] if i is not None else ui_value

    def serialize(value: Any) -> str | None:
        if value is None:
            return None
        if not opt:
            return ""
        try:
            shown = formatted[index_of(opt, coerce_enum(value, options, opt))]
        except ValueError:
            shown = value  # a typed new option, or text the app put in session state
        if not isinstance(shown, str):
            raise TypeError(BAD_ARGUMENT_TYPE)
        return shown

    default = deserialize(None)
    _, value = add_widget(
        dg, WidgetIdentity("selectbox", key, identity, ("options", "accept_new_options")),
        default=default, explicit_default=explicit_default,
        props=dict(label_props(label, help, disabled, label_visibility), options=formatted,
                   placeholder=placeholder or "", accept_new_options=bool(accept_new_options),
                   clearable=index is None and not disabled, width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(strict_or_default(is_new_state_value(dg, key), serialize,
                                           serialize(default)), deserialize))
    return copied(coerce_enum(value, options, opt))


def _selection_count(selections: Any) -> int:
    if selections is None:
        return 0
    try:
        iter(selections)
    except TypeError:
        return 1
    return len(selections)


@command
def multiselect(dg, label: str, options: Any, default: Any = None,
                format_func: Callable[[Any], Any] = str, key: Any = None,
                help: str | None = None, on_change: Callable | None = None, args: Any = None,
                kwargs: Any = None, *, max_selections: int | None = None,
                placeholder: str | None = None, disabled: bool = False,
                label_visibility: str = "visible", accept_new_options: bool = False,
                width: Any = "stretch") -> list[Any]:
    key = _key(key)
    validate_label_visibility(label_visibility)
    opt = options_of(options)
    formatted = [format_func(option) for option in opt]
    default_idx = default_indices(opt, default) or []
    placeholder = _placeholder(placeholder)
    identity = dict(label=label, options=formatted, default=default_idx, help=help,
                    max_selections=max_selections, placeholder=placeholder,
                    accept_new_options=accept_new_options, width=width)
    _require_text(formatted)

    def deserialize(ui_value: Any) -> list[Any]:
        if ui_value is None:
            return [opt[i] for i in default_idx]
        values = []
        for text in ui_value:
            try:
                values.append(opt[formatted.index(text)])
            except ValueError:
                values.append(text)  # a new option the user typed
        return values

    def serialize(value: Any) -> list[str]:
        texts = []
        for v in to_list(coerce_enum_sequence(value, options, opt)):
            try:
                texts.append(formatted[opt.index(v)])
            except ValueError:
                texts.append(v)
        _require_text(texts)
        return texts

    initial = deserialize(None)
    show = strict_or_default(is_new_state_value(dg, key), serialize, serialize(initial))
    shown_once = []

    def show_checked(value: Any) -> list[str]:
        # add_widget shows the widget's value first (then its default, for forms): the
        # value's count is checked before anything is drawn, as in Streamlit.
        if not shown_once:
            shown_once.append(True)
            _check_max_selections(value, max_selections)
        return show(value)

    validate_width(width)
    _, value = add_widget(
        dg, WidgetIdentity("multiselect", key, identity,
                           ("options", "max_selections", "accept_new_options")),
        default=initial, explicit_default=default,
        props=dict(label_props(label, help, disabled, label_visibility), options=formatted,
                   max_selections=max_selections or 0, placeholder=placeholder or "",
                   accept_new_options=bool(accept_new_options), width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(show_checked, deserialize))
    return copied(coerce_enum_sequence(value, options, opt))


def _check_max_selections(selections: Any, max_selections: int | None) -> None:
    if max_selections is not None and _selection_count(selections) > max_selections:
        raise StreamlitSelectionCountExceedsMaxError(_selection_count(selections), max_selections)
