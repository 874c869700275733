"""Dialogs and forms in Chromium: what a keyboard user and the eye see, beyond what the
recorded conformance cases check."""
from __future__ import annotations

import pytest

from sites import build_site, fresh_app, settle

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import streamlit as st
st.session_state.full = st.session_state.get("full", 0) + 1

def dismissed():
    st.session_state.dismissed = st.session_state.get("dismissed", 0) + 1

@st.dialog("Quiet")
def quiet():
    st.text_input("First")
    st.button("Last")

@st.dialog("Loud", on_dismiss=dismissed)
def loud():
    st.markdown("loud body")

if st.button("Open quiet"):
    quiet()
if st.button("Open loud"):
    loud()
with st.form("f", clear_on_submit=True):
    name = st.text_input("Name", value="nobody")
    st.form_submit_button("Send")
st.markdown(f"full={st.session_state.full} dismissed={st.session_state.get('dismissed', 0)} name={name}")
'''


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    work = tmp_path_factory.mktemp("dialogs")
    (work / "app.py").write_text(APP)
    return serve(build_site(work / "app.py", work / "site")).url


@pytest.fixture
def app(module_page, site_url):
    yield fresh_app(module_page, site_url)
    # A dialog left open keeps its keyboard trap on the document: closed before the next
    # test's app is mounted.
    if module_page.get_by_role("dialog").count():
        module_page.keyboard.press("Escape")
        settle(module_page)


def status(page):
    settle(page)
    return page.get_by_text("full=").inner_text()


def test_escape_closes_a_dialog_without_a_rerun(app):
    app.get_by_role("button", name="Open quiet").click()
    dialog = app.get_by_role("dialog")
    dialog.wait_for()
    assert status(app).startswith("full=2 ")
    app.keyboard.press("Escape")
    assert app.get_by_test_id("stDialog").count() == 0
    assert status(app).startswith("full=2 ")


def test_tab_stays_inside_an_open_dialog(app):
    app.get_by_role("button", name="Open quiet").click()
    app.get_by_role("dialog").wait_for()
    inside = []
    for _ in range(5):
        app.keyboard.press("Tab")
        inside.append(app.evaluate("document.activeElement.closest('[role=dialog]') !== null"))
    assert all(inside)


def test_a_click_outside_closes_and_on_dismiss_reruns_the_app(app):
    app.get_by_role("button", name="Open loud").click()
    app.get_by_text("loud body").wait_for()
    app.mouse.click(5, 5)  # on the backdrop
    assert app.get_by_test_id("stDialog").count() == 0
    assert status(app).startswith("full=3 dismissed=1")


def test_clear_on_submit_shows_the_default_and_the_script_gets_the_submitted_value(app):
    field = app.get_by_label("Name")
    field.fill("Ada")
    app.get_by_role("button", name="Send").click()
    assert status(app).endswith("name=Ada")
    assert field.input_value() == "nobody"
