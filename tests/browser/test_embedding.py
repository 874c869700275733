"""Apps embedded in a host page: <script type="text/x-wasmlit"> snippets (inline and src=),
the mount() API and its handle, many isolated apps sharing one Pyodide, requirements
installed offline from wheels the site ships, and the host page left as it was.

Every test blocks requests that leave the local server: nothing may come from the network.
"""
from __future__ import annotations

import json
import re

import pytest

from sites import build_site

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

REQUIREMENT_APP = """
import streamlit as st
from slugify import slugify
st.write(f"slug: {slugify('Hello Wörld, again')}")
"""

COUNTER = """
    import streamlit as st
    st.session_state.setdefault("n", 0)
    if st.button("Add to {name}"):
        st.session_state.n += 1
    st.write(f"{name} count: {{st.session_state.n}}")
    st.query_params["count"] = str(st.session_state.n)
    st.write(f"{name} query: {{st.query_params.get('count')}}")
"""

HOST_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Host page</title>
<script>window.__hostGlobals = Object.getOwnPropertyNames(window);</script>
<style>
  p.token {{ color: rgb(1, 2, 3); }}
  h1 {{ font-family: serif; }}
  button.host {{ background-color: rgb(4, 5, 6); }}
</style>
</head><body>
<h1 id="host-title">Host page</h1>
<p class="token punctuation" id="host-p">host text</p>
<button class="host" id="host-btn">host button</button>
<script type="text/x-wasmlit" id="app-a">{a}</script>
<script type="text/x-wasmlit" id="app-b">{b}</script>
<div id="slot"></div>
<script type="text/x-wasmlit" src="other.py" target="#slot"></script>
<script type="text/x-wasmlit" id="app-files" files="greeter/files.json"></script>
<script type="text/x-wasmlit" id="app-bad">
    import streamlit as st
    st.write("bad app starts")
    1 / 0
</script>
<p id="host-after">host text after the apps</p>
<script type="module" src="wasmlit.js"></script>
</body></html>
"""

MISSING_REQUIREMENT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<script type="text/x-wasmlit" requirements="no-such-package-wasmlit-test">
import streamlit as st
st.write("never shown")
</script>
<script type="module" src="wasmlit.js"></script>
</body></html>
"""

EMPTY_HOST = """<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<div id="one"></div><div id="two"></div>
</body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site of an app with a requirements.txt, plus host pages that embed apps."""
    work = tmp_path_factory.mktemp("embedding")
    folder = work / "dates"
    folder.mkdir()
    (folder / "app.py").write_text(REQUIREMENT_APP)
    (folder / "requirements.txt").write_text("python-slugify==8.0.4\n")  # not in Pyodide's lock: from PyPI
    out = build_site(folder, work / "site")
    (out / "host.html").write_text(HOST_PAGE.format(a=COUNTER.format(name="A"), b=COUNTER.format(name="B")))
    (out / "other.py").write_text("import streamlit as st\nst.write('loaded from other.py')\n")
    # A multi-file app as build.py lays one out: files.json beside app/ (here with a
    # helpers module whose name the page's other folder apps use too).
    greeter = out / "greeter"
    (greeter / "app").mkdir(parents=True)
    (greeter / "app" / "main.py").write_text(
        "import streamlit as st\nimport helpers\nst.write(helpers.greet(open('name.txt').read()))\n")
    (greeter / "app" / "helpers.py").write_text("def greet(name):\n    return f'greeter says hello to {name}'\n")
    (greeter / "app" / "name.txt").write_text("Ada")
    (greeter / "files.json").write_text(json.dumps({"entry": "main.py", "files": ["helpers.py", "main.py", "name.txt"]}))
    (out / "missing.html").write_text(MISSING_REQUIREMENT_PAGE)
    (out / "empty.html").write_text(EMPTY_HOST)
    return out


@pytest.fixture
def offline_page(page, site, serve):
    """A page whose requests may only reach the site's own server."""
    return offline(page, serve(site).url)


def offline(page, base: str):
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else route.abort())
    page.base = base
    return page


@pytest.fixture(scope="module")
def host_page(browser, browser_context_args, site, serve):
    """host.html, offline, opened once for the module (one Pyodide start for its five
    apps); its tests count on from the counts they find."""
    context = browser.new_context(**browser_context_args)
    page = offline(context.new_page(), serve(site).url)
    yield open_host(page)
    context.close()


def open_host(page):
    page.goto(page.base + "host.html")
    page.wait_for_function(f"document.querySelectorAll(\"{IDLE}\").length === 5", timeout=120_000)
    return page


def app_text(page, snippet_id):
    return page.locator(f"#{snippet_id} + .wl-embed [data-testid='stMain']").inner_text()


def count(page, snippet_id, name) -> int:
    return int(re.search(rf"{name} count: (\d+)", app_text(page, snippet_id)).group(1))


def click_and_settle(page, name, snippet_id, text):
    """Click, wait for `text` in that app (its run's result), then for all five apps idle.
    (No run counter: the host page must keep only its own globals.)"""
    page.get_by_role("button", name=name).click()
    page.locator(f"#{snippet_id} + .wl-embed [data-testid='stMain']").get_by_text(
        text, exact=True).wait_for(timeout=30_000)
    page.wait_for_function(f"document.querySelectorAll(\"{IDLE}\").length === 5", timeout=30_000)


