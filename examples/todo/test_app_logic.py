"""The todo app's logic, with AppTest (no browser): `pytest examples/todo/test_app_logic.py`.

Written against Streamlit's AppTest API: with `from streamlit.testing.v1 import AppTest`
the same tests run under Streamlit."""
from wasmlit.testing import AppTest


def add(at, task):
    at.text_input[0].input(task)
    at.button[0].click()     # the form's "Add" button sends the typed text
    return at.run()


def test_starts_empty():
    at = AppTest.from_file("app.py").run()
    assert at.title[0].value == "Todo"
    assert at.caption[0].value == "0 of 0 done"
    assert at.button[1].label == "Clear done" and at.button[1].disabled


def test_add_tick_and_clear():
    at = AppTest.from_file("app.py").run()
    add(at, "milk")
    add(at, "bread")
    assert [c.label for c in at.checkbox] == ["milk", "bread"]

    at.checkbox(key="todo-0").check().run()
    assert at.caption[0].value == "1 of 2 done"

    at.button[1].click().run()                   # Clear done
    assert [c.label for c in at.checkbox] == ["bread"]
    assert at.caption[0].value == "0 of 1 done"


def test_blank_tasks_are_ignored():
    at = AppTest.from_file("app.py").run()
    add(at, "   ")
    assert len(at.checkbox) == 0
