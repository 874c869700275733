"""The Pyodide memory snapshot in Chromium (buildlib/snapshot.py): a first visit starts
Python as without one and then keeps the snapshot in the HTTP cache; the next visit
restores it, and the restored Python runs apps as a started one does (its own random
numbers and this browser's time zone, time.sleep that lets the page's Stop in). A host that
forbids caching never gets the snapshot fetched. (Packages on a restored page:
tests/browser/test_distribution_packages.py.)"""
from __future__ import annotations

import pytest

from buildlib.snapshot import NAME
from buildlib.static_server import StaticServer
from sites import IDLE, build_source_site, run_after, site_names, wait_snapshot_kept

APP = '''
import datetime
import locale
import os
import random
import sys
import time
import streamlit as st
from pyodide.ffi import can_run_sync

w = sys.modules["wasmlit"]
st.text(f"loader: {type(w.__loader__).__name__} {w.__cached__}")
st.text(f"random: {random.random()}")
st.text(f"can run sync: {can_run_sync()}")
st.text(f"python: {locale.getlocale()} {os.environ.get('LANG')} {sys.executable} {os.environ.get('_')} "
        f"{sys.path.count('')} {'PYTHONHASHSEED' in os.environ}")
st.text(f"zone: {time.tzname} {time.timezone} {time.altzone} {time.daylight} {time.strftime('%Z', time.localtime(1768478400))} "
        f"{datetime.datetime(2026, 1, 15, 12).astimezone().tzname()}")
if st.button("Sleep"):
    for i in range(50):
        st.text(f"step {i}")
        time.sleep(0.2)
    st.text("slept")
'''

KEPT = "wasmlit:snapshot-kept"
RESTORED = "wasmlit:snapshot-restored"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "snapshot", APP)


@pytest.fixture(scope="module")
def caching_server(site):
    # As a static host that lets the browser cache files (and revalidate them).
    server = StaticServer(site, headers={"Cache-Control": "no-cache"})
    yield server
    server.close()


def marks(page, name: str) -> int:
    return page.evaluate("(name) => performance.getEntriesByName(name).length", name)


def texts(page, prefix: str) -> list[str]:
    return [t for t in page.get_by_test_id("stText").all_inner_texts() if t.startswith(prefix)]


def snapshot_downloads(page) -> list[str]:
    """The snapshot's requests that got an answer (a look into the cache, only-if-cached,
    that finds nothing fails: it is no download)."""
    done: list[str] = []
    page.on("requestfinished", lambda request: done.append(request.url)
            if request.url.rsplit("/", 1)[-1].startswith("snapshot.") else None)
    return done


def test_the_site_has_a_snapshot_by_default(site):
    assert NAME in site_names(site)  # startup.json names it; the file carries its hash


def test_a_first_visit_keeps_the_snapshot_that_the_next_visit_restores(caching_server, page):
    requested = snapshot_downloads(page)
    page.goto(caching_server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    assert marks(page, RESTORED) == 0  # a first visit starts Python: the snapshot is not on its way
    first = texts(page, "random: ")
    # Some seconds after the first run, the snapshot is fetched for the next visit.
    wait_snapshot_kept(page)
    assert len(requested) == 1

    page.reload()
    page.wait_for_selector(IDLE, timeout=60000)
    assert marks(page, RESTORED) == 1
    assert marks(page, KEPT) == 0  # nothing more to keep
    assert texts(page, "loader: ") == [
        "loader: SourcelessFileLoader /lib/python3.14/site-packages/wasmlit/__init__.pyc"]
    assert texts(page, "random: ") != first  # its own numbers, not the snapshot's sequence
    # JSPI works in the restored Python: a run can suspend (packages loaded mid-run need
    # it), and the page's Stop reaches a run that sleeps on a host that is not isolated.
    assert texts(page, "can run sync: ") == ["can run sync: True"]
    page.get_by_role("button", name="Sleep").click()
    page.get_by_text("step 2", exact=True).wait_for(timeout=30000)
    page.get_by_test_id("stStatusWidget").get_by_role("button", name="Stop").click()
    page.wait_for_selector(IDLE, timeout=10000)
    assert texts(page, "slept") == []
    assert len(texts(page, "step ")) < 20
    # and it runs on as a started one does
    run_after(page, lambda: page.get_by_role("button", name="Sleep").click(), timeout=60000)
    assert texts(page, "slept") == ["slept"]


def test_a_host_that_forbids_caching_never_gets_it_fetched(site, serve, page):
    server = serve(site)  # Cache-Control: no-store
    requested = snapshot_downloads(page)
    page.goto(server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    # Kept: proving nothing is fetched means waiting past the moment a first visit would
    # fetch it (python-worker.js KEEP_SNAPSHOT_AFTER_MS, 3 s after the first run).
    page.wait_for_timeout(4500)
    assert requested == [] and marks(page, KEPT) == 0
    page.reload()
    page.wait_for_selector(IDLE, timeout=60000)
    assert marks(page, RESTORED) == 0


def test_a_restored_python_has_the_browsers_time_zone_and_language(browser, caching_server):
    # The snapshot was made on the build machine (under Node, UTC here): a restored Python
    # reports the zone a started one does (here one with summer time in January and half
    # hours) and the browser's language, and nothing of the machine that made it.
    context = browser.new_context(timezone_id="Australia/Adelaide", locale="de-DE")
    try:
        page = context.new_page()
        page.goto(caching_server.url)
        page.wait_for_selector(IDLE, timeout=60000)
        started = texts(page, "zone: ") + texts(page, "python: ")
        assert started == ["zone: ('UTC+0930', 'UTC+1030') -34200 -37800 1 UTC+1030 UTC+1030",
                           "python: ('de_DE', 'UTF-8') de_DE.UTF-8 /home/pyodide/this.program "
                           "./this.program 1 False"]
        wait_snapshot_kept(page)
        page.reload()
        page.wait_for_selector(IDLE, timeout=60000)
        assert marks(page, RESTORED) == 1
        assert texts(page, "zone: ") + texts(page, "python: ") == started
    finally:
        context.close()