def test_inline_and_src_apps_render_where_they_stand_with_separate_state(host_page):
    page = host_page
    a, b = count(page, "app-a", "A"), count(page, "app-b", "B")
    click_and_settle(page, "Add to A", "app-a", f"A count: {a + 1}")
    click_and_settle(page, "Add to A", "app-a", f"A count: {a + 2}")
    click_and_settle(page, "Add to B", "app-b", f"B count: {b + 1}")
    assert f"A count: {a + 2}" in app_text(page, "app-a")
    assert f"B count: {b + 1}" in app_text(page, "app-b")
    # Query params of embedded apps are their own: the host page's URL stays as it was.
    assert f"B query: {b + 1}" in app_text(page, "app-b")
    assert page.url == page.base + "host.html"
    assert "loaded from other.py" in page.locator("#slot").inner_text()
    assert "greeter says hello to Ada" in app_text(page, "app-files")
    # Each app sits right after its own tag (the src= one in its target), in document order.
    order = page.evaluate("""[...document.querySelectorAll("[data-testid='stApp']")]
        .map(app => app.innerText.includes('A count') ? 'A' : app.innerText.includes('B count') ? 'B'
             : app.innerText.includes('other.py') ? 'src' : app.innerText.includes('greeter') ? 'files'
             : 'bad')""")
    assert order == ["A", "B", "src", "files", "bad"]


def test_a_failing_app_shows_its_error_and_the_others_keep_working(host_page):
    page = host_page
    bad = page.locator("#app-bad + .wl-embed")
    assert "ZeroDivisionError" in bad.locator("[data-testid='stException']").inner_text()
    assert page.locator("[data-testid='stException']").count() == 1
    b = count(page, "app-b", "B")
    click_and_settle(page, "Add to B", "app-b", f"B count: {b + 1}")
    assert f"B count: {b + 1}" in app_text(page, "app-b")


def test_the_host_page_keeps_its_content_styles_and_globals(host_page):
    page = host_page
    styles = page.evaluate("""() => ({
        p: getComputedStyle(document.getElementById('host-p')).color,
        h1: getComputedStyle(document.getElementById('host-title')).fontFamily,
        button: getComputedStyle(document.getElementById('host-btn')).backgroundColor,
        bodyMargin: getComputedStyle(document.body).margin,
    })""")
    assert styles == {"p": "rgb(1, 2, 3)", "h1": "serif", "button": "rgb(4, 5, 6)", "bodyMargin": "8px"}
    assert page.locator("#host-after").inner_text() == "host text after the apps"
    added = page.evaluate("Object.getOwnPropertyNames(window).filter(n => !window.__hostGlobals.includes(n))")
    assert added == ["__hostGlobals"]  # the host's own probe; wasmlit added nothing


def test_an_app_whose_requirement_cannot_be_installed_says_so_in_the_page(offline_page):
    page = offline_page
    page.goto(page.base + "missing.html")
    alert = page.locator(".wl-load-error[role='alert']")
    alert.wait_for(timeout=120_000)
    text = alert.inner_text()
    assert "could not install the requirements" in text and "no-such-package-wasmlit-test" in text


def test_a_requirement_shipped_by_build_py_installs_offline(offline_page):
    page = offline_page
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page.base)
    page.wait_for_selector(IDLE, timeout=120_000)
    assert "slug: hello-world-again" in page.locator("[data-testid='stMain']").inner_text()
    assert any(url.endswith(".whl") and "python_slugify" in url for url in requests)
    assert all(url.startswith(page.base) or url.startswith(("data:", "blob:")) for url in requests)


MOUNT_TWO_FOLDER_APPS = """async () => {
  const { mount, mounted } = await import("./wasmlit.js");
  const events = [];
  const app = (word) => ({
    files: { "app.py": "import streamlit as st\\nimport helpers\\nst.write('says ' + helpers.WORD)\\n",
             "helpers.py": `WORD = '${word}'\\n` },
    entrypoint: "app.py",
  });
  const one = mount(document.getElementById("one"), app("one"));
  const two = mount(document.getElementById("two"), app("two"));
  for (const type of ["ready", "scriptstate", "error"]) {
    one.addEventListener(type, (e) => events.push([type, e.detail.state ?? e.detail.message ?? ""]));
  }
  await Promise.all([one.ready, two.ready]);
  await new Promise((resolve) => one.state === "notRunning" ? resolve() : one.addEventListener("ready", resolve));
  await new Promise((resolve) => two.state === "notRunning" ? resolve() : two.addEventListener("ready", resolve));
  const texts = [document.getElementById("one").innerText, document.getElementById("two").innerText];
  const before = mounted().length;
  one.unmount();
  return { events, texts, before, after: mounted().length, emptied: document.getElementById("one").children.length };
}"""

MOUNT_FAILING_APP = """async () => {
  const { mount } = await import("./wasmlit.js");
  const app = mount(document.getElementById("one"), { code: "import streamlit as st\\nst.write('hi')\\nraise ValueError('broken on purpose')\\n" });
  const error = new Promise((resolve) => app.addEventListener("error", (e) => resolve(e.detail)));
  return await error;
}"""


def test_mount_returns_a_handle_with_events_and_unmount_and_isolates_folder_apps(offline_page):
    page = offline_page
    page.goto(page.base + "empty.html")
    result = page.evaluate(MOUNT_TWO_FOLDER_APPS)
    assert "says one" in result["texts"][0] and "says two" in result["texts"][1]
    assert ["scriptstate", "running"] in result["events"] and ["scriptstate", "notRunning"] in result["events"]
    assert any(kind == "ready" for kind, _ in result["events"])
    assert not any(kind == "error" for kind, _ in result["events"])
    assert (result["before"], result["after"], result["emptied"]) == (2, 1, 0)


def test_mount_reports_an_uncaught_exception_as_an_error_event(offline_page):
    page = offline_page
    page.goto(page.base + "empty.html")
    detail = page.evaluate(MOUNT_FAILING_APP)
    assert detail == {"message": "broken on purpose", "type": "ValueError", "during": "run"}
    assert "broken on purpose" in page.locator("[data-testid='stException']").inner_text()
