"""Big input in Chromium (issue 9, point 5): a 1 MB Markdown string, a 100,000-row table
(st.dataframe and st.table) and a 50 MB uploaded file are handled without a crash or a
long frozen page; each test prints how long it took, and the page answers a click after."""
from __future__ import annotations

import time

import pytest

from sites import IDLE, build_source_site, fresh_app

# A million DOM nodes and a 50 MB file: run alone (scripts/test.sh's serial pass), so the
# figures it prints are the page's own and a second Chromium does not starve its clicks.
pytestmark = pytest.mark.serial

APP = '''
import streamlit as st

ROWS = 100_000
show = st.radio("Show", ["nothing", "markdown", "dataframe", "table"], horizontal=True)
st.session_state.setdefault("pings", 0)
if st.button("Ping"):
    st.session_state.pings += 1
st.text(f"pings: {st.session_state.pings}")
if show == "markdown":
    line = "Paragraph with **bold**, *emphasis*, `code` and a [link](https://example.com).\\n\\n"
    body = line * (1_000_000 // len(line) + 1)
    st.text(f"markdown bytes: {len(body)}")
    st.markdown(body)
elif show in ("dataframe", "table"):
    data = {"n": list(range(ROWS)), "half": [i / 2 for i in range(ROWS)],
            "label": [f"row {i}" for i in range(ROWS)]}
    getattr(st, show)(data)
    st.text(f"{show} rows: {ROWS}")
upload = st.file_uploader("Upload a file")
if upload is not None:
    data = upload.getvalue()
    st.text(f"uploaded {upload.name}: {len(data)} bytes, last byte {data[-1]}")
'''


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_source_site(tmp_path_factory, "big_input", APP)).url


@pytest.fixture
def app(module_page, site_url):
    """A fresh app (new session) in the module's page: one Pyodide start for the module."""
    page = fresh_app(module_page, site_url)
    page.get_by_text("pings: 0").wait_for(timeout=60000)
    return page


# Waits look at st.text elements only: Playwright's text locators would scan every one of
# the table's million DOM nodes on each poll and inflate the timings.
HAS_TEXT = """(prefix) => [...document.querySelectorAll("[data-testid='stText']")]
  .some((el) => el.textContent.startsWith(prefix))"""


def wait_text(page, prefix: str, timeout: int) -> None:
    page.wait_for_function(HAS_TEXT, arg=prefix, timeout=timeout, polling=100)


def still_answers(page) -> float:
    """A click after the big element is handled (the page is not frozen or crashed);
    returns the seconds from the click to the rerun's result."""
    pings = page.evaluate("""() => [...document.querySelectorAll("[data-testid='stText']")]
        .find((el) => el.textContent.startsWith("pings:")).textContent""")
    start = time.monotonic()
    page.get_by_role("button", name="Ping").click()
    wait_text(page, f"pings: {int(pings.split()[-1]) + 1}", 30000)  # a rerun ran and redrew it
    return time.monotonic() - start


def timed(page, choice: str, done: str, timeout: int) -> float:
    """Seconds from the click until the run it started has drawn everything: `done` shows
    and the run has ended (each element is sent as it is written, so `done` may show
    before a big element written after it)."""
    start = time.monotonic()
    page.get_by_text(choice, exact=True).click()
    wait_text(page, done, timeout)
    page.wait_for_selector(IDLE, timeout=timeout)
    return time.monotonic() - start


def test_a_1_mb_markdown_string(app):
    seconds = timed(app, "markdown", "markdown bytes:", 30000)
    last = app.get_by_test_id("stMarkdownContainer").filter(has_text="Paragraph with").last
    paragraphs = last.locator("p").count()
    assert paragraphs > 10000
    assert last.locator("strong").count() == paragraphs
    print(f"\n1 MB markdown: shown in {seconds:.2f} s, {paragraphs} paragraphs; "
          f"a click after it answered in {still_answers(app):.2f} s")


def test_a_100000_row_dataframe(app):
    seconds = timed(app, "dataframe", "dataframe rows: 100000", 30000)
    grid = app.get_by_test_id("stDataFrame")
    grid.get_by_text("row 3", exact=True).first.wait_for(timeout=10000)
    cells = grid.locator("[role=gridcell], td").count()
    assert cells < 5000  # virtualised
    print(f"\n100,000-row st.dataframe: shown in {seconds:.2f} s, {cells} cells in the DOM; "
          f"a click after it answered in {still_answers(app):.2f} s")


def test_a_100000_row_table(app):
    seconds = timed(app, "table", "table rows: 100000", 60000)
    table = app.get_by_test_id("stTableStyledTable")
    rows = table.locator("tbody tr").count()
    assert rows == 100000  # Streamlit 1.50 draws every row of st.table
    assert table.locator("tbody tr").last.inner_text().startswith("99999")
    print(f"\n100,000-row st.table: shown in {seconds:.2f} s, {rows} rows; "
          f"a click after it answered in {still_answers(app):.2f} s")


def test_a_50_mb_upload(app, tmp_path):
    big = tmp_path / "big.bin"  # Playwright takes buffers up to 50 MB only: pass a file
    big.write_bytes(bytes(range(256)) * (50 * 1024 * 1024 // 256))
    start = time.monotonic()
    app.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(big)
    size = big.stat().st_size
    wait_text(app, f"uploaded big.bin: {size} bytes, last byte 255", 60000)
    seconds = time.monotonic() - start
    print(f"\n50 MB upload: read by the script in {seconds:.2f} s; "
          f"a click after it answered in {still_answers(app):.2f} s")
