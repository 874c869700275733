"""Shipping an app: a multi-file app folder (data file read with open(), helper module
imported) as a site, and an app as one HTML file that runs opened straight from disk
(file://, no server, no special browser flags)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from sites import ROOT, build_site

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

MULTI_APP = '''
import csv
import streamlit as st
import helpers
with open("data/cities.csv", newline="") as f:
    rows = list(csv.DictReader(f))
st.write(helpers.greet(len(rows)))
st.write("cities: " + ", ".join(r["name"] for r in rows))
'''

SINGLE_APP = '''
import streamlit as st
st.title("One-file app")
st.latex(r"e^{i\\pi} + 1 = 0")
st.line_chart({"sales": [3, 1, 4, 1, 5]})
if st.button("Press me"):
    st.write("button was pressed")
'''


@pytest.fixture(scope="module")
def multi_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("multi")
    folder = work / "myapp"
    (folder / "data").mkdir(parents=True)
    (folder / "app.py").write_text(MULTI_APP)
    (folder / "helpers.py").write_text("def greet(n):\n    return f'helper says {n} rows'\n")
    (folder / "data" / "cities.csv").write_text("name,pop\nOslo,700000\nLima,9000000\n")
    return build_site(folder, work / "site")


@pytest.fixture(scope="module")
def nested_entry_site(tmp_path_factory):
    """A folder whose entry (named with --entry) sits in a subfolder."""
    work = tmp_path_factory.mktemp("nested")
    folder = work / "proj"
    (folder / "src").mkdir(parents=True)
    (folder / "src" / "main.py").write_text(
        "import streamlit as st\nimport helpers\nst.write(helpers.WORD + ' ' + open('notes.txt').read())\n")
    (folder / "helpers.py").write_text("WORD = 'nested'\n")
    (folder / "notes.txt").write_text("entry works")
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(folder), "--entry", "src/main.py",
                           "--out", str(work / "site")], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return work / "site"


@pytest.fixture(scope="module")
def single_file(tmp_path_factory):
    work = tmp_path_factory.mktemp("single")
    app = work / "one.py"
    app.write_text(SINGLE_APP)
    out = work / "one.html"
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), "--single-file", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return out


def test_multi_file_app_opens_its_data_and_imports_its_module(multi_site, serve, page):
    page.goto(serve(multi_site).url)
    page.wait_for_selector(IDLE, timeout=120_000)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "helper says 2 rows" in text and "cities: Oslo, Lima" in text


def test_entry_in_a_subfolder_runs_from_the_app_folder(nested_entry_site, serve, page):
    page.goto(serve(nested_entry_site).url)
    page.wait_for_selector(IDLE, timeout=120_000)
    assert "nested entry works" in page.locator("[data-testid='stMain']").inner_text()


def test_single_file_runs_from_disk_and_reacts(single_file, page):
    failed: list[str] = []
    elsewhere: list[str] = []  # anything but the page itself and what it makes from itself
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("request", lambda request: request.url.startswith(("data:", "blob:", single_file.as_uri()))
            or elsewhere.append(request.url))
    page.goto(single_file.as_uri())
    page.get_by_role("heading", name="One-file app").wait_for(timeout=120_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    assert page.locator(".katex-html").count() == 1
    # The chart library travels inside the file too (the app uses a chart command).
    page.locator("[data-testid='stVegaLiteChart'] svg g.mark-line path").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="Press me").click()
    page.get_by_text("button was pressed").wait_for(timeout=60_000)
    assert failed == [] and elsewhere == []
