"""Memory over a long session (issue 9, point 4): many fragment and full reruns of an app
with widgets, and how much the page holds before and after.

    python3 benchmarks/long_session.py [--fragment-reruns 10000] [--full-reruns 1000]
                                       [--elements 50] [--quick]

Builds benchmarks/bench_app.py's app (widgets, a "Rerun" button) plus a "Churn" fragment
whose every rerun replaces its six widgets (text input, selectbox, slider, checkbox,
expander, dataframe) with new ones, widgets each full rerun replaces, and a "Measure"
button whose run reports Python's side; serves it and drives it in Chromium: each rerun
is one click inside the page, the next click as soon as the DOM shows the rerun's result. Printed before, between and after the reruns:
  heap       JS heap used after a forced GC (CDP HeapProfiler.collectGarbage +
             Runtime.getHeapUsage)
  wasm       bytes of every WebAssembly.Memory of the page (never shrinks: growth means
             Python's heap needed more); HEAP8.length: the same as Pyodide sees it
  dom nodes  elements in the document
  nodes / listeners  CDP Memory.getDOMCounters after GC: every live DOM node (detached
             ones included) and every JS event listener - replaced elements that kept
             their listeners or were kept alive would make these grow
  detached   CDP DOM.getDetachedDomNodes (when the browser has it)
  py objects, py JsProxies  gc.get_objects() in the page's Python, and the JsProxy among
             them (Python's handles on JS objects)
The exit code is 1 when the JS heap grew by more than --budget-mb (default 5) or the DOM
or listener counts grew, else 0.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import CHROMIUM, FLAGS, HELPERS, TIMEOUT_MS, memory  # noqa: E402
from bench_app import app_source  # noqa: E402
from sites import StaticServer, build_site  # noqa: E402  (compare put tests/browser on the path)

# Appended to the benchmark app: a fragment whose every rerun replaces its widgets (new
# labels are new widgets: new elements, new listeners, the old ones dropped), widgets a
# full rerun replaces likewise, and the "Measure" button.
CHURN = '''
@st.fragment
def churn():
    st.session_state.setdefault("churn", 0)
    if st.button("Churn"):
        st.session_state.churn += 1
    k = st.session_state.churn
    st.text(f"churn: {k}")
    st.text_input(f"Churn text {k % 3}")
    st.selectbox(f"Churn pick {k % 3}", ["a", "b", "c"])
    st.slider(f"Churn slider {k % 3}", 0, 10, 5)
    st.checkbox(f"Churn box {k % 3}")
    with st.expander(f"Churn expander {k % 3}"):
        st.markdown(f"**k** = {k}")
    st.dataframe({"x": [k, k + 1]})


churn()
_f = st.session_state.full
st.number_input(f"Full number {_f % 3}")
st.radio(f"Full radio {_f % 3}", ["x", "y"])
st.multiselect(f"Full multi {_f % 3}", ["x", "y"])
'''

MEASURE = '''
import gc as _gc
if st.button("Measure"):
    _gc.collect()
    _objects = _gc.get_objects()
    try:
        from pyodide.ffi import JsProxy as _JsProxy
        _proxies = sum(1 for _o in _objects if isinstance(_o, _JsProxy))
    except ImportError:  # not in a browser
        _proxies = -1
    try:  # Pyodide's own view of its Wasm heap
        import pyodide_js as _pjs
        _heap8 = int(_pjs._module.HEAP8.length)
    except Exception:
        _heap8 = -1
    st.session_state.measured = st.session_state.get("measured", 0) + 1
    st.text(f"py: {st.session_state.measured} {len(_objects)} {_proxies} {_heap8}")
'''

# Clicks button `name` `count` times, each as soon as the previous click's rerun changed
# the text `prefix` in the DOM; resolves with the elapsed milliseconds.
RERUNS = """async ([name, prefix, count]) => {
  const B = window.__bench;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const before = B.text(prefix);
    await new Promise((resolve, reject) => {
      const obs = new MutationObserver(() => {
        if (B.text(prefix) !== before) { obs.disconnect(); clearTimeout(timer); resolve(); }
      });
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`no rerun for ${name}`)); }, 30000);
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      B.button(name).click();
    });
  }
  await B.waitIdle();
  return performance.now() - t0;
}"""


def app_text(elements: int) -> str:
    return app_source(elements, 0.5) + CHURN + MEASURE


def snapshot(page, cdp) -> dict:
    """Every figure of the module doc, after a forced GC."""
    before = page.evaluate("window.__bench.text('py: ')")
    page.evaluate(RERUNS, ["Measure", "py: ", 1])
    _, objects, proxies, heap8 = page.evaluate("window.__bench.text('py: ')").split()[1:]
    assert before != page.evaluate("window.__bench.text('py: ')")
    out = memory(page, cdp, True)
    counters = cdp.send("Memory.getDOMCounters")
    try:
        detached = len(cdp.send("DOM.getDetachedDomNodes").get("detachedNodes", []))
    except Exception:  # an older Chromium: no such command
        detached = None
    out.update(dom=page.evaluate("document.getElementsByTagName('*').length"),
               nodes=counters["nodes"], listeners=counters["jsEventListeners"],
               detached=detached, py_objects=int(objects), py_proxies=int(proxies),
               heap8=int(heap8) if int(heap8) >= 0 else None)
    return out


ROWS = [("heap", "JS heap", 1 / 2**20, "MB"), ("wasm", "Wasm memory", 1 / 2**20, "MB"),
        ("heap8", "Pyodide HEAP8.length", 1 / 2**20, "MB"),
        ("dom", "DOM elements", 1, ""), ("nodes", "DOM nodes (live, incl. detached)", 1, ""),
        ("listeners", "JS event listeners", 1, ""), ("detached", "detached DOM nodes", 1, ""),
        ("py_objects", "Python gc objects", 1, ""), ("py_proxies", "Python JsProxy objects", 1, "")]


def fmt(value, scale, unit) -> str:
    if value is None:
        return "n/a"
    return f"{value * scale:.2f} {unit}".strip() if unit else str(value)


def report(marks: list[tuple[str, dict]]) -> None:
    names = [name for name, _ in marks]
    print(f"{'':36}" + "".join(f"{n:>18}" for n in names) + f"{'delta':>14}")
    for key, label, scale, unit in ROWS:
        values = [m[key] for _, m in marks]
        delta = (values[-1] - values[0]) if None not in (values[0], values[-1]) else None
        cells = "".join(f"{fmt(v, scale, unit):>18}" for v in values)
        dtext = "n/a" if delta is None else (f"{delta * scale:+.2f} {unit}".strip() if unit else f"{delta:+d}")
        print(f"{label:36}{cells}{dtext:>14}")


def run(opts) -> int:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmlit-long-"))
    app = work / "long_session_app.py"
    app.write_text(app_text(opts.elements))
    started = time.monotonic()
    site = build_site(app, work / "site")
    print(f"built the site in {time.monotonic() - started:.1f} s", file=sys.stderr)
    server = StaticServer(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.add_init_script(HELPERS)
            page.goto(server.url)
            page.wait_for_function("() => window.__bench.text('fragment: ') !== null"
                                   " && window.__bench.idle()", timeout=TIMEOUT_MS * 3)
            cdp = page.context.new_cdp_session(page)
            # Warm up (first-use caches, JIT), then take the starting figures.
            page.evaluate(RERUNS, ["Churn", "churn: ", 50])
            page.evaluate(RERUNS, ["Rerun", "full: ", 20])
            marks = [("start", snapshot(page, cdp))]
            ms = page.evaluate(RERUNS, ["Churn", "churn: ", opts.fragment_reruns])
            print(f"{opts.fragment_reruns} fragment reruns: {ms / 1000:.1f} s "
                  f"({ms / opts.fragment_reruns:.2f} ms each)")
            marks.append((f"+{opts.fragment_reruns} frag", snapshot(page, cdp)))
            ms = page.evaluate(RERUNS, ["Rerun", "full: ", opts.full_reruns])
            print(f"{opts.full_reruns} full reruns: {ms / 1000:.1f} s "
                  f"({ms / opts.full_reruns:.2f} ms each)")
            marks.append((f"+{opts.full_reruns} full", snapshot(page, cdp)))
            print("the page shows:", page.evaluate("window.__bench.text('churn: ')"), "/",
                  page.evaluate("window.__bench.text('full: ')"))
            browser.close()
    finally:
        server.close()
    report(marks)
    start, end = marks[0][1], marks[-1][1]
    grew = (end["heap"] - start["heap"]) / 2**20
    ok = grew <= opts.budget_mb and end["dom"] <= start["dom"] and \
        end["listeners"] <= start["listeners"] + 10
    print(f"{'PASS' if ok else 'FAIL'}: JS heap {grew:+.2f} MB (budget {opts.budget_mb} MB), "
          f"DOM elements {end['dom'] - start['dom']:+d}, listeners {end['listeners'] - start['listeners']:+d}")
    return 0 if ok else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fragment-reruns", type=int, default=10_000)
    parser.add_argument("--full-reruns", type=int, default=1_000)
    parser.add_argument("--elements", type=int, default=50)
    parser.add_argument("--budget-mb", type=float, default=5.0)
    parser.add_argument("--quick", action="store_true", help="500 fragment and 100 full reruns")
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.fragment_reruns, opts.full_reruns = 500, 100
    return run(opts)


if __name__ == "__main__":
    sys.exit(main())
