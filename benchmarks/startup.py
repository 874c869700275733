"""Where wasmlit's start-up time goes, phase by phase, in Chromium.

    python3 benchmarks/startup.py [--loads 5] [--app plain|markdown|bench|FILE.py]

Builds a site for the app (default `plain`: a title, text and a few widgets with no
Markdown syntax; `markdown` adds **bold** Markdown; `bench` is compare.py's app with
N=10), serves it on 127.0.0.1 and loads it --loads times in one Chromium, each time
after a bare page that only awaits loadPyodide from the same site (the budget is the
median of the per-pair differences, which a busy machine disturbs less). Times are milliseconds from
navigation start, read in the page from the performance marks web/wasmlit.js sets
(wasmlit:pyodide-start, snapshot-restored, pyodide-ready, wheel-loaded, imported), resource timing (when
each file finished downloading) and a MutationObserver (first element, idle). Prints the
median of every phase, which files were fetched (micropip should not be), and the
budget: first element within 300 ms of bare Pyodide start-up. Its server forbids caching
(no-store), so every load starts Python: the Pyodide snapshot, which repeat visits restore
from the HTTP cache, is measured by startup_network.py.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import StaticServer, build_site, site_file  # noqa: E402
from bench_app import app_source  # noqa: E402
from compare import CHROMIUM, FLAGS, bare_page  # noqa: E402

APPS = {
    "plain": """import streamlit as st
