"""Start-up over a throttled link: wasmlit beside Streamlit 1.50, cold and repeat visits.

    python3 benchmarks/startup_network.py [--runs 3] [--quick] [--mbps 40] [--latency 20]
                                          [--no-snapshot] [--streamlit-python /tmp/st150/bin/python]

One small app (a title, a few elements, a button that counts clicks) is built with
`build.py --app` and served by a gzip static server (GzipStaticServer below: what a typical
static host does), and run by `streamlit run` (its Tornado server gzips itself). Both are
loaded in the same Chromium with the link emulated by CDP Network.emulateNetworkConditions
(default 40 Mbit/s down and up, 20 ms latency), set on the page's session before it
navigates; Chromium applies it to the page's dedicated workers' fetches too (the output
shows the rate at which the Python worker's largest file arrived, as evidence) but not to
WebSocket frames (a Streamlit click's round trip is the same at 300 ms of emulated latency),
so Streamlit's messages travel unthrottled: an advantage of about a round trip each. The
document request's emulated latency falls before navigation start (at 1 s of latency,
goto -> commit took 1.14 s while the navigation's responseStart was 7 ms), so both
products' figures leave out that one latency.

Each run, for each product: a fresh browser context (empty cache) visits the app (cold),
then the same page navigates to it again (repeat: the HTTP cache and Chromium's code cache
are warm). Times are taken in the page with performance.now() (from navigation start) by a
MutationObserver installed before the page's scripts:
  first element  the first [data-testid=stElementContainer] is in the DOM
  interactive    a click on the button, made by the page script the moment the button
                 shows and again every 50 ms until one takes effect, has changed the
                 counter text ("clicks: 0" -> "clicks: K")
Prints the median of --runs for the four figures, their ratios and the budgets (first
element <= 0.5x Streamlit's, interactive <= 1.0x, cold and repeat), the bytes a cold visit
transferred (encoded body sizes from resource timing, the page's and its worker's) and
where wasmlit's visits spend their time (the performance marks its page posts, the
biggest files), and bare Pyodide's start-up in a page without throttling (compare.py's
bare page): the CPU floor under the machine's current load. The site has its Pyodide memory
snapshot (buildlib/snapshot.py), which a cold visit fetches into the HTTP cache once the app
has run (the repeat visit waits for that, as a visitor's next visit comes later) and a
repeat visit restores; --no-snapshot builds the site without it. The exit code is 0 whatever the
budgets say.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import mimetypes
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import build_site, wait_snapshot_kept  # noqa: E402
from buildlib.static_server import StaticHandler, make_server, port_of  # noqa: E402
from compare import (CHROMIUM, ORACLE, StreamlitServer, bare_pyodide, chromium_version,  # noqa: E402
                     streamlit_ok)

ST150 = "/tmp/st150/bin/python"
# Only what the brief of this benchmark allows: no flag that changes networking.
FLAGS = ["--no-sandbox", "--disable-gpu"]
TIMEOUT_MS = 120_000

APP = """import streamlit as st

st.title("Network start-up probe")
st.write("A paragraph of text, written once.")
st.caption("A caption")
st.text("Plain text")
st.divider()
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Click me"):
    st.session_state.n += 1
