"""Built sites and a local static server for browser tests."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # buildlib
from buildlib.static_server import StaticServer  # noqa: E402,F401  (the tests' server)
from buildlib.hashed_names import read_names, site_path  # noqa: E402


def site_file(site: Path, rel: str) -> Path:
    """The file web/ asks for as rel ("wasmlit.css", "pyodide/pyodide-lock.json") in a built
    site, whose names carry content hashes (buildlib/hashed_names.py)."""
    return site_path(site, rel)


def site_names(site: Path) -> dict[str, str]:
    """{plain name: hashed name} of a built site ({} when its names carry no hashes)."""
    return read_names(site)


def is_asset_url(url: str, name: str) -> bool:
    """Whether url fetches the site's top-level file `name` ("vega.js"), under its plain
    name or its content-hashed one ("vega.3f9a1c2e.js", buildlib/hashed_names.py)."""
    stem, dot, ext = name.rpartition(".")
    return re.search(rf"/{re.escape(stem)}(\.[0-9a-f]{{8}})?\.{re.escape(ext)}$", url.split("?")[0]) is not None


def build_site(app: Path, out: Path, *options: str) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app),
                             "--out", str(out), *options], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def build_source_site(tmp_path_factory, name: str, source: str) -> Path:
    """A site for an app given as source text (one per test module)."""
    work = tmp_path_factory.mktemp(name)
    app = work / f"{name}_app.py"
    app.write_text(source)
    return build_site(app, work / "site")


def open_idle(page, url: str):
    """Load the app and wait for its first run to end."""
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60000)
    return page


# How long an interaction that started no run is given to start one before settle() takes
# the app as idle. An interaction that did start a run ends the wait when that run ends.
RUN_START_GRACE_MS = 250


def settle(page) -> None:
    """Wait for the run an interaction started (if any) to end: at once when a run has
    ended since the last input event the page saw (the run counter), else after
    RUN_START_GRACE_MS, then until the app is idle. For an interaction that must start no
    run, no_run_until proves it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    page.evaluate(RUN_COUNTER_JS)
    try:
        page.wait_for_function("() => window.__wlRunsEnded > window.__wlRunsAtLastInput",
                               timeout=RUN_START_GRACE_MS)
    except PlaywrightTimeout:
        pass  # no run ended since the last input: it started none (or one still running)
    page.wait_for_selector(IDLE, timeout=30000)


# --- one page per test module: a run counter, waits on runs, and a fresh app per test ---
#
# The page keeps no run counter of its own, so the tests keep one: a MutationObserver on
# [data-testid='stApp'][data-test-script-state] counts every change to "notRunning" (a run
# that ended). It is installed before the page's scripts (add_init_script) on module pages
# and lazily (idempotently) on any other page. It also notes the count at each input event.

RUN_COUNTER_JS = """
(() => {
  if (window.__wlRunsEnded !== undefined) return;
  if (document.readyState === "loading") window.__wlLoadedFrom = new URL("wasmlit.js", document.baseURI).href;
  window.__wlRunsEnded = 0;
  // The count when the page last saw an input event (settle(): has a run ended since?).
  window.__wlRunsAtLastInput = 0;
  for (const type of ["pointerdown", "pointerup", "mousedown", "mouseup", "click", "keydown",
                      "keyup", "input", "change", "drop", "wheel"]) {
    window.addEventListener(type, () => { window.__wlRunsAtLastInput = window.__wlRunsEnded; }, true);
  }
  new MutationObserver((records) => {
    records.forEach((r, i) => {
      let after = null;  // the value this change set: the next change's old value, or the current one
      for (let j = i + 1; j < records.length; j++) {
        if (records[j].target === r.target) { after = records[j].oldValue; break; }
      }
      if (after === null) after = r.target.getAttribute("data-test-script-state");
      if (after === "notRunning" && r.oldValue !== "notRunning") window.__wlRunsEnded += 1;
    });
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true,
                         attributeFilter: ["data-test-script-state"] });
})()
"""


def wait_snapshot_kept(page, timeout: float = 60000) -> None:
    """Wait until a first visit has fetched the site's Pyodide snapshot for the next one
    (web/python-worker.js KEEP_SNAPSHOT_AFTER_MS after its first run)."""
    page.wait_for_function("() => performance.getEntriesByName('wasmlit:snapshot-kept').length > 0",
                           timeout=timeout, polling=100)


def runs_ended(page) -> int:
    """How many runs have ended in this page (since the counter was installed)."""
    page.evaluate(RUN_COUNTER_JS)
    return page.evaluate("window.__wlRunsEnded")


def wait_runs(page, after: int, count: int = 1, timeout: float = 30000) -> None:
    """Wait until `count` runs more than `after` have ended and the app is idle."""
    page.wait_for_function("([n, k]) => window.__wlRunsEnded >= n + k", arg=[after, count],
                           timeout=timeout)
    page.wait_for_selector(IDLE, timeout=timeout)


def run_after(page, action, count: int = 1, timeout: float = 30000):
    """Do `action` (a callable) and wait for the run(s) it starts to end; returns its result."""
    before = runs_ended(page)
    result = action()
    wait_runs(page, before, count, timeout)
    return result


def click_and_wait_run(locator, timeout: float = 30000) -> None:
    """Click and wait for the run the click started to end."""
    run_after(locator.page, locator.click, timeout=timeout)


