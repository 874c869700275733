"""Pickers: st.date_input (one date or a range), st.time_input and st.color_picker.

On the page a date is ISO text ("2024-01-05"), a date_input value a list of them (empty
when cleared), a time "HH:MM" and a color "#rrggbb" text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Callable

from ..registry import command
from ..errors import StreamlitAPIException
from . import (ValueCodec, WidgetCallback, WidgetIdentity, add_widget, label_props,
               settle_from_page)
from ..props import validate_width, width_prop

DATE_FORMATS = re.compile(r"^(YYYY[/.\-]MM[/.\-]DD|DD[/.\-]MM[/.\-]YYYY|MM[/.\-]DD[/.\-]YYYY)$")
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


# --- date_input ----------------------------------------------------------------------

def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value in {"today"}:
        return datetime.now().date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise StreamlitAPIException(
        'Date value should either be an date/datetime or an ISO string or "today"')


def _shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        if d.month == 2 and d.day == 29:
            return d.replace(year=d.year + years, month=2, day=28)
        raise StreamlitAPIException(
            f"Date {d} does not exist in the target year {d.year + years}. "
            "This should never happen. Please report this bug.") from None


def _bound(value: Any, dates: list[date] | None, which: str) -> date:
    if isinstance(value, (datetime, date, str)):
        return _to_date(value)
    if value is None:
        if dates:
            return _shift_years(dates[0], -10) if which == "min" else _shift_years(dates[-1], 10)
        return _shift_years(date.today(), -10 if which == "min" else 10)
    raise StreamlitAPIException(f"DateInput {which} should either be a date/datetime or None")


class DateValues:
    """A date_input's parsed value (None, or a list of 0-2 dates), range flag and bounds,
    with Streamlit's checks."""

    def __init__(self, value: Any, min_value: Any, max_value: Any):
        if value is None:
            dates, is_range = None, False
        else:
            if isinstance(value, Sequence) and not isinstance(value, str):
                is_range, items = True, value
            else:
                is_range, items = False, [value]
            if len(items) not in {0, 1, 2}:
                raise StreamlitAPIException(
                    "DateInput value should either be an date/datetime or a list/tuple of "
                    "0 - 2 date/datetime values")
            dates = [_to_date(v) for v in items]
        self.min = _bound(min_value, dates, "min")
        self.max = _bound(max_value, dates, "max")
        if value == "today":
            if dates[0] < self.min:
                dates = [self.min]
            if dates[0] > self.max:
                dates = [self.max]
        self.dates, self.is_range = dates, is_range
        if self.min > self.max:
            raise StreamlitAPIException(
                f"The `min_value`, set to {self.min}, shouldn't be larger "
                f"than the `max_value`, set to {self.max}.")
        if dates and (dates[0] < self.min or dates[-1] > self.max):
            raise StreamlitAPIException(
                f"The default `value` of {dates} must lie between the `min_value` of "
                f"{self.min} and the `max_value` of {self.max}, inclusively.")

    def deserialize(self, page_value: Any) -> Any:
        dates = self.dates if page_value is None else \
            tuple(date.fromisoformat(v) for v in page_value)
        if dates is None or len(dates) == 0:
            return () if self.is_range else None
        return tuple(dates) if self.is_range else dates[0]

    @staticmethod
    def serialize(value: Any) -> list[str]:
        if value is None:
            return []
        items = list(value) if isinstance(value, Sequence) else [value]
        return [date.strftime(v, "%Y-%m-%d") for v in items]


def _date_id_text(v: Any) -> str | None:
    """How Streamlit puts a date argument into the widget id ("today" and the like: None)."""
    if v == "today":
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, datetime):
        return date.strftime(v.date(), "%Y/%m/%d")
    if isinstance(v, date):
        return date.strftime(v, "%Y/%m/%d")
    return None