st.write(f"clicks: {st.session_state.n}")
"""

# Installed before any page script (add_init_script), on every navigation of the page.
PROBE = """(() => {
  const P = window.__net = { first: null, button: null, interactive: null, clicks: 0, counter: null };
  const counter = () => {
    for (const el of document.querySelectorAll("[data-testid='stMarkdownContainer']")) {
      const t = el.textContent.trim();
      if (t.startsWith("clicks: ")) return t;
    }
    return null;
  };
  const button = () => [...document.querySelectorAll("[data-testid='stButton'] button")]
    .find((b) => b.textContent.trim() === "Click me");
  let timer = null;
  const click = () => { const b = button(); if (b) { P.clicks++; b.click(); } };
  const obs = new MutationObserver(() => {
    const now = performance.now();
    if (P.first === null && document.querySelector("[data-testid='stElementContainer']")) P.first = now;
    if (timer !== null) {
      const text = counter();
      if (text !== null && text !== "clicks: 0") {
        P.interactive = now; P.counter = text; clearInterval(timer); obs.disconnect();
      }
    } else if (button()) {
      P.button = now; timer = setInterval(click, 50); click();
    }
  });
  obs.observe(document, { childList: true, subtree: true, characterData: true });
})();"""

# What a visit fetched (resource timing, plus the navigation's own entry) and its marks.
READ_PAGE = """() => {
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  const files = entries
    .map((r) => ({ name: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
                   transfer: r.transferSize, start: r.startTime, responseStart: r.responseStart,
                   end: r.responseEnd }));
  const marks = {};
  for (const m of performance.getEntriesByType("mark")) marks[m.name] = m.startTime;
  return { files, marks, origin: performance.timeOrigin, probe: window.__net };
}"""
READ_WORKER = """() => ({ origin: performance.timeOrigin,
  files: performance.getEntriesByType("resource").map((r) => ({ name: r.name, encoded: r.encodedBodySize,
    decoded: r.decodedBodySize, transfer: r.transferSize, start: r.startTime,
    responseStart: r.responseStart, end: r.responseEnd })) })"""


# --- the static host ---------------------------------------------------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm")
SERVER_NOTE = ("wasmlit served by GzipStaticServer: gzip -6 of text/JS/JSON/wasm/CSS when the "
               "request accepts gzip (compressed once, kept in memory), ETag + Cache-Control: "
               "no-cache (a repeat visit revalidates every file: 304s), HTTP/1.1 keep-alive, no "
               "COOP/COEP; Streamlit 1.50 by its own server")


def kind_of(path: str) -> str:
    """The Content-Type StaticHandler would send for `path`."""
    ext = os.path.splitext(path)[1].lower()
    return (StaticHandler.extensions_map.get(ext) or mimetypes.guess_type(path)[0]
            or "application/octet-stream")


class GzipCache:
    """Each file's bytes, its gzip (when its type compresses) and an ETag, made once."""

    def __init__(self) -> None:
        self.files: dict = {}  # path -> (stamp, raw bytes, gzip bytes or None, etag)
        self.lock = threading.Lock()

    def entry(self, path: str) -> tuple:
        stat = os.stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self.lock:
            found = self.files.get(path)
        if found and found[0] == stamp:
            return found
        raw = Path(path).read_bytes()
        packed = gzip.compress(raw, 6, mtime=0) if kind_of(path).startswith(COMPRESSIBLE) else None
        found = (stamp, raw, packed, hashlib.sha1(raw).hexdigest()[:20])
        with self.lock:
            self.files[path] = found
        return found


class GzipHandler(StaticHandler):
    """StaticHandler's files (MIME types, multipage fallback) as a typical static host sends
    them: gzipped when the type compresses and the client accepts it, with an ETag and
    `Cache-Control: no-cache`, so that a repeat visit revalidates each file (304)."""
    protocol_version = "HTTP/1.1"
    quiet = True
    cache: GzipCache  # set per server

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404, "File not found")
            return None
        _, raw, packed, tag = self.cache.entry(path)
        zipped = packed is not None and "gzip" in self.headers.get("Accept-Encoding", "")
        etag = f'"{tag}{"-gz" if zipped else ""}"'
        if etag in self.headers.get("If-None-Match", ""):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return None
        body = packed if zipped else raw
        self.send_response(200)
        self.send_header("Content-Type", kind_of(path))
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        if packed is not None:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)


