"""Choice widgets in Chromium: what the conformance steps cannot drive - the keyboard
(arrow keys, Enter, Escape, typing to filter, Backspace) and the ARIA roles of the radio
group, the selectbox combobox and its listbox, multiselect tags and button groups."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app, no_run_until, runs_ended, settle


APP = '''
import streamlit as st
colour = st.selectbox("Colour", ["Red", "Green", "Blue"])
st.write(f"colour: {colour!r}")
extra = st.selectbox("Extra", ["Salt"], index=None, accept_new_options=True)
st.write(f"extra: {extra!r}")
size = st.radio("Size", ["Small", "Medium", "Large"])
st.write(f"size: {size!r}")
tops = st.multiselect("Toppings", ["Cheese", "Ham", "Olives"], default=["Cheese", "Ham"])
st.write(f"tops: {tops!r}")
align = st.segmented_control("Align", ["Left", "Center", "Right"], default="Left")
st.write(f"align: {align!r}")
with st.form("f"):
    fruit = st.selectbox("Fruit", ["Apple", "Pear"])
    st.form_submit_button("Send")
st.write(f"fruit: {fruit!r}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "choice", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app_page(site_url, module_page):
    return fresh_app(module_page, site_url)


def combobox(page, testid, label):
    """The combobox of one select widget (its accessible name changes with the value)."""
    return page.get_by_test_id(testid).filter(has_text=label).get_by_role("combobox")


def said(page, prefix):
    texts = page.get_by_test_id("stMarkdown").all_inner_texts()
    return next(t for t in texts if t.startswith(prefix))


def test_selectbox_arrow_keys_and_enter(app_page):
    page = app_page
    assert page.get_by_role("combobox", name="Selected Red. Colour").count() == 1
    box = combobox(page, "stSelectbox", "Colour")
    box.focus()
    box.press("ArrowDown")
    assert box.get_attribute("aria-expanded") == "true"
    listbox = page.get_by_role("listbox")
    assert listbox.get_by_role("option").all_inner_texts() == ["Red", "Green", "Blue"]
    # Opening highlights the current option; arrows move the highlight.
    assert page.get_by_role("option", name="Red").get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").inner_text() == "Blue"
    box.press("Enter")
    settle(page)
    assert said(page, "colour") == "colour: 'Blue'"
    assert box.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("combobox", name="Selected Blue. Colour").count() == 1


def test_selectbox_typing_filters_and_escape_closes(app_page):
    page = app_page
    box = combobox(page, "stSelectbox", "Colour")
    box.focus()
    box.press_sequentially("gre")
    assert page.get_by_role("option").all_inner_texts() == ["Green"]
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("listbox").count() == 0
    assert box.input_value() == ""
    box.press_sequentially("zzz")
    assert page.get_by_test_id("stSelectboxVirtualDropdownEmpty").inner_text() == "No results"
    box.press("Tab")
    settle(page)
    assert said(page, "colour") == "colour: 'Red'"


def test_selectbox_new_option_is_added_from_typed_text(app_page):
    page = app_page
    box = combobox(page, "stSelectbox", "Extra")
    assert page.get_by_test_id("stSelectbox").filter(has_text="Extra").inner_text().endswith("Choose or add an option")
    box.focus()
    box.press_sequentially("Pepper")
    assert page.get_by_role("option").all_inner_texts() == ["Add: Pepper"]
    box.press("Enter")
    settle(page)
    assert said(page, "extra") == "extra: 'Pepper'"
    # Without an index the value can be cleared with Escape.
    assert page.get_by_role("combobox", name="Selected Pepper. Extra").count() == 1
    box.focus()
    box.press("Escape")
    settle(page)
    assert said(page, "extra") == "extra: None"


def test_radio_group_and_arrow_keys(app_page):
    page = app_page
    group = page.get_by_role("radiogroup", name="Size")
    assert group.get_by_role("radio").count() == 3
    assert group.get_by_test_id("stRadioOption").count() == 3
    small = group.get_by_role("radio", name="Small")
    assert small.is_checked()
    small.focus()
    small.press("ArrowDown")
    settle(page)
    assert said(page, "size") == "size: 'Medium'"
    assert group.get_by_role("radio", name="Medium").is_checked()
    page.keyboard.press("ArrowUp")
    settle(page)
    assert said(page, "size") == "size: 'Small'"


def test_multiselect_tags_are_removed_by_click_and_backspace(app_page):
    page = app_page
    widget = page.get_by_test_id("stMultiSelect")
    tags = widget.locator("[data-baseweb='tag']")
    assert tags.count() == 2
    assert tags.first.get_attribute("aria-label") == "Cheese, close by backspace"
    assert page.get_by_role("combobox", name="Selected Cheese, Ham. Toppings").count() == 1
    box = combobox(page, "stMultiSelect", "Toppings")
    box.focus()
    box.press("Backspace")
    settle(page)
    assert said(page, "tops") == "tops: ['Cheese']"
    tags.first.locator(".wl-tag-close").click()
    settle(page)
    assert said(page, "tops") == "tops: []"
    # The open list leaves out what is already chosen.
    box.focus()
    box.press("ArrowDown")
    box.press("Enter")
    settle(page)
    assert said(page, "tops") == "tops: ['Cheese']"
    assert page.get_by_role("option").all_inner_texts() == ["Ham", "Olives"]


def test_segmented_control_buttons_are_tab_stops_pressed_with_enter_and_space(app_page):
    page = app_page
    group = page.get_by_role("radiogroup", name="button group")
    left = group.get_by_role("button", name="Left")
    assert left.get_attribute("data-testid") == "stBaseButton-segmented_controlActive"
    left.focus()
    # As in Streamlit 1.50, arrow keys do not move the selection.
    left.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    settle(page)
    assert said(page, "align") == "align: 'Center'"
    center = group.get_by_role("button", name="Center")
    assert center.get_attribute("data-testid") == "stBaseButton-segmented_controlActive"
    assert center.evaluate("e => e === document.activeElement")
    page.keyboard.press("Space")
    settle(page)
    assert said(page, "align") == "align: None"
    assert group.locator("[data-testid='stBaseButton-segmented_controlActive']").count() == 0


def test_selectbox_in_a_form_waits_for_submit(app_page):
    page = app_page
    before = runs_ended(page)
    page.get_by_test_id("stSelectbox").filter(has_text="Fruit").click()
    page.get_by_role("option", name="Pear").click()
    settle(page)
    assert said(page, "fruit") == "fruit: 'Apple'"  # proved below: the submit's run is the only one
    no_run_until(page, page.get_by_role("button", name="Send").click, since=before)
    assert said(page, "fruit") == "fruit: 'Pear'"
    assert page.get_by_role("combobox", name="Selected Pear. Fruit").count() == 1



def test_elements_carry_their_testid_as_a_class(app_page):
    """Playwright tests written for Streamlit check that an element's class names its test
    id (Streamlit's `stAlert` on stAlert); apps' custom CSS targets those classes too."""
    page = app_page
    for testid in ("stSelectbox", "stRadio", "stMultiSelect", "stForm", "stMarkdown"):
        first = page.get_by_test_id(testid).first
        assert testid in (first.get_attribute("class") or "").split(), testid
