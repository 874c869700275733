"""What a Python restored from the site's memory snapshot (buildlib/snapshot.py) redoes for
the browser it wakes up in: the snapshot was taken at build time, under Node, on the build
machine.

- Random numbers: `random` is seeded again, so every visit draws its own.
- The language: Emscripten makes $LANG from the browser's language, and a started Python
  sets its locale (LC_CTYPE) from it; a restored one had Node's ("C.UTF-8").
- `sys.path`: restoring puts a second "" (the working directory) in front; one is kept.
- The time zone: a started Python's `time` module reads the zone when it is imported (its
  `timezone`, `altzone`, `daylight` and `tzname`, which dateutil's tzlocal() and others
  read), and so does the C library (the zone name in `time.strftime("%Z")` and
  `datetime.now().astimezone()`); a restored one holds the build machine's. The page
  passes this browser's offsets and both are set as a started Python would have them
  (Emscripten's names: "UTC-0500"). Offsets from `time.localtime()` never were stale:
  Emscripten asks the browser on each call.

`after_restore` runs in the browser, right after a restore (web/python-start.js);
`time_zone` is plain arithmetic.
"""
from __future__ import annotations

from typing import Any


def zone_name(minutes_west: int) -> str:
    """Emscripten's name for a zone, from its offset as JS's getTimezoneOffset gives it."""
    sign = "-" if minutes_west >= 0 else "+"
    return f"UTC{sign}{abs(minutes_west) // 60:02d}{abs(minutes_west) % 60:02d}"


def time_zone(winter: int, summer: int) -> dict[str, Any]:
    """The `time` module's zone attributes for the offsets (minutes west of UTC) of January
    1 and July 1, as a started Python computes them: standard time is the one further west
    (the southern hemisphere has its summer time in January)."""
    standard, daylight_time = max(winter, summer), min(winter, summer)
    return {"timezone": standard * 60, "altzone": daylight_time * 60,
            "daylight": int(winter != summer),
            "tzname": (zone_name(standard), zone_name(daylight_time))}


def language_env(language: str | None) -> str:
    """$LANG as Emscripten makes it from the browser's language ("de-DE" -> "de_DE.UTF-8")."""
    return (language or "C").replace("-", "_", 1) + ".UTF-8"


def after_restore(winter: int, summer: int, language: str | None = None) -> dict[str, Any]:
    """Reseed `random`; set this browser's time zone (offsets as time_zone takes) in `time`
    and its language (navigator.language); drop the extra "" in sys.path. Returns the zone
    (time_zone's dict), for the page to write into the C library's globals (timezone,
    daylight and the names tzname points at), which it reaches directly."""
    import locale
    import os
    import random
    import sys
    import time

    random.seed()
    while sys.path.count("") > 1:
        sys.path.remove("")
    os.environ["LANG"] = language_env(language)
    try:
        locale.setlocale(locale.LC_CTYPE, "")  # what a started Python does with its $LANG
    except locale.Error:  # a language the C library has no locale for: as a started one, C
        pass
    zone = time_zone(winter, summer)
    for attribute, value in zone.items():
        setattr(time, attribute, value)
    return zone
