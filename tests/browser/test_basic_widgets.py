"""Buttons and text widgets in Chromium, for what conformance steps cannot drive: a real
download made in the page, the chat input pinned to the bottom of the viewport, number
input keys and step buttons, the password reveal button, Ctrl+Enter in a text area."""
from __future__ import annotations

from pathlib import Path

import pytest

from sites import build_source_site, fresh_app, next_frame, no_run_until, settle


APP = '''
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.markdown(f"runs: {st.session_state.runs}")
st.download_button("Get text", "héllo", file_name="hello.txt")
st.download_button("Get bytes", b"\\x00\\x01\\x02", on_click="ignore")
count = st.number_input("Count", min_value=0, max_value=3, value=1)
st.markdown(f"count: {count!r}")
price = st.number_input("Price", value=1.5, step=0.25, format="%0.2f")
st.markdown(f"price: {price!r}")
secret = st.text_input("Password", type="password")
st.markdown(f"password: {secret!r}")
notes = st.text_area("Notes")
st.markdown(f"notes: {notes!r}")
switch = st.toggle("Switch")
st.markdown(f"switch: {switch!r}")
st.link_button("Docs", "https://docs.streamlit.io")
message = st.chat_input("Message", max_chars=10)
st.markdown(f"chat: {message!r}")
with st.container():
    sent = st.chat_input("With files", accept_file=True, file_type="txt")
if sent:
    st.markdown(f"sent: {sent.text!r} {[(f.name, f.read()) for f in sent.files]!r}")
for i in range(40):
    st.markdown(f"filler {i}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "basic", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app(site_url, module_page):
    return fresh_app(module_page, site_url)


def shows(page, text):
    page.get_by_test_id("stMarkdownContainer").filter(has_text=text).first.wait_for(timeout=10000)


def test_download_button_hands_over_the_file_made_in_the_page(app):
    with app.expect_download() as info:
        app.get_by_role("button", name="Get text").click()
    download = info.value
    assert download.suggested_filename == "hello.txt"
    assert Path(download.path()).read_bytes() == "héllo".encode()
    shows(app, "runs: 2")

    with app.expect_download() as info:
        app.get_by_role("button", name="Get bytes").click()
    download = info.value
    assert download.suggested_filename == "streamlit_download.bin"
    assert Path(download.path()).read_bytes() == b"\x00\x01\x02"
    # on_click="ignore": no rerun, proved by a later click's run being the only one.
    no_run_until(app, lambda: app.get_by_text("Switch", exact=True).click())
    assert app.get_by_text("runs: 3", exact=True).count() == 1


def test_number_input_arrow_keys_and_step_buttons_commit_at_once(app):
    count = app.get_by_label("Count", exact=True)
    count.focus()
    count.press("ArrowUp")
    shows(app, "count: 2")
    count.press("ArrowUp")
    shows(app, "count: 3")
    up = app.get_by_test_id("stNumberInputStepUp").first
    assert up.is_disabled()  # 3 + 1 would pass max_value
    count.press("ArrowUp")
    settle(app)
    assert count.input_value() == "3"
    app.get_by_test_id("stNumberInputStepDown").first.click()
    shows(app, "count: 2")
    price = app.get_by_label("Price", exact=True)
    assert price.input_value() == "1.50"
    price.focus()
    price.press("ArrowDown")
    shows(app, "price: 1.25")
    assert price.input_value() == "1.25"


def test_password_reveal_button_toggles_the_field(app):
    field = app.get_by_label("Password", exact=True)
    field.fill("s3cret")
    assert field.get_attribute("type") == "password"
    app.get_by_role("button", name="Show password text").click()
    assert field.get_attribute("type") == "text"
    app.get_by_role("button", name="Hide password text").click()
    assert field.get_attribute("type") == "password"
    field.press("Enter")
    shows(app, "password: 's3cret'")


def test_text_area_applies_on_ctrl_enter_and_keeps_enter_for_new_lines(app):
    area = app.get_by_label("Notes", exact=True)
    area.click()
    area.type("one")
    area.press("Enter")
    area.type("two")
    instructions = app.get_by_test_id("InputInstructions").filter(visible=True)
    assert instructions.inner_text().startswith("Press Ctrl+Enter to apply")
    settle(app)
    assert app.get_by_text("notes: ''", exact=True).count() == 1
    no_run_until(app, lambda: area.press("Control+Enter"))  # typing alone started no run
    shows(app, "notes: 'one\\ntwo'")


def test_toggle_is_a_checkbox_reached_with_the_keyboard(app):
    switch = app.get_by_role("checkbox", name="Switch")
    assert app.get_by_role("switch").count() == 0  # as in Streamlit 1.50
    switch.focus()
    app.keyboard.press("Space")
    shows(app, "switch: True")


def test_link_button_opens_a_new_tab_and_does_not_rerun(app):
    app.context.route("https://docs.streamlit.io/**", lambda route: route.abort())
    link = app.get_by_role("link", name="Docs")
    assert (link.get_attribute("href"), link.get_attribute("target")) == ("https://docs.streamlit.io", "_blank")
    with app.expect_popup() as popup:
        link.click()
    popup.value.close()
    # No rerun, proved by a later click's run being the only one.
    no_run_until(app, lambda: app.get_by_text("Switch", exact=True).click())
    assert app.get_by_text("runs: 2", exact=True).count() == 1


def test_chat_input_is_pinned_to_the_bottom_of_the_viewport(app):
    viewport = app.viewport_size
    box = app.get_by_test_id("stBottom").get_by_test_id("stChatInput")
    for scroll in (0, 600):
        app.evaluate(f"window.scrollTo(0, {scroll})")
        next_frame(app)
        rect = box.bounding_box()
        assert viewport["height"] - 140 < rect["y"] + rect["height"] <= viewport["height"], rect
    assert app.get_by_test_id("stBottom").count() == 1
    assert app.get_by_test_id("stAppScrollToBottomContainer").count() == 1


def test_chat_input_enter_sends_shift_enter_breaks_the_line(app):
    pinned = app.get_by_test_id("stBottom")
    area = pinned.get_by_test_id("stChatInputTextArea")
    send = pinned.get_by_test_id("stChatInputSubmitButton")
    assert send.is_disabled()
    area.click()
    area.type("hi")
    area.press("Shift+Enter")
    area.type("you")
    assert area.input_value() == "hi\nyou"
    assert pinned.get_by_test_id("InputInstructions").inner_text() == "6/10"
    area.type("12345")  # past max_chars: refused
    assert area.input_value() == "hi\nyou1234"
    area.press("Enter")
    shows(app, "chat: 'hi\\nyou1234'")
    assert area.input_value() == ""
    assert send.is_disabled()


def test_chat_input_sends_attached_files_with_the_text(app):
    box = app.get_by_test_id("stChatInput").filter(has=app.get_by_label("With files"))
    box.locator("input[type='file']").set_input_files(
        [{"name": "pic.png", "mimeType": "image/png", "buffer": b"png"}])
    assert app.get_by_test_id("stChatInputFileName").all_inner_texts() == ["pic.png"]
    assert "not allowed" in app.get_by_test_id("stChatInputFile").inner_text()
    assert box.get_by_test_id("stChatInputSubmitButton").is_disabled()  # nothing to send yet
    box.locator("input[type='file']").set_input_files(
        [{"name": "note.txt", "mimeType": "text/plain", "buffer": b"abc"}])
    assert app.get_by_test_id("stChatInputFileName").all_inner_texts() == ["note.txt"]
    area = app.get_by_label("With files")
    area.fill("see")
    area.press("Enter")
    shows(app, "sent: 'see' [('note.txt', b'abc')]")
    assert app.get_by_test_id("stChatInputFile").count() == 0
