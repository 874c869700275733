"""The dev server (`build.py --app APP --dev`): an edit to the app's files reruns the app in
the open page with the new code, without reloading the page or Pyodide, and the session
keeps its state (what the user typed, session_state), as Streamlit's run-on-save does."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from sites import ROOT

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = """
import streamlit as st
import helpers
st.session_state.setdefault("clicks", 0)
if st.button("Count"):
    st.session_state.clicks += 1
name = st.text_input("Name")
st.write(f"clicks: {st.session_state.clicks}, name: {name}")
st.write(f"helper: {helpers.WORD}")
st.write("version one")
"""


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dev") / "live"
    folder.mkdir()
    (folder / "app.py").write_text(APP)
    (folder / "helpers.py").write_text("WORD = 'first'\n")
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--app", str(folder), "--dev", "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.monotonic() + 600
    while url is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        url = found.group(1) if found else None
    assert url, "the dev server did not start"
    yield folder, url
    proc.terminate()
    proc.wait(timeout=10)


def main_text(page):
    return page.locator("[data-testid='stMain']").inner_text()


def test_an_edit_reruns_the_app_in_place_keeping_session_state(dev_server, page):
    folder, url = dev_server
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name="Count").click()
    page.wait_for_function("document.body.innerText.includes('clicks: 1')", timeout=30_000)
    field = page.get_by_label("Name")
    field.fill("Ada")
    field.press("Enter")
    page.wait_for_function("document.body.innerText.includes('name: Ada')", timeout=30_000)

    (folder / "app.py").write_text(APP.replace("version one", "version two"))
    page.wait_for_function("document.body.innerText.includes('version two')", timeout=30_000)
    page.wait_for_selector(IDLE)
    text = main_text(page)
    assert "version one" not in text
    assert "clicks: 1, name: Ada" in text          # session state and the typed value survive
    assert page.get_by_label("Name").input_value() == "Ada"
    assert page.evaluate("window.__sameDocument") is True  # no page reload


def test_an_edited_module_is_imported_afresh(dev_server, page):
    folder, url = dev_server
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    assert "helper: first" in main_text(page)
    (folder / "helpers.py").write_text("WORD = 'second'\n")
    page.wait_for_function("document.body.innerText.includes('helper: second')", timeout=30_000)
