"""Magic in a built site, in Chromium: bare expressions of the entry script, of a function
page, of a page file and of a `with` block are drawn (as Streamlit 1.50 draws them), the
folder's `.streamlit/config.toml` magic options apply, and a traceback names the page's line.
The rules themselves are pinned by tests/engine/test_magic.py."""
from __future__ import annotations

import pytest

from sites import build_site, click_and_wait_run, open_idle

APP = {
    "app.py": '''\
import streamlit as st

answer = 6 * 7
"The answer is", answer
with st.sidebar:
    "in the sidebar"


def first():
    """A page's docstring is not drawn."""
    "first page body"
    if st.button("Press"):
        f"pressed, answer {answer}"


pg = st.navigation([st.Page(first, title="First"), st.Page("other.py", title="Other")])
pg.run()
len("four")
''',
    "other.py": '''\
import streamlit as st
name = "Ada"
f"hello {name} from the other page"
{"a": 1}["missing"]
''',
    ".streamlit/config.toml": "[magic]\ndisplayLastExprIfNoSemicolon = true\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("magic")
    folder = work / "magicapp"
    for rel, text in APP.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return build_site(folder, work / "site")


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def test_magic_draws_bare_expressions_in_entry_pages_and_blocks(site, serve, page):
    open_idle(page, serve(site).url)
    main = main_text(page)
    assert "The answer is" in main and "42" in main
    assert "first page body" in main
    assert "A page's docstring" not in main
    # displayLastExprIfNoSemicolon (config.toml): the last call's value is drawn.
    blocks = page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer']")
    assert [t.strip() for t in blocks.all_inner_texts()][-1] == "4"
    assert "in the sidebar" in page.locator("[data-testid='stSidebar']").inner_text()

    click_and_wait_run(page.get_by_role("button", name="Press"))
    assert "pressed, answer 42" in main_text(page)

    click_and_wait_run(page.get_by_role("link", name="Other"))
    main = main_text(page)
    assert "hello Ada from the other page" in main
    error = page.locator("[data-testid='stException']")
    assert "KeyError" in error.inner_text()
    assert "line 4" in error.inner_text()
