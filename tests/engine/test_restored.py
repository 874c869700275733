"""wasmlit.restored.time_zone: the `time` module's zone attributes a restored Python gets,
equal to what a started Pyodide computes for the same zone (read off Pyodide 314.0.7 under
Node with TZ set, as the comments say)."""
from __future__ import annotations

import pytest

from wasmlit.restored import language_env, time_zone, zone_name


@pytest.mark.parametrize("winter, summer, expected", [
    # America/New_York: (('UTC-0500', 'UTC-0400'), 18000, 14400, 1)
    (300, 240, {"tzname": ("UTC-0500", "UTC-0400"), "timezone": 18000, "altzone": 14400, "daylight": 1}),
    # Australia/Sydney, summer time in January: (('UTC+1000', 'UTC+1100'), -36000, -39600, 1)
    (-660, -600, {"tzname": ("UTC+1000", "UTC+1100"), "timezone": -36000, "altzone": -39600, "daylight": 1}),
    # Asia/Kolkata: (('UTC+0530', 'UTC+0530'), -19800, -19800, 0)
    (-330, -330, {"tzname": ("UTC+0530", "UTC+0530"), "timezone": -19800, "altzone": -19800, "daylight": 0}),
    # UTC: (('UTC-0000', 'UTC-0000'), 0, 0, 0)
    (0, 0, {"tzname": ("UTC-0000", "UTC-0000"), "timezone": 0, "altzone": 0, "daylight": 0}),
    # America/St_Johns: (('UTC-0330', 'UTC-0230'), 12600, 9000, 1)
    (210, 150, {"tzname": ("UTC-0330", "UTC-0230"), "timezone": 12600, "altzone": 9000, "daylight": 1}),
])
def test_time_zone_is_what_a_started_python_computes(winter, summer, expected):
    assert time_zone(winter, summer) == expected


def test_zone_names_are_emscriptens():
    assert [zone_name(m) for m in (300, -60, 0, -345)] == ["UTC-0500", "UTC+0100", "UTC-0000", "UTC+0545"]


def test_lang_is_emscriptens():
    # pyodide.asm.mjs getEnvStrings: (navigator.language ?? "C").replace("-", "_") + ".UTF-8"
    assert [language_env(x) for x in ("de-DE", "en", None, "zh-Hant-TW")] == [
        "de_DE.UTF-8", "en.UTF-8", "C.UTF-8", "zh_Hant-TW.UTF-8"]
