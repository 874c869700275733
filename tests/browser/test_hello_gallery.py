"""The `wasmlit hello` gallery (examples/hello) built as a site and opened in Chromium, with
one page for the module: every page, reached through the sidebar navigation, draws its key
elements and no exception; a widget changes the output, the form and the dialog submit, a
fragment's button reruns it and the run_every clock ticks. The gallery needs no numpy or
pandas, so it runs here without Pyodide's package CDN. Its logic under AppTest:
tests/engine/test_hello_gallery.py."""
from __future__ import annotations

import pytest

from sites import IDLE, ROOT, build_site, click_and_wait_run, fresh_app, run_after

HELLO = ROOT / "examples" / "hello"
LINKS = "[data-testid='stSidebarNavLink']"
# nav link text -> (URL path, title, data-testids the page must show)
PAGES = {
    "Welcome": ("", "Welcome to wasmlit!", ["stColumn", "stCode"]),
    "Text": ("text", "Text", ["stHeadingDivider", "stCode", "stText", "stJson", "stMarkdown"]),
    "Widgets": ("widgets", "Widgets", [
        "stButton", "stDownloadButton", "stLinkButton", "stSelectbox", "stMultiSelect", "stRadio",
        "stCheckbox", "stButtonGroup", "stSlider", "stNumberInput", "stTextInput", "stTextArea",
        "stDateInput", "stTimeInput", "stColorPicker", "stFileUploader", "stAlert"]),
    "Forms & dialogs": ("forms", "Forms & dialogs", ["stForm", "stFormSubmitButton", "stButton"]),
    "Layout": ("layout", "Layout", ["stColumn", "stTabs", "stExpander", "stPopover"]),
    "Status": ("status", "Status", ["stAlertContentSuccess", "stAlertContentInfo",
                                    "stAlertContentWarning", "stAlertContentError"]),
    "Media": ("media", "Media", ["stImage", "stAudio"]),
    "Charts": ("charts", "Charts", ["stVegaLiteChart", "stGraphVizChart"]),
    "Tables & metrics": ("data", "Tables & metrics", ["stMetric", "stDataFrame", "stTable", "stJson"]),
    "Fragments & state": ("fragments", "Fragments & session state", ["stMetric", "stButton"]),
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_site(HELLO, tmp_path_factory.mktemp("hello") / "site")).url


@pytest.fixture
def app(site_url, module_page):
    """The gallery, loaded once for the module (one Pyodide start): a multi-file app cannot
    be remounted in place (fresh_app would reload it), and each test starts by going to
    its page through the navigation."""
    if not module_page.url.startswith(site_url):
        fresh_app(module_page, site_url)
    module_page.wait_for_selector(IDLE)
    return module_page


def main(page):
    return page.locator("[data-testid='stMain']")


def go_to(page, name: str, base: str) -> None:
    """Click the page's sidebar link; wait for its title, its URL and the end of its run."""
    path, title, _ = PAGES[name]
    page.locator(LINKS).filter(has_text=name).click()
    page.wait_for_url(base + path)
    main(page).locator("h1").filter(has_text=title).wait_for()
    page.wait_for_selector(IDLE)


def no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.locator(
        "[data-testid='stException']").first.inner_text()


def test_every_page_draws_its_elements_through_the_navigation(app, site_url):
    page = app
    page.wait_for_selector(LINKS)
    links = [t.split("\n")[-1].strip() for t in page.locator(LINKS).all_inner_texts()]
    assert links == list(PAGES)
    assert page.locator("[data-testid='stNavSectionHeader']").all_inner_texts() == ["Elements", "Data"]
    for name, (_, _, testids) in PAGES.items():
        go_to(page, name, site_url)
        for testid in testids:
            assert main(page).get_by_test_id(testid).count() > 0, f"{name}: no {testid}"
        no_exception(page)
        if name == "Text":
            assert main(page).locator(".katex").count() == 1  # st.latex
        if name == "Charts":  # four Streamlit charts and the spec dict, each drawn
            main(page).locator("[data-testid='stVegaLiteChart'] svg, "
                               "[data-testid='stVegaLiteChart'] canvas").nth(4).wait_for()
            assert main(page).get_by_test_id("stVegaLiteChart").count() == 5
            main(page).locator("[data-testid='stGraphVizChart'] svg").wait_for()
        if name == "Media":
            assert main(page).locator("[data-testid='stImage'] img").count() == 1


def test_a_widget_changes_the_order(app, site_url):
    page = app
    go_to(page, "Widgets", site_url)
    summary = main(page).get_by_test_id("stAlertContentSuccess")
    assert "Ada orders 2 medium scoop(s) of Vanilla" in summary.inner_text()
    field = main(page).get_by_label("Your name")
    field.fill("Grace")
    run_after(page, lambda: field.press("Enter"))
    assert "Grace orders 2 medium" in summary.inner_text()
    click_and_wait_run(main(page).get_by_role("button", name="Say hello"))
    assert "Hello there!" in main(page).inner_text()
    no_exception(page)


def test_the_form_submits_and_the_dialog_signs_the_book(app, site_url):
    page = app
    go_to(page, "Forms & dialogs", site_url)
    guests = main(page).get_by_label("Guests")
    guests.fill("5")
    guests.press("Tab")
    click_and_wait_run(main(page).get_by_role("button", name="Order"))
    assert "Ordered Pizza for 5." in main(page).get_by_test_id("stAlertContentSuccess").inner_text()

    click_and_wait_run(main(page).get_by_role("button", name="Open the guest book"))
    dialog = page.get_by_role("dialog")
    assert "Sign the guest book" in dialog.inner_text()
    dialog.get_by_label("Your name").fill("Ada")
    dialog.get_by_label("Your name").press("Tab")
    run_after(page, lambda: dialog.get_by_role("button", name="Sign").click(), count=1)
    dialog.wait_for(state="detached")
    main(page).get_by_text("Signed by: Ada").wait_for()
    no_exception(page)


def test_the_clock_ticks_and_the_fragment_button_reruns_it(app, site_url):
    page = app
    go_to(page, "Fragments & state", site_url)
    ticks = main(page).get_by_text("Fragment ticks:")
    first = int(ticks.inner_text().split(":")[1])
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stCaptionContainer]')]"
        ".some(e => /Fragment ticks: (\\d+)/.test(e.textContent) && +RegExp.$1 >= n + 2)",
        arg=first, timeout=15_000)  # two ticks of the run_every=1 fragment
    roll = main(page).get_by_role("button", name="Roll a die")
    roll.click()
    main(page).get_by_text("Rolls: [").wait_for()
    count = main(page).get_by_role("button", name="Count (reruns the page)")
    count.click()
    main(page).locator("[data-testid='stMetricValue']").filter(has_text="1").first.wait_for()
    no_exception(page)
    go_to(page, "Welcome", site_url)  # leaves the ticking page: its timer stops
