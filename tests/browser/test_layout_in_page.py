"""Layout and page look in Chromium (one site): a popover opens and closes (outside click,
Escape); the sidebar collapses and expands with Streamlit's controls; set_page_config sets
document.title, an emoji favicon (an SVG data: URL) and the wide layout; a dark [theme] in
.streamlit/config.toml makes the page dark; tabs follow the arrow keys from their default;
chat_message draws its avatars without an icon font."""
from __future__ import annotations

import pytest

from sites import build_site, fresh_app

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import streamlit as st
st.set_page_config(page_title="Layout page", page_icon="🦜", layout="wide")
st.title("Layout page")
with st.popover("Open pop"):
    st.markdown("pop body text")
t1, t2, t3 = st.tabs(["One", "Two", "Three"], default="Two")
t1.write("first tab"); t2.write("second tab"); t3.write("third tab")
with st.expander("More"):
    st.write("hidden detail")
with st.sidebar:
    st.write("side text")
with st.chat_message("user"):
    st.write("from user")
with st.chat_message("assistant"):
    st.write("from bot")
with st.chat_message("Dino", avatar="🦖"):
    st.write("from dino")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("layout")
    (work / "layout_app.py").write_text(APP)
    (work / ".streamlit").mkdir()
    (work / ".streamlit" / "config.toml").write_text(
        '[theme]\nbase = "dark"\nprimaryColor = "#00aa88"\n')
    return build_site(work / "layout_app.py", work / "site")


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture()
def app_page(site_url, module_page):
    return fresh_app(module_page, site_url)


def test_popover_opens_and_closes_on_outside_click_and_escape(app_page):
    page = app_page
    body = page.get_by_text("pop body text")
    assert not body.is_visible()
    button = page.get_by_role("button", name="Open pop")
    button.click()
    assert body.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    page.mouse.click(5, 890)
    assert not body.is_visible()
    button.click()
    assert body.is_visible()
    page.keyboard.press("Escape")
    assert not body.is_visible()


def test_sidebar_collapses_and_expands(app_page):
    page = app_page
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_attribute("aria-expanded") == "true"
    assert not page.get_by_test_id("stExpandSidebarButton").is_visible()
    sidebar.hover()
    page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
    assert sidebar.get_attribute("aria-expanded") == "false"
    assert not page.get_by_text("side text").is_visible()
    page.get_by_test_id("stExpandSidebarButton").click()
    assert sidebar.get_attribute("aria-expanded") == "true"
    assert page.get_by_text("side text").is_visible()


def test_page_config_title_favicon_and_wide_layout(app_page):
    page = app_page
    assert page.title() == "Layout page"
    href = page.evaluate("document.querySelector(\"link[rel~='icon']\").getAttribute('href')")
    assert href.startswith("data:image/svg+xml,<svg") and "%F0%9F%A6%9C" in href
    width = page.get_by_test_id("stMainBlockContainer").evaluate("e => e.getBoundingClientRect().width")
    assert width > 800  # centered would be at most 736px


def test_dark_theme_from_config_toml(app_page):
    page = app_page
    bg = page.get_by_test_id("stApp").evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(14, 17, 23)"
    color = page.get_by_test_id("stMarkdown").first.evaluate("e => getComputedStyle(e).color")
    assert color == "rgb(250, 250, 250)"
    tab = page.locator("[data-testid='stTab'][aria-selected='true']")
    assert tab.evaluate("e => getComputedStyle(e).color") == "rgb(0, 170, 136)"


def test_tabs_start_at_default_and_follow_arrow_keys(app_page):
    page = app_page
    assert page.get_by_text("second tab").is_visible()
    assert not page.get_by_text("first tab").is_visible()
    page.get_by_role("tab", name="Two").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_text("third tab").is_visible()
    assert page.get_by_role("tab", name="Three").evaluate("e => e === document.activeElement")
    page.keyboard.press("Home")
    assert page.get_by_text("first tab").is_visible()


def test_expander_opens_from_the_keyboard(app_page):
    page = app_page
    assert not page.get_by_text("hidden detail").is_visible()
    page.locator("[data-testid='stExpander'] summary").focus()
    page.keyboard.press("Enter")
    assert page.get_by_text("hidden detail").is_visible()


def test_chat_message_avatars(app_page):
    page = app_page
    assert page.get_by_test_id("stChatMessageAvatarUser").locator("svg path").count() == 1
    assert page.get_by_test_id("stChatMessageAvatarAssistant").locator("svg path").count() == 1
    dino = page.get_by_test_id("stChatMessage").filter(has_text="from dino")
    assert dino.inner_text().startswith("🦖")
    assert page.locator("[aria-label='Chat message from user']").count() == 1
