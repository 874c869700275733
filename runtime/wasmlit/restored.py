"""What a Python restored from the site's memory snapshot (buildlib/snapshot.py) redoes for
the browser it wakes up in: the snapshot was taken at build time, under Node, on the build
machine.

- Random numbers: `random` is seeded again, so every visit draws its own.
- The time zone: a started Python's `time` module reads the zone when it is imported (its
  `timezone`, `altzone`, `daylight` and `tzname`, which dateutil's tzlocal() and others
  read), and so does the C library (the zone name in `time.strftime("%Z")` and
  `datetime.now().astimezone()`); a restored one holds the build machine's. The page
  passes this browser's offsets and both are set as a started Python would have them
  (Emscripten's names: "UTC-0500"). Offsets from `time.localtime()` never were stale:
  Emscripten asks the browser on each call.

Runs in the browser only (`after_restore` writes the C library's globals); `time_zone` is
plain arithmetic.
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


def after_restore(winter: int, summer: int) -> None:
    """Reseed `random` and set the time zone of this browser (offsets as time_zone takes)."""
    import ctypes
    import random
    import time

    random.seed()
    zone = time_zone(winter, summer)
    libc = ctypes.CDLL(None)
    ctypes.c_long.in_dll(libc, "timezone").value = zone["timezone"]
    ctypes.c_int.in_dll(libc, "daylight").value = zone["daylight"]
    # tzname points at two buffers Emscripten filled with such names (17 bytes each).
    for address, name in zip((ctypes.c_void_p * 2).in_dll(libc, "tzname"), zone["tzname"]):
        ctypes.memmove(address, name.encode() + b"\0", len(name) + 1)
    for attribute, value in zone.items():
        setattr(time, attribute, value)