class GzipStaticServer:
    """`directory` served by GzipHandler on a free port of 127.0.0.1 from a background thread,
    every file read and gzipped up front (so no visit waits on compression)."""

    def __init__(self, directory: Path) -> None:
        cache = GzipCache()
        for path in directory.rglob("*"):
            if path.is_file():
                cache.entry(str(path))
        handler = type("SiteGzipHandler", (GzipHandler,), {"cache": cache})
        self.httpd = make_server(directory, 0, handler)
        self.httpd.handle_error = quiet_on_disconnect(self.httpd.handle_error)
        self.url = f"http://127.0.0.1:{port_of(self.httpd)}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def quiet_on_disconnect(report):
    """The server's error report, silent when the browser dropped a kept-alive connection
    (a closed context does that to every idle one)."""
    def handle_error(request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            report(request, client_address)
    return handle_error


# Measured with a click round trip on Streamlit 1.50 at 300 ms emulated latency: unchanged.
WEBSOCKET_NOTE = ("not throttled: WebSocket frames (Chromium's emulation leaves them alone), so "
                  "Streamlit's script-run messages and its click's rerun travel without the "
                  "added latency: this favours Streamlit by about a round trip per exchange")


# --- visits --------------------------------------------------------------------------------

def throttle(context, page, mbps: float, latency: float) -> None:
    """The emulated link on the page's CDP session (before it navigates); throughput in bytes/s."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    rate = mbps * 1e6 / 8
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency, "downloadThroughput": rate, "uploadThroughput": rate})


def visit(page, url: str) -> dict:
    """Navigate, wait until a click took effect, and read what the page (and its Python
    worker, if any) fetched, with the worker's times put on the page's clock."""
    from playwright.sync_api import Error as PlaywrightError
    try:
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function("() => window.__net && window.__net.interactive !== null",
                               timeout=TIMEOUT_MS, polling=100)
    except PlaywrightError as error:
        state = page.evaluate("[window.__net, document.body && document.body.innerText.slice(0, 300)]")
        print(f"  a visit of {url} failed ({str(error).splitlines()[0]}); probe: {state[0]}; "
              f"page text: {state[1]!r}", file=sys.stderr, flush=True)
        return None
    page.wait_for_timeout(500)  # files fetched lazily after the first run (markdown.js...)
    sample = page.evaluate(READ_PAGE)
    for worker in page.workers:
        try:
            seen = worker.evaluate(READ_WORKER)
        except Exception:  # noqa: BLE001  (a worker that ended meanwhile)
            continue
        shift = seen["origin"] - sample["origin"]
        for f in seen["files"]:
            for key in ("start", "responseStart", "end"):
                f[key] += shift
            f["worker"] = True
        sample["files"] += seen["files"]
    return sample


def keep(samples: dict, pair: tuple) -> None:
    """The visits of a run that ended (a timed-out one is None) into samples["cold"/"repeat"]."""
    for kind, sample in zip(("cold", "repeat"), pair):
        if sample is not None:
            samples[kind].append(sample)


def visits(browser, url: str, opts, snapshot_kept: bool = False) -> tuple:
    """(cold, repeat) samples: a fresh context, then the same page navigating again (once
    the cold visit has kept the site's snapshot, with `snapshot_kept`)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(PROBE)
        throttle(context, page, opts.mbps, opts.latency)
        cold = visit(page, url)
        if cold is not None and snapshot_kept:
            wait_snapshot_kept(page, TIMEOUT_MS)
        repeat = visit(page, url) if cold is not None else None  # a repeat of a visit that ended
        return cold, repeat
    finally:
        context.close()


# --- report --------------------------------------------------------------------------------

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    return "n/a" if value is None else f"{value:.{digits}f}"


def ratio(a, b):
    return a / b if a is not None and b else None


def short(url: str) -> str:
    path = urlsplit(url).path
    return path if path.endswith("/") else "/".join(path.split("/")[-2:])


def transferred(sample) -> int:
    """Bytes of the bodies a cold visit downloaded (encoded: as sent, gzip or not)."""
    return sum(f["encoded"] or 0 for f in sample["files"])


def on_the_wire(sample) -> int:
    """Bytes a visit moved, headers included (a 304 or a cache hit counts its headers only)."""
    return sum(f["transfer"] or 0 for f in sample["files"])


def worker_rate(samples) -> str:
    """Evidence that the worker's fetches are throttled: the rate its largest file arrived at."""
    rates = []
    for s in samples:
        files = [f for f in s["files"] if f.get("worker") and f["encoded"]]
        if files:
            f = max(files, key=lambda f: f["encoded"])
            took = f["end"] - f["responseStart"]
            if took > 0:
                rates.append((short(f["name"]), f["encoded"], f["encoded"] * 8 / took / 1000))
    if not rates:
        return "the Python worker's resource timing was not readable"
    name, size, _ = rates[0]
    return (f"{name} ({size / 1e6:.2f} MB gzip, fetched by the Python worker) arrived at "
            f"{median([r[2] for r in rates]):.1f} Mbit/s (median; it shares the link with the "
            f"other downloads)")


PHASES = [("pyodide-start", "wasmlit:pyodide-start"), ("pyodide-ready", "wasmlit:pyodide-ready"),
          ("wheel-loaded", "wasmlit:wheel-loaded"), ("imported", "wasmlit:imported")]


def biggest_files(sample) -> dict:
    """Each file the visit fetched by short name, its largest entry (a HEAD request has none)."""
    files = {}
    for f in sample["files"]:
        name = short(f["name"])
        if name not in files or (f["encoded"] or 0) > (files[name]["encoded"] or 0):
            files[name] = f
    return files


def breakdown(ours, mbps) -> None:
    """Where wasmlit's visits go: phase ends (the marks the page posts), and for a cold visit
    the biggest files (gzip as served) and when each finished downloading."""
    print("\nwasmlit: phase ends (medians, ms from navigation start)")
    for kind in ("cold", "repeat"):
        samples = ours[kind]
        line = [f"{label} {fmt(median([s['marks'].get(mark) for s in samples]))}"
                for label, mark in PHASES]
        for key in ("first", "button", "interactive"):
            line.append(f"{'first element' if key == 'first' else key} "
                        f"{fmt(median([s['probe'][key] for s in samples]))}")
        print(f"  {kind}: " + "; ".join(line))
        print(f"  {kind}: clicks made until one took effect: {[s['probe']['clicks'] for s in samples]}")
    per_run = [biggest_files(s) for s in ours["cold"]]
    names = sorted({n for files in per_run for n in files},
                   key=lambda n: -max((files[n]["encoded"] or 0) for files in per_run if n in files))
    print(f"wasmlit, cold visit, biggest files (medians):\n  {'file':<40}{'gzip KB':>9}{'raw KB':>9}"
          f"{'start':>8}{'end':>8}{'alone on the link':>19}")
    for name in names[:8]:
        fs = [files[name] for files in per_run if name in files]
        enc = median([f["encoded"] for f in fs])
        alone = enc * 8 / (mbps * 1e6) * 1000
        print(f"  {name:<40}{enc / 1000:>9.1f}{median([f['decoded'] for f in fs]) / 1000:>9.1f}"
              f"{fmt(median([f['start'] for f in fs])):>8}{fmt(median([f['end'] for f in fs])):>8}"
              f"{alone:>16.0f} ms")


def report(results, opts, have_st, seconds) -> None:
    ours, theirs = results["wasmlit"], results.get("streamlit")
    print()
    print(f"Chromium: {chromium_version()}; cores: {os.cpu_count()}; load average: "
          f"{os.getloadavg()[0]:.2f}; runs: {opts.runs}; took {seconds:.0f} s")
    print(f"link: CDP Network.emulateNetworkConditions, {opts.mbps:g} Mbit/s down and up, "
          f"{opts.latency:g} ms latency, on the page's session before navigation; it throttles "
          f"the page's and its dedicated worker's requests")
    print(SERVER_NOTE + ("; the site has no Pyodide snapshot (--no-snapshot)" if opts.no_snapshot else
                         "; the site has its Pyodide snapshot: the cold visit keeps it, the repeat one "
                         "restores it"))
    head = f"{'metric (ms, median)':<28}{'wasmlit':>10}{'Streamlit 1.50':>16}{'ratio':>8}"
    print(head)
    print("-" * len(head))
    figures = {}
    for visit_kind in ("cold", "repeat"):
        for key, label in (("first", "first element"), ("interactive", "interactive")):
            a = median([s["probe"][key] for s in ours[visit_kind]])
            b = median([s["probe"][key] for s in theirs[visit_kind]]) if theirs else None
            figures[(visit_kind, key)] = ratio(a, b)
            r = figures[(visit_kind, key)]
            print(f"{visit_kind + ' ' + label:<28}{fmt(a):>10}{fmt(b):>16}{fmt(r, 3) if r else '-':>8}")
    cold_ours = ours["cold"]
    if not cold_ours or not ours["repeat"]:
        print("no wasmlit visit ended: nothing more to report")
        return
    kb = median([transferred(s) for s in cold_ours]) / 1e6
    line = f"bytes transferred on a cold visit (encoded bodies, page + worker): wasmlit {kb:.2f} MB"
    if theirs:
        line += (f"; Streamlit {median([transferred(s) for s in theirs['cold']]) / 1e6:.2f} MB "
                 f"(HTTP only, not its WebSocket)")
    print(line)
    line = f"bytes on the wire on a repeat visit (transferSize: headers, 304s): wasmlit " \
           f"{median([on_the_wire(s) for s in ours['repeat']]) / 1000:.1f} KB"
    if theirs:
        line += f"; Streamlit {median([on_the_wire(s) for s in theirs['repeat']]) / 1000:.1f} KB"
    print(line)
    print(f"throttle check: {worker_rate(cold_ours)}")
    print(WEBSOCKET_NOTE)
    failed = {name: opts.runs * 2 - len(got["cold"]) - len(got["repeat"])
              for name, got in (("wasmlit", ours), ("Streamlit", theirs)) if got}
    if any(failed.values()):
        print(f"visits that timed out (left out of the medians): {failed}")
    print(f"not counted: the page request's own latency ({opts.latency:g} ms, before navigation "
          f"start in Chromium's timeline), for both products")
    print(f"bare Pyodide in a page, unthrottled, fresh context (compare.py's bare page; the CPU "
          f"floor on this machine now): {fmt(results['bare'])} ms")
    print("\nBudgets:")
    for visit_kind in ("cold", "repeat"):
        for key, label, limit in (("first", "first element", 0.5), ("interactive", "interactive", 1.0)):
            r = figures[(visit_kind, key)]
            verdict = ("n/a (no Streamlit 1.50)" if r is None
                       else f"{r:.3f}x {'PASS' if r <= limit else 'FAIL'}")
            print(f"  {visit_kind} {label} <= {limit}x Streamlit's: {verdict}")
    breakdown(ours, opts.mbps)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="cold + repeat visits per product")
    ap.add_argument("--quick", action="store_true", help="one run each")
    ap.add_argument("--mbps", type=float, default=40.0, help="link rate, Mbit/s each way")
    ap.add_argument("--latency", type=float, default=20.0, help="added latency per request, ms")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="build the site without its Pyodide snapshot (build.py --no-snapshot)")
    ap.add_argument("--streamlit-python", default=ST150 if Path(ST150).exists() else ORACLE)
    opts = ap.parse_args(argv)
    if opts.quick:
        opts.runs = 1
    have_st = streamlit_ok(opts.streamlit_python)
    if not have_st:
        print(f"streamlit 1.50.0 not importable by {opts.streamlit_python}: wasmlit only")
    from playwright.sync_api import sync_playwright

    started = time.time()
    results = {"wasmlit": {"cold": [], "repeat": []}, "bare": None}
    with tempfile.TemporaryDirectory(prefix="wasmlit-startup-net-") as tmp:
        app = Path(tmp) / "app" / "network_probe.py"
        app.parent.mkdir()
        app.write_text(APP, "utf-8")
        print("building the site...", flush=True)
        site = build_site(app, Path(tmp) / "site", *(["--no-snapshot"] if opts.no_snapshot else []))
        server = GzipStaticServer(site)
        st = StreamlitServer(opts.streamlit_python, app) if have_st else None
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                # Unmeasured warm-up of each (the OS file cache, Streamlit's first script run).
                visits(browser, server.url, opts, not opts.no_snapshot)
                if st:
                    results["streamlit"] = {"cold": [], "repeat": []}
                    visits(browser, st.url, opts)
                for run in range(opts.runs):
                    print(f"run {run + 1}/{opts.runs}: wasmlit...", flush=True)
                    keep(results["wasmlit"], visits(browser, server.url, opts, not opts.no_snapshot))
                    if st:
                        print(f"run {run + 1}/{opts.runs}: Streamlit...", flush=True)
                        keep(results["streamlit"], visits(browser, st.url, opts))
                # The CPU floor under this machine's load: Pyodide alone, no throttling.
                results["bare"] = bare_pyodide(browser, site, opts.runs)
                browser.close()
        finally:
            server.close()
            if st:
                st.close()
    report(results, opts, have_st, time.time() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
