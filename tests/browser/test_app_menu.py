"""The app menu, settings and shell of a built site in Chromium, as Streamlit 1.50 shows them
to a viewer (web/app-menu.js, app-menu-dialogs.js, theme-choice.js): stMainMenu opens a
listbox of Rerun (with its "r" hint), Settings, Print and About; Rerun and the "r" key rerun
the app (not while typing, not with a modifier); Settings switches Wide mode and the theme
(Use system setting / Light / Dark / Custom Theme), the theme kept in localStorage under
1.50's key across a reload; About says wasmlit, its version and the Streamlit release it
follows. Also: Streamlit's shell hooks (stAppViewContainer, the connection state),
config.toml's client.toolbarMode = "minimal" (no menu) and client.showSidebarNavigation =
false (no page links), and an app embedded in a host page's box getting no menu and no key."""
from __future__ import annotations

import ast
import json
import re

import pytest

from sites import IDLE, ROOT, build_site, fresh_app, no_run_until, run_after, runs_ended

APP = '''
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.markdown(f"runs {st.session_state.runs}")
st.text_input("Name")
st.checkbox("Tick")
if st.button("Press"):
    st.write("pressed")
'''
FILES = {
    "app.py": APP,
    "pages/other.py": "import streamlit as st\nst.write('other page')\n",
    ".streamlit/config.toml": '[theme]\nprimaryColor = "#00aa88"\n\n[client]\nshowSidebarNavigation = false\n',
}
THEME_KEY = "stActiveTheme-/-v1"  # 1.50's key for a site served at /
LIGHT_BG, DARK_BG = "rgb(255, 255, 255)", "rgb(14, 17, 23)"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("menu")
    for rel, text in FILES.items():
        path = work / "menuapp" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return build_site(work / "menuapp", work / "site")


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


# Set in the page by a test that leaves it changed (another app mounted): the next loads it anew.
DIRTY = "window.__wlMenuTestDirty = true"


@pytest.fixture()
def app_page(site_url, module_page, request):
    """The site's page with no stored theme, loaded anew after a test that changed or failed."""
    page = module_page
    page.emulate_media(color_scheme="light")
    if page.url.startswith(site_url):
        page.evaluate("() => localStorage.clear()")
    if not (page.url.startswith(site_url) and page.evaluate("() => !window.__wlMenuTestDirty")):
        page.goto(site_url)
        page.wait_for_selector(IDLE, timeout=60000)
        page.evaluate("() => localStorage.clear()")
    failed = request.session.testsfailed
    yield page
    if request.session.testsfailed != failed:
        page.evaluate(f"() => {{ {DIRTY}; }}")


def runs_text(page) -> str:
    return page.get_by_test_id("stMarkdown").first.inner_text()


def background(page) -> str:
    return page.get_by_test_id("stApp").evaluate("e => getComputedStyle(e).backgroundColor")


def open_menu(page):
    page.get_by_test_id("stMainMenu").get_by_role("button").click()
    return page.get_by_test_id("stMainMenuPopover")


def choose_theme(page, name):
    dialog = page.get_by_test_id("stDialog")
    dialog.get_by_role("combobox").click()
    page.get_by_role("option", name=name, exact=True).click()


def test_shell_has_streamlits_hooks(app_page):
    page = app_page
    app = page.get_by_test_id("stApp")
    assert app.get_attribute("data-test-connection-state") == "CONNECTED"
    container = app.locator(":scope > [data-testid='stAppViewContainer']")
    assert container.count() == 1
    assert container.get_attribute("data-layout") == "narrow"
    assert container.locator("[data-testid='stMain']").count() == 1
    header = page.get_by_test_id("stHeader")
    assert header.get_by_test_id("stToolbar").get_by_test_id("stMainMenu").count() == 1
    menu = page.get_by_test_id("stMainMenu")
    assert menu.get_attribute("id") == "MainMenu"
    assert menu.get_attribute("aria-haspopup") == "true"
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.get_by_test_id("stBaseButton-headerNoPadding").get_attribute("kind") == "headerNoPadding"
    # At the page's top right, as 1.50 puts it: 16 px from the right edge, in the header row.
    box = menu.get_by_role("button").bounding_box()
    assert abs((box["x"] + box["width"]) - (1280 - 18)) <= 4 and 10 <= box["y"] <= 22


