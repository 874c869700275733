"""Sliders: st.slider (numbers, dates, times, datetimes; one value or a range) and
st.select_slider (any options; one value or a range).

The page gets every slider as numbers: min, max, step and the thumbs' values. Dates,
times and datetimes travel as microseconds since 1970-01-01 (UTC wall clock, a time on
2000-01-01), as in Streamlit, and select_slider values as option indices. `serialize`
and `deserialize` convert between those numbers and the Python values.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from numbers import Integral, Real
from typing import Any, Callable

from ..registry import command
from ..errors import StreamlitAPIException, StreamlitValueAboveMaxError, StreamlitValueBelowMinError
from . import (ValueCodec, WidgetCallback, WidgetIdentity, add_widget, label_props,
               settle_from_page)
from .options import index_of, options_of
from ..props import validate_width, width_prop

INT, FLOAT, DATETIME, DATE, TIME = "int", "float", "datetime", "date", "time"
TIMELIKE = (DATETIME, DATE, TIME)
# Checked in this order, as Streamlit does: exact types for the date-likes.
_SUPPORTED = ((Integral, INT), (Real, FLOAT), (datetime, DATETIME), (date, DATE), (time, TIME))
_SUPPORTED_TYPES = tuple(t for t, _ in _SUPPORTED)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MAX_SAFE_INTEGER = (1 << 53) - 1
_MAX_FLOAT = 1.7976931348623157e308


def _data_type(v: Any) -> str:
    if isinstance(v, Integral):
        return INT
    if isinstance(v, Real):
        return FLOAT
    for kind, name in _SUPPORTED[2:]:
        if type(v) is kind:
            return name
    raise KeyError(type(v))  # what Streamlit's type table lookup raises


def _on_2000_01_01(t: time) -> datetime:
    return datetime.combine(date(2000, 1, 1), t)


def _at_midnight(d: date) -> datetime:
    return datetime.combine(d, time())


def _micros(dt: datetime) -> int:
    """Microseconds from the epoch to the wall-clock time `dt` (its zone ignored)."""
    delta = dt.replace(tzinfo=timezone.utc) - _EPOCH
    return delta.microseconds + 1_000_000 * (delta.seconds + 86_400 * delta.days)


def _delta_micros(delta: timedelta) -> int:
    return delta.microseconds + 1_000_000 * (delta.seconds + 86_400 * delta.days)


class SliderCodec:
    """Numbers on the page <-> Python values of one slider."""

    def __init__(self, data_type: str, default: list[float], single: bool, tz: tzinfo | None):
        self.data_type, self.default, self.single, self.tz = data_type, default, single, tz

    def value_of(self, number: float) -> Any:
        if self.data_type == INT:
            return int(number)
        if self.data_type in TIMELIKE:
            dt = (_EPOCH + timedelta(microseconds=int(number))).replace(tzinfo=self.tz)
            if self.data_type == DATE:
                return dt.date()
            if self.data_type == TIME:
                return dt.time().replace(tzinfo=self.tz)
            return dt
        return number

    def deserialize(self, page_value: Any) -> Any:
        numbers = self.default if page_value is None else page_value
        values = [self.value_of(n) for n in numbers]
        return values[0] if self.single else tuple(values)

    def serialize(self, value: Any) -> list[float]:
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        if self.data_type == DATE:
            return [_micros(_at_midnight(v)) for v in items]
        if self.data_type == TIME:
            return [_micros(_on_2000_01_01(v)) for v in items]
        if self.data_type == DATETIME:
            return [_micros(v) for v in items]
        return [float(v) for v in items]


def _check_js_bounds(data_type: str, min_value: Any, max_value: Any) -> None:
    for value, name in ((min_value, "`min_value`"), (max_value, "`max_value`")):
        if data_type == INT:
            if value < -_MAX_SAFE_INTEGER:
                raise StreamlitAPIException(f"{name} ({value}) must be >= -((1 << 53) - 1)")
            if value > _MAX_SAFE_INTEGER:
                raise StreamlitAPIException(f"{name} ({value}) must be <= (1 << 53) - 1")
        elif data_type == FLOAT:
            if value < -_MAX_FLOAT:
                raise StreamlitAPIException(f"{name} ({value}) must be >= -1.797e+308")
            if value > _MAX_FLOAT:
                raise StreamlitAPIException(f"{name} ({value}) must be <= 1.797e+308")


def _defaults(data_type: str, first: Any) -> dict[str, Any]:
    """Streamlit's min, max, step and format for a slider of this type (the date-likes
    relative to the first value)."""
    if data_type == INT:
        return {"min_value": 0, "max_value": 100, "step": 1, "format": "%d"}
    if data_type == FLOAT:
        return {"min_value": 0.0, "max_value": 1.0, "step": 0.01, "format": "%0.2f"}
    if data_type == TIME:
        return {"min_value": time.min.replace(tzinfo=first.tzinfo),
                "max_value": time.max.replace(tzinfo=first.tzinfo),
                "step": timedelta(minutes=15), "format": "HH:mm"}
    return {"min_value": first - timedelta(days=14), "max_value": first + timedelta(days=14),
            "step": timedelta(days=1), "format": "YYYY-MM-DD"}


def _page_value_checked(codec: SliderCodec, value: Any, lo: float, hi: float, strict: bool) -> list:
    """The thumbs' numbers for `value`; a value the app just set in session state must lie
    within the slider (Streamlit's errors)."""
    numbers = codec.serialize(value)
    if strict:
        for n in numbers:
            if n < lo:
                raise StreamlitValueBelowMinError(value=codec.value_of(n), min_value=codec.value_of(lo))
            if n > hi:
                raise StreamlitValueAboveMaxError(value=codec.value_of(n), max_value=codec.value_of(hi))
    return numbers


def _is_new_state_value(dg, key: str | None) -> bool:
    check = getattr(dg.session.state, "is_new_value", None)
    return key is not None and (check(key) if check is not None else True)


@command
def slider(dg, label: str, min_value: Any = None, max_value: Any = None, value: Any = None,
           step: Any = None, format: str | None = None, key: Any = None, help: str | None = None,
           on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
           disabled: bool = False, label_visibility: str = "visible",
           width: Any = "stretch") -> Any:
    key = None if key is None else str(key)
    explicit_default = value
    identity = {"label": label, "min_value": min_value, "max_value": max_value, "value": value,
                "step": step, "format": format, "help": help, "width": width}
    if value is None:
        # Without a value, a range in session state makes a range slider.
        single = True
        state = dg.session.state
        if key is not None and key in state:
            single = isinstance(state[key], _SUPPORTED_TYPES)
        if single:
            value = min_value if min_value is not None else 0
        else:
            value = [min_value if min_value is not None else 0,
                     max_value if max_value is not None else 100]

    single = isinstance(value, _SUPPORTED_TYPES)
    if not single and not (isinstance(value, (list, tuple)) and len(value) in (0, 1, 2)):
        raise StreamlitAPIException(
            "Slider value should either be an int/float/datetime or a list/tuple of "
            "0 to 2 ints/floats/datetimes")
    prepared = [value] if single else list(value)
    if len({_data_type(v) for v in prepared}) > 1:
        raise StreamlitAPIException(
            "Slider tuple/list components must be of the same type.\n"
            f"But were: {list(map(type, prepared))}")
    data_type = INT if not prepared else _data_type(prepared[0])

    defaults = _defaults(data_type, prepared[0] if prepared else None)
    if min_value is None:
        min_value = defaults["min_value"]
    if max_value is None:
        max_value = defaults["max_value"]
    if step is None:
        step = defaults["step"]
        if data_type in (DATETIME, DATE) and max_value - min_value < timedelta(days=1):
            step = timedelta(minutes=15)
    if format is None:
        format = defaults["format"]
    if step == 0:
        raise StreamlitAPIException("Slider components cannot be passed a `step` of 0.")

    bounds = (min_value, max_value, step)
    int_args = all(isinstance(a, Integral) for a in bounds)
    float_args = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
    timelike_args = (data_type in TIMELIKE and isinstance(step, timedelta)
                     and type(min_value) is type(max_value))
    if not int_args and not float_args and not timelike_args:
        raise StreamlitAPIException(
            "Slider value arguments must be of matching types."
            f"\n`min_value` has {type(min_value).__name__} type."
            f"\n`max_value` has {type(max_value).__name__} type."
            f"\n`step` has {type(step).__name__} type.")
    if not ((data_type == INT and int_args) or (data_type == FLOAT and float_args)
            or (data_type in TIMELIKE and timelike_args)):
        raise StreamlitAPIException(
            "Both value and arguments must be of the same type."
            f"\n`value` has {type(value).__name__} type."
            f"\n`min_value` has {type(min_value).__name__} type."
            f"\n`max_value` has {type(max_value).__name__} type.")

    # Streamlit's own order (a min above the max ends up equal to it, and fails below).
    min_value = min(min_value, max_value)
    max_value = max(min_value, max_value)
    if len(prepared) == 1:
        min_value = min(prepared[0], min_value)
        max_value = max(prepared[0], max_value)
    elif len(prepared) == 2:
        start, end = prepared
        if start > end:
            start, end = end, start
            prepared = [start, end]
        min_value = min(start, min_value)
        max_value = max(end, max_value)
    else:
        prepared = [min_value, max_value]
    _check_js_bounds(data_type, min_value, max_value)

    if data_type == TIME:
        prepared = [_on_2000_01_01(v) for v in prepared]
        min_value, max_value = _on_2000_01_01(min_value), _on_2000_01_01(max_value)
    if data_type == DATE:
        prepared = [_at_midnight(v) for v in prepared]
        min_value, max_value = _at_midnight(min_value), _at_midnight(max_value)
    if min_value == max_value:
        raise StreamlitAPIException(
            "Slider `min_value` must be less than the `max_value`."
            f"\nThe values were {min_value} and {max_value}.")
    tz = None
    if data_type in TIMELIKE:
        tz = prepared[0].tzinfo if data_type in (TIME, DATETIME) else None
        prepared = [_micros(v) for v in prepared]
        min_value, max_value = _micros(min_value), _micros(max_value)
        step = _delta_micros(step)
    validate_width(width)

    codec = SliderCodec(data_type, [float(p) for p in prepared], single, tz)
    strict = _is_new_state_value(dg, key)
    wid, current = add_widget(
        dg, WidgetIdentity("slider", key, identity, None), default=codec.deserialize(None),
        explicit_default=explicit_default,
        props=dict(label_props(label, help, disabled, label_visibility),
                   min=min_value, max=max_value, step=step, data_type=data_type,
                   format=format, options=[], default=codec.default, width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(lambda v: _page_value_checked(codec, v, min_value, max_value, strict),
                         codec.deserialize))
    settle_from_page(dg, wid, lambda v: codec.deserialize(codec.serialize(v)))
    return current


class SelectSliderCodec:
    """Option indices on the page <-> options."""

    def __init__(self, options: list[Any], default: list[int], is_range: bool):
        self.options, self.default, self.is_range = options, default, is_range

    def deserialize(self, page_value: Any) -> Any:
        indices = page_value if page_value else self.default
        values = tuple(self.options[int(i)] for i in indices)
        return values if self.is_range else values[0]

    def serialize(self, value: Any) -> list[int]:
        return _indices(self.options, value)


def _indices(options: list[Any], value: Any) -> list[int]:
    if isinstance(value, (list, tuple)):
        start, end = [index_of(options, v) for v in value]
        return [end, start] if start > end else [start, end]
    return [index_of(options, value)]


@command
def select_slider(dg, label: str, options: Any = (), value: Any = None,
                  format_func: Callable[[Any], Any] = str, key: Any = None,
                  help: str | None = None, on_change: Callable | None = None, args: Any = None,
                  kwargs: Any = None, *, disabled: bool = False,
                  label_visibility: str = "visible", width: Any = "stretch") -> Any:
    key = None if key is None else str(key)
    opt = options_of(options)
    if len(opt) == 0:
        raise StreamlitAPIException("The `options` argument needs to be non-empty")
    try:
        default = _indices(opt, value)
    except ValueError:
        if value is not None:
            raise
        default = [0]
    labels = [str(format_func(option)) for option in opt]
    identity = {"label": label, "options": labels, "value": default, "help": help,
                "width": width}
    validate_width(width)
    codec = SelectSliderCodec(opt, default, isinstance(value, (list, tuple)))
    wid, current = add_widget(
        dg, WidgetIdentity("select_slider", key, identity, None), default=codec.deserialize(None),
        explicit_default=value,
        props=dict(label_props(label, help, disabled, label_visibility),
                   min=0, max=len(opt) - 1, step=1, data_type=INT, format="%s",
                   options=labels, default=default, width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(codec.serialize, codec.deserialize))
    settle_from_page(dg, wid, lambda v: codec.deserialize(codec.serialize(v)))
    return current
