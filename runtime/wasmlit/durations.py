"""`run_every` values to seconds, as Streamlit reads them (without needing pandas)."""
from __future__ import annotations

import re
from datetime import timedelta

from .errors import StreamlitBadTimeStringError

_UNIT_SECONDS = {}
for _names, _secs in (
    (("w", "wk", "wks", "week", "weeks"), 604800.0),
    (("d", "day", "days"), 86400.0),
    (("h", "hr", "hrs", "hour", "hours"), 3600.0),
    (("m", "min", "mins", "minute", "minutes", "t"), 60.0),
    (("s", "sec", "secs", "second", "seconds"), 1.0),
    (("ms", "milli", "millis", "millisecond", "milliseconds", "l"), 1e-3),
    (("us", "µs", "micro", "micros", "microsecond", "microseconds", "u"), 1e-6),
    (("ns", "nano", "nanos", "nanosecond", "nanoseconds", "n"), 1e-9),
):
    for _name in _names:
        _UNIT_SECONDS[_name] = _secs

_NUMBER_UNIT = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*([a-zµ]+)\s*,?")
_CLOCK = re.compile(r"\s*(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$")


def parse_duration(text: str) -> float | None:
    """Seconds in a duration string such as "1m 30s", "1 day 23hr", "00:01:30"; None if none."""
    s = text.strip().lower()
    negative = s.startswith("-")
    if negative or s.startswith("+"):
        s = s[1:]
    if re.fullmatch(r"[0-9]*\.?[0-9]+", s):
        return float(s) * 1e-9  # pandas reads a bare number as nanoseconds
    total = 0.0
    pos = 0
    matched = False
    while pos < len(s):
        clock = _CLOCK.match(s, pos)
        if clock:
            h, m, sec = clock.groups()
            total += int(h) * 3600 + int(m) * 60 + float(sec)
            matched = True
            break
        m = _NUMBER_UNIT.match(s, pos)
        if not m or m.group(2) not in _UNIT_SECONDS:
            return None
        total += float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
        matched = True
        pos = m.end()
    if not matched:
        return None
    return -total if negative else total


def run_every_seconds(value) -> float | None:
    """The timer period for `run_every`, or None when it sets no timer.

    None, 0 and "" set no timer; numbers are seconds; timedeltas use their total
    seconds; strings are durations. Anything else raises StreamlitBadTimeStringError
    (for strings) or StreamlitAPIException.
    """
    if value is None or value == "" or value == 0:
        return None
    if isinstance(value, bool):
        raise StreamlitBadTimeStringError(str(value))
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, str):
        parsed = parse_duration(value)
        if parsed is None:
            raise StreamlitBadTimeStringError(value)
        seconds = parsed
    else:
        raise StreamlitBadTimeStringError(str(value))
    return seconds if seconds > 0 else None
