"""Value widgets: checkbox, text_input, number_input."""
from __future__ import annotations

import numbers
from typing import Any, Callable

from ..elements import command
from ..errors import StreamlitAPIException
from . import add_widget, label_props


@command
def checkbox(dg, label: str, value: bool = False, key: Any = None, help: str | None = None,
             on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
             disabled: bool = False, label_visibility: str = "visible",
             width: Any = "content") -> bool:
    return _toggle_like(dg, "checkbox", label, value, key, help, on_change, args, kwargs,
                        disabled, label_visibility)


def _toggle_like(dg, style: str, label, value, key, help, on_change, args, kwargs, disabled,
                 label_visibility) -> bool:
    _, current = add_widget(
        dg, "checkbox", key=key, default=bool(value),
        identity={"label": str(label), "value": bool(value), "help": help, "style": style},
        props=dict(label_props(label, help, disabled, label_visibility), style=style),
        on_change=on_change, args=args, kwargs=kwargs)
    return bool(current)


@command
def text_input(dg, label: str, value: str | None = "", max_chars: int | None = None,
               key: Any = None, type: str = "default", help: str | None = None,
               autocomplete: str | None = None, on_change: Callable | None = None,
               args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
               disabled: bool = False, label_visibility: str = "visible",
               icon: str | None = None, width: Any = "stretch") -> str | None:
    if type not in ("default", "password"):
        raise StreamlitAPIException(
            f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'.")
    default = None if value is None else str(value)
    if default is not None and max_chars is not None and len(default) > max_chars:
        default = default[:max_chars]
    _, current = add_widget(
        dg, "text_input", key=key, default=default, key_identity=("max_chars",),
        identity={"label": str(label), "value": default, "max_chars": max_chars, "type": type,
                  "help": help, "autocomplete": autocomplete, "placeholder": placeholder},
        props=dict(label_props(label, help, disabled, label_visibility),
                   max_chars=max_chars, type=type, placeholder=placeholder,
                   autocomplete=autocomplete),
        on_change=on_change, args=args, kwargs=kwargs)
    return current


JS_MAX_SAFE_INTEGER = (1 << 53) - 1


@command
def number_input(dg, label: str, min_value: Any = None, max_value: Any = None,
                 value: Any = "min", step: Any = None, format: str | None = None,
                 key: Any = None, help: str | None = None, on_change: Callable | None = None,
                 args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
                 disabled: bool = False, label_visibility: str = "visible",
                 icon: str | None = None, width: Any = "stretch") -> float | int | None:
    numeric_args = [min_value, max_value, value, step]
    all_int = all(isinstance(a, (numbers.Integral, type(None), str)) for a in numeric_args)
    all_float = all(isinstance(a, (float, type(None), str)) for a in numeric_args)
    if not all_int and not all_float:
        raise StreamlitAPIException("All numerical arguments must be of the same type.")
    if value == "min":
        value = min_value if min_value is not None else (0.0 if all_float else 0)
    is_int = isinstance(value, numbers.Integral) and not isinstance(value, bool) \
        if value is not None else (all_int and not all_float)
    number_format = format if format is not None else ("%d" if is_int else "%0.2f")
    try:
        float(number_format % 2)
    except (TypeError, ValueError):
        raise StreamlitAPIException(
            f"Format string for st.number_input contains invalid characters: {number_format}")
    if step is None:
        step = 1 if is_int else 0.01
    if value is not None and min_value is not None and min_value > value:
        raise StreamlitAPIException(f"The `value` {value} is less than the `min_value` {min_value}.")
    if value is not None and max_value is not None and max_value < value:
        raise StreamlitAPIException(f"The `value` {value} is greater than the `max_value` {max_value}.")
    _, current = add_widget(
        dg, "number_input", key=key, default=value,
        key_identity=("min_value", "max_value", "step"),
        identity={"label": str(label), "min_value": min_value, "max_value": max_value,
                  "value": value, "step": step, "format": format, "help": help,
                  "placeholder": placeholder},
        props=dict(label_props(label, help, disabled, label_visibility), min=min_value,
                   max=max_value, step=step, format=number_format, is_int=is_int,
                   placeholder=placeholder),
        on_change=on_change, args=args, kwargs=kwargs)
    if current is None:
        return None
    return int(current) if is_int else float(current)