def press_and_wait_run(locator, key: str, timeout: float = 30000) -> None:
    """Press a key in `locator` and wait for the run it started to end."""
    run_after(locator.page, lambda: locator.press(key), timeout=timeout)


def no_run_until(page, prove, count: int = 1, timeout: float = 30000,
                 since: int | None = None) -> None:
    """Assert that nothing started a run before `prove` (a callable doing an interaction
    that starts exactly `count` run(s)): events are handled in order, so once the proving
    run has ended, a run the earlier interaction had started would have ended too.
    `since`: the run count (runs_ended) before the earlier interaction, when known."""
    before = runs_ended(page) if since is None else since
    page.wait_for_selector(IDLE, timeout=timeout)
    prove()
    wait_runs(page, before, count, timeout)
    assert runs_ended(page) == before + count, "a run happened that should not have"


REMOUNT_JS = """
async ([url, waitReady]) => {
  // The built site's app, unmounted and mounted afresh in the same Pyodide (what
  // wasmlit.js's mountFromAttribute does for a one-file site), at `url`.
  // The page's own wasmlit.js (one module instance, one Pyodide): the URL it was loaded
  // from, noted before this function first moves the page's URL.
  window.__wlModuleURL ??= window.__wlLoadedFrom || new URL("wasmlit.js", document.baseURI).href;
  const wasmlit = await import(window.__wlModuleURL);
  const old = wasmlit.mounted().find((h) => h.element.hasAttribute("data-wasmlit-app"));
  if (!old || old.state === "loading" || old.state === "failed") return "no app: " + wasmlit.mounted().map((h) => h.state).join();
  const element = old.element;
  for (const name of ["data-wasmlit-files", "data-wasmlit-requirements", "data-wasmlit-dev"]) {
    if (element.hasAttribute(name)) return "unsupported: " + name;
  }
  // Between runs (a timer may be starting them): unmounted at once when one ends. An app
  // that is never idle (timers faster than its runs) is left to a page load.
  const deadline = Date.now() + 3000;
  while (old.state === "running" || old.state === "starting") {
    const left = deadline - Date.now();
    if (left <= 0) return "never idle";
    await new Promise((resolve) => {
      old.addEventListener("scriptstate", resolve, { once: true });
      setTimeout(resolve, left);
    });
  }
  old.unmount();
  history.replaceState(null, "", url);
  window.scrollTo(0, 0);
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  const fetchText = async (src) => {
    const response = await fetch(new URL(src, document.baseURI));
    if (!response.ok) throw new Error(`${src}: ${response.status}`);
    return response.text();
  };
  const src = element.getAttribute("data-wasmlit-app");
  const options = { code: await fetchText(src), url: true,
    filename: decodeURIComponent(new URL(src, document.baseURI).pathname.split("/").pop()) };
  const secrets = element.getAttribute("data-wasmlit-secrets");
  if (secrets) options.secrets = await fetchText(secrets);
  try { options.theme = JSON.parse(element.getAttribute("data-wasmlit-theme") || "null") || undefined; } catch {}
  const handle = wasmlit.mount(element, options);
  if (!waitReady) return "ok";
  const late = new Promise((resolve) => setTimeout(() => resolve("timeout: " + handle.state), 30000));
  return Promise.race([handle.ready.then(() => "ok", (err) => "failed: " + err), late]);
}
"""


def fresh_app(page, url: str, timeout: float = 60000, root: str | None = None,
              idle: bool = True):
    """The site at `url` in `page` with a fresh app (a new session: state, widgets, timers),
    mounted in the page's running Pyodide when the page already shows the site (no cold
    start), or loaded when it does not. For one page per test module. `root`: the part of
    the URL the sites served share (default: `url` without its query). `idle=False`: return
    once the app's view is there, without waiting for its first run to end."""
    base = root or url.split("?")[0].split("#")[0]
    if page.url.startswith(base) and page.locator("[data-wasmlit-app]").count():
        outcome = page.evaluate(REMOUNT_JS, [url, idle])
        if outcome == "ok":
            page.wait_for_selector(IDLE if idle else "[data-testid='stApp']", timeout=timeout)
            return page
        print(f"fresh_app: remounting failed ({outcome}); loading the page instead")
    page.add_init_script(RUN_COUNTER_JS)
    if idle:
        return open_idle(page, url)
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    return page


def next_frame(page) -> None:
    """Wait until the page has drawn a frame (after a scroll or a style change)."""
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


# Every <img> has loaded or failed (a lazy one not yet in view never starts), then a timer
# task and two frames have passed: the error/load handlers and the tasks queued before
# this call have had their turn.
SETTLED_JS = """
async () => {
  const images = [...document.images].filter((img) => !img.complete && img.loading !== "lazy");
  await Promise.all(images.map((img) => new Promise((resolve) => {
    img.addEventListener("load", resolve, { once: true });
    img.addEventListener("error", resolve, { once: true });
    if (img.complete) resolve();
  })));
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
"""


def handlers_had_their_turn(page) -> None:
    """For "nothing ran" checks: wait until the page's images have loaded or failed (their
    onerror/onload would have fired) and the tasks queued so far have run, an event that
    proves the page had its chance, instead of a fixed sleep."""
    page.evaluate(SETTLED_JS)