def test_menu_lists_streamlits_items_and_follows_the_keyboard(app_page):
    page = app_page
    popover = open_menu(page)
    assert page.get_by_test_id("stMainMenu").get_attribute("aria-expanded") == "true"
    listbox = popover.get_by_role("listbox", name="Menu")
    assert listbox.get_attribute("data-testid") == "stMainMenuList"
    options = popover.get_by_role("option")
    assert [t.split("\n")[0].strip() for t in options.all_inner_texts()] == ["Rerun", "Settings", "Print", "About"]
    assert options.first.locator(".wl-main-menu-shortcut").inner_text().lower() == "r"
    assert popover.get_by_test_id("stMainMenuDivider").count() == 2
    assert page.evaluate("document.activeElement.dataset.testid") == "stMainMenuList"
    assert options.first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    assert listbox.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    page.keyboard.press("Escape")
    assert popover.count() == 0
    assert page.get_by_test_id("stMainMenu").get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.testid") == "stBaseButton-headerNoPadding"
    open_menu(page)
    page.mouse.click(600, 600)  # a click elsewhere closes it
    assert page.get_by_test_id("stMainMenuPopover").count() == 0


def test_rerun_from_the_menu_keeps_the_session(app_page):
    page = app_page
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Name").press("Enter")
    page.wait_for_selector(IDLE)
    before = runs_text(page)
    n = int(before.split()[1])
    run_after(page, lambda: open_menu(page).get_by_role("option", name="Rerun").click())
    assert runs_text(page) == f"runs {n + 1}"
    assert page.get_by_label("Name").input_value() == "Ada"


def test_r_key_reruns_unless_typing_or_modified(app_page):
    page = app_page
    n = int(runs_text(page).split()[1])
    page.mouse.click(600, 700)  # focus on the page, in no control
    run_after(page, lambda: page.keyboard.press("r"))
    assert runs_text(page) == f"runs {n + 1}"
    run_after(page, lambda: page.keyboard.press("R"))  # caps lock: still "r"
    assert runs_text(page) == f"runs {n + 2}"
    # Shift+R, Ctrl+R (the browser's reload, prevented here), Alt+R, an "r" a control handled
    # and an "r" typed into a text field or pressed on a checkbox start no run; the field's
    # Enter proves it.
    page.evaluate("() => document.addEventListener('keydown', (e) => { if (e.ctrlKey) e.preventDefault(); }, true)")
    since = runs_ended(page)
    for key in ("Shift+R", "Alt+r", "Control+r", "Meta+r"):
        page.keyboard.press(key)
    # A key a control handled itself (as the data editor's cells do) is the control's.
    page.evaluate("() => document.addEventListener('keydown', (e) => { if (e.key === 'r') e.preventDefault(); }, "
                  "{capture: true, once: true})")
    page.keyboard.press("r")
    page.get_by_test_id("stCheckbox").locator("input").focus()
    page.keyboard.press("r")
    name = page.get_by_label("Name")
    name.click()
    page.keyboard.press("r")
    assert name.input_value().endswith("r")
    no_run_until(page, lambda: name.press("Enter"), since=since)  # the field's own run
    assert runs_text(page) == f"runs {n + 3}"


def test_settings_wide_mode(app_page):
    page = app_page
    open_menu(page).get_by_role("option", name="Settings").click()
    dialog = page.get_by_test_id("stDialog")
    assert dialog.get_by_role("dialog").get_attribute("aria-label") == "dialog"
    assert dialog.get_by_role("heading", name="Appearance").count() == 1
    wide = dialog.get_by_role("checkbox", name="Wide mode")
    assert wide.get_attribute("name") == "wideMode" and not wide.is_checked()
    narrow_width = page.get_by_test_id("stMainBlockContainer").evaluate("e => e.getBoundingClientRect().width")
    wide.check()
    container = page.get_by_test_id("stAppViewContainer")
    assert container.get_attribute("data-layout") == "wide"
    assert page.get_by_test_id("stMainBlockContainer").evaluate("e => e.getBoundingClientRect().width") > narrow_width + 200
    wide.uncheck()
    assert container.get_attribute("data-layout") == "narrow"
    page.keyboard.press("Escape")
    assert page.get_by_test_id("stDialog").count() == 0


