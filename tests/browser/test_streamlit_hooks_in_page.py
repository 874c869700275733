"""What Streamlit's own end-to-end tests read, on our page in Chromium: help tooltips that
show their Markdown on hover (stTooltipHoverTarget -> stTooltipContent), toasts newest first
with "view more"/"view less", a countdown that waits while the pointer is on them, and
that live with their run (a rerun replaces or removes them),
the color picker's hex / rgb / hsl fields,
st.empty's stEmpty marker, the st-key-<key> class on keyed widgets, the checkbox's
aria-checked, radio options as baseweb labels, and st.text as wide as its text."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sites import build_source_site, fresh_app, settle

LONG = ("Random toast message that is a really really really really really really really long "
        "message, going way past the 3 line limit")

APP = f'''
import streamlit as st

st.checkbox("Agree", key="agree_box", help="Tick **this** box")
st.text("Plain text", help="Text *help*")
st.metric("Speed", 5, help="Metric help")
st.button("Press", help="Button help")
st.radio("Pick", ["one", "two"], key="pick")
st.text("Lorem\\n\\n\\n\\nipsum\\ndolor")
placeholder = st.empty()
st.empty()
if st.button("Fill"):
    placeholder.write("filled")
if st.button("Toasts"):
    st.toast("Short toast", icon="🐶")
    st.toast("{LONG}", icon="🦄")
    st.toast("Quick toast", duration=1)
st.write("agree:", st.session_state.agree_box)
st.write("color:", st.color_picker("Paint", "#336699"))
'''


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_source_site(tmp_path_factory, "hooks", APP)).url


@pytest.fixture
def app(site_url, module_page):
    return fresh_app(module_page, site_url)


def test_help_tooltips_show_their_markdown_on_hover(app):
    checkbox_help = app.get_by_test_id("stCheckbox").get_by_test_id("stTooltipHoverTarget")
    checkbox_help.hover()
    content = app.get_by_test_id("stTooltipContent")
    expect(content).to_have_text("Tick this box")
    assert content.locator("strong").inner_text() == "this"
    assert app.locator("[data-baseweb='tooltip'][role='tooltip']").count() == 1
    # Another target replaces it; leaving it hides it.
    app.get_by_test_id("stText").first.get_by_test_id("stTooltipHoverTarget").hover()
    expect(content).to_have_text("Text help")
    app.get_by_test_id("stMetric").get_by_test_id("stTooltipHoverTarget").hover()
    expect(content).to_have_text("Metric help")
    app.get_by_test_id("stButton").first.get_by_test_id("stTooltipHoverTarget").hover()
    expect(content).to_have_text("Button help")
    app.mouse.move(5, 700)
    expect(content).to_have_count(0)
    # Keyboard users get it too: focusing the icon shows it, Escape hides it.
    checkbox_help.focus()
    expect(content).to_have_text("Tick this box")
    app.keyboard.press("Escape")
    expect(content).to_have_count(0)


def test_checkbox_states_aria_checked_and_widgets_carry_their_key_class(app):
    box = app.get_by_test_id("stCheckbox").locator("input")
    expect(box).to_have_attribute("aria-checked", "false")
    app.get_by_test_id("stCheckbox").locator("label").first.click()
    settle(app)
    expect(box).to_have_attribute("aria-checked", "true")
    expect(app.get_by_text("agree: True")).to_be_visible()
    expect(app.locator(".st-key-agree_box [data-testid='stCheckbox']")).to_have_count(1)
    expect(app.locator(".st-key-pick [data-testid='stRadio']")).to_have_count(1)
    # A widget without a key gets no st-key class.
    assert app.locator("[data-testid='stElementContainer'][class*='st-key-']").count() == 2


def test_radio_options_are_baseweb_radio_labels(app):
    options = app.get_by_test_id("stRadio").locator("label[data-baseweb='radio']")
    expect(options).to_have_count(2)
    options.nth(1).click()
    settle(app)
    expect(options.nth(1).locator("input")).to_be_checked()


def test_st_empty_shows_stEmpty_only_while_empty(app):
    expect(app.get_by_test_id("stEmpty")).to_have_count(2)
    app.get_by_role("button", name="Fill").click()
    settle(app)
    expect(app.get_by_text("filled")).to_be_visible()
    expect(app.get_by_test_id("stEmpty")).to_have_count(1)


def test_multiline_text_is_as_wide_as_its_text(app):
    box = app.get_by_test_id("stText").nth(1).locator("div").bounding_box()
    assert box["height"] > box["width"], box


def test_toasts_newest_first_view_more_and_wait_while_hovered(app):
    app.get_by_role("button", name="Toasts").click()
    settle(app)
    toasts = app.get_by_test_id("stToast")
    expect(toasts).to_have_count(3)
    # The 1 s toast stays while the pointer is on it, and goes after it leaves.
    toasts.nth(0).hover()
    expect(toasts.nth(0)).to_contain_text("Quick toast")
    app.wait_for_timeout(1500)  # longer than its duration: the countdown must be paused
    expect(toasts.nth(0)).to_contain_text("Quick toast")
    app.mouse.move(5, 700)
    expect(toasts).to_have_count(2, timeout=5000)
    long = toasts.nth(0)
    long.hover()
    expect(long).to_contain_text("🦄Random toast message that is a really really really really really "
                                 "really really long message, going wayview moreClose")
    long.get_by_test_id("stToastViewButton").click()
    expect(long).to_contain_text(LONG + "view lessClose")
    long.get_by_role("button", name="Close").click()
    expect(toasts).to_have_count(1)
    expect(toasts.nth(0)).to_contain_text("🐶Short toast")


def test_color_picker_fields_switch_between_hex_rgb_and_hsl(app):
    app.get_by_test_id("stColorPickerBlock").click()
    panel = app.get_by_test_id("stColorPickerPopover")
    expect(panel.get_by_label("hex", exact=True)).to_have_value("#336699")
    toggle = panel.locator("svg")
    toggle.click()
    assert [panel.get_by_label(n, exact=True).input_value() for n in "rgba"] == ["51", "102", "153", "1"]
    toggle.click()
    assert [panel.get_by_label(n, exact=True).input_value() for n in "hsl"] == ["210", "50%", "40%"]
    fields = panel.locator("input")
    fields.nth(0).fill("0")
    fields.nth(1).fill("0%")
    fields.nth(2).fill("100%")
    app.get_by_text("Plain text", exact=True).click()  # outside: the picker closes and sends
    settle(app)
    expect(app.get_by_text("color: #ffffff")).to_be_visible()
    toggle_again = app.get_by_test_id("stColorPickerBlock")
    toggle_again.click()
    expect(app.get_by_test_id("stColorPickerPopover").get_by_label("hex", exact=True)).to_have_value("#FFFFFF")
    app.keyboard.press("Escape")


def test_embed_true_gives_streamlits_embedded_page(site_url, module_page):
    page = module_page
    page.goto(site_url + "?embed=true")
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=60000)
    settle(page)
    app = page.get_by_test_id("stApp")
    expect(app).to_have_class(re.compile(r"\bstreamlit-embedded\b"))
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)
    expect(page.get_by_test_id("stMainBlockContainer")).to_have_css("padding-top", "36px")
    page.goto(site_url + "?embed=true&embed_options=show_toolbar")
    expect(page.get_by_test_id("stMainMenu")).to_have_count(1, timeout=60000)
    page.goto(site_url)  # the other tests' page, as fresh_app expects it
    expect(page.get_by_test_id("stApp")).not_to_have_class(re.compile(r"\bstreamlit-embedded\b"), timeout=60000)


def test_a_toast_lives_with_its_run(app):
    """As in 1.50, a toast is an element: the same st.toast calls on a rerun replace the
    toasts (no pile-up), and a rerun without them takes them away."""
    toasts = app.get_by_test_id("stToast")
    app.get_by_role("button", name="Toasts").click()
    settle(app)
    expect(toasts).to_have_count(3)
    first = toasts.nth(2).evaluate_handle("el => el")
    app.get_by_role("button", name="Toasts").click()
    settle(app)
    expect(toasts).to_have_count(3)
    assert not first.evaluate("el => el.isConnected"), "the rerun's toast replaced the old one"
    app.get_by_role("button", name="Fill").click()
    settle(app)
    expect(toasts).to_have_count(0)