@command
def date_input(dg, label: str, value: Any = "today", min_value: Any = None,
               max_value: Any = None, key: Any = None, help: str | None = None,
               on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
               format: str = "YYYY/MM/DD", disabled: bool = False,
               label_visibility: str = "visible", width: Any = "stretch") -> Any:
    key = None if key is None else str(key)
    if value == "today":
        id_value = None
    elif isinstance(value, Sequence):
        id_value = [_date_id_text(v) for v in value]
    else:
        id_value = _date_id_text(value)
    identity = {"label": label, "value": id_value, "min_value": _date_id_text(min_value),
                "max_value": _date_id_text(max_value), "help": help, "format": format,
                "width": width}
    if not DATE_FORMATS.match(format):
        raise StreamlitAPIException(
            f"The provided format (`{format}`) is not valid. DateInput format "
            "should be one of `YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` "
            "and can also use a period (.) or hyphen (-) as separators.")
    parsed = DateValues(value, min_value, max_value)
    state = dg.session.state
    if value == "today" and key is not None and key in state:
        # A value the app keeps under the key decides (one date, a range, or none).
        parsed = DateValues(state[key], min_value, max_value)
    validate_width(width)
    default = [] if parsed.dates is None else [d.isoformat() for d in parsed.dates]
    wid, current = add_widget(
        dg, WidgetIdentity("date_input", key, identity, ("min_value", "max_value", "format")),
        default=parsed.deserialize(None),
        explicit_default=None if value == "today" else value,
        props=dict(label_props(label, help, disabled, label_visibility),
                   is_range=parsed.is_range, format=format, min=parsed.min.isoformat(),
                   max=parsed.max.isoformat(), default=default, width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(parsed.serialize, parsed.deserialize))
    settle_from_page(dg, wid, lambda v: parsed.deserialize(parsed.serialize(v)))
    return current


# --- time_input ----------------------------------------------------------------------

def _to_time(value: Any) -> time:
    if value == "now":
        return datetime.now().time().replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).time().replace(second=0, microsecond=0)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value
    raise StreamlitAPIException(
        "The type of value should be one of datetime, time, ISO string or None")


class TimeCodec:
    def __init__(self, default: time | None):
        self.default = default

    def deserialize(self, page_value: Any) -> time | None:
        if page_value is None:
            return self.default
        return datetime.strptime(page_value, "%H:%M").time()

    @staticmethod
    def serialize(value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.time()
        return time.strftime(value, "%H:%M")


@command
def time_input(dg, label: str, value: Any = "now", key: Any = None, help: str | None = None,
               on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
               disabled: bool = False, label_visibility: str = "visible",
               step: Any = timedelta(minutes=15), width: Any = "stretch") -> time | None:
    key = None if key is None else str(key)
    parsed = None if value is None else _to_time(value)
    identity = {"label": label,
                "value": parsed if isinstance(value, (datetime, time)) else value,
                "help": help, "step": step, "width": width}
    state = dg.session.state
    if key is not None and key in state and state[key] is None:
        parsed = None
    if not isinstance(step, (int, timedelta)):
        raise StreamlitAPIException(
            f"`step` can only be `int` or `timedelta` but {type(step)} is provided.")
    seconds = step.seconds if isinstance(step, timedelta) else step
    if seconds < 60 or seconds > timedelta(hours=23).seconds:
        raise StreamlitAPIException(
            "`step` must be between 60 seconds and 23 hours but is currently set to "
            f"{seconds} seconds.")
    validate_width(width)
    codec = TimeCodec(parsed)
    wid, current = add_widget(
        dg, WidgetIdentity("time_input", key, identity, ("step",)), default=parsed,
        explicit_default=None if value == "now" else value,
        props=dict(label_props(label, help, disabled, label_visibility), step=int(seconds),
                   default=TimeCodec.serialize(parsed), width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(TimeCodec.serialize, codec.deserialize))
    settle_from_page(dg, wid, lambda v: None if v is None else codec.deserialize(codec.serialize(v)))
    return current


# --- color_picker --------------------------------------------------------------------

@command
def color_picker(dg, label: str, value: str | None = None, key: Any = None,
                 help: str | None = None, on_change: Callable | None = None, args: Any = None,
                 kwargs: Any = None, *, disabled: bool = False,
                 label_visibility: str = "visible", width: Any = "content") -> str:
    key = None if key is None else str(key)
    validate_width(width, allow_content=True)
    identity = {"label": label, "value": str(value), "help": help, "width": width}
    explicit_default = value
    if value is None:
        value = "#000000"
    if not isinstance(value, str):
        raise StreamlitAPIException(f"""
Color Picker Value has invalid type: {type(value).__name__}. Expects a hex string
like '#00FFAA' or '#000'.
""")
    if not HEX_COLOR.match(value):
        raise StreamlitAPIException(f"""
'{value}' is not a valid hex code for colors. Valid ones are like
'#00FFAA' or '#000'.
""")
    _, current = add_widget(
        dg, WidgetIdentity("color_picker", key, identity, None), default=value,
        explicit_default=explicit_default,
        props=dict(label_props(label, help, disabled, label_visibility), default=value,
                   width=width_prop(width)),
        callback=WidgetCallback(on_change, args, kwargs),
        codec=ValueCodec(str, lambda v: str(value if v is None else v)))
    return current
