"""First-render cost of a Vega-Lite chart in Chromium (not a test: prints numbers).

Prints the size of dist/vega.js (raw and gzip -9), then for an app without a chart and an
app with one st.line_chart: milliseconds from navigation start to the first element in
the page, and (with the chart) to the chart's first SVG marks; also whether the page
requested vega.js. Each app is loaded RUNS times in a fresh page (median shown).
Usage, from the project root:
    python3 benchmarks/chart_first_render.py
"""
from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from sites import StaticServer, build_site  # noqa: E402

RUNS = 3
PLAIN = '''
import streamlit as st
st.write("hello")
'''
CHART = '''
import streamlit as st
st.write("hello")
st.line_chart({"a": [1, 3, 2, 4, 5, 3], "b": [2, 1, 4, 3, 2, 5]})
'''
# Timestamps taken inside the page by a MutationObserver (so a busy main thread or
# Playwright's polling does not blur them): first element, first chart mark.
OBSERVE = """(() => {
  window.__wl = {};
  new MutationObserver(() => {
    const t = performance.now();
    if (!window.__wl.first && document.querySelector("[data-testid='stElementContainer']")) window.__wl.first = t;
    if (!window.__wl.marks && document.querySelector("[data-testid='stVegaLiteChart'] svg g.mark-line path")) window.__wl.marks = t;
  }).observe(document, { childList: true, subtree: true });
})();"""


def measure(url: str, with_chart: bool, browser) -> dict:
    page = browser.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.add_init_script(OBSERVE)
    page.goto(url)
    page.wait_for_function("() => window.__wl && window.__wl.first" +
                           (" && window.__wl.marks" if with_chart else ""), timeout=120000)
    page.wait_for_timeout(300)
    times = page.evaluate("() => window.__wl")
    page.close()
    return {"first": times["first"], "marks": times.get("marks"),
            "vega": any(u.endswith("/vega.js") for u in requested)}


def main() -> None:
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for name, source in (("plain", PLAIN), ("chart", CHART)):
            app = Path(tmp) / f"{name}.py"
            app.write_text(source)
            sites[name] = build_site(app, Path(tmp) / name)
        bundle = (ROOT / "dist" / "vega.js").read_bytes()
        print(f"dist/vega.js: {len(bundle)} bytes, gzip -9: {len(gzip.compress(bundle, 9))} bytes")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            for name, site in sites.items():
                server = StaticServer(site)
                runs = [measure(server.url, name == "chart", browser) for _ in range(RUNS)]
                server.close()
                first = statistics.median(r["first"] for r in runs)
                line = f"{name:5}: first element {first:7.0f} ms"
                if name == "chart":
                    marks = statistics.median(r["marks"] for r in runs)
                    line += f", first chart marks {marks:7.0f} ms (+{marks - first:.0f} ms)"
                line += f", vega.js requested: {any(r['vega'] for r in runs)}"
                print(line)
            browser.close()


if __name__ == "__main__":
    main()