def test_settings_theme_choice_applies_and_survives_a_reload(app_page, site_url):
    page = app_page
    # config.toml sets a theme: 1.50 offers it as "Custom Theme", shows it and stores it.
    assert background(page) == LIGHT_BG
    open_menu(page).get_by_role("option", name="Settings").click()
    dialog = page.get_by_test_id("stDialog")
    select = dialog.get_by_test_id("stSelectbox")
    assert select.get_by_text("Choose app theme, colors and fonts").count() == 1
    assert select.get_by_role("combobox").get_attribute("aria-label").startswith("Selected Custom Theme.")
    select.get_by_role("combobox").click()
    names = page.locator("[data-testid='stSelectboxVirtualDropdown'] [role='option']").all_inner_texts()
    assert names == ["Use system setting", "Light", "Dark", "Custom Theme"]
    page.keyboard.press("Escape")
    assert dialog.count() == 1  # Escape closed the list, not the dialog

    choose_theme(page, "Dark")
    assert background(page) == DARK_BG
    assert json.loads(page.evaluate(f"localStorage.getItem('{THEME_KEY}')")) == {"name": "Dark"}
    page.reload()
    page.wait_for_selector(IDLE, timeout=60000)
    assert background(page) == DARK_BG

    open_menu(page).get_by_role("option", name="Settings").click()
    choose_theme(page, "Use system setting")  # the browser prefers light here
    assert background(page) == LIGHT_BG
    assert page.evaluate(f"localStorage.getItem('{THEME_KEY}')") is None
    page.emulate_media(color_scheme="dark")  # followed while "Use system setting" is chosen
    page.wait_for_function("() => getComputedStyle(document.querySelector(\"[data-testid='stApp']\")).backgroundColor === 'rgb(14, 17, 23)'")
    page.emulate_media(color_scheme="light")
    page.keyboard.press("Escape")
    # As in 1.50: with nothing stored, the app's custom theme comes back on the next load.
    page.reload()
    page.wait_for_selector(IDLE, timeout=60000)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{THEME_KEY}')"))
    assert stored["name"] == "Custom Theme" and stored["themeInput"] == {"primaryColor": "#00aa88"}


def test_print_calls_window_print(app_page):
    page = app_page
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    open_menu(page).get_by_role("option", name="Print").click()
    page.wait_for_function("() => window.__printed === 1")
    assert page.get_by_test_id("stMainMenuPopover").count() == 0


def test_about_says_wasmlit_and_the_streamlit_release(app_page):
    page = app_page
    open_menu(page).get_by_role("option", name="About").click()
    dialog = page.get_by_test_id("stDialog")
    wasmlit_version = re.search(r'WASMLIT_VERSION = "([^"]+)"', (ROOT / "runtime/wasmlit/__init__.py").read_text())[1]
    streamlit = next(ast.literal_eval(n.value) for n in ast.parse((ROOT / "runtime/wasmlit/version.py").read_text()).body
                     if isinstance(n, ast.AnnAssign) and n.target.id == "STREAMLIT_VERSION_STRING")
    expected = f"Made with wasmlit {wasmlit_version} (Streamlit {streamlit} compatible)"
    page.wait_for_function("(text) => document.querySelector(\"[data-testid='stDialog']\").innerText.includes(text)", arg=expected)
    assert "wasmlit" in dialog.get_by_role("dialog").inner_text()
    dialog.get_by_role("button", name="Close").click()
    assert dialog.count() == 0
    # Settings carries the same line, as 1.50's stVersionInfo.
    open_menu(page).get_by_role("option", name="Settings").click()
    version = page.get_by_test_id("stVersionInfo")
    page.wait_for_function("(text) => document.querySelector(\"[data-testid='stVersionInfo']\").innerText === text", arg=expected)
    assert version.count() == 1


