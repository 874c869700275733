"""Text elements in Chromium: Streamlit's Markdown (tables, task lists, emoji, colored
text, KaTeX math), Prism-highlighted code, st.json's tree, sanitised st.html, streaming,
and print() going to the browser console."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = r'''
import sys
import time
import streamlit as st

st.markdown("""
| Name | Score |
|------|------:|
| Ada  | 10    |

~~gone~~ [a link](https://example.com) :smile:

- [x] done task
- [ ] open task

:red[red text] and :blue-background[blue bg] and :orange-badge[badge] :material/home:

Euler: $e^{i\\pi}+1=0$
""")
st.markdown("```python\ndef f(x):\n    return x + 1\n```")
st.code("import math\nprint(math.pi)", line_numbers=True)
st.latex(r"\int_0^1 x\,dx")
st.json({"outer": {"inner": [1, 2]}, "flag": True})
st.html("<p id='kept' style='color: rgb(255, 0, 0)'>html text</p>"
        "<img id='img' src='x' onerror='window.hacked = 1'>"
        "<script>window.hacked = 2</script>")
st.markdown("<b id='allowed' style='color: rgb(0, 0, 255)'>bold html</b>"
            "<img id='img2' src='y' onerror='window.hacked = 3'> $x^2$", unsafe_allow_html=True)
st.markdown("<b id='blocked'>kept as text</b>")
print("hello from print")
print("oops on stderr", file=sys.stderr)


def slow():
    yield "first chunk "
    time.sleep(1.5)
    yield "second chunk"


st.write_stream(slow())
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "text", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def loaded(site_url, module_page):
    messages: list[tuple[str, str]] = []
    listen = lambda m: messages.append((m.type, m.text))  # noqa: E731
    module_page.on("console", listen)
    yield fresh_app(module_page, site_url), messages
    module_page.remove_listener("console", listen)


def test_github_markdown(loaded):
    page, _ = loaded
    md = page.get_by_test_id("stMarkdownContainer").filter(has_text="Ada").first
    assert md.locator("table td").all_inner_texts() == ["Ada", "10"]
    assert md.locator("del").inner_text() == "gone"
    link = md.locator("a", has_text="a link")
    assert (link.get_attribute("target"), link.get_attribute("rel")) == ("_blank", "noopener noreferrer")
    boxes = md.locator("input[type='checkbox']")
    assert [boxes.nth(i).is_checked() for i in range(2)] == [True, False]
    assert "😄" in md.inner_text()


def test_colored_text_badges_and_icons(loaded):
    page, _ = loaded
    red = page.locator(".stMarkdownColoredText", has_text="red text")
    assert red.evaluate("e => getComputedStyle(e).color") == "rgb(189, 64, 67)"
    bg = page.locator(".stMarkdownColoredBackground", has_text="blue bg")
    assert bg.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(28, 131, 255, 0.1)"
    assert page.locator(".stMarkdownBadge", has_text="badge").count() == 1
    # No icon font offline: the icon's name stays as its text, as in Streamlit's DOM.
    assert page.locator("[role='img'][aria-label='home icon']").inner_text() == "home"


def test_math_is_rendered_with_katex_and_its_fonts(loaded):
    page, _ = loaded
    assert page.locator("[data-testid='stMarkdownContainer'] .katex").count() == 3
    assert page.locator(".katex-display").count() == 1
    family = page.locator(".katex").first.evaluate("e => getComputedStyle(e).fontFamily")
    assert "KaTeX_Main" in family
    page.wait_for_function("document.fonts.check('16px KaTeX_Main')", timeout=10000)


def test_code_is_highlighted_with_line_numbers_and_copy_buttons(loaded):
    page, _ = loaded
    fenced, numbered = page.get_by_test_id("stCode").all()
    assert fenced.locator(".token.keyword").first.inner_text() == "def"
    assert numbered.locator(".token.keyword").first.inner_text() == "import"
    assert numbered.locator(".wl-line-number").all_inner_texts() == ["1", "2"]
    assert page.get_by_test_id("stCodeCopyButton").count() == 2


def test_json_nodes_toggle(loaded):
    page, _ = loaded
    tree = page.get_by_test_id("stJson")
    assert "inner" in tree.inner_text()
    tree.locator(".wl-json-toggle").nth(1).click()
    assert "inner" not in tree.inner_text()
    tree.locator(".wl-json-toggle").nth(1).click()
    assert "inner" in tree.inner_text()


def test_html_is_sanitised_but_keeps_styles(loaded):
    page, _ = loaded
    kept = page.locator("[data-testid='stHtml'] #kept")
    assert kept.evaluate("e => getComputedStyle(e).color") == "rgb(255, 0, 0)"
    assert page.locator("[data-testid='stHtml'] script").count() == 0
    assert page.locator("#img").get_attribute("onerror") is None
    assert page.evaluate("window.hacked") is None
    assert page.locator("#allowed").inner_text() == "bold html"
    assert page.locator("#allowed").evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 255)"
    assert page.locator("#img2").get_attribute("onerror") is None
    assert page.locator("#allowed").locator("xpath=..").locator(".katex math").count() == 1
    assert page.locator("#blocked").count() == 0


def test_print_goes_to_the_console(loaded):
    _, messages = loaded
    assert ("log", "hello from print") in messages
    assert ("error", "oops on stderr") in messages


def test_write_stream_paints_while_the_script_sleeps(site_url, page):
    page.goto(site_url)
    page.get_by_text("first chunk").wait_for(timeout=60000)
    assert page.locator("[data-testid='stApp']").get_attribute("data-test-script-state") == "running"
    page.wait_for_selector(IDLE, timeout=10000)
    assert page.get_by_test_id("stMarkdownContainer").filter(has_text="first chunk").inner_text() == \
        "first chunk second chunk"
