"""Scroll timing of st.dataframe with 100,000 rows in Chromium (not a test: prints numbers).

Builds a site with one 100k-row, 4-column dataframe, then in the page scrolls the grid
by SPEED pixels every animation frame (and with mouse-wheel steps), recording the time
between frames and the number of <tr> in the DOM. Usage, from the project root:
    python3 benchmarks/dataframe_scroll.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from sites import StaticServer, build_site  # noqa: E402

APP = '''
import streamlit as st
N = 100000
st.dataframe({"n": list(range(N)), "half": [i / 2 for i in range(N)],
              "name": [f"row {i}" for i in range(N)], "even": [i % 2 == 0 for i in range(N)]},
             height=600)
'''

MEASURE = """async ([speed, frames]) => {
  const el = document.querySelector("[data-testid='stDataFrameResizable']");
  const times = [];
  const long = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  try { observer.observe({ type: "longtask" }); } catch (e) { /* not supported */ }
  const work = [];
  let maxRows = 0;
  await new Promise((done) => {
    let last = performance.now();
    let n = 0;
    const step = (now) => {
      times.push(now - last); last = now;
      el.scrollTop += speed;
      const t0 = performance.now();
      el.dispatchEvent(new Event("scroll"));
      void el.querySelector("tbody").offsetHeight;   // the grid's redraw and layout, timed
      work.push(performance.now() - t0);
      maxRows = Math.max(maxRows, el.querySelectorAll("tbody tr[role='row']").length);
      if (++n < frames) requestAnimationFrame(step); else done();
    };
    requestAnimationFrame(step);
  });
  observer.disconnect();
  return { times: times.slice(1), maxRows, top: el.scrollTop, long: long.length, work };
}"""


def report(name: str, times: list[float], extra: str = "") -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    slow = sum(t > 1000 / 60 * 1.5 for t in times)
    print(f"{name}: {len(times)} frames, mean {statistics.mean(times):.1f} ms, median "
          f"{statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms, "
          f"frames over 25 ms: {slow} {extra}")


def main() -> None:
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "bench_app.py"
        app.write_text(APP)
        server = StaticServer(build_site(app, Path(tmp) / "site"))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                            args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(server.url)
                page.wait_for_selector("[data-testid='stDataFrame']", timeout=180000)
                shown_at = page.evaluate("performance.now()")
                print(f"page load to a drawn 100k-row grid (Pyodide boot, script, props, DOM): {shown_at / 1000:.1f} s")
                page.wait_for_timeout(500)
                for speed in (35, 350, 3500):
                    result = page.evaluate(MEASURE, [speed, 240])
                    report(f"scroll {speed:>4} px/frame", result["times"],
                           f"(max <tr> in DOM {result['maxRows']}, scrollTop {result['top']:.0f}, "
                           f"long tasks {result['long']}; redraw+layout per frame: median "
                           f"{statistics.median(result['work']):.2f} ms, max {max(result['work']):.1f} ms)")
                grid = page.get_by_test_id("stDataFrameResizable")
                grid.hover()
                page.evaluate("document.querySelector(\"[data-testid='stDataFrameResizable']\").scrollTop = 0")
                start = page.evaluate("performance.now()")
                for _ in range(100):
                    page.mouse.wheel(0, 700)
                page.wait_for_timeout(300)
                took = page.evaluate("performance.now()") - start
                print(f"100 mouse-wheel steps of 700 px: {took:.0f} ms in all")
                sort = page.evaluate("""() => { const th = document.querySelector("th[aria-colindex='3']");
                    const t0 = performance.now(); th.click(); th.click(); return performance.now() - t0; }""")
                print(f"sorting 100k rows twice (asc, desc) by a text column: {sort:.0f} ms")
                browser.close()
        finally:
            server.close()


if __name__ == "__main__":
    main()
