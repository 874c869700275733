"""Failing app code stays contained in Chromium (issue 9, point 2): errors in a run_every
fragment, a fragment widget's callback and a dialog show where Streamlit 1.50 shows them
while timers keep ticking and widgets keep working; endless st.rerun() loops (whole app,
and a fragment rerunning itself) are stopped with a message and the page stays usable."""
from __future__ import annotations

import time

import pytest

from sites import build_source_site, fresh_app

STOPPED = "100 times in a row with no user input"

APP = '''
import time
import streamlit as st
st.session_state.in_full = True
st.session_state.full = st.session_state.get("full", 0) + 1

def boom():
    raise ValueError("fragment callback failed")

st.markdown("top of the page")  # a fragment callback's error replaces it, as in 1.50
name = st.text_input("Name")
st.markdown(f"Hello {name}")

if st.button("Auto refresh"):
    st.session_state.refresh = 150
st.text(f"refreshed {st.session_state.get('refreshed', 0)}")
if st.session_state.get("refresh", 0) > 0:  # a paced loop (sleep, then rerun) is fine
    st.session_state.refresh -= 1
    st.session_state.refreshed = st.session_state.get("refreshed", 0) + 1
    time.sleep(0.01)
    st.rerun()

if st.button("Parse deep JSON"):  # hostile data: C recursion far past Python's limit
    import json
    json.loads("[" * 100_000 + "]" * 100_000)

st.button("Stop looping", on_click=lambda: st.session_state.update(loop=False))
if st.button("Loop forever"):
    st.session_state.loop = True
if st.session_state.get("loop"):
    st.rerun()

@st.fragment
def spinner():
    st.button("Stop spinning", on_click=lambda: st.session_state.update(spin=False))
    if st.button("Spin fragment"):
        st.session_state.spin = True
    st.markdown(f"spins {st.session_state.get('spins', 0)}")
    if st.session_state.get("spin"):
        st.session_state.spins = st.session_state.get("spins", 0) + 1
        st.rerun(scope="fragment")
spinner()

@st.fragment
def frag():
    st.button("FragGo", on_click=boom)
    st.markdown("frag body")
frag()

@st.dialog("Dlg")
def dlg():
    st.markdown("in dialog")
    if st.button("Dialog boom"):
        raise RuntimeError("dialog failed")
if st.button("Open dialog"):
    dlg()

@st.fragment(run_every=0.2)
def flaky():
    n = st.session_state.flaky = st.session_state.get("flaky", 0) + 1
    st.markdown(f"flaky {n}")
    if n % 3 == 0 and not st.session_state.in_full:
        raise KeyError("tick failed")

@st.fragment(run_every=0.2)
def steady():
    n = st.session_state.steady = st.session_state.get("steady", 0) + 1
    st.markdown(f"steady {n}")

with st.container(key="flaky_box"):
    flaky()
steady()
st.session_state.in_full = False
'''


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_source_site(tmp_path_factory, "containment", APP)).url


@pytest.fixture
def app(module_page, site_url):
    page = fresh_app(module_page, site_url)
    page.get_by_text("steady 2").wait_for(timeout=60000)
    return page


COUNTER_ABOVE = """([name, n]) => [...document.querySelectorAll("[data-testid='stMarkdown']")]
  .some((el) => { const m = el.textContent.trim().match(/^(\\S+) (\\d+)$/);
                  return m && m[1] === name && Number(m[2]) > n; })"""


def wait_counter_above(page, name: str, value: int, timeout: float = 15000) -> None:
    """Wait until the timer-driven counter `name` shows more than `value`."""
    page.wait_for_function(COUNTER_ABOVE, arg=[name, value], timeout=timeout)


def counter(page, name: str) -> int:
    text = page.get_by_text(f"{name} ", exact=False).filter(has_text=f"{name} ").first.inner_text()
    return int(text.split()[-1])


def type_name(page, value: str) -> None:
    field = page.get_by_label("Name", exact=True)
    field.fill(value)
    field.press("Enter")
    page.get_by_text(f"Hello {value}").wait_for(timeout=10000)