st.title("Start-up probe")
st.write("Plain text with no Markdown syntax")
st.text("full: 0")
st.button("Rerun")
st.checkbox("Tick")
st.slider("Slider", 0, 100, 50)
""",
}
APPS["markdown"] = APPS["plain"] + 'st.markdown("Some **bold** Markdown")\n'

PROBE = """(() => {
  const P = window.__probe = { first: null, idle: null };
  new MutationObserver(() => {
    const now = performance.now();
    if (P.first === null && document.querySelector("[data-testid='stElementContainer']")) P.first = now;
    const app = document.querySelector("[data-testid='stApp']");
    if (P.first !== null && P.idle === null && app && app.getAttribute("data-test-script-state") === "notRunning")
      P.idle = now;
  }).observe(document, { childList: true, subtree: true, attributes: true,
                         attributeFilter: ["data-test-script-state"] });
})();"""

READ = """() => {
  const marks = {};
  for (const m of performance.getEntriesByType("mark")) marks[m.name] = m.startTime;
  const files = performance.getEntriesByType("resource").map((r) => ({
    name: new URL(r.name).pathname.split("/").slice(-2).join("/"), start: r.startTime, end: r.responseEnd }));
  return { marks, files, first: window.__probe.first, idle: window.__probe.idle };
}"""

PHASES = [  # (label, start, end): points are marks, "first"/"idle", or "file:<name>"
    ("Pyodide core (or snapshot restore)", "wasmlit:pyodide-start", "wasmlit:pyodide-ready"),
    ("  snapshot.bin.gz downloaded", "nav", "file:snapshot.bin.gz"),
    ("  pyodide.asm.wasm downloaded", "nav", "file:pyodide.asm.wasm"),
    ("  python_stdlib.zip downloaded", "nav", "file:python_stdlib.zip"),
    ("our wheel (loadPackage)", "wasmlit:pyodide-ready", "wasmlit:wheel-loaded"),
    ("import wasmlit.bridge", "wasmlit:wheel-loaded", "wasmlit:imported"),
    ("markdown.js downloaded", "nav", "file:markdown.js"),
    ("first run -> first element", "wasmlit:imported", "first"),
    ("first element -> idle", "first", "idle"),
]


def point(sample, name):
    if name == "nav":
        return 0.0
    if name in ("first", "idle"):
        return sample[name]
    if name.startswith("file:"):
        ends = [f["end"] for f in sample["files"] if f["name"].endswith(name[5:])]
        return max(ends) if ends else None
    return sample["marks"].get(name)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def app_file(choice: str, work: Path) -> Path:
    if choice in APPS:
        source = APPS[choice]
    elif choice == "bench":
        source = app_source(10, 0.5)
    else:
        return Path(choice).resolve()
    path = work / f"{choice}.py"
    path.write_text(source, "utf-8")
    return path


def load_app(browser, url: str) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(PROBE)
    page.goto(url)
    page.wait_for_function("() => window.__probe.idle !== null", timeout=60_000)
    page.wait_for_timeout(300)  # let a lazily loaded markdown.js finish, if any
    sample = page.evaluate(READ)
    page.close()
    return sample


def load_bare(browser, url: str) -> float:
    page = browser.new_page()
    page.goto(url + "bare.html")
    page.wait_for_function("() => window.__bare !== undefined", timeout=60_000)
    bare = page.evaluate("window.__bare")
    page.close()
    return bare


def measure(browser, site: Path, loads: int) -> list:
    """`loads` pairs of page loads, bare Pyodide then the app, so that each app load is
    compared with a bare one made under the same machine load."""
    (site / "bare.html").write_text(bare_page(site), "utf-8")
    server = StaticServer(site)
    try:
        load_bare(browser, server.url)  # warm-up: the OS file cache, Chromium's code cache
        samples = []
        for _ in range(loads):
            bare = load_bare(browser, server.url)
            samples.append(dict(load_app(browser, server.url), bare=bare))
        return samples
    finally:
        server.close()


def swap_wheel(site: Path, wheel: Path) -> None:
    """Put `wheel` in the site in place of its wasmlit wheel (same name, lock updated)."""
    lock_path = site_file(site, "pyodide/pyodide-lock.json")  # under its hashed name
    lock = json.loads(lock_path.read_text("utf-8"))
    entry = lock["packages"]["wasmlit"]
    data = wheel.read_bytes()
    site_file(site, f"pyodide/{entry['file_name']}").write_bytes(data)
    entry["sha256"] = hashlib.sha256(data).hexdigest()
    lock_path.write_text(json.dumps(lock), "utf-8")


def wheel_sizes(site: Path) -> str:
    wheel = next(site_file(site, "pyodide/").glob("wasmlit-*.whl"))
    data = wheel.read_bytes()
    return f"{wheel.name}: {len(data) / 1000:.1f} KB ({len(gzip.compress(data, 9)) / 1000:.1f} KB gzip -9)"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--app", default="plain", help="plain, markdown, bench or an app file")
    ap.add_argument("--wheel", type=Path, help="serve this wasmlit wheel instead of the built one "
                    "(to compare wheel variants: .py or .pyc, stripped...)")
    opts = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="wasmlit-startup-") as tmp:
        site = build_site(app_file(opts.app, Path(tmp)), Path(tmp) / "site")
        if opts.wheel:
            swap_wheel(site, opts.wheel)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            samples = measure(browser, site, opts.loads)
            browser.close()
        sizes = wheel_sizes(site)
    print(f"\napp: {opts.app}; loads: {opts.loads}; cores: {os.cpu_count()}; load average: "
          f"{os.getloadavg()[0]:.2f}; {sizes}")
    print(f"{'phase':<34}{'from':>9}{'to':>9}{'took':>9}   (ms, medians)")
    for label, a, b in PHASES:
        starts = [point(s, a) for s in samples]
        ends = [point(s, b) for s in samples]
        took = [e - s for s, e in zip(starts, ends) if s is not None and e is not None]
        fmt = lambda v: "-" if v is None else f"{v:.0f}"  # noqa: E731
        print(f"{label:<34}{fmt(median(starts)):>9}{fmt(median(ends)):>9}{fmt(median(took)):>9}")
    first = median([s["first"] for s in samples])
    bare_ms = median([s["bare"] for s in samples])
    gap = median([s["first"] - s["bare"] for s in samples])
    print(f"bare Pyodide (loadPyodide resolved): {bare_ms:.0f} ms; first element: {first:.0f} ms")
    print(f"first element - bare Pyodide, per pair of loads: +{gap:.0f} ms "
          f"({'PASS' if gap <= 300 else 'FAIL'}: budget 300 ms)")
    fetched = sorted({f["name"] for s in samples for f in s["files"]})
    restored = sum("wasmlit:snapshot-restored" in s["marks"] for s in samples)
    print(f"snapshot restored in {restored} of {len(samples)} loads; "
          f"micropip fetched: {'yes' if any('micropip' in n for n in fetched) else 'no'}; "
          f"markdown.js fetched: {'yes' if any(n.endswith('markdown.js') for n in fetched) else 'no'}; "
          f"katex css: {'yes' if any('katex' in n for n in fetched) else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
