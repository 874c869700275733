"""Nothing a user typed is lost (issue 9, point 6): characters typed with the keyboard into
a text_input, a text_area, a number_input and a field inside a ticking fragment survive
run_every=0.1 fragment reruns, full reruns started by the fragment, and script runs that
end in an exception, all while the field has focus; focus and caret stay where they were."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app

APP = '''
import streamlit as st
st.session_state.full = st.session_state.get("full", 0) + 1
name = st.text_input("Name")
notes = st.text_area("Notes")
qty = st.number_input("Qty", value=0)
other = st.checkbox("Other")
st.text(f"other={other}")
said = st.chat_input("Say something")
if said:
    st.session_state.said = said
st.text(f"said={st.session_state.get('said')!r}")
st.text(f"seen name={name!r} notes={notes!r} qty={qty!r}")


@st.fragment(run_every=0.1)
def ticker():
    n = st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.text(f"tick {n}")
    inner = st.text_input("Inner")
    st.text(f"seen inner={inner!r}")
    if n % 4 == 0:
        st.rerun()  # a full rerun every fourth tick, while the user types


ticker()
st.text(f"full {st.session_state.full}")
if st.session_state.full % 2 == 0:
    raise RuntimeError("every other full run fails")
'''

TYPED = "Hello, wasmlit! typed while the page reruns"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_source_site(tmp_path_factory, "nothing_lost", APP)).url


@pytest.fixture
def app(module_page, site_url):
    page = fresh_app(module_page, site_url, idle=False)
    page.get_by_text("tick 3").wait_for(timeout=60000)
    return page


FULL_AT_LEAST = """(n) => [...document.querySelectorAll("[data-testid='stText']")]
  .some((el) => /^full \\d+$/.test(el.textContent) && Number(el.textContent.slice(5)) >= n)"""


def more_full_runs(page, runs: int = 2) -> None:
    """Wait until `runs` more full reruns (and so ticks, each fourth tick reruns) have
    happened: the reruns the field must survive."""
    page.wait_for_function(FULL_AT_LEAST, arg=counter(page, "full ") + runs, timeout=15000)


def counter(page, prefix: str) -> int:
    return int(page.get_by_text(prefix).first.inner_text().split()[-1])


def field_state(page, label: str) -> dict:
    return page.get_by_label(label, exact=True).evaluate(
        "(el) => ({value: el.value, focused: document.activeElement === el,"
        " start: el.selectionStart, end: el.selectionEnd})")


def type_during_reruns(page, label: str, text: str, delay: int = 35, replace=False) -> dict:
    """Type `text` key by key (about 1.5 s, so a dozen ticks and a few full reruns, some
    failing, happen meanwhile) and return the field's value, focus and caret."""
    page.get_by_label(label, exact=True).click()
    if replace:
        page.keyboard.press("Control+A")
    ticks, fulls = counter(page, "tick "), counter(page, "full ")
    page.keyboard.type(text, delay=delay)
    state = field_state(page, label)
    assert counter(page, "tick ") >= ticks + 8, "the fragment must tick while typing"
    assert counter(page, "full ") >= fulls + 2, "full reruns must happen while typing"
    return state


@pytest.mark.parametrize("label", ["Name", "Notes", "Inner"])
def test_text_typed_during_ticks_full_reruns_and_exceptions_is_kept_with_focus_and_caret(app, label):
    state = type_during_reruns(app, label, TYPED)
    assert state == {"value": TYPED, "focused": True, "start": len(TYPED), "end": len(TYPED)}
    # More reruns while the field just holds the text, then commit it.
    more_full_runs(app)
    assert field_state(app, label)["value"] == TYPED
    app.keyboard.press("Control+Enter" if label == "Notes" else "Enter")
    key = {"Name": "name", "Notes": "notes", "Inner": "inner"}[label]
    app.get_by_text(f"{key}={TYPED!r}").first.wait_for(timeout=10000)
    more_full_runs(app)  # committed text survives the next ticks and full runs too
    assert field_state(app, label)["value"] == TYPED


def test_the_caret_in_the_middle_of_the_text_stays_put_across_reruns(app):
    field = app.get_by_label("Name", exact=True)
    field.click()
    app.keyboard.type("abcdef", delay=20)
    for _ in range(3):
        app.keyboard.press("ArrowLeft")
    more_full_runs(app)  # ticks and a full rerun or two
    assert field_state(app, "Name") == {"value": "abcdef", "focused": True, "start": 3, "end": 3}
    app.keyboard.type("XYZ", delay=120)
    assert field_state(app, "Name") == {"value": "abcXYZdef", "focused": True, "start": 6, "end": 6}


def test_a_number_typed_during_reruns_is_kept_and_committed(app):
    state = type_during_reruns(app, "Qty", "123456", delay=250, replace=True)
    assert state["value"] == "123456" and state["focused"]
    app.keyboard.press("Enter")
    app.get_by_text("qty=123456").first.wait_for(timeout=10000)
    more_full_runs(app)
    assert field_state(app, "Qty")["value"] == "123456"


def test_a_draft_survives_a_rerun_started_by_another_widget(app):
    app.get_by_label("Notes", exact=True).click()
    app.keyboard.type("draft, not yet committed", delay=10)
    app.get_by_text("Other", exact=True).click()
    app.get_by_text("other=True").wait_for(timeout=10000)
    more_full_runs(app)
    assert field_state(app, "Notes")["value"] == "draft, not yet committed"


def test_a_chat_message_typed_during_reruns_is_kept_and_sent(app):
    state = type_during_reruns(app, "Say something", TYPED)
    assert state == {"value": TYPED, "focused": True, "start": len(TYPED), "end": len(TYPED)}
    app.keyboard.press("Enter")
    app.get_by_text(f"said={TYPED!r}").wait_for(timeout=10000)
    assert field_state(app, "Say something")["value"] == ""  # sent, as Streamlit empties it
