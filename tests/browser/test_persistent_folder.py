"""Files that last (issue 21): `build.py --app APP --persist data` keeps the files the app
writes under data/ in the browser's IndexedDB, so a reload finds them; another site on the
same origin does not, nor does a file the app writes outside data/. When the browser will
not keep them (storage full: a real quota set through CDP; refused: Chromium's "block all
site data" setting, which makes IndexedDB.open fail with "The user denied permission"), the
app still runs, with the folder in memory, and says so once (stPersistNotice); the console
says why."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from sites import IDLE, ROOT, StaticServer, click_and_wait_run, runs_ended, wait_runs

APP = '''
import os
import streamlit as st

def read(path):
    return open(path).read() if os.path.exists(path) else "none"

st.write(f"note: {read('data/note.txt')}")
st.write(f"deep: {read('data/sub/deep.txt')}")
st.write(f"outside: {read('outside.txt')}")
st.write(f"gone: {read('data/gone.txt')}")
if st.button("Save"):
    os.makedirs("data/sub", exist_ok=True)
    with open("data/note.txt", "w") as f:
        f.write("kept 1")
    with open("data/sub/deep.txt", "w") as f:
        f.write("deep kept")
    with open("outside.txt", "w") as f:
        f.write("should not last")
    st.write(f"saved: {read('data/note.txt')}, {read('outside.txt')}")
if st.button("Save big"):
    with open("data/big.bin", "wb") as f:
        f.write(os.urandom(2_000_000))
    st.write("saved big")
if st.button("Delete"):
    os.remove("data/gone.txt")
if st.button("Ping"):
    st.write("pong")
if st.button("Loop"):
    st.write("looping with no st call")
    while True:
        pass
'''

NOTICE = "[data-testid='stPersistNotice']"


def build(args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """Two copies of the site on one origin: /a/ and /b/."""
    work = tmp_path_factory.mktemp("persist")
    app = work / "persist_app.py"
    app.write_text(APP)
    result = build(["--app", app, "--out", work / "root" / "a", "--persist", "data"])
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copytree(work / "root" / "a", work / "root" / "b")
    return work / "root"


@pytest.fixture(scope="module")
def server(root):
    server = StaticServer(root)
    yield server
    server.close()


def open_app(page, url):
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60000)
    # The first paint (made at build time, with no stored files) is drawn before Python has
    # loaded; wait for the live run: its text says where it runs.
    page.get_by_text("outside:").wait_for(timeout=60000)
    return page


def text_of(page, label):
    return page.locator("[data-testid='stMarkdownContainer']", has_text=f"{label}:").first.inner_text()


def test_index_html_names_the_folder(root):
    assert 'data-wasmlit-persist="data"' in (root / "a" / "index.html").read_text()


def test_a_saved_file_is_there_after_a_reload_and_only_there(browser, server):
    context = browser.new_context()
    try:
        page = open_app(context.new_page(), server.url + "a/")
        assert text_of(page, "note") == "note: none"
        click_and_wait_run(page.get_by_role("button", name="Save", exact=True))
        assert text_of(page, "saved") == "saved: kept 1, should not last"

        page.reload()  # at once: the sync at the run's end is what keeps the file
        page.wait_for_selector(IDLE, timeout=60000)
        page.get_by_text("note: kept 1").wait_for(timeout=60000)
        page.wait_for_selector(IDLE, timeout=60000)
        assert text_of(page, "deep") == "deep: deep kept"  # subfolders too
        assert text_of(page, "outside") == "outside: none"  # outside data/: memory only
        assert not page.locator(NOTICE).count()

        other = open_app(context.new_page(), server.url + "b/")  # same origin, another site
        assert text_of(other, "note") == "note: none"
        stored = page.evaluate("async () => (await indexedDB.databases()).map((d) => d.name).sort()")
        # Under "app.py", whatever the app's file is called: where sites built when every
        # one-file app was app.py keep their files, so a rebuild finds them.
        assert stored == ["wasmlit-files /a/ app.py data", "wasmlit-files /b/ app.py data"], stored
    finally:
        context.close()


def test_a_deleted_file_stays_deleted(browser, server):
    context = browser.new_context()
    try:
        page = open_app(context.new_page(), server.url + "a/")
        # A file in the store (written here as the worker writes it) is in the folder after a
        # reload; the app deletes it; after another reload it is still gone.
        page.evaluate("""async () => {
          const db = await new Promise((ok, no) => { const r = indexedDB.open("wasmlit-files /a/ app.py data", 1);
            r.onupgradeneeded = () => r.result.createObjectStore("entries"); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
          await new Promise((ok) => { const tx = db.transaction("entries", "readwrite");
            tx.objectStore("entries").put({dir: false, mode: 0o100644, mtime: Date.now(),
              contents: new TextEncoder().encode("to be deleted")}, "gone.txt");
            tx.oncomplete = ok; });
          db.close();
        }""")
        page.reload()
        page.get_by_text("gone: to be deleted").wait_for(timeout=60000)
        page.wait_for_selector(IDLE, timeout=60000)
        click_and_wait_run(page.get_by_role("button", name="Delete", exact=True))
        click_and_wait_run(page.get_by_role("button", name="Ping", exact=True))
        page.get_by_text("gone: none").wait_for()
        page.reload()
        open_app(page, server.url + "a/")
        assert text_of(page, "gone") == "gone: none"
    finally:
        context.close()


def test_storage_full_shows_a_notice_and_the_app_runs_on(browser, server):
    context = browser.new_context()
    try:
        page = context.new_page()
        messages = []
        page.on("console", lambda message: messages.append(message.text))
        cdp = context.new_cdp_session(page)
        cdp.send("Storage.overrideQuotaForOrigin", {"origin": server.url.rstrip("/"), "quotaSize": 200_000})
        open_app(page, server.url + "a/")
        click_and_wait_run(page.get_by_role("button", name="Save big", exact=True))
        notice = page.locator(NOTICE)
        notice.wait_for(timeout=30000)
        assert "storage for this site is full" in notice.inner_text()
        assert "data/" in notice.inner_text()
        assert any("QuotaExceededError" in text for text in messages), messages
        click_and_wait_run(page.get_by_role("button", name="Ping", exact=True))  # still runs
        page.get_by_text("pong").wait_for()
        assert page.locator(NOTICE).count() == 1  # once
        click_and_wait_run(page.get_by_role("button", name="Save big", exact=True))
        assert page.locator(NOTICE).count() == 1
        page.locator(NOTICE).get_by_role("button", name="Close", exact=True).click()
        assert not page.locator(NOTICE).count()
    finally:
        context.close()


def test_storage_refused_shows_a_notice_and_the_app_runs_on(browser_type, browser_type_launch_args,
                                                            server, tmp_path):
    """Chromium set to block all sites' data (cookies, IndexedDB...): IndexedDB.open fails."""
    (tmp_path / "Default").mkdir()
    (tmp_path / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}))
    context = browser_type.launch_persistent_context(tmp_path, **browser_type_launch_args)
    try:
        page = context.new_page()
        messages = []
        page.on("console", lambda message: messages.append(message.text))
        open_app(page, server.url + "a/")
        notice = page.locator(NOTICE)
        notice.wait_for(timeout=30000)
        assert "refused" in notice.inner_text()
        assert any("denied permission" in text for text in messages), messages
        click_and_wait_run(page.get_by_role("button", name="Save", exact=True))  # the folder is memory only
        assert text_of(page, "saved") == "saved: kept 1, should not last"
        assert page.locator(NOTICE).count() == 1
    finally:
        context.close()


