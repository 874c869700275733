"""The `wasmlit hello` gallery (examples/hello) under AppTest: every page, reached through
the app's st.navigation, runs without an exception and shows its title; a few
interactions per page do what the page says. The browser side:
tests/browser/test_hello_gallery.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from wasmlit.testing import AppTest

HELLO = Path(__file__).resolve().parents[2] / "examples" / "hello"
# page file -> the start of its title
PAGES = {
    "demos/welcome.py": "Welcome to wasmlit!",
    "demos/text.py": ":material/text_fields: Text",
    "demos/widgets.py": ":material/toggle_on: Widgets",
    "demos/forms.py": ":material/edit_note: Forms & dialogs",
    "demos/layout.py": ":material/dashboard: Layout",
    "demos/status.py": ":material/notifications: Status",
    "demos/media.py": ":material/image: Media",
    "demos/charts.py": ":material/bar_chart: Charts",
    "demos/data.py": ":material/table: Tables & metrics",
    "demos/fragments.py": ":material/bolt: Fragments & session state",
}


def gallery(page: str | None = None) -> AppTest:
    """The gallery app, run once on `page` (default: its first page)."""
    at = AppTest.from_file(HELLO / "app.py", default_timeout=10)
    if page is not None:
        at.switch_page(page)
    return at.run()


def texts(at: AppTest, kind: str) -> list[str]:
    return [node.value for node in at.get(kind)]


def test_every_page_file_is_in_the_navigation():
    assert sorted(PAGES) == sorted(f"demos/{p.name}" for p in (HELLO / "demos").glob("*.py"))
    source = (HELLO / "app.py").read_text()
    assert all(f'st.Page("{page}"' in source for page in PAGES)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_runs_without_an_exception(page):
    at = gallery(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value.startswith(PAGES[page])


def test_the_welcome_page_comes_first():
    at = gallery()
    assert not at.exception
    assert at.title[0].value.startswith("Welcome to wasmlit!")
    assert "wasmlit build app.py -o site" in at.code[0].value


def test_widgets_feed_the_order_summary():
    at = gallery("demos/widgets.py")
    assert "Ada orders 2 medium scoop(s) of Vanilla in a cone with Cherry: 5.00 €" in at.success[0].value
    at.text_input[0].input("Grace")
    at.slider[0].set_value(4)
    at.selectbox[0].select("Chocolate")
    at.toggle[0].set_value(False)
    at.run()
    assert "Grace orders 4 medium scoop(s) of Chocolate in a cup with Cherry: 10.00 €" in at.success[0].value
    assert "Hello there! 👋" not in texts(at, "markdown")
    at.button[0].click().run()  # Say hello
    assert "Hello there! 👋" in texts(at, "markdown")


def test_the_form_sends_on_submit_and_the_dialog_signs_the_book():
    at = gallery("demos/forms.py")
    at.selectbox[0].select("Pasta")
    at.number_input[0].set_value(5)
    at.run()
    assert not at.success                      # nothing sent before the submit button
    at.button[0].click().run()                 # Order
    assert at.success[0].value == "Ordered Pasta for 5."
    assert "Nobody has signed yet." in texts(at, "markdown")

    open_book = [b for b in at.button if b.label == "Open the guest book"][0]
    open_book.click().run()
    at.text_input[0].input("Ada")
    [b for b in at.button if b.label == "Sign"][0].click().run()
    assert not at.exception
    assert "Signed by: Ada" in texts(at, "markdown")


def test_the_task_shows_progress_and_a_status_and_the_toast_pops():
    at = gallery("demos/status.py")
    [b for b in at.button if b.label == "Run a task"][0].click().run()
    assert not at.exception
    assert "Found it." in texts(at, "markdown")
    assert [b for b in at.button if b.label == "Toast"]
    [b for b in at.button if b.label == "Toast"][0].click().run()
    assert [t.value for t in at.toast] == ["Hello from a toast!"]


def test_the_data_editor_counts_the_done_tasks():
    at = gallery("demos/data.py")
    assert "2 of 3 tasks done." in texts(at, "markdown")
    assert [m.value for m in at.metric] == ["24 °C", "9 km/h", "64%"]


def test_the_clock_fragment_ticks_and_the_counter_keeps_its_state():
    at = gallery("demos/fragments.py")
    assert at.caption[0].value == "Fragment ticks: 1"
    at.advance(3)
    assert at.caption[0].value == "Fragment ticks: 4"
    [b for b in at.button if b.label == "Count (reruns the page)"][0].click().run()
    assert at.metric[0].value == "1"
    [b for b in at.button if b.label == "Roll a die"][0].click().run()
    [b for b in at.button if b.label == "Roll a die"][0].click().run()
    assert len(at.session_state["rolls"]) == 2 and at.session_state["count"] == 1
