"""Multipage apps in the page: a pages/ folder app and an st.navigation app, each built as a
site. Sidebar links (stSidebarNav), switching pages without a reload, the page in the URL
path (reload shows it; Back returns), st.switch_page from a button, and the page title."""
from __future__ import annotations

import pytest

from sites import IDLE, build_site, open_idle, settle

PAGES_APP = {
    "app.py": """
import streamlit as st
st.write("home page")
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
if st.button("Go plotting"):
    st.switch_page("pages/1_📈_Plotting_demo.py")
""",
    "pages/1_📈_Plotting_demo.py": """
import streamlit as st
st.set_page_config(page_title="Plot title")
st.write(f"plotting page {st.query_params.to_dict()}")
""",
    "pages/2_Mapping demo.py": """
import streamlit as st
st.write("mapping page")
st.write(f"visits {st.session_state.get('visits')}")
""",
}

NAV_APP = {
    "app.py": """
import streamlit as st
def home():
    st.write("home content")
    st.page_link(other, label="Link to other")
def settings():
    st.write("settings content")
    if st.button("Back home"):
        st.switch_page(home_page)
other = st.Page("other.py", title="Other page")
home_page = st.Page(home, title="Home", icon="🏠")
pg = st.navigation({"Main": [home_page, other], "Admin": [st.Page(settings)]},
                   position=st.query_params.get("pos", "sidebar"))
st.sidebar.write("common sidebar")
pg.run()
""",
    "other.py": "import streamlit as st\nst.write('other content')\n",
}


def make_site(tmp_path_factory, name, files):
    work = tmp_path_factory.mktemp(name)
    folder = work / name
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return build_site(folder, work / "site")


@pytest.fixture(scope="module")
def pages_site(tmp_path_factory):
    return make_site(tmp_path_factory, "pagesapp", PAGES_APP)


@pytest.fixture(scope="module")
def nav_site(tmp_path_factory):
    return make_site(tmp_path_factory, "navapp", NAV_APP)


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def links(page) -> list[str]:
    return [t.strip() for t in page.locator("[data-testid='stSidebarNavLink']").all_inner_texts()]


def current(page) -> str:
    return page.locator("[data-testid='stSidebarNavLink'][aria-current='page']").inner_text().strip()


def test_pages_folder_site(pages_site, serve, page):
    assert (pages_site / "404.html").read_text() == (pages_site / "index.html").read_text()
    base = serve(pages_site).url
    open_idle(page, base)
    page.wait_for_selector("[data-testid='stSidebarNav']")
    assert links(page) == ["app", "📈\nPlotting demo", "Mapping demo"]
    assert page.get_by_role("link", name="Mapping demo").count() == 1
    assert current(page) == "app" and page.title() == "app"
    assert "home page" in main_text(page)
    # No separator without sidebar content of the app's own.
    assert page.locator("[data-testid='stSidebarNavSeparator']").count() == 0

    # A click switches page in place: same document, new path, new title.
    page.evaluate("window.__same_document = true")
    page.get_by_role("link", name="Mapping demo").click()
    settle(page)
    assert "mapping page" in main_text(page) and "home page" not in main_text(page)
    assert page.url == base + "Mapping_demo"
    assert page.evaluate("window.__same_document") is True
    assert current(page) == "Mapping demo" and page.title() == "Mapping demo"
    assert "visits 1" in main_text(page)  # session_state survives the page switch

    # Back returns to the main page; Forward to the page again.
    page.go_back()
    settle(page)
    assert page.url == base and "home page" in main_text(page)
    assert current(page) == "app"

    # st.switch_page from a button; the page's set_page_config title wins.
    page.get_by_role("button", name="Go plotting").click()
    settle(page)
    assert page.url == base + "Plotting_demo"
    assert "plotting page {}" in main_text(page)
    assert page.title() == "Plot title"

    # A reload of a page URL (served as index.html) shows that page, query params kept.
    open_idle(page, base + "Plotting_demo?x=1")
    assert "plotting page {'x': '1'}" in main_text(page)
    assert current(page) == "📈\nPlotting demo"
    assert page.url == base + "Plotting_demo?x=1"

    # An unknown page: the main page runs and 1.50's dialog says so.
    open_idle(page, base + "nope")
    assert "home page" in main_text(page)
    assert "Page not found" in page.locator("[data-testid='stDialog']").inner_text()
    assert page.url == base


def test_navigation_site(nav_site, serve, page):
    base = serve(nav_site).url
    open_idle(page, base)
    page.wait_for_selector("[data-testid='stSidebarNav']")
    assert [t.strip() for t in page.locator("[data-testid='stNavSectionHeader']").all_inner_texts()] == ["Main", "Admin"]
    assert links(page) == ["🏠\nHome", "Other page", "settings"]
    assert page.locator("[data-testid='stSidebarNavSeparator']").count() == 1
    assert page.title() == "Home"

    page.get_by_role("link", name="Link to other").click()  # st.page_link
    settle(page)
    assert page.url == base + "other" and "other content" in main_text(page)
    assert current(page) == "Other page"
    assert "common sidebar" in page.locator("[data-testid='stSidebar']").inner_text()

    page.get_by_role("link", name="settings").click()
    settle(page)
    assert page.url == base + "settings" and "settings content" in main_text(page)
    page.get_by_role("button", name="Back home").click()
    settle(page)
    assert page.url == base and "home content" in main_text(page)
    page.go_back()
    settle(page)
    assert page.url == base + "settings" and "settings content" in main_text(page)

    open_idle(page, base + "other")
    assert "other content" in main_text(page) and current(page) == "Other page"
    assert page.locator(IDLE).count() == 1

    # position="top": sections are dropdowns in the header; no sidebar nav.
    open_idle(page, base + "?pos=top")
    assert page.locator("[data-testid='stSidebarNav']").count() == 0
    assert page.locator("[data-testid='stTopNavSection']").all_inner_texts() == ["Main", "Admin"]
    page.locator("[data-testid='stTopNavSection']").filter(has_text="Admin").click()
    page.get_by_role("link", name="settings").click()
    settle(page)
    assert page.url == base + "settings" and "settings content" in main_text(page)
