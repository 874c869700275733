"""st.date_input, st.time_input and st.color_picker: defaults, values to and from the page,
session state, and Streamlit 1.50's error texts."""
import datetime as dt

import pytest

from helpers import App


def run(body: str) -> App:
    return App("import streamlit as st\nimport datetime as dt\n" + body)


def errors(app: App) -> list[str]:
    return [e["message"] for e in app.exceptions()]


# --- date_input ------------------------------------------------------------------------

def test_date_input_bounds_default_to_ten_years_around_the_value():
    app = run("v = st.date_input('x', dt.date(2024, 2, 29)); st.write(repr(v))")
    props = app.widget("x").props
    assert (props["min"], props["max"]) == ("2014-02-28", "2034-02-28")
    assert (props["value"], props["format"], props["is_range"]) == (["2024-02-29"], "YYYY/MM/DD", False)
    assert app.texts() == ["datetime.date(2024, 2, 29)"]


def test_date_input_today_by_default():
    app = run("v = st.date_input('x'); st.write(repr(v))")
    assert app.texts() == [repr(dt.date.today())]


def test_date_input_page_value_is_iso_text():
    app = run("v = st.date_input('x', dt.date(2024, 1, 5)); st.write(repr(v))")
    app.set("x", ["2024-02-10"])
    assert app.texts() == ["datetime.date(2024, 2, 10)"]


def test_cleared_date_input_is_none_and_a_cleared_range_empty():
    app = run("v = st.date_input('x', dt.date(2024, 1, 5)); st.write(repr(v))\n"
              "r = st.date_input('r', (dt.date(2024, 1, 5), dt.date(2024, 1, 9))); st.write(repr(r))")
    app.set("x", [])
    app.set("r", [])
    assert app.texts() == ["None", "()"]


def test_date_range_with_one_date_picked_is_a_one_tuple():
    app = run("r = st.date_input('r', (dt.date(2024, 1, 5), dt.date(2024, 1, 9))); st.write(repr(r))")
    assert app.widget("r").props["is_range"] is True
    app.set("r", ["2024-03-01"])
    assert app.texts() == ["(datetime.date(2024, 3, 1),)"]


def test_date_input_none_value_and_iso_and_datetime_values():
    app = run("st.write(repr(st.date_input('a', None)))\n"
              "st.write(repr(st.date_input('b', '2024-01-05')))\n"
              "st.write(repr(st.date_input('c', dt.datetime(2024, 1, 1, 12))))")
    assert app.texts() == ["None", "datetime.date(2024, 1, 5)", "datetime.date(2024, 1, 1)"]


def test_date_input_without_value_follows_a_range_in_session_state():
    app = run("st.session_state.setdefault('k', (dt.date(2024, 1, 1), dt.date(2024, 1, 3)))\n"
              "v = st.date_input('x', key='k'); st.write(repr(v))")
    assert app.widget("x").props["is_range"] is True
    assert app.texts() == ["(datetime.date(2024, 1, 1), datetime.date(2024, 1, 3))"]


@pytest.mark.parametrize("body, message", [
    ("st.date_input('x', format='YYYY MM DD')",
     "The provided format (`YYYY MM DD`) is not valid. DateInput format should be one of "
     "`YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen "
     "(-) as separators."),
    ("st.date_input('x', 'yesterday')",
     'Date value should either be an date/datetime or an ISO string or "today"'),
    ("st.date_input('x', (dt.date(2024, 1, 1),) * 3)",
     "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 "
     "date/datetime values"),
    ("st.date_input('x', None, dt.date(2024, 2, 1), dt.date(2024, 1, 1))",
     "The `min_value`, set to 2024-02-01, shouldn't be larger than the `max_value`, set to "
     "2024-01-01."),
    ("st.date_input('x', dt.date(2020, 1, 1), dt.date(2024, 1, 1))",
     "The default `value` of [datetime.date(2020, 1, 1)] must lie between the `min_value` of "
     "2024-01-01 and the `max_value` of 2030-01-01, inclusively."),
    ("st.date_input('x', dt.date(2024, 1, 1), min_value=5)",
     "DateInput min should either be a date/datetime or None"),
    ("st.date_input('x', dt.date(2024, 1, 1), max_value=5)",
     "DateInput max should either be a date/datetime or None"),
])
def test_date_input_errors(body, message):
    assert errors(run(body)) == [message]


