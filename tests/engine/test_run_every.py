"""`run_every` values to timer periods (semantics 5, 6), tested on wasmlit.durations."""
from datetime import timedelta

import pytest

from wasmlit.durations import run_every_seconds
from wasmlit.errors import StreamlitAPIException, StreamlitBadTimeStringError

BAD_TIME_TEXT = ("Time string doesn't look right. It should be formatted as`'1d2h34m'` or "
                 "`2 days`, for example. Got: 1 flecond")


@pytest.mark.parametrize("value", [None, 0, 0.0, ""])
def test_none_zero_and_empty_string_set_no_timer(value):
    assert run_every_seconds(value) is None


@pytest.mark.parametrize("value, seconds", [(1, 1.0), (2.5, 2.5), (0.2, 0.2), (60, 60.0)])
def test_numbers_are_seconds(value, seconds):
    assert run_every_seconds(value) == pytest.approx(seconds)


@pytest.mark.parametrize("value, seconds", [
    (timedelta(seconds=90), 90.0),
    (timedelta(milliseconds=1000), 1.0),
    (timedelta(days=1, hours=1), 90000.0),
])
def test_timedelta_uses_its_total_seconds(value, seconds):
    assert run_every_seconds(value) == pytest.approx(seconds)


@pytest.mark.parametrize("text, seconds", [
    ("10s", 10),
    ("1m 30s", 90),
    ("1m30s", 90),
    ("1 minute", 60),
    ("1d", 86400),
    ("1d23h", 86400 + 23 * 3600),
    ("1 day 23hr 45minutes", 86400 + 23 * 3600 + 45 * 60),
    ("1.5d23.5h", 1.5 * 86400 + 23.5 * 3600),
    ("00:01:30", 90),
    ("1w", 7 * 86400),
])
def test_duration_strings_are_parsed_like_pandas_timedelta(text, seconds):
    assert run_every_seconds(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["1 flecond", "2 fortnights ago", "soon", "1x"])
def test_a_string_that_is_no_duration_raises_bad_time_string_error(text):
    with pytest.raises(StreamlitBadTimeStringError) as info:
        run_every_seconds(text)
    assert str(info.value) == BAD_TIME_TEXT.replace("1 flecond", text)


def test_bad_time_string_error_is_a_streamlit_api_exception():
    assert issubclass(StreamlitBadTimeStringError, StreamlitAPIException)
