"""wasmlit vs Streamlit 1.50 in the same Chromium: latencies, drift, memory, payload.

    python3 benchmarks/compare.py [--sizes 10,100,1000] [--clicks 25] [--reruns 1000]
                                  [--ticks 30] [--tick 0.5] [--loads 3] [--quick]
                                  [--streamlit-python /opt/oracle/bin/python]
                                  [--only latencies|responsiveness|payload] [--gap-runs 3]

For each size N it writes an app of N elements (benchmarks/bench_app.py), builds it with
`build.py --app`, serves the site on 127.0.0.1 and drives it in Chromium (/usr/bin/chromium)
with Playwright. When the --streamlit-python interpreter imports streamlit 1.50.0, the same
app also runs on `streamlit run` and is driven in the same browser. Measured (all times in
the page with performance.now() and MutationObservers, not Python's clock):
  first     navigation start -> first [data-testid=stElementContainer] (median of --loads)
  fragment  click on "Fragment" -> the text "fragment: K" changed (median of --clicks)
  full      click on "Rerun"    -> the text "full: K" changed (median of --clicks)
  drift     a run_every=--tick fragment: (t_last - t_first) - ticks*period over --ticks
            ticks, and the largest |interval - period|
  heap      JS heap used (CDP Runtime.getHeapUsage, after a forced GC) before and after
            --reruns full reruns; wasm: bytes of every WebAssembly.Memory the page made
            (recorded by a wrapper installed before the page's scripts, since the page
            does not expose pyodide); n/a for Streamlit
Also: bare Pyodide start-up (a page that only awaits loadPyodide from the site's pyodide/),
wasmlit's own payload (its JS modules except the vendor bundles markdown.js, vega.js and
plotly.js, wasmlit.css, the wasmlit wheel and the lazy archive of the modules it leaves out;
gzip -9): what the page fetches of them to start the benchmark app (read from the requests
of one load in Chromium; the budget applies to this), all of them, and the whole site's size.
`--only payload` measures just that (one N=10 site, one load).
Then, unless --only latencies, the responsiveness of a running app (frame gap during a 2 s
CPU-bound run, whether typed text shows during it, Stop -> a click taking effect for two
never-ending loops) on both: see benchmarks/responsiveness.py; wasmlit's site is served with
the cross-origin isolation headers `build.py --serve` sends.
Prints one table and PASS/FAIL per budget; the exit code is 0 whatever the budgets say.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import StaticServer, build_site, site_file, site_names  # noqa: E402
from bench_app import app_source  # noqa: E402
import responsiveness  # noqa: E402

CHROMIUM = os.environ.get("WASMLIT_CHROMIUM") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
ORACLE = "/opt/oracle/bin/python"
# Vendor bundles (the libraries a page loads only when an app draws what needs them): not
# wasmlit's own payload.
VENDOR = {"markdown.js", "vega.js", "plotly.js", "deckgl.js", "graphviz.js", "pdf.js"}
TIMEOUT_MS = 60_000

# Installed before any page script: records the first element's time and offers helpers
# that click and time inside the page.
HELPERS = """(() => {
  const B = window.__bench = { first: null, ticks: [], memories: [] };
  // Every WebAssembly.Memory the page creates or instantiates, for the Wasm memory reading.
  const keep = (result) => {
    const inst = result && (result.instance || result);
    for (const v of Object.values((inst && inst.exports) || {}))
      if (v instanceof WebAssembly.Memory) B.memories.push(v);
    return result;
  };
  const W = WebAssembly, NativeMemory = W.Memory;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const native = W[name];
    if (native) W[name] = function (...args) { return native.apply(this, args).then(keep); };
  }
  W.Memory = new Proxy(NativeMemory, { construct(target, args) {
    const m = Reflect.construct(target, args); B.memories.push(m); return m; } });
  B.wasmBytes = () => B.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
  new MutationObserver((_, obs) => {
    if (document.querySelector("[data-testid='stElementContainer']")) {
      B.first = performance.now(); obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  B.text = (prefix) => {
    for (const el of document.querySelectorAll("[data-testid='stText']")) {
      const t = el.textContent.trim();
      if (t.startsWith(prefix)) return t;
    }
    return null;
  };
  B.button = (name) => [...document.querySelectorAll("[data-testid='stButton'] button")]
    .find((b) => b.textContent.trim() === name);
  B.idle = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return !!app && app.getAttribute("data-test-script-state") !== "running";
  };
  B.waitIdle = () => new Promise((resolve) => {
    const poll = () => (B.idle() ? resolve() : setTimeout(poll, 2));
    poll();
  });
  // Milliseconds from the click on button `name` to the DOM change of the text `prefix`.
  B.click = (name, prefix) => new Promise((resolve, reject) => {
    const before = B.text(prefix);
    let t0 = 0;
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`no update of ${prefix}`)); }, %d);
    const obs = new MutationObserver(() => {
      const now = B.text(prefix);
      if (now !== null && now !== before) {
        const t = performance.now();
        obs.disconnect(); clearTimeout(timer); resolve(t - t0);
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    t0 = performance.now();
    B.button(name).click();
  });
  B.clicks = async (name, prefix, count) => {
    const times = [];
    for (let i = 0; i < count; i++) {
      await B.waitIdle();
      await new Promise((r) => setTimeout(r, 20));
      times.push(await B.click(name, prefix));
    }
    await B.waitIdle();
    return times;
  };
  // Timestamps of every change of the text `prefix` from now on (B.ticks).
  B.watchTicks = (prefix) => {
    let last = B.text(prefix);
    B.ticks = [];
    B.tickObs = new MutationObserver(() => {
      const now = B.text(prefix);
      if (now !== null && now !== last) { last = now; B.ticks.push(performance.now()); }
    });
    B.tickObs.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
})();""" % TIMEOUT_MS

BARE = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script type="module">
const { loadPyodide } = await import(new URL("PYODIDE/pyodide.mjs", location.href).href);
await loadPyodide({ indexURL: new URL("PYODIDE/", location.href).href,
                   lockFileURL: new URL("LOCK", location.href).href });
window.__bare = performance.now();
</script>
"""


def bare_page(site: Path) -> str:
    """BARE for `site`: Pyodide from its pyodide/ folder and lock, under their hashed names
    if they have them (buildlib/hashed_names.py)."""
    lock = site_file(site, "pyodide/pyodide-lock.json").relative_to(site).as_posix()
    return BARE.replace("PYODIDE", site_file(site, "pyodide/").name).replace("LOCK", lock)


def median(values):
    return statistics.median(values) if values else None


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def own_files(site: Path) -> list[Path]:
    """wasmlit's own files in a site: its JS but the vendor bundles, its CSS, our wheel's
    files as the page fetches them (wasmlit-core.zip.gz; the .whl beside it is for
    loadPackage) and the lazy archive (buildlib/wasmlit_split.py), under their hashed names
    (the plain wasmlit.js beside them, the embedders' stub, is not counted: the page loads
    the bundle), and the bundle's chunks (chunks/: shared code and the element builders
    loaded on first need, buildlib/lazy_chunks.py)."""
    plain = {hashed: name for name, hashed in site_names(site).items()}  # buildlib/hashed_names.py
    scripts = sorted({plain.get(p.name, p.name) for p in site.glob("*.js")} - VENDOR)
    pyodide = site_file(site, "pyodide/")
    return [site_file(site, name) for name in scripts + ["wasmlit.css"]] + sorted((site / "chunks").glob("*.js")) + sorted(
        pyodide.glob("wasmlit-core.*gz")) + sorted(pyodide.glob("wasmlit-*-lazy*.gz"))


def fetched_at_start(browser, site: Path) -> set[str]:
    """The site's files (relative paths) a page requests while it opens the app, until the
    first run has ended."""
    server = StaticServer(site)
    try:
        requested: set[str] = set()
        page = browser.new_page()
        page.on("request", lambda r: requested.add(r.url.split("?")[0]))
        page.add_init_script(HELPERS)
        page.goto(server.url)
        page.wait_for_function("() => window.__bench.first !== null && window.__bench.idle()"
                               " && window.__bench.button('Rerun')", timeout=TIMEOUT_MS * 3)
        page.close()
        return {url[len(server.url):] for url in requested if url.startswith(server.url)}
    finally:
        server.close()


def payload(site: Path, start: set[str]) -> dict:
    """wasmlit's own files (raw and gzip -9 bytes): those fetched at start (`start`, relative
    paths) and all of them; and the whole site's bytes."""
    own = own_files(site)
    first = [p for p in own if p.relative_to(site).as_posix() in start]
    every = [p for p in site.rglob("*") if p.is_file()]
    return {"own_files": len(own), "own_raw": sum(p.stat().st_size for p in own),
            "own_gzip": sum(gz(p) for p in own),
            "start_files": sorted(p.relative_to(site).as_posix() for p in first),
            "start_raw": sum(p.stat().st_size for p in first),
            "start_gzip": sum(gz(p) for p in first),
            "site_raw": sum(p.stat().st_size for p in every),
            "site_gzip": sum(gz(p) for p in every)}


def report_payload(pay: dict) -> None:
    print(f"wasmlit's own payload fetched at start (benchmark app): {len(pay['start_files'])} files "
          f"({', '.join(pay['start_files'])}), {pay['start_raw'] / 1000:.1f} KB raw, "
          f"{pay['start_gzip'] / 1000:.1f} KB gzip -9")
    print(f"wasmlit's own files in all: {pay['own_files']} files, {pay['own_raw'] / 1000:.1f} KB raw, "
          f"{pay['own_gzip'] / 1000:.1f} KB gzip -9; whole site: {pay['site_raw'] / 1e6:.2f} MB raw, "
          f"{pay['site_gzip'] / 1e6:.2f} MB gzip -9")


def payload_budget(pay: dict) -> None:
    kb = pay["start_gzip"] / 1000
    print(f"  wasmlit's own payload fetched at start <= 150 KB gzip: {kb:.1f} KB "
          f"{'PASS' if kb <= 150 else 'FAIL'} (all own files: {pay['own_gzip'] / 1000:.1f} KB)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def streamlit_ok(python: str | None) -> bool:
    if not python or not Path(python).exists():
        return False
    r = subprocess.run([python, "-c", "import streamlit; print(streamlit.__version__)"],
                       capture_output=True, text=True)
    return r.returncode == 0 and r.stdout.strip() == "1.50.0"


class StreamlitServer:
    """`streamlit run APP` on a free port; `url` once /_stcore/health answers."""

    def __init__(self, python: str, app: Path):
        port = free_port()
        self.proc = subprocess.Popen(
            [python, "-m", "streamlit", "run", str(app), "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=app.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.close()
        raise RuntimeError("streamlit did not start")

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def memory(page, cdp, wasm: bool) -> dict:
    """JS heap used (after a forced GC) and, for wasmlit, the bytes of every Wasm memory: the
    page's and its Python worker's (which says how big Python's is)."""
    cdp.send("HeapProfiler.collectGarbage")
    heap = cdp.send("Runtime.getHeapUsage")["usedSize"]
    total = None
    if wasm:
        total = page.evaluate("window.__bench.wasmBytes()")
        total += sum(worker.evaluate("self.wasmlitMemoryBytes ? self.wasmlitMemoryBytes() : 0")
                     for worker in page.workers if "/python-worker." in worker.url)
        total = total or None
    return {"heap": heap, "wasm": total}


def load(browser, url: str) -> tuple:
    """A fresh page at `url`, idle, with its first-element time (ms from navigation)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(HELPERS)
    page.goto(url)
    page.wait_for_function("() => window.__bench.first !== null"
                           " && window.__bench.text('fragment: ') !== null"
                           " && window.__bench.button('Fragment') && window.__bench.button('Rerun')"
                           " && window.__bench.idle()", timeout=TIMEOUT_MS * 3)
    return page, page.evaluate("window.__bench.first")


def measure_app(browser, url: str, opts, wasm: bool) -> dict:
    """Every latency, drift and memory number of one running app (see the module doc)."""
    firsts = []
    for i in range(opts.loads):
        page, first = load(browser, url)
        firsts.append(first)
        if i < opts.loads - 1:
            page.close()
    cdp = page.context.new_cdp_session(page)
    out = {"first": median(firsts)}
    page.evaluate("window.__bench.clicks('Fragment', 'fragment: ', 2)")  # warm up
    page.evaluate("window.__bench.clicks('Rerun', 'full: ', 2)")
    out["fragment"] = median(page.evaluate(
        f"window.__bench.clicks('Fragment', 'fragment: ', {opts.clicks})"))
    out["full"] = median(page.evaluate(f"window.__bench.clicks('Rerun', 'full: ', {opts.clicks})"))
    # Ticks: switch the run_every fragment on (a full rerun), skip that run's own update.
    page.evaluate("window.__bench.watchTicks('tick: ')")
    page.get_by_text("Tick", exact=True).click()
    page.wait_for_function(f"() => window.__bench.ticks.length >= {opts.ticks + 2}",
                           timeout=int((opts.ticks + 5) * opts.tick * 1000 * 3 + TIMEOUT_MS))
    stamps = page.evaluate("window.__bench.ticks")[1:opts.ticks + 2]
    page.evaluate("window.__bench.tickObs.disconnect()")
    page.get_by_text("Tick", exact=True).click()
    page.wait_for_function("() => window.__bench.idle()")
    period = opts.tick * 1000
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    out["drift"] = (stamps[-1] - stamps[0]) - opts.ticks * period
    out["jitter"] = max(abs(g - period) for g in gaps)
    page.wait_for_timeout(int(period * 2))
    before = memory(page, cdp, wasm)
    page.evaluate(f"window.__bench.clicks('Rerun', 'full: ', {opts.reruns})")
    after = memory(page, cdp, wasm)
    out.update(heap0=before["heap"], heap1=after["heap"], wasm0=before["wasm"], wasm1=after["wasm"])
    page.close()
    return out


def bare_pyodide(browser, site: Path, loads: int) -> float:
    (site / "bare.html").write_text(bare_page(site), "utf-8")
    server = StaticServer(site)
    try:
        times = []
        for _ in range(loads):
            page = browser.new_page()
            page.goto(server.url + "bare.html")
            page.wait_for_function("() => window.__bare !== undefined", timeout=TIMEOUT_MS * 3)
            times.append(page.evaluate("window.__bare"))
            page.close()
        return median(times)
    finally:
        server.close()


def measure_responsiveness(browser, tmp: Path, opts, have_st: bool) -> tuple:
    """responsiveness.measure for its app on wasmlit (built site, served with ISOLATION) and,
    when available, on Streamlit 1.50 (a server of its own, stopped afterwards: a
    `while True: pass` script thread of Streamlit's may spin until the process ends)."""
    app = tmp / "responsive" / "responsive.py"
    app.parent.mkdir()
    app.write_text(responsiveness.APP, "utf-8")
    site = build_site(app, tmp / "site-responsive")
    server = StaticServer(site, isolated=True)
    try:
        print("responsiveness: wasmlit...", flush=True)
        ours = responsiveness.measure(browser, server.url, gap_runs=opts.gap_runs)
    finally:
        server.close()
    # A plain static host (no COOP/COEP): Stop of a loop with no st call starts a fresh Python.
    server = StaticServer(site)
    try:
        print("responsiveness: wasmlit on a plain host...", flush=True)
        ours["plain"] = responsiveness.measure_stops(browser, server.url)
    finally:
        server.close()
    theirs = None
    if have_st:
        print("responsiveness: Streamlit...", flush=True)
        st = StreamlitServer(opts.streamlit_python, app)
        try:
            theirs = responsiveness.measure(browser, st.url, server_pid=st.proc.pid,
                                            gap_runs=opts.gap_runs)
        finally:
            st.close()
    return ours, theirs


def fmt(value, unit):
    if value is None:
        return "n/a"
    if unit == "MB":
        return f"{value / 1e6:.1f}"
    return f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"


def ratio(a, b):
    return f"{a / b:.3f}" if a is not None and b not in (None, 0) else "-"


ROWS = [("first", "first element (ms)"), ("fragment", "fragment click→DOM (ms, median)"),
        ("full", "full rerun click→DOM (ms, median)"), ("drift", "run_every drift total (ms)"),
        ("jitter", "run_every max |gap-period| (ms)"), ("heap0", "JS heap before (MB)"),
        ("heap1", "JS heap after reruns (MB)"), ("wasm0", "Wasm memory before (MB)"),
        ("wasm1", "Wasm memory after reruns (MB)")]


def report(results, bare, pay, opts, have_st):
    print()
    print(f"Chromium: {chromium_version()}; cores: {os.cpu_count()}; clicks: {opts.clicks}; "
          f"reruns: {opts.reruns}; ticks: {opts.ticks} x {opts.tick}s; loads: {opts.loads}")
    print(f"bare Pyodide start-up (navigation -> loadPyodide resolved): {fmt(bare, 'ms')} ms")
    report_payload(pay)
    head = f"{'N':>5}  {'metric':<36}{'wasmlit':>10}{'Streamlit':>11}{'ratio':>8}"
    print(head)
    print("-" * len(head))
    for n, (ours, theirs) in results.items():
        for key, label in ROWS:
            unit = "MB" if "MB" in label else "ms"
            a, b = ours.get(key), (theirs or {}).get(key)
            print(f"{n:>5}  {label:<36}{fmt(a, unit):>10}{fmt(b, unit):>11}"
                  f"{ratio(a, b) if key in ('first', 'fragment', 'full') else '-':>8}")
    print()
    print("Budgets:")
    for n, (ours, theirs) in results.items():
        if have_st:
            for key, limit in (("fragment", 0.1), ("full", 0.5)):
                r = ours[key] / theirs[key]
                print(f"  N={n}: {key} rerun <= {limit}x Streamlit's: {r:.3f}x "
                      f"{'PASS' if r <= limit else 'FAIL'}")
        else:
            print(f"  N={n}: fragment/full rerun ratios: n/a (no Streamlit 1.50 to compare)")
        gap = ours["first"] - bare
        print(f"  N={n}: first element within 300 ms of bare Pyodide start-up: +{gap:.0f} ms "
              f"{'PASS' if gap <= 300 else 'FAIL'}")
    payload_budget(pay)


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
        return " ".join(out.split()[:2])
    except OSError:
        return "?"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--clicks", type=int, default=25)
    ap.add_argument("--reruns", type=int, default=1000, help="full reruns between memory readings")
    ap.add_argument("--ticks", type=int, default=30)
    ap.add_argument("--tick", type=float, default=0.5, help="run_every period in seconds")
    ap.add_argument("--loads", type=int, default=3, help="page loads per first-element median")
    ap.add_argument("--quick", action="store_true", help="small numbers for a smoke run")
    ap.add_argument("--streamlit-python", default=ORACLE if Path(ORACLE).exists() else None)
    ap.add_argument("--only", choices=["latencies", "responsiveness", "payload"],
                    help="run just these measurements (default: both)")
    ap.add_argument("--gap-runs", type=int, default=3, help="2 s runs per frame-gap median")
    opts = ap.parse_args(argv)
    if opts.quick:
        opts.sizes, opts.clicks, opts.reruns, opts.ticks, opts.loads = "10", 5, 20, 5, 1
        opts.gap_runs = 1
    if opts.only == "payload":
        return payload_only()
    sizes = [] if opts.only == "responsiveness" else [
        int(s) for s in opts.sizes.split(",") if s.strip()]
    have_st = streamlit_ok(opts.streamlit_python)
    if not have_st:
        print(f"streamlit 1.50.0 not importable by {opts.streamlit_python}: wasmlit only")

    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="wasmlit-bench-"))
    results, pay, bare = {}, None, None
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for n in sizes:
                app = tmp / f"app{n}" / "bench.py"
                app.parent.mkdir()
                app.write_text(app_source(n, opts.tick), "utf-8")
                site = build_site(app, tmp / f"site{n}")
                if pay is None:
                    pay = payload(site, fetched_at_start(browser, site))
                    bare = bare_pyodide(browser, site, opts.loads)
                server = StaticServer(site)
                try:
                    print(f"N={n}: wasmlit...", flush=True)
                    ours = measure_app(browser, server.url, opts, wasm=True)
                finally:
                    server.close()
                theirs = None
                if have_st:
                    print(f"N={n}: Streamlit...", flush=True)
                    st = StreamlitServer(opts.streamlit_python, app)
                    try:
                        theirs = measure_app(browser, st.url, opts, wasm=False)
                    finally:
                        st.close()
                results[n] = (ours, theirs)
            if opts.only != "latencies":
                started = time.time()
                responsive = measure_responsiveness(browser, tmp, opts, have_st)
                responsive_seconds = time.time() - started
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if results:
        report(results, bare, pay, opts, have_st)
    if opts.only != "latencies":
        responsiveness.report(*responsive, responsive_seconds,
                              "with COOP/COEP (cross-origin isolated)")
    return 0


def payload_only() -> int:
    """`--only payload`: the payload figures and budget for an N=10 benchmark site."""
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="wasmlit-bench-"))
    try:
        app = tmp / "app" / "bench.py"
        app.parent.mkdir()
        app.write_text(app_source(10, 0.5), "utf-8")
        site = build_site(app, tmp / "site")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            pay = payload(site, fetched_at_start(browser, site))
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report_payload(pay)
    print("Budgets:")
    payload_budget(pay)
    return 0


if __name__ == "__main__":
    sys.exit(main())
