"""st.slider and st.select_slider: defaults per type, values to and from the page,
session state, and Streamlit 1.50's error texts."""
import pytest

from helpers import App

DAY = 86_400_000_000  # one day in microseconds (how the page moves date sliders)


def run(body: str) -> App:
    return App("import streamlit as st\nimport datetime as dt\n" + body)


def errors(app: App) -> list[str]:
    return [e["message"] for e in app.exceptions()]


def test_int_slider_defaults_to_its_min_and_0_to_100():
    app = run("v = st.slider('x'); st.write(repr(v))")
    props = app.widget("x").props
    assert app.texts() == ["0"]
    assert (props["min"], props["max"], props["step"], props["format"]) == (0, 100, 1, "%d")
    assert props["value"] == [0.0]


def test_float_slider_defaults_to_0_to_1_by_hundredths():
    app = run("v = st.slider('x', value=0.5); st.write(repr(v))")
    props = app.widget("x").props
    assert (props["min"], props["max"], props["step"], props["format"]) == (0.0, 1.0, 0.01, "%0.2f")
    assert app.texts() == ["0.5"]


def test_page_value_becomes_int_for_an_int_slider():
    app = run("v = st.slider('x', 0, 10, 3); st.write(repr(v))")
    app.set("x", [7.0])
    assert app.texts() == ["7"]


def test_range_slider_returns_a_sorted_tuple():
    app = run("v = st.slider('x', 0, 10, (8, 2)); st.write(repr(v))")
    assert app.texts() == ["(2, 8)"]
    app.set("x", [1.0, 9.0])
    assert app.texts() == ["(1, 9)"]


def test_value_outside_the_bounds_widens_them():
    app = run("v = st.slider('x', 0, 10, 20); st.write(repr(v))")
    assert app.texts() == ["20"]
    assert app.widget("x").props["max"] == 20


def test_empty_tuple_is_the_whole_range():
    app = run("v = st.slider('x', value=()); st.write(repr(v))")
    assert app.texts() == ["(0, 100)"]


def test_date_slider_spans_two_weeks_around_its_value_in_microseconds():
    app = run("v = st.slider('x', value=dt.date(2024, 1, 5)); st.write(repr(v))")
    props = app.widget("x").props
    assert props["value"] == [1704412800000000]
    assert props["min"] == 1704412800000000 - 14 * DAY
    assert (props["step"], props["format"], props["data_type"]) == (DAY, "YYYY-MM-DD", "date")
    app.set("x", [1704412800000000 + DAY])
    assert app.texts() == ["datetime.date(2024, 1, 6)"]


def test_time_slider_covers_the_day_in_quarter_hours():
    app = run("v = st.slider('x', value=dt.time(8, 45)); st.write(repr(v))")
    props = app.widget("x").props
    assert (props["step"], props["format"]) == (15 * 60_000_000, "HH:mm")
    app.set("x", [props["value"][0] + 15 * 60_000_000])
    assert app.texts() == ["datetime.time(9, 0)"]


def test_datetime_slider_shorter_than_a_day_steps_quarter_hours():
    app = run("v = st.slider('x', dt.datetime(2024, 1, 1, 9), dt.datetime(2024, 1, 1, 17)); "
              "st.write(repr(v))")
    assert app.widget("x").props["step"] == 15 * 60_000_000
    assert app.texts() == ["datetime.datetime(2024, 1, 1, 9, 0)"]


def test_datetime_slider_keeps_the_value_time_zone():
    app = run("tz = dt.timezone(dt.timedelta(hours=2))\n"
              "v = st.slider('x', value=dt.datetime(2024, 1, 1, 9, tzinfo=tz)); st.write(repr(v))")
    app.set("x", [app.widget("x").props["value"][0] + DAY])
    assert app.texts() == ["datetime.datetime(2024, 1, 2, 9, 0, tzinfo=datetime.timezone("
                           "datetime.timedelta(seconds=7200)))"]


def test_range_in_session_state_makes_a_range_slider():
    app = run("st.session_state.setdefault('k', (10, 20))\n"
              "v = st.slider('x', key='k'); st.write(repr(v))")
    assert app.texts() == ["(10, 20)"]
    assert app.widget("x").props["value"] == [10.0, 20.0]


def test_list_set_in_session_state_comes_back_as_a_tuple_from_the_next_run():
    app = run("v = st.slider('x', 0.0, 1.0, (0.2, 0.5), key='k'); st.write(repr(v))\n"
              "def cb(): st.session_state.k = [0.3, 0.6]\n"
              "st.button('go', on_click=cb)")
    app.click("go")
    assert app.texts() == ["[0.3, 0.6]"]
    app.rerun()
    assert app.texts() == ["(0.3, 0.6)"]


