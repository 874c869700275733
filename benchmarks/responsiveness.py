"""Responsiveness of a running app (issue 18: the page never freezes; a runaway script can
be stopped), measured by benchmarks/compare.py for wasmlit and Streamlit 1.50 alike.

  frame gap   the longest gap between animation frames (requestAnimationFrame timestamps,
              with the click and the "done K" DOM change as the two ends) while the button
              "Busy" runs a 2 s pure-Python busy loop; also whether characters typed into
              the st.text_input during that run are in the field at an animation frame
              before "done K" shows (typed text shows: yes/no)
  stop→input  a run that never ends ("Loop with st": `while True: out.write(i)`, which
              reaches an st call each iteration; "Loop pure": `while True: pass`, which
              never does) is started, the header's Stop button is clicked, and "ping" is
              clicked at once and every PING_EVERY_MS after: ms from the Stop click until
              the text "ping: K" changed, or n/a (reason) after RECOVER_MS

Every measurement uses a fresh browser context (a page that a never-ending run froze is
thrown away with it) and times in the page with performance.now(). Clicks are dispatched
from a setTimeout in the page, so that a page whose click handler runs Python on its own
thread does not hold up the driver; the driver waits with wait_for_function, whose timeout
holds even when the page's thread is stuck. Stop is Streamlit 1.50's: the button with the
text "Stop" in [data-testid=stStatusWidget] (a [data-testid=stBaseButton-header] button,
shown once a run has lasted 500 ms).
"""
from __future__ import annotations

import os
import time

BUSY_SECONDS = 2.0
STOP_WAIT_MS = 3_000     # how long a running loop may take to show its Stop button
RECOVER_MS = 10_000      # how long a ping may take to take effect after Stop
PING_EVERY_MS = 100      # ping's clicks after the first (sent with the Stop click)
LOOP_SHOWN_MS = 500      # how long a loop runs (once Stop shows) before Stop is clicked
TYPED = "xyz"
FIELD = "[data-testid='stTextInput'] input"
LOOPS = (("Loop with st", "loop with st call"), ("Loop pure", "pure while True: pass"))
BUDGET_GAP_MS = 50
BUDGET_STOP_MS = 2_000

APP = f'''
import time
import streamlit as st

st.session_state.setdefault("pings", 0)
st.session_state.setdefault("busy", 0)
if st.button("ping"):
    st.session_state.pings += 1
st.text(f"ping: {{st.session_state.pings}}")
st.text_input("Type here", key="typed")
if st.button("Busy"):
    st.session_state.busy += 1
    t = time.perf_counter()
    while time.perf_counter() - t < {BUSY_SECONDS!r}:
        pass
    st.text(f"done {{st.session_state.busy}}")
out = st.empty()
if st.button("Loop with st"):
    i = 0
    while True:
        out.write(i)
        i += 1
if st.button("Loop pure"):
    while True:
        pass
'''

# Installed before any page script (add_init_script): in-page clicks and clocks.
PAGE_JS = """(() => {
  const R = window.__resp = {};
  R.text = (prefix) => {
    for (const el of document.querySelectorAll("[data-testid='stText']")) {
      const t = el.textContent.trim();
      if (t.startsWith(prefix)) return t;
    }
    return null;
  };
  R.button = (name) => [...document.querySelectorAll("[data-testid='stButton'] button")]
    .find((b) => b.textContent.trim() === name) || null;
  R.idle = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return !!app && app.getAttribute("data-test-script-state") !== "running";
  };
  R.stopButton = () => {
    const widget = document.querySelector("[data-testid='stStatusWidget']");
    return widget && [...widget.querySelectorAll("button")]
      .find((b) => b.textContent.trim() === "Stop") || null;
  };
  // Calls back once when the text `prefix` differs from what it is now.
  R.onChange = (prefix, callback) => {
    const before = R.text(prefix);
    const obs = new MutationObserver(() => {
      const now = R.text(prefix);
      if (now !== null && now !== before) { obs.disconnect(); callback(performance.now()); }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  // Click `name` from a timer; record every animation frame until "done ..." changes and
  // the first frame at which the text field holds `marker`.
  R.startBusy = (name, field, marker) => {
    Object.assign(R, { frames: [], clickAt: null, doneAt: null, shownAt: null });
    R.onChange("done ", (t) => { R.doneAt = t; });
    const frame = (ts) => {
      if (R.doneAt !== null) return;
      R.frames.push(ts);
      const input = document.querySelector(field);
      if (R.shownAt === null && input && input.value.includes(marker)) R.shownAt = ts;
      requestAnimationFrame(frame);
    };
    setTimeout(() => {
      R.clickAt = performance.now();
      requestAnimationFrame(frame);
      R.button(name).click();
    }, 0);
  };
  R.clickLater = (name) => setTimeout(() => R.button(name).click(), 0);
  // Click Stop, then "ping" at once and every `every` ms until "ping: K" changes.
  R.stopThenPing = (every) => {
    Object.assign(R, { stopAt: null, recoveredAt: null, pings: 0 });
    R.onChange("ping: ", (t) => { R.recoveredAt = t; clearInterval(R.pingTimer); });
    setTimeout(() => {
      const ping = () => {
        const b = R.button("ping");
        if (b && !b.disabled) { b.click(); R.pings++; }
      };
      R.stopAt = performance.now();
      R.stopButton().click();
      ping();
      R.pingTimer = setInterval(ping, every);
    }, 0);
  };
})();"""