def test_after_python_restarts_the_folder_is_filled_again(browser, server):
    """Stop on a loop with no st call restarts Python on a page that is not cross-origin
    isolated: the fresh Python's folder is filled from the browser's storage again."""
    context = browser.new_context()
    try:
        page = open_app(context.new_page(), server.url + "a/")
        click_and_wait_run(page.get_by_role("button", name="Save", exact=True))
        before = runs_ended(page)
        page.get_by_role("button", name="Loop", exact=True).click()
        page.get_by_text("looping with no st call").wait_for()
        page.get_by_test_id("stStatusWidget").get_by_role("button", name="Stop").click()
        wait_runs(page, before)
        page.get_by_test_id("stRestartNotice").wait_for()
        page.get_by_text("note: kept 1").wait_for(timeout=30000)
        assert not page.locator(NOTICE).count()
    finally:
        context.close()


def test_a_one_file_page_keeps_its_files_on_file_urls(browser, tmp_path):
    """--single-file: opened from disk (file://, where Chromium gives every file one origin),
    the page keeps its files under its own path: a copy under another name starts empty."""
    app = tmp_path / "persist_app.py"
    app.write_text(APP)
    page_file = tmp_path / "one.html"
    result = build(["--app", app, "--single-file", page_file, "--persist", "data"])
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copy(page_file, tmp_path / "other.html")
    context = browser.new_context()
    try:
        page = open_app(context.new_page(), page_file.as_uri())
        click_and_wait_run(page.get_by_role("button", name="Save", exact=True))
        page.reload()
        page.get_by_text("note: kept 1").wait_for(timeout=60000)
        assert not page.locator(NOTICE).count()
        other = open_app(context.new_page(), (tmp_path / "other.html").as_uri())
        assert text_of(other, "note") == "note: none"
    finally:
        context.close()


# Two apps an embedder mounts on one page, with the same entry name and folder: each keeps
# its own files (the second one's key is told apart by mount order).
MOUNT_TWO = """async (base) => {
  const { mount } = await import(base + "wasmlit.js");
  for (const name of ["A", "B"]) {
    const element = document.createElement("div");
    element.id = "app-" + name;
    document.body.append(element);
    const code = `import streamlit as st\\nwith open("data/who.txt", "a") as f:\\n    f.write("${name}")\\n` +
      `st.write("who: " + open("data/who.txt").read())`;
    await mount(element, { code, filename: "notes.py", persist: "data" }).ready;
  }
}"""


def test_two_apps_on_one_page_keep_their_own_files(browser, server):
    context = browser.new_context()
    try:
        page = open_app(context.new_page(), server.url + "a/")
        for visit in (1, 2):
            if visit == 2:
                page.reload()
                open_app(page, server.url + "a/")
            page.evaluate(MOUNT_TWO, server.url + "a/")
            page.wait_for_selector(IDLE + " >> nth=2")
            for name in "AB":
                shown = page.locator(f"#app-{name}").get_by_text("who:").inner_text()
                assert shown == f"who: {name * visit}", (visit, name, shown)
    finally:
        context.close()