def test_on_change_runs_before_the_script_with_the_new_value():
    app = run("def cb(): st.session_state.seen = st.session_state.k\n"
              "st.slider('x', 0, 10, 3, key='k', on_change=cb)\n"
              "st.write(repr(st.session_state.get('seen')))")
    app.set("x", [5.0])
    assert app.texts() == ["5"]


@pytest.mark.parametrize("body, message", [
    ("st.slider('x', value='abc')",
     "Slider value should either be an int/float/datetime or a list/tuple of 0 to 2 "
     "ints/floats/datetimes"),
    ("st.slider('x', value=(1, 2.5))",
     "Slider tuple/list components must be of the same type.\n"
     "But were: [<class 'int'>, <class 'float'>]"),
    ("st.slider('x', 0, 10, step=0)", "Slider components cannot be passed a `step` of 0."),
    ("st.slider('x', 0, 10.0)",
     "Slider value arguments must be of matching types.\n`min_value` has int type.\n"
     "`max_value` has float type.\n`step` has int type."),
    ("st.slider('x', max_value=5.0)",
     "Slider value arguments must be of matching types.\n`min_value` has int type.\n"
     "`max_value` has float type.\n`step` has int type."),
    ("st.slider('x', 5, 5)",
     "Slider `min_value` must be less than the `max_value`.\nThe values were 5 and 5."),
    ("st.slider('x', dt.date(2024, 1, 1), dt.date(2024, 1, 1))",
     "Slider `min_value` must be less than the `max_value`.\n"
     "The values were 2024-01-01 00:00:00 and 2024-01-01 00:00:00."),
    ("st.slider('x', 0, 2**60)", "`max_value` (1152921504606846976) must be <= (1 << 53) - 1"),
    ("st.slider('x', width='content')",
     "Invalid width value: 'content'. Width must be either an integer (pixels) or 'stretch'."),
])
def test_slider_errors_have_streamlits_text(body, message):
    assert errors(run(body)) == [message]


def test_unsupported_item_type_raises_the_type_lookup_error():
    app = run("st.slider('x', value=('a', 'b'))")
    assert [e["type"] for e in app.exceptions()] == ["KeyError"]


@pytest.mark.parametrize("body, message", [
    ("st.session_state.k = -5\nst.slider('x', 0, 10, key='k')",
     "The `value` -5 is less than the `min_value` 0."),
    ("st.session_state.k = 1.5\nst.slider('x', 0.0, 1.0, key='k')",
     "The `value` 1.5 is greater than the `max_value` 1.0."),
    ("st.session_state.k = dt.date(2030, 1, 1)\n"
     "st.slider('x', dt.date(2024, 1, 1), dt.date(2024, 2, 1), key='k')",
     "The `value` 2030-01-01 is greater than the `max_value` 2024-02-01."),
])
def test_session_state_value_outside_the_slider_is_refused(body, message):
    assert errors(run(body)) == [message]


def test_select_slider_returns_options_and_sends_indices():
    app = run("v = st.select_slider('x', ['red', 'green', 'blue'], value='green'); "
              "st.write(repr(v))")
    props = app.widget("x").props
    assert (props["value"], props["options"], props["max"]) == ([1], ["red", "green", "blue"], 2)
    app.set("x", [2])
    assert app.texts() == ["'blue'"]


def test_select_slider_without_value_takes_the_first_option():
    app = run("v = st.select_slider('x', ['low', 'high']); st.write(repr(v))")
    assert app.texts() == ["'low'"]


def test_select_slider_range_and_format_func():
    app = run("v = st.select_slider('x', [1, 2, 3, 4], value=(3, 1), "
              "format_func=lambda n: f'{n} cm'); st.write(repr(v))")
    props = app.widget("x").props
    assert props["options"] == ["1 cm", "2 cm", "3 cm", "4 cm"]
    assert props["value"] == [0, 2]
    assert app.texts() == ["(1, 3)"]


def test_select_slider_takes_the_keys_of_a_mapping():
    app = run("v = st.select_slider('x', {'a': 1, 'b': 2}); st.write(repr(v))")
    assert app.texts() == ["'a'"]


@pytest.mark.parametrize("body, message", [
    ("st.select_slider('x', [])", "The `options` argument needs to be non-empty"),
    ("st.select_slider('x', ['a', 'b'], value='c')", "c is not in iterable"),
    ("st.session_state.k = 'z'\nst.select_slider('x', ['a', 'b'], key='k')", "z is not in iterable"),
    ("st.select_slider('x', ['a', 'b', 'c'], value=('a', 'b', 'c'))",
     "too many values to unpack (expected 2)"),
])
def test_select_slider_errors(body, message):
    assert errors(run(body)) == [message]