def test_show_sidebar_navigation_false_hides_the_page_links(app_page, site):
    page = app_page
    assert 'data-wasmlit-client' not in (site / "index.html").read_text()  # a Python-side option
    assert page.get_by_test_id("stSidebarNav").count() == 0
    assert page.get_by_test_id("stSidebarNavLink").count() == 0


MOUNT_JS = """async ([code, options, boxId]) => {
  // Another app mounted by hand, in the page's running Pyodide: in a new box of the page
  // (boxId), or in place of the site's app (boxId null; the site's app unmounted first).
  const wasmlit = await import(new URL("wasmlit.js", document.baseURI).href);
  let box;
  if (boxId) {
    box = document.createElement("div");
    box.id = boxId;
    document.body.append(box);
  } else {
    const old = wasmlit.mounted().find((h) => h.element.hasAttribute("data-wasmlit-app"));
    box = old.element;
    old.unmount();
  }
  const handle = wasmlit.mount(box, { code, ...options });
  await handle.ready;
  return "ok";
}"""

BOXED_APP = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.markdown(f"boxed runs {st.session_state.runs}")
st.button("Box press")
"""


def test_an_embedded_app_gets_no_menu_and_no_keys(app_page):
    """An app mounted in a box of a host page (no `url`): no menu of its own, and the page's
    "r" reruns only the app that owns the page."""
    page = app_page
    page.evaluate(f"() => {{ {DIRTY}; }}")
    assert page.evaluate(MOUNT_JS, [BOXED_APP, {}, "boxed"]) == "ok"
    boxed = page.locator("#boxed [data-testid='stApp']")
    assert boxed.get_attribute("data-test-connection-state") == "CONNECTED"
    assert boxed.get_by_test_id("stMainMenu").count() == 0
    assert page.get_by_test_id("stMainMenu").count() == 1  # the page's own
    n = int(runs_text(page).split()[1])
    page.mouse.click(600, 700)
    run_after(page, lambda: page.keyboard.press("r"))
    assert runs_text(page) == f"runs {n + 1}"
    # Events run in order: once the box's own button has run, a rerun "r" had asked for would have too.
    run_after(page, lambda: boxed.get_by_role("button", name="Box press").click())
    assert boxed.get_by_test_id("stMarkdown").inner_text() == "boxed runs 2"


def test_minimal_toolbar_mode_shows_no_menu_but_r_still_reruns(app_page):
    """client.toolbarMode = "minimal" (mount()'s `client`, as build.py passes config.toml's
    [client]): no menu, as 1.50 without menu_items; "r" still reruns. A theme of only
    base = "dark" is a custom theme: the page is dark."""
    page = app_page
    options = {"url": True, "client": {"toolbarMode": "minimal"}, "theme": {"base": "dark"}}
    page.evaluate(f"() => {{ {DIRTY}; }}")
    assert page.evaluate(MOUNT_JS, [APP, options, None]) == "ok"
    assert page.get_by_test_id("stMainMenu").count() == 0
    assert page.get_by_test_id("stToolbar").count() == 1
    assert background(page) == DARK_BG
    page.mouse.click(600, 700)
    run_after(page, lambda: page.keyboard.press("r"))
    assert runs_text(page) == "runs 2"


def test_build_passes_config_toml_toolbar_mode_to_the_page(tmp_path):
    """build.py puts config.toml's client.toolbarMode (the [client] option the page reads) in
    index.html's data-wasmlit-client, which wasmlit.js hands to the app menu; options Python
    reads (showSidebarNavigation) stay out."""
    from buildlib import app_source
    from buildlib.site import index_html
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(
        '[client]\ntoolbarMode = "minimal"\nshowSidebarNavigation = false\n')
    client = app_source.read_client(tmp_path)
    assert client == {"toolbarMode": "minimal"}
    page = index_html("t", client=client)
    assert 'data-wasmlit-client="{&quot;toolbarMode&quot;: &quot;minimal&quot;}"' in page
    assert "data-wasmlit-client" not in index_html("t")
    assert app_source.read_client(tmp_path / "nothing") is None
