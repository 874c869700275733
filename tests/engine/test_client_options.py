"""The `client.*` options acted on as Streamlit 1.50 does: client.showErrorDetails decides
what an uncaught exception shows (message, traceback, type; an st.exception the app shows on
purpose is never redacted), and client.showSidebarNavigation = false hides a pages/ folder's
navigation (position "hidden"; an st.navigation app keeps its own position). Compared with
1.50 in tests/conformance/client_error_details."""
from __future__ import annotations

import pytest

from wasmlit import config
from wasmlit.config import GENERIC_UNCAUGHT_EXCEPTION_TEXT
from helpers import App
from test_navigation import PAGES_APP, Site

FAILING = '''
import streamlit as st
try:
    raise KeyError("caught")
except KeyError as e:
    st.exception(e)
raise ValueError("secret value 42")
'''


@pytest.fixture(autouse=True)
def _forget_set_options():
    config.reset_script_options()
    yield
    config.reset_script_options()


def _uncaught(app: App) -> dict:
    shown = [n.props for n in app.session.tree.roots["main"].walk() if n.kind == "exception"]
    assert shown[0]["message"] == "'caught'" and shown[0]["type"] == "KeyError" and shown[0]["traceback"]
    return shown[1]


@pytest.mark.parametrize("value, message, trace, kind", [
    ("full", True, True, True), (True, True, True, True), ("True", True, True, True),
    ("stacktrace", False, True, True), (False, False, True, True),
    ("type", False, False, True), ("none", False, False, False)])
def test_show_error_details_decides_what_an_uncaught_error_shows(value, message, trace, kind):
    config.set_option("client.showErrorDetails", value)
    shown = _uncaught(App(FAILING))
    assert shown["message"] == ("secret value 42" if message else GENERIC_UNCAUGHT_EXCEPTION_TEXT)
    assert bool(shown["traceback"]) is trace
    assert shown["type"] == ("ValueError" if kind else "")


def test_the_script_may_set_show_error_details_itself():
    shown = _uncaught(App('import streamlit as st\nst.set_option("client.showErrorDetails", "none")\n'
                          + FAILING))
    assert (shown["message"], shown["type"], shown["traceback"]) == (GENERIC_UNCAUGHT_EXCEPTION_TEXT, "", [])


def test_show_sidebar_navigation_false_hides_a_pages_folder_nav(tmp_path):
    config.set_option("client.showSidebarNavigation", False)
    site = Site(tmp_path, PAGES_APP)
    assert site.nav()["position"] == "hidden"
    assert site.texts() == ["home page"]
    assert len(site.nav()["pages"]) == 5  # the pages still exist: links and switch_page work


def test_show_sidebar_navigation_leaves_st_navigation_alone(tmp_path):
    config.set_option("client.showSidebarNavigation", False)
    site = Site(tmp_path, {"app.py": """
import streamlit as st
def one():
    st.write("one")
def two():
    st.write("two")
st.navigation([st.Page(one), st.Page(two)]).run()
"""})
    assert site.nav()["position"] == "sidebar" and site.texts() == ["one"]
