"""Value widgets: checkbox, toggle, text_input, text_area, number_input.

Values, ids, session-state rules and error texts follow Streamlit 1.50: a value the app put
under the widget's key is returned as it is; the page shows what `serialize` makes of it.
"""
from __future__ import annotations

import numbers
from typing import Any, Callable

from ..registry import command
from ..errors import (StreamlitAPIException, StreamlitInvalidNumberFormatError,
                      StreamlitJSNumberBoundsError, StreamlitMixedNumericTypesError,
                      StreamlitValueAboveMaxError, StreamlitValueBelowMinError)
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget, label_props
from ..props import validate_height, validate_icon, validate_width, width_prop


def _key_holds_none(dg, key: Any) -> bool:
    """The app put None under the widget's key: the widget starts empty (text, number)."""
    if key is None:
        return False
    state = dg.session.state
    return str(key) in state and state[str(key)] is None


# --- checkbox and toggle -------------------------------------------------------------------

@command
def checkbox(dg, label: str, value: bool = False, key: Any = None, help: str | None = None,
             on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
             disabled: bool = False, label_visibility: str = "visible",
             width: Any = "content") -> bool:
    return _checkbox(dg, "checkbox", label, value, key, help, on_change, args, kwargs,
                     disabled, label_visibility, width)


@command
def toggle(dg, label: str, value: bool = False, key: Any = None, help: str | None = None,
           on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
           disabled: bool = False, label_visibility: str = "visible",
           width: Any = "content") -> bool:
    return _checkbox(dg, "toggle", label, value, key, help, on_change, args, kwargs,
                     disabled, label_visibility, width)


def _checkbox(dg, kind: str, label, value, key, help, on_change, args, kwargs, disabled,
              label_visibility, width) -> bool:
    """st.checkbox and st.toggle, which differ only in `kind`; the parameters are theirs."""
    props = dict(label_props(label, help, disabled, label_visibility), width=width_prop(width))
    validate_width(width, allow_content=True)
    identity = {"label": str(label), "value": bool(value), "help": help, "width": width}
    _, current = add_widget(
        dg, WidgetIdentity(kind, key, identity), default=bool(value),
        explicit_default=None if value is False else value, props=props,
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(bool, lambda ui: bool(value) if ui is None else bool(ui)))
    return current


# --- text_input and text_area ----------------------------------------------------------------

def _text_codec(default: str | None) -> ValueCodec:
    """Text both ways; nothing from the page means the widget's default."""
    return ValueCodec(serialize=lambda v: None if v is None else str(v),
                      deserialize=lambda ui: default if ui is None else str(ui))


@command
def text_input(dg, label: str, value: Any = "", max_chars: int | None = None,
               key: Any = None, type: str = "default", help: str | None = None,
               autocomplete: str | None = None, on_change: Callable | None = None,
               args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
               disabled: bool = False, label_visibility: str = "visible",
               icon: str | None = None, width: Any = "stretch") -> str | None:
    props = label_props(label, help, disabled, label_visibility)
    explicit = None if value == "" else value
    value = None if value is None else str(value)
    identity = {"label": str(label), "value": value, "max_chars": max_chars, "type": type,
                "help": help, "autocomplete": autocomplete, "placeholder": str(placeholder),
                "icon": icon, "width": width}
    if _key_holds_none(dg, key):
        value = None
    if type not in ("default", "password"):
        raise StreamlitAPIException(
            f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'.")
    if autocomplete is None:
        autocomplete = "new-password" if type == "password" else ""
    props.update(max_chars=max_chars or None, type=type, autocomplete=autocomplete,
                 placeholder=None if placeholder is None else str(placeholder),
                 icon=validate_icon(icon), width=width_prop(width))
    validate_width(width)
    _, current = add_widget(
        dg, WidgetIdentity("text_input", key, identity, ("max_chars",)), default=value,
        explicit_default=explicit, props=props, callback=WidgetCallback(on_change, args, kwargs),
        codec=_text_codec(value))
    return current


TEXT_AREA_HEIGHT = 122            # Streamlit's default, label shown
TEXT_AREA_HEIGHT_COLLAPSED = 94   # ... label_visibility="collapsed"


@command
def text_area(dg, label: str, value: Any = "", height: Any = None, max_chars: int | None = None,
              key: Any = None, help: str | None = None, on_change: Callable | None = None,
              args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
              disabled: bool = False, label_visibility: str = "visible",
              width: Any = "stretch") -> str | None:
    props = label_props(label, help, disabled, label_visibility)
    explicit = None if value == "" else value
    value = None if value is None else str(value)
    identity = {"label": str(label), "value": value, "height": height, "max_chars": max_chars,
                "help": help, "placeholder": str(placeholder), "width": width}
    if _key_holds_none(dg, key):
        value = None
    validate_width(width)
    if height is not None:
        validate_height(height, allow_content=True)
    else:
        height = TEXT_AREA_HEIGHT if label_visibility != "collapsed" else TEXT_AREA_HEIGHT_COLLAPSED
    props.update(max_chars=max_chars or None, height=width_prop(height),
                 placeholder=None if placeholder is None else str(placeholder),
                 width=width_prop(width))
    _, current = add_widget(
        dg, WidgetIdentity("text_area", key, identity, ("max_chars",)), default=value,
        explicit_default=explicit, props=props, callback=WidgetCallback(on_change, args, kwargs),
        codec=_text_codec(value))
    return current


# --- number_input --------------------------------------------------------------------------

JS_MAX_SAFE_INTEGER = (1 << 53) - 1
JS_MIN_SAFE_INTEGER = -JS_MAX_SAFE_INTEGER
JS_MAX_VALUE = 1.7976931348623157e308


def _check_int_bounds(value: int, name: str) -> None:
    if value < JS_MIN_SAFE_INTEGER:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be >= -((1 << 53) - 1)")
    if value > JS_MAX_SAFE_INTEGER:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be <= (1 << 53) - 1")


def _check_float_bounds(value: Any, name: str) -> None:
    if not isinstance(value, (numbers.Integral, float)):
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) is not a float")
    if value < -JS_MAX_VALUE:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be >= -1.797e+308")
    if value > JS_MAX_VALUE:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be <= 1.797e+308")