# --- time_input ------------------------------------------------------------------------

def test_time_input_shows_hours_and_minutes_and_steps_quarter_hours():
    app = run("v = st.time_input('x', dt.time(8, 45)); st.write(repr(v))")
    props = app.widget("x").props
    assert (props["value"], props["step"]) == ("08:45", 900)
    app.set("x", "09:37")
    assert app.texts() == ["datetime.time(9, 37)"]


def test_time_input_seconds_are_dropped_from_the_next_run_on():
    app = run("v = st.time_input('x', dt.time(6, 5, 30)); st.write(repr(v))")
    assert app.texts() == ["datetime.time(6, 5, 30)"]
    app.rerun()
    assert app.texts() == ["datetime.time(6, 5)"]


def test_time_input_can_be_empty_and_cleared():
    app = run("v = st.time_input('x', None, step=1800); st.write(repr(v))")
    assert app.widget("x").props["value"] is None
    assert app.widget("x").props["step"] == 1800
    app.set("x", "01:30")
    assert app.texts() == ["datetime.time(1, 30)"]
    app.set("x", None)
    assert app.texts() == ["None"]


def test_time_input_value_kinds():
    app = run("st.write(repr(st.time_input('a', '10:30')))\n"
              "st.write(repr(st.time_input('b', '2024-01-01T10:30:45')))\n"
              "st.write(repr(st.time_input('c', dt.datetime(2024, 1, 1, 10, 30, 15))))")
    assert app.texts() == ["datetime.time(10, 30)", "datetime.time(10, 30)", "datetime.time(10, 30)"]


def test_none_in_session_state_empties_a_time_input():
    app = run("def clear(): st.session_state.k = None\n"
              "v = st.time_input('x', dt.time(1, 2), key='k'); st.write(repr(v))\n"
              "st.button('clear', on_click=clear)")
    app.click("clear")
    assert app.texts() == ["None"]
    assert app.widget("x").props["value"] is None


@pytest.mark.parametrize("body, message", [
    ("st.time_input('x', 5)", "The type of value should be one of datetime, time, ISO string or None"),
    ("st.time_input('x', 'noon')", "The type of value should be one of datetime, time, ISO string or None"),
    ("st.time_input('x', None, step=30)",
     "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds."),
    ("st.time_input('x', None, step=dt.timedelta(hours=24))",
     "`step` must be between 60 seconds and 23 hours but is currently set to 0 seconds."),
    ("st.time_input('x', None, step=60.0)",
     "`step` can only be `int` or `timedelta` but <class 'float'> is provided."),
])
def test_time_input_errors(body, message):
    assert errors(run(body)) == [message]


# --- color_picker ----------------------------------------------------------------------

def test_color_picker_defaults_to_black_and_keeps_the_text_it_is_given():
    app = run("st.write(repr(st.color_picker('a')))\nst.write(repr(st.color_picker('b', '#ABC')))")
    assert app.texts() == ["'#000000'", "'#ABC'"]
    assert app.widget("b").props["value"] == "#ABC"


def test_color_picker_page_value():
    app = run("v = st.color_picker('x', '#00f900'); st.write(repr(v))")
    app.set("x", "#ff0000")
    assert app.texts() == ["'#ff0000'"]


@pytest.mark.parametrize("value, message", [
    ("'#12345'",
     "\n'#12345' is not a valid hex code for colors. Valid ones are like\n'#00FFAA' or '#000'.\n"),
    ("12",
     "\nColor Picker Value has invalid type: int. Expects a hex string\nlike '#00FFAA' or '#000'.\n"),
])
def test_color_picker_errors(value, message):
    app = run(f"try:\n    st.color_picker('x', {value})\nexcept Exception as e:\n    st.session_state.err = str(e)\n"
              "st.write(repr(st.session_state.err))")
    assert app.texts() == [repr(message)]
    # Shown uncaught, the message loses its surrounding blank lines.
    assert errors(run(f"st.color_picker('x', {value})")) == [message.strip()]