def _open(browser, url: str):
    """A fresh context and page at `url`, idle with the app's buttons shown."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(PAGE_JS)
    page.goto(url)
    page.wait_for_function("() => window.__resp.button('ping') && window.__resp.button('Busy')"
                           " && window.__resp.text('ping: ') !== null && window.__resp.idle()",
                           timeout=120_000)
    page.wait_for_timeout(300)  # let the first run's last paints settle
    return context, page


def frame_gap(browser, url: str) -> dict:
    """Longest gap between animation frames from the click on "Busy" (a 2 s CPU-bound run)
    to its "done K" in the DOM, the number of frames in between, and whether TYPED, typed
    into the focused text field 300 ms after the click, was in the field at a frame before
    "done K" showed. A page whose thread runs Python has no frames in between (gap ≈ 2 s)."""
    context, page = _open(browser, url)
    try:
        page.focus(FIELD)
        page.evaluate("([field, marker]) => window.__resp.startBusy('Busy', field, marker)",
                      [FIELD, TYPED])
        time.sleep(0.3)
        page.keyboard.type(TYPED)  # held up by the page until its thread is free
        page.wait_for_function("() => window.__resp.doneAt !== null",
                               timeout=int(BUSY_SECONDS * 1000) + 60_000)
        r = page.evaluate("(({clickAt, doneAt, shownAt, frames}) =>"
                          " ({clickAt, doneAt, shownAt, frames}))(window.__resp)")
    finally:
        context.close()
    stamps = [r["clickAt"]] + [f for f in r["frames"] if r["clickAt"] <= f <= r["doneAt"]] \
        + [r["doneAt"]]
    gap, start = max((b - a, a) for a, b in zip(stamps, stamps[1:]))
    return {"gap": gap, "at": start - r["clickAt"], "frames": len(stamps) - 2,
            "run": r["doneAt"] - r["clickAt"],
            "typed": r["shownAt"] is not None and r["shownAt"] < r["doneAt"]}


def frame_gaps(browser, url: str, runs: int) -> dict:
    """frame_gap `runs` times (a loaded 2-core machine drops the odd frame): the run with
    the median longest gap, every run's longest gap ("gaps") and how many runs showed the
    typed text before the run ended ("typed_runs")."""
    results = sorted((frame_gap(browser, url) for _ in range(max(1, runs))),
                     key=lambda r: r["gap"])
    middle = dict(results[(len(results) - 1) // 2])
    middle.update(gaps=[r["gap"] for r in results], runs=len(results),
                  typed_runs=sum(r["typed"] for r in results))
    return middle


def stop_to_input(browser, url: str, loop: str, server_pid: int | None = None) -> dict:
    """ms from the click on Stop (in the header's status widget) during the never-ending run
    of button `loop` until a click on "ping" took effect ("ping: K" changed); "ms" None with
    a "why" when no Stop button showed within STOP_WAIT_MS or no ping took effect within
    RECOVER_MS. With `server_pid` (Streamlit), also the server's CPU use in the second after
    recovery, which shows a script thread still spinning after its session moved on."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    context, page = _open(browser, url)
    try:
        page.evaluate("(name) => window.__resp.clickLater(name)", loop)
        try:
            page.wait_for_function("() => !!window.__resp.stopButton()", timeout=STOP_WAIT_MS)
        except PlaywrightTimeout:
            return {"ms": None, "why": f"no Stop button found within {STOP_WAIT_MS // 1000} s"}
        page.wait_for_timeout(LOOP_SHOWN_MS)
        page.evaluate("(every) => window.__resp.stopThenPing(every)", PING_EVERY_MS)
        try:
            page.wait_for_function("() => window.__resp.recoveredAt !== null",
                                   timeout=RECOVER_MS + 2_000)
        except PlaywrightTimeout:
            return {"ms": None, "why": f"no ping took effect within {RECOVER_MS // 1000} s"}
        r = page.evaluate("(({stopAt, recoveredAt, pings}) =>"
                          " ({stopAt, recoveredAt, pings}))(window.__resp)")
        ms = r["recoveredAt"] - r["stopAt"]
        out = {"ms": ms, "pings": r["pings"]}
        if ms > RECOVER_MS:
            out = {"ms": None, "why": f"no ping took effect within {RECOVER_MS // 1000} s"}
        if server_pid is not None:
            out["server_cpu"] = cpu_percent(server_pid, 1.0)
        return out
    finally:
        context.close()


def cpu_percent(pid: int, seconds: float) -> float | None:
    """CPU use of process `pid` (all its threads; 100 = one core) over the next `seconds`."""
    def ticks():
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    try:
        a = ticks()
        time.sleep(seconds)
        b = ticks()
    except OSError:
        return None
    return 100.0 * (b - a) / os.sysconf("SC_CLK_TCK") / seconds


def measure(browser, url: str, server_pid: int | None = None, gap_runs: int = 3) -> dict:
    """Every responsiveness number of the app APP served at `url` (the pure loop last: on
    Streamlit its thread may never end, so the caller stops the server afterwards). A
    measurement that fails (say the page never loads) is an "error" in its place."""
    from playwright.sync_api import Error as PlaywrightError
    out = {}
    for key, run in [("frame", lambda: frame_gaps(browser, url, gap_runs))] + [
            (button, lambda b=button: stop_to_input(browser, url, b, server_pid))
            for button, _ in LOOPS]:
        try:
            out[key] = run()
        except PlaywrightError as e:
            out[key] = {"error": str(e).splitlines()[0][:120]}
    return out


def measure_stops(browser, url: str) -> dict:
    """stop→input for each loop only (wasmlit on a host that is not cross-origin isolated)."""
    from playwright.sync_api import Error as PlaywrightError
    out = {}
    for button, _ in LOOPS:
        try:
            out[button] = stop_to_input(browser, url, button)
        except PlaywrightError as e:
            out[button] = {"error": str(e).splitlines()[0][:120]}
    return out


def _stop_cell(r: dict | None) -> str:
    if r is None:
        return "-"
    if "error" in r:
        return f"n/a (failed: {r['error']})"
    if r["ms"] is None:
        return f"n/a ({r['why']})"
    return f"{r['ms']:.0f}"


def _gap_cells(f: dict | None) -> tuple:
    """The frame-gap, gap-position and typed-text cells of one side."""
    if f is None:
        return "-", "-", "-"
    if "error" in f:
        return f"n/a (failed: {f['error']})", "-", "-"
    gaps = "/".join(f"{g:.0f}" for g in f["gaps"])
    typed = {f["runs"]: "yes", 0: "no"}.get(f["typed_runs"], f"{f['typed_runs']}/{f['runs']} runs")
    return (f"{f['gap']:.0f} ({f['frames']} frames; runs {gaps})",
            f"+{f['at']:.0f} of {f['run']:.0f}", typed)


def report(ours: dict, theirs: dict | None, seconds: float, isolation: str) -> None:
    """The responsiveness table and its budgets (wasmlit frame gap ≤ BUDGET_GAP_MS,
    stop→input ≤ BUDGET_STOP_MS for both loops)."""
    theirs = theirs or {}
    mine, other = _gap_cells(ours.get("frame")), _gap_cells(theirs.get("frame"))
    rows = [("longest frame gap, 2 s run (ms, median)", mine[0], other[0]),
            ("  it starts at (ms after click, of run)", mine[1], other[1]),
            ("typed text shows during the run", mine[2], other[2])]
    for button, label in LOOPS:
        rows.append((f"stop→input, {label} (ms)", _stop_cell(ours.get(button)),
                     _stop_cell(theirs.get(button))))
    for button, label in LOOPS if "plain" in ours else []:
        rows.append((f"  the same, wasmlit on a plain host, {label}", _stop_cell(ours["plain"].get(button)), ""))
    w0 = max(len(r[0]) for r in rows) + 2
    w1 = max(len(r[1]) for r in rows + [("", "wasmlit")]) + 2
    print()
    print(f"Responsiveness (fresh page per run, in-page performance.now(); wasmlit served "
          f"{isolation}; {seconds:.0f} s in all):")
    head = f"{'metric':<{w0}}{'wasmlit':<{w1}}Streamlit 1.50"
    print(head)
    print("-" * max(len(head), w0 + w1 + 14))
    for label, a, b in rows:
        print(f"{label:<{w0}}{a:<{w1}}{b}")
    for button, label in LOOPS:
        cpu = (theirs.get(button) or {}).get("server_cpu")
        if cpu is not None:
            print(f"  Streamlit server CPU in the 1 s after recovery, {label}: {cpu:.0f}% "
                  f"(100% = a script thread still spinning)")
    print("Budgets:")
    f = ours.get("frame") or {}
    gap = f.get("gap")
    ok = gap is not None and gap <= BUDGET_GAP_MS
    print(f"  wasmlit frame gap <= {BUDGET_GAP_MS} ms: "
          f"{'n/a' if gap is None else f'{gap:.0f} ms'} {'PASS' if ok else 'FAIL'}")
    for button, label in LOOPS:
        r = ours.get(button)
        ok = r is not None and r.get("ms") is not None and r["ms"] <= BUDGET_STOP_MS
        print(f"  wasmlit stop→input <= {BUDGET_STOP_MS} ms, {label}: {_stop_cell(r)} "
              f"{'PASS' if ok else 'FAIL'}")
