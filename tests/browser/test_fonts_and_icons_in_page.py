"""Streamlit's fonts and ":material/name:" icons in Chromium, offline: the page draws text in
Source Sans (code in Source Code Pro) from the site's fonts/, and a material icon's name in
its stIconMaterial span becomes one Material Symbols Rounded glyph (about as wide as it is
tall, where the name in letters would be several times wider), in widget icons, alerts,
expanders, Markdown and the favicon alike. The site's files come from web/styles/fonts.css
(buildlib/fonts.py)."""
from __future__ import annotations

import re

import pytest

from sites import build_source_site, fresh_app, site_names

APP = '''
import streamlit as st
st.set_page_config(page_icon=":material/home:")
st.markdown("Plain *italic* **bold** with :material/thumb_up: inside and `code`")
st.button("Launch", icon=":material/rocket_launch:")
with st.expander("More", icon=":material/info:"):
    st.write("inside")
st.info("Note", icon=":material/lightbulb:")
st.code("x = 1")
'''

LOADED_FONTS = """async () => {
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.status === "loaded")
    .map((f) => `${f.family.replace(/"/g, "")} ${f.style}`);
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "fonts_icons", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app_page(site_url, module_page):
    page = fresh_app(module_page, site_url)
    page.wait_for_selector("[data-testid='stAlert']")
    return page


def test_the_site_ships_the_fonts_its_stylesheet_names(site):
    names = site_names(site)  # fonts/ and wasmlit.css under their hashed names (hashed_names.py)
    fonts = sorted(p.name for p in (site / names["fonts/"]).iterdir())
    assert "material-symbols-rounded.woff2" in fonts
    assert "source-sans-3-latin-400-normal.woff2" in fonts
    assert "source-code-pro-latin-400-normal.woff2" in fonts
    assert all(name.endswith(".woff2") for name in fonts)
    assert f"{names['fonts/']}source-sans-3-latin-400-normal.woff2" in (site / names["wasmlit.css"]).read_text()


def test_text_and_code_use_streamlits_fonts(app_page):
    app = app_page.locator(".wl-app").first
    assert app.evaluate("e => getComputedStyle(e).fontFamily") == '"Source Sans", sans-serif'
    code = app_page.locator("[data-testid='stCode'] code").first
    assert code.evaluate("e => getComputedStyle(e).fontFamily") == '"Source Code Pro", monospace'
    loaded = app_page.evaluate(LOADED_FONTS)
    assert {"Source Sans normal", "Source Sans italic", "Source Code Pro normal"} <= set(loaded), loaded


def test_material_icons_draw_as_glyphs_not_words(app_page):
    app_page.wait_for_function("() => document.fonts.check('20px \"Material Symbols Rounded\"')")
    # (an expander's icon is its stExpanderIcon, as in 1.50)
    spans = app_page.locator("[data-testid='stIconMaterial'], [data-testid='stAlertDynamicIcon'], "
                             "summary [data-testid='stExpanderIcon']")
    names = spans.evaluate_all("els => els.map((e) => e.textContent)")
    assert {"rocket_launch", "info", "lightbulb"} <= set(names)
    for i in range(spans.count()):
        width, height, family = spans.nth(i).evaluate(
            "e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height, getComputedStyle(e).fontFamily]")
        assert family == '"Material Symbols Rounded"'
        assert 0 < width <= height * 1.3, (names[i], width, height)  # one glyph, not letters
    inline = app_page.locator("[data-testid='stMarkdownContainer'] .wl-material-icon").first
    assert inline.get_attribute("translate") == "no" and inline.inner_text() == "thumb_up"
    width, size = inline.evaluate(
        "e => [e.getBoundingClientRect().width, parseFloat(getComputedStyle(e).fontSize)]")
    assert width <= size * 1.3


def test_a_material_page_icon_becomes_a_drawn_favicon(app_page):
    app_page.wait_for_function(
        "() => (document.querySelector(\"link[rel~='icon']\")?.href || '').startsWith('data:image/png')")


def test_icons_stay_hidden_not_spelled_out_until_the_icon_font_loads(site_url, browser,
                                                                     browser_context_args):
    # A new page whose icon font is held back: past font-display's 3 s, an icon would show
    # its name; wasmlit keeps it hidden until the font is there.
    context = browser.new_context(**browser_context_args)
    held = []
    # fonts/ or its content-hashed fonts-<hash>/ (buildlib/hashed_names.py)
    context.route(re.compile(r"/fonts(-[0-9a-f]{8})?/material-symbols-rounded\.woff2$"), lambda route: held.append(route))
    page = context.new_page()
    try:
        # The first paint draws icons as the page loads, so the held font holds its load event.
        page.goto(site_url, wait_until="commit")
        page.wait_for_selector("[data-testid='stIconMaterial']", state="attached", timeout=120_000)
        page.wait_for_function("() => document.documentElement.classList.contains('wl-icon-font-loading')")
        icon = page.locator("[data-testid='stIconMaterial']").first
        assert icon.evaluate("e => getComputedStyle(e).visibility") == "hidden"
        for _ in range(200):  # the held request reaches this process while the page waits
            if held:
                break
            page.wait_for_timeout(50)
        for route in held:
            route.continue_()
        page.wait_for_function("() => !document.documentElement.classList.contains('wl-icon-font-loading')")
        assert icon.evaluate("e => getComputedStyle(e).visibility") == "visible"
    finally:
        context.close()
