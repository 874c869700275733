"""The todo app in a real browser (pytest-playwright + wasmlit's pytest plugin):
`pytest examples/todo/test_app_page.py`. The site is built once for this module."""
wasmlit_app = "app.py"   # the app that the app_page fixture serves (relative to this file)


def test_add_and_tick_a_task(app_page, wait_for_run):
    page = app_page
    assert page.get_by_role("heading", name="Todo").is_visible()
    field = page.get_by_label("New task")
    field.fill("milk")
    field.press("Enter")                 # Enter submits the form
    wait_for_run(page)
    page.get_by_text("milk", exact=True).click()
    wait_for_run(page)
    assert page.get_by_test_id("stCaptionContainer").inner_text() == "1 of 1 done"
