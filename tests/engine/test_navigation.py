"""Multipage apps as in Streamlit 1.50: st.navigation / st.Page, the pages/ folder,
st.switch_page and st.page_link (engine side; the page side is tests/browser/test_multipage.py)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wasmlit import AppSession
from wasmlit.navigation import page_icon_and_name, page_sort_key


def write(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


class Site:
    """An app folder run by one session; `go(...)` sends a page event."""

    def __init__(self, folder: Path, files: dict[str, str]) -> None:
        write(folder, files)
        self.session = AppSession((folder / "app.py").read_text(), str(folder / "app.py"))
        self.go(page="")

    def go(self, **event) -> "Site":
        self.session.enqueue({"kind": "rerun", **event})
        self.session.run_pending()
        return self

    def widget_id(self, label: str) -> str:
        return next(n.props["id"] for n in self.session.tree.roots["main"].walk()
                    if n.props.get("label") == label and "id" in n.props)

    def click(self, label: str) -> "Site":
        self.session.enqueue({"kind": "widgets", "values": {self.widget_id(label): True}})
        self.session.run_pending()
        return self

    def set(self, label: str, value) -> "Site":
        self.session.enqueue({"kind": "widgets", "values": {self.widget_id(label): value}})
        self.session.run_pending()
        return self

    def texts(self, root: str = "main") -> list[str]:
        return [n.props["body"] for n in self.session.tree.roots[root].walk()
                if n.kind == "markdown"]

    def nav(self) -> dict:
        """The last navigation change sent to the page."""
        return [c for c in self.session.host.flushed if c["op"] == "navigation"][-1]

    def errors(self) -> list[str]:
        return [n.props.get("message", "") for n in self.session.tree.roots["main"].walk()
                if n.kind == "exception"]


PAGES_APP = {
    "app.py": """
        import streamlit as st
        st.write("home page")
        st.page_link("pages/1_📈_Plotting_demo.py")
        if st.button("Go plotting"):
            st.switch_page("pages/1_📈_Plotting_demo.py")
    """,
    "pages/1_📈_Plotting_demo.py": """
        import streamlit as st
        st.write("plotting page")
        st.write(f"main: {__name__} {__file__.rsplit('/', 1)[-1]}")
    """,
    "pages/2_Mapping demo.py": """
        import streamlit as st
        name = st.text_input("name")
        st.write(f"mapping page {name!r}")
    """,
    "pages/about.py": "import streamlit as st\nst.write('about page')\n",
    "pages/10_Ten.py": "import streamlit as st\nst.write('ten page')\n",
    "pages/__init__.py": "",
}


def test_page_file_names_give_titles_icons_and_order():
    assert page_icon_and_name(Path("1_📈_Plotting_demo.py")) == ("📈", "Plotting_demo")
    assert page_icon_and_name(Path("2_Mapping demo.py")) == ("", "Mapping_demo")
    assert page_icon_and_name(Path("about.py")) == ("", "about")
    assert page_icon_and_name(Path("04.py")) == ("", "04")
    names = ["about.py", "10_Ten.py", "2_Mapping demo.py", "1_📈_Plotting_demo.py", "Zeta.py"]
    ordered = sorted((Path(n) for n in names), key=page_sort_key)
    assert [p.name for p in ordered] == ["1_📈_Plotting_demo.py", "2_Mapping demo.py",
                                         "10_Ten.py", "about.py", "Zeta.py"]


def test_pages_folder_gives_sidebar_navigation_main_page_first(tmp_path):
    site = Site(tmp_path, PAGES_APP)
    nav = site.nav()
    assert [(p["title"], p["url_path"], p["icon"]) for p in nav["pages"]] == [
        ("app", "", ""), ("Plotting demo", "Plotting_demo", "emoji:📈"),
        ("Mapping demo", "Mapping_demo", ""), ("Ten", "Ten", ""), ("about", "about", "")]
    assert nav["position"] == "sidebar" and nav["sections"] == [""]
    assert nav["current"] == nav["pages"][0]["hash"] and not nav["not_found"]
    assert site.texts() == ["home page"]


def test_url_path_and_link_click_run_that_page_as_main(tmp_path):
    site = Site(tmp_path, PAGES_APP).go(page="Plotting_demo")
    assert site.texts() == ["plotting page", "main: __main__ 1_📈_Plotting_demo.py"]
    about = next(p for p in site.nav()["pages"] if p["title"] == "about")
    site.go(page_hash=about["hash"], query="")
    assert site.texts() == ["about page"]
    assert site.nav()["current"] == about["hash"]


def test_unknown_url_path_runs_the_main_page_and_says_not_found(tmp_path):
    site = Site(tmp_path, PAGES_APP).go(page="nope", query="a=1")
    assert site.texts() == ["home page"]
    assert site.nav()["not_found"] is True and site.nav()["query"] == ""


def test_widget_reruns_stay_on_the_page_and_page_switch_drops_its_widgets(tmp_path):
    site = Site(tmp_path, PAGES_APP).go(page="Mapping_demo")
    site.set("name", "Ann")
    assert site.texts() == ["mapping page 'Ann'"]
    site.go(page="")
    site.go(page="Mapping_demo")
    assert site.texts() == ["mapping page ''"]


def test_switch_page_by_path_and_query_params_are_cleared(tmp_path):
    site = Site(tmp_path, PAGES_APP).go(page="", query="x=1")
    site.click("Go plotting")
    assert site.texts()[0] == "plotting page"
    assert site.nav()["query"] == ""
    assert site.nav()["current"] == site.nav()["pages"][1]["hash"]


def test_page_link_props_from_a_page_file(tmp_path):
    site = Site(tmp_path, PAGES_APP)
    link = next(n for n in site.session.tree.roots["main"].walk() if n.kind == "page_link")
    assert link.props["label"] == "Plotting demo"
    assert link.props["page"] == "Plotting_demo" and link.props["external"] is False
    assert link.props["page_hash"] == site.nav()["pages"][1]["hash"]
    assert link.props["current"] is False and link.props["width"] == "content"


def test_switch_page_and_page_link_to_unknown_pages_raise_1_50_texts(tmp_path):
    files = dict(PAGES_APP)
    files["app.py"] = """
        import streamlit as st
        which = st.radio("which", ["link", "switch"])
        if which == "link":
            st.page_link("pages/missing.py")
        else:
            st.switch_page("missing.py")
    """
    site = Site(tmp_path, files)
    assert site.errors() == [
        f"Could not find page: `pages/missing.py`. You must provide a file path relative to "
        f"the entrypoint file (from the directory `{tmp_path.name}`). Only the entrypoint "
        "file and files in the `pages/` directory are supported."]
    site.set("which", 1)
    assert site.errors() == [
        f"Could not find page: `missing.py`. Must be the file path relative to the main "
        f"script, from the directory: `{tmp_path.name}`. Only the main app file and files in "
        "the `pages/` directory are supported."]


NAV_APP = {
    "app.py": """
        import streamlit as st
        def home():
            st.write("home content")
            if st.button("To other"):
                st.switch_page(other)
        def settings():
            st.write("settings content")
        other = st.Page("other.py", title="Other page")
        pg = st.navigation({"Main": [st.Page(home, title="Home", icon="🏠"), other],
                            "Admin": [st.Page(settings, icon=":material/settings:")]},
                           position=st.session_state.get("pos", "sidebar"))
        st.session_state.seen = (pg.title, pg.url_path, pg.icon)
        st.sidebar.write("common")
        pg.run()
    """,
    "other.py": "import streamlit as st\nst.write('other content')\n",
}


def test_navigation_returns_the_page_to_run_with_sections(tmp_path):
    site = Site(tmp_path, NAV_APP)
    assert site.texts() == ["home content"]
    assert site.session.state["seen"] == ("Home", "", "🏠")
    nav = site.nav()
    assert nav["sections"] == ["Main", "Admin"]
    assert [(p["title"], p["section"], p["url_path"], p["default"]) for p in nav["pages"]] == [
        ("Home", "Main", "", True), ("Other page", "Main", "other", False),
        ("settings", "Admin", "settings", False)]
    assert nav["pages"][2]["icon"] == ":material/settings:"
    site.go(page="settings")
    assert site.texts() == ["settings content"]
    assert site.session.state["seen"] == ("settings", "settings", ":material/settings:")
    assert site.texts("sidebar") == ["common"]


def test_switch_page_with_a_streamlit_page(tmp_path):
    site = Site(tmp_path, NAV_APP).click("To other")
    assert site.texts() == ["other content"]
    assert site.session.state["seen"][0] == "Other page"


def test_session_state_persists_across_pages(tmp_path):
    site = Site(tmp_path, NAV_APP)
    site.session.state["pos"] = "hidden"
    site.go(page="other")
    assert site.nav()["position"] == "hidden"
    assert site.texts() == ["other content"]


@pytest.mark.parametrize("body, message", [
    ('st.navigation([])', "`st.navigation` must be called with at least one `st.Page`."),
    ('st.navigation([st.Page("other.py")], position="left")',
     'Invalid position "left". The position parameter must be one of "sidebar", "hidden", '
     'or "top".'),
    ('st.navigation([st.Page("other.py", default=True), st.Page(f, default=True)])',
     "Multiple Pages specified with `default=True`. At most one Page can be set to default."),
    ('st.navigation([st.Page(f), st.Page(f, title="again")])',
     "Multiple Pages specified with URL pathname f. URL pathnames must be unique. The url "
     "pathname may be inferred from the filename, callable name, or title."),
    ('st.Page("nothere.py")', "Unable to create Page. The file `nothere.py` could not be found."),
    ('st.Page(f, url_path="a/b")', "The URL path cannot contain a nested path (e.g. foo/bar)."),
    ('st.Page(f, url_path=" ")',
     "The URL path cannot be an empty string unless the page is the default page."),
    ('st.Page(f, title="  ")',
     "The title of the page cannot be empty or consist of underscores/spaces only"),
    ('p = st.navigation([st.Page(f)]); p.run(); p.run()',
     "This page cannot be called directly. Only the page returned from st.navigation can "
     "be called once."),
])
def test_navigation_and_page_errors(tmp_path, body, message):
    site = Site(tmp_path, {"app.py": f"import streamlit as st\ndef f(): pass\n{body}\n",
                           "other.py": ""})
    assert site.errors() == [message]


def test_page_link_external_and_in_sidebar(tmp_path):
    app = """
        import streamlit as st
        st.page_link("https://example.com", label="Example", icon="🌎", help="out")
        st.sidebar.page_link("app.py", label="Home")
        try:
            st.page_link("https://example.com")
        except Exception as e:
            st.write(f"{type(e).__name__}: {e}")
    """
    site = Site(tmp_path, {"app.py": app})
    link = next(n for n in site.session.tree.roots["main"].walk() if n.kind == "page_link")
    assert (link.props["page"], link.props["label"], link.props["external"],
            link.props["icon"], link.props["help"]) == (
        "https://example.com", "Example", True, "🌎", "out")
    side = next(n for n in site.session.tree.roots["sidebar"].walk() if n.kind == "page_link")
    assert side.props["width"] == "stretch" and side.props["label"] == "Home"
    assert site.texts() == ["StreamlitMissingPageLabelError: The `label` param is required "
                            "for external links used with `st.page_link` - please provide a "
                            "`label`."]


def test_widgets_on_two_pages_are_two_widgets(tmp_path):
    app = """
        import streamlit as st
        def a():
            st.write(f"a {st.text_input('name')!r}")
        def b():
            st.write(f"b {st.text_input('name')!r}")
        st.navigation([st.Page(a), st.Page(b)]).run()
    """
    site = Site(tmp_path, {"app.py": app})
    site.set("name", "x")
    assert site.texts() == ["a 'x'"]
    site.go(page="b")
    assert site.texts() == ["b ''"]


def test_app_test_switch_page_runs_that_page(tmp_path):
    from wasmlit.testing import AppTest
    write(tmp_path, PAGES_APP)
    at = AppTest.from_file(str(tmp_path / "app.py")).run()
    assert at.markdown[0].value == "home page"
    at.switch_page("pages/2_Mapping demo.py").run()
    assert at.markdown[0].value == "mapping page ''"
    at.text_input[0].input("Bo").run()
    assert at.markdown[0].value == "mapping page 'Bo'"
    with pytest.raises(ValueError, match="Unable to find script at nope.py"):
        at.switch_page("nope.py")


def test_document_title_and_icon_follow_the_page_unless_set_page_config_set_them(tmp_path):
    app = """
        import streamlit as st
        if st.session_state.get("config"):
            st.set_page_config(page_title="Entry title")
        def a():
            st.write("A")
        def b():
            st.set_page_config(page_icon="🚀")
            st.write("B")
        st.navigation([st.Page(a, icon="🐍"), st.Page(b, icon=":material/home:")]).run()
    """
    site = Site(tmp_path, {"app.py": app})
    assert (site.nav()["title"], site.nav()["favicon"]) == ("a", "emoji:🐍")
    site.go(page="b")
    assert (site.nav()["title"], site.nav()["favicon"]) == ("b", "")
    site.session.state["config"] = True
    site.go(page="a")
    assert (site.nav()["title"], site.nav()["favicon"]) == (None, "emoji:🐍")


def test_a_fragment_on_a_page_keeps_its_widget_state(tmp_path):
    app = """
        import streamlit as st
        def a():
            @st.fragment
            def part():
                st.write(f"typed {st.text_input('t')!r}")
            part()
        def b():
            st.write("B")
        st.navigation([st.Page(a), st.Page(b)]).run()
    """
    site = Site(tmp_path, {"app.py": app})
    site.set("t", "x")
    assert site.texts() == ["typed 'x'"]
    site.set("t", "xy")
    assert site.texts() == ["typed 'xy'"]
    site.go()
    assert site.texts() == ["typed 'xy'"]


def test_an_entry_calling_navigation_beside_a_pages_folder_uses_its_own_pages(tmp_path):
    files = {
        "app.py": """
            import streamlit as st
            def a():
                st.write("A")
            def b():
                st.write("B")
            st.navigation([st.Page(a), st.Page(b)]).run()
        """,
        "pages/old.py": "import streamlit as st\nst.write('old page')\n",
    }
    write(tmp_path, files)
    session = AppSession((tmp_path / "app.py").read_text(), str(tmp_path / "app.py"))
    session.enqueue({"kind": "rerun", "page": "b"})
    session.run_pending()
    navs = [c for c in session.host.flushed if c["op"] == "navigation"]
    assert [p["title"] for p in navs[-1]["pages"]] == ["a", "b"]
    assert not any(n["not_found"] for n in navs)
    assert [n.props["body"] for n in session.tree.roots["main"].walk()
            if n.kind == "markdown"] == ["B"]


def test_a_new_page_drops_the_old_pages_elements_when_it_starts(tmp_path):
    site = Site(tmp_path, NAV_APP)
    site.session.host.flushed.clear()
    site.go(page="other")
    changes = site.session.host.flushed
    nav_at = next(i for i, c in enumerate(changes) if c["op"] == "navigation")
    trims = [c for c in changes[:nav_at + 1] if c["op"] == "trim" and c["parent"] == "main"]
    assert trims == [{"op": "trim", "parent": "main", "length": 0}]
    assert site.texts() == ["other content"]