def test_a_tick_error_stays_in_its_fragment_while_both_timers_keep_running(app):
    box = app.locator(".st-key-flaky_box")
    box.get_by_test_id("stException").wait_for(timeout=10000)
    assert "tick failed" in box.get_by_test_id("stException").inner_text()
    assert app.get_by_test_id("stException").count() == 1
    flaky, steady = counter(app, "flaky"), counter(app, "steady")
    wait_counter_above(app, "steady", steady + 2)
    assert counter(app, "steady") > steady + 2
    assert app.get_by_text("flaky").count() >= 1
    type_name(app, "Ada")


def test_a_fragment_callback_error_shows_at_the_top_of_main_and_the_app_goes_on(app):
    app.get_by_role("button", name="FragGo").click()
    first = app.get_by_test_id("stMainBlockContainer").get_by_test_id("stElementContainer").first
    first.get_by_test_id("stException").wait_for(timeout=10000)
    assert "fragment callback failed" in first.inner_text()
    assert app.get_by_text("top of the page").count() == 0
    assert app.get_by_text("frag body").is_visible()
    steady = counter(app, "steady")
    wait_counter_above(app, "steady", steady)
    assert counter(app, "steady") > steady
    type_name(app, "Grace")
    assert app.get_by_text("fragment callback failed").count() == 0
    assert app.get_by_text("top of the page").is_visible()


def test_a_dialog_error_shows_in_the_dialog_and_the_app_goes_on(app):
    app.get_by_role("button", name="Open dialog").click()
    dialog = app.get_by_role("dialog")
    dialog.get_by_role("button", name="Dialog boom").click()
    dialog.get_by_test_id("stException").wait_for(timeout=10000)
    assert "dialog failed" in dialog.inner_text()
    assert "in dialog" in dialog.inner_text()
    app.keyboard.press("Escape")
    type_name(app, "Linus")


def test_an_endless_app_rerun_is_stopped_and_a_later_click_works(app):
    start = time.monotonic()
    app.get_by_role("button", name="Loop forever").click()
    app.get_by_text(STOPPED).wait_for(timeout=30000)
    print(f"\nendless app rerun stopped after {time.monotonic() - start:.2f} s")
    # The run ended at st.rerun(): what it drew before stays and takes input.
    assert app.get_by_text("frag body").count() == 0
    app.get_by_role("button", name="Stop looping").click()
    app.get_by_text(STOPPED).wait_for(state="detached", timeout=10000)
    app.get_by_text("steady").first.wait_for(timeout=10000)  # the whole app again
    type_name(app, "Barbara")


def test_an_endless_fragment_rerun_is_stopped_inside_the_fragment(app):
    start = time.monotonic()
    app.get_by_role("button", name="Spin fragment").click()
    message = app.get_by_text(STOPPED)
    message.wait_for(timeout=30000)
    print(f"\nendless fragment rerun stopped after {time.monotonic() - start:.2f} s")
    assert app.get_by_text("spins 100").is_visible()
    assert app.get_by_text("frag body").is_visible()  # the rest of the app is intact
    app.get_by_role("button", name="Stop spinning").click()
    message.wait_for(state="detached", timeout=10000)
    type_name(app, "Edsger")


def test_a_paced_sleep_then_rerun_loop_is_never_stopped(app):
    app.get_by_role("button", name="Auto refresh").click()
    app.get_by_text("refreshed 150").wait_for(timeout=30000)
    assert app.get_by_text(STOPPED).count() == 0
    type_name(app, "Ada")


def test_deeply_nested_data_fails_with_an_error_or_a_clear_reload_message(app):
    # Pyodide (Python 3.14) cannot stop C recursion before the browser's stack overflows:
    # the runtime dies. Then the page must say so, not look alive. (Should Pyodide learn
    # to raise RecursionError, the error shows like any other and the app goes on.)
    app.get_by_role("button", name="Parse deep JSON").click()
    app.wait_for_function("""() => document.querySelector('.wl-fatal')
        || [...document.querySelectorAll("[data-testid='stException']")]
           .some((e) => e.textContent.includes('RecursionError'))""", timeout=30000)
    fatal = app.locator(".wl-fatal")
    if fatal.count():
        assert "reload the page" in fatal.inner_text()
        print("\ndeep JSON: " + fatal.inner_text())
    else:
        type_name(app, "Ada")