@command
def number_input(dg, label: str, min_value: Any = None, max_value: Any = None,
                 value: Any = "min", step: Any = None, format: str | None = None,
                 key: Any = None, help: str | None = None, on_change: Callable | None = None,
                 args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
                 disabled: bool = False, label_visibility: str = "visible",
                 icon: str | None = None, width: Any = "stretch") -> float | int | None:
    props = label_props(label, help, disabled, label_visibility)
    explicit = value if value != "min" else None
    identity = {"label": str(label), "min_value": min_value, "max_value": max_value,
                "value": value, "step": step, "format": format, "help": help,
                "placeholder": None if placeholder is None else str(placeholder),
                "icon": icon, "width": width}
    numeric_args = (min_value, max_value, value, step)
    all_int = all(isinstance(a, (numbers.Integral, type(None), str)) for a in numeric_args)
    all_float = all(isinstance(a, (float, type(None), str)) for a in numeric_args)
    if not all_int and not all_float:
        raise StreamlitMixedNumericTypesError(value, min_value, max_value, step)
    if _key_holds_none(dg, key):
        value = None
    if value == "min":
        if min_value is not None:
            value = min_value
        elif all_int and not all_float:
            value = 0
        else:
            value = 0.0
    int_value = isinstance(value, numbers.Integral)
    float_value = isinstance(value, float)
    if value is None:
        if all_int and not all_float:
            int_value = True
        else:
            float_value = True

    number_format = ("%d" if int_value else "%0.2f") if format is None else format
    # Streamlit writes these with st.warning: to the active container, not to `dg`.
    writer = dg.session.require_run().active_dg()
    if number_format in ("%d", "%u", "%i") and float_value:
        writer.warning("Warning: NumberInput value below has type float, but format "
                       f"{number_format} displays as integer.")
    elif number_format[-1] == "f" and int_value:
        writer.warning("Warning: NumberInput value below has type int so is displayed as int "
                       f"despite format string {number_format}.")
    if step is None:
        step = 1 if int_value else 0.01
    try:
        float(number_format % 2)
    except (TypeError, ValueError):
        raise StreamlitInvalidNumberFormatError(number_format) from None

    all_ints = int_value and all_int
    if min_value is not None and value is not None and min_value > value:
        raise StreamlitValueBelowMinError(value, min_value)
    if max_value is not None and value is not None and max_value < value:
        raise StreamlitValueAboveMaxError(value, max_value)
    low, high = min_value, max_value
    if all_ints:
        for arg, name in ((min_value, "`min_value`"), (max_value, "`max_value`"),
                          (step, "`step`"), (value, "`value`")):
            if arg is not None:
                _check_int_bounds(int(arg), name)
        low = JS_MIN_SAFE_INTEGER if low is None else low
        high = JS_MAX_SAFE_INTEGER if high is None else high
    else:
        for arg, name in ((min_value, "`min_value`"), (max_value, "`max_value`"),
                          (step, "`step`"), (value, "`value`")):
            if arg is not None:
                _check_float_bounds(arg, name)
        low = -JS_MAX_VALUE if low is None else low
        high = JS_MAX_VALUE if high is None else high

    props.update(min=low, max=high, step=step, format=number_format,
                 data_type="int" if all_ints else "float",
                 placeholder=None if placeholder is None else str(placeholder),
                 icon=validate_icon(icon), width=width_prop(width))
    default = value
    set_by_app = key is not None and dg.session.state.is_new_value(str(key))

    def deserialize(ui: Any) -> Any:
        got = default if ui is None else ui
        if got is None:
            return None
        # The page sends JSON numbers: 4.0 arrives as 4, so the widget's type decides.
        return int(got) if all_ints else float(got)

    def serialize(current: Any) -> Any:
        # A value set through st.session_state is checked against the page's bounds before
        # the widget is drawn; the page holds them as floats (the message says "0.0").
        if set_by_app and current is not None and current is not default:
            if current < float(low):
                raise StreamlitValueBelowMinError(current, float(low))
            if current > float(high):
                raise StreamlitValueAboveMaxError(current, float(high))
        return _number_shown(current)

    validate_width(width)
    _, current = add_widget(
        dg, WidgetIdentity("number_input", key, identity, ("min_value", "max_value", "step")),
        default=default, explicit_default=explicit, props=props,
        callback=WidgetCallback(on_change, args, kwargs), codec=ValueCodec(serialize, deserialize))
    return current


def _number_shown(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return value
