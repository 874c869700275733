"""A site built with --offline-cache (buildlib/offline_cache.py, web/offline-cache.js) in
Chromium: the first visit registers its service worker, which caches every file of the site
and takes over the page; then, with the server gone and the browser offline, a reload runs
the app from the cache, the Python worker's files (Pyodide, the wheels) included, and a page
URL of the site still gets its index.html.

(page.route does not see requests a service worker answers: the server is closed instead.)"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sites import IDLE, ROOT, StaticServer, click_and_wait_run, open_idle, site_file

KEEP_SNAPSHOT_AFTER_MS = 3000  # web/python-worker.js

APP = '''
import streamlit as st
st.title("Offline app")
if st.button("Go"):
    st.write("clicked while offline")
'''

CACHED = """
async () => {
  const registration = await navigator.serviceWorker.ready;
  const names = (await caches.keys()).filter((name) => name.startsWith("wasmlit-offline "));
  const cached = names.length === 1 ? (await (await caches.open(names[0])).keys()).length : -1;
  return { scope: registration.scope, controlled: Boolean(navigator.serviceWorker.controller),
           names: names.length, cached };
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    (work / "app.py").write_text(APP, "utf-8")
    out = work / "site"
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(work / "app.py"),
                           "--out", str(out), "--offline-cache"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return out


def listed_files(site) -> int:
    return len(re.findall(r'^"[^"]+": "[0-9a-f]+",?$', (site / "sw.js").read_text("utf-8"), re.M))


def test_a_first_visit_downloads_the_snapshot_once_for_the_offline_cache(browser, browser_context_args, site):
    # A host that lets browsers keep files: without the offline cache, the page itself would
    # fetch the snapshot for the next visit (KEEP_SNAPSHOT_AFTER_MS after the first run).
    server = StaticServer(site, headers={"Cache-Control": "no-cache"})
    context = browser.new_context(**browser_context_args)
    try:
        # Downloads of the snapshot, by the page, its workers and the service worker (a look
        # into the HTTP cache, only-if-cached, that finds nothing fails: it is none).
        downloads: list[str] = []
        context.on("requestfinished", lambda request: downloads.append(request.url)
                   if request.url.rsplit("/", 1)[-1].startswith("snapshot.") else None)
        page = context.new_page()
        open_idle(page, server.url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)
        assert page.evaluate(CACHED)["cached"] == listed_files(site)  # the snapshot among them
        page.wait_for_timeout(KEEP_SNAPSHOT_AFTER_MS + 2000)  # past the page's own keep
        assert len(downloads) == 1, downloads  # the service worker's, not the page's too
        assert page.evaluate("performance.getEntriesByName('wasmlit:snapshot-kept').length") == 0
    finally:
        context.close()
        server.close()


def test_the_site_runs_offline_from_its_cache(browser, browser_context_args, site):
    server = StaticServer(site)
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        served = []  # what the service worker answered (the Python worker's requests too)
        page.on("response", lambda r: served.append(r.url) if r.from_service_worker else None)
        open_idle(page, server.url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)
        state = page.evaluate(CACHED)
        assert state == {"scope": server.url, "controlled": True, "names": 1, "cached": listed_files(site)}

        server.close()
        context.set_offline(True)
        served.clear()
        page.reload()
        page.wait_for_selector(IDLE, timeout=60000)
        assert page.get_by_text("Offline app").is_visible()
        # Python came from the site's snapshot, which the cache holds with the rest
        assert page.evaluate("performance.getEntriesByName('wasmlit:snapshot-restored').length") == 1
        click_and_wait_run(page.get_by_role("button", name="Go"))
        assert page.get_by_text("clicked while offline").is_visible()
        names = {url.removeprefix(server.url) for url in served}
        hashed = {site_file(site, rel).relative_to(site).as_posix()  # the names the page asks for
                  for rel in ("wasmlit.js", "python-worker.js", "pyodide/pyodide.asm.wasm")}
        assert {""} | hashed <= names, sorted(names)

        answer = page.goto(server.url + "another_page")  # a multipage app's page URL
        assert answer is not None and answer.ok and answer.from_service_worker
        assert page.locator("[data-wasmlit-app]").count() == 1
    finally:
        context.close()
        server.close()
