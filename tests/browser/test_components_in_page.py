"""Custom components in Chromium (issue 20 point 3): two components published on PyPI
(streamlit-option-menu, a Vue frontend, and st-click-detector, a React one), installed from
the app's requirements.txt and shipped by build.py with their built frontends, work
unchanged: they render, report their height and send values back to Python (session state,
reruns, on_change). A component of the app's own folder checks the protocol itself: its
render message (JSON and bytes args, the theme), its frame height, and JSON and bytes
values back (DataFrames need pandas and pyarrow, which these offline tests cannot load:
tests/engine/test_components.py covers them). components.html runs its script inside its own frame.

build.py downloads the wheels with pip (PyPI, or pip's cache); none is kept in the repo.
"""
from __future__ import annotations

import json

import pytest

from sites import IDLE, build_site, open_idle, run_after

APP = '''
import streamlit as st
import streamlit.components.v1 as components
from streamlit_option_menu import option_menu
from st_click_detector import click_detector

def menu_changed(key):
    st.session_state.changes = st.session_state.get("changes", 0) + 1

choice = option_menu("Menu", ["Home", "Files", "Settings"], key="menu", on_change=menu_changed)
st.markdown(f"menu: {choice}, changes: {st.session_state.get('changes', 0)}")
clicked = click_detector("<a href='#' id='first'>First link</a> <a href='#' id='second'>Second link</a>",
                         key="clicks")
st.markdown(f"clicked: {clicked or 'nothing'}")

echo = components.declare_component("echo", path="echo")
value = echo(label="Echo", blob=b"hi", key="echo", default="unset")
st.markdown(f"echo: {type(value).__name__} {value!r}")
components.html("<p id='p'>before</p><script>document.getElementById('p').textContent = 'scripted'</script>",
                height=60)
'''

# A component frontend written against the protocol itself (no streamlit-component-lib).
ECHO = '''<!doctype html><html><body>
<pre id="out">waiting</pre>
<button id="json">JSON</button><button id="bytes">Bytes</button>
<script>
const send = (type, data) => parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
let last = null;
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render") return;
  last = event.data;
  const { args, dfs, theme, disabled } = event.data;
  document.getElementById("out").textContent = JSON.stringify({
    keys: Object.keys(args).sort(), label: args.label, blob: Array.from(args.blob),
    dfs: dfs.map((d) => [d.key, d.value.data.data instanceof Uint8Array, d.value.data.data.length > 0]),
    base: theme.base, primary: theme.primaryColor, disabled });
  send("streamlit:setFrameHeight", { height: 120 });
});
document.getElementById("json").onclick = () => send("streamlit:setComponentValue", { value: { n: 5 }, dataType: "json" });
document.getElementById("bytes").onclick = () =>
  send("streamlit:setComponentValue", { value: new Uint8Array([104, 105, 33]), dataType: "bytes" });
send("streamlit:componentReady", { apiVersion: 1 });
</script></body></html>
'''

MENU = "iframe[title='streamlit_option_menu.option_menu']"
CLICKS = "iframe[title='st_click_detector.st_click_detector']"
ECHO_FRAME = "iframe[title='app.echo']"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("components")
    app = work / "app"
    (app / "echo").mkdir(parents=True)
    (app / "app.py").write_text(APP)
    (app / "requirements.txt").write_text("streamlit-option-menu==0.4.0\nst-click-detector==0.1.3\n")
    (app / "echo" / "index.html").write_text(ECHO)
    return build_site(app, work / "site")


@pytest.fixture(scope="module")
def app_page(site, serve, module_page):
    page = open_idle(module_page, serve(site).url)
    for frame in (MENU, CLICKS, ECHO_FRAME):  # each shows once its frontend said it is ready
        page.wait_for_selector(f"{frame}[data-testid='stCustomComponentV1']", state="visible", timeout=60000)
    return page


def markdown(page) -> list[str]:
    return page.get_by_test_id("stMarkdown").all_inner_texts()


def test_the_site_ships_the_frontends_of_the_wheels(site):
    assert (site / "component" / "streamlit_option_menu" / "frontend" / "dist" / "index.html").is_file()
    assert (site / "component" / "st_click_detector" / "frontend" / "build" / "index.html").is_file()


def test_option_menu_renders_and_its_choice_reruns_the_app_with_on_change(app_page):
    menu = app_page.frame_locator(MENU)
    menu.get_by_text("Settings").wait_for()
    assert int(app_page.locator(MENU).get_attribute("height")) > 100  # its setFrameHeight
    assert "menu: Home, changes: 0" in markdown(app_page)
    run_after(app_page, lambda: menu.get_by_text("Files").click())
    assert "menu: Files, changes: 1" in markdown(app_page)


def test_click_detector_sends_the_clicked_links_id(app_page):
    assert "clicked: nothing" in markdown(app_page)
    run_after(app_page, lambda: app_page.frame_locator(CLICKS).get_by_text("Second link").click())
    assert "clicked: second" in markdown(app_page)


def test_the_render_message_carries_json_and_bytes_args_and_the_theme(app_page):
    echo = app_page.frame_locator(ECHO_FRAME)
    out = echo.locator("#out")
    out.filter(has_text="keys").wait_for()
    shown = json.loads(out.inner_text())
    assert shown == {"keys": ["blob", "default", "key", "label"], "label": "Echo", "blob": [104, 105],
                     "dfs": [], "base": "light", "primary": "#ff4b4b",
                     "disabled": False}
    app_page.wait_for_selector(f"{ECHO_FRAME}[height='120']")
    assert "echo: str 'unset'" in markdown(app_page)


def test_json_and_bytes_values_come_back_to_python(app_page):
    echo = app_page.frame_locator(ECHO_FRAME)
    echo.locator("#out").filter(has_text="keys").wait_for()
    run_after(app_page, lambda: echo.get_by_role("button", name="JSON").click())
    assert "echo: dict {'n': 5}" in markdown(app_page)
    run_after(app_page, lambda: echo.get_by_role("button", name="Bytes").click())
    assert "echo: bytes b'hi!'" in markdown(app_page)


def test_components_html_runs_its_script_in_its_frame(app_page):
    frame = app_page.locator("iframe[data-testid='stIFrame']")
    assert frame.get_attribute("title") == "st.iframe"
    assert frame.evaluate("e => e.getBoundingClientRect().height") == 60
    app_page.frame_locator("iframe[data-testid='stIFrame']").get_by_text("scripted").wait_for()
    app_page.wait_for_selector(IDLE)
