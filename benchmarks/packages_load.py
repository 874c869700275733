"""What the data stack costs at start-up: the time a page spends fetching and loading
packages of Pyodide's distribution, in Chromium.

    python3 benchmarks/packages_load.py [--loads 3] [--throttle] [--mode offline|online|both]

Writes a stand-in distribution (tests/distribution_standin.py) whose numpy, pandas, pytz,
python-dateutil and six are wheels of a size like the real ones' (incompressible data plus
hundreds of small modules: 4.3 + 7.7 + 0.5 + 0.3 + 0.02 MB), builds an app importing pandas and
numpy, and loads it --loads times:
  offline  the site ships the wheels (build.py --pyodide-packages STANDIN);
  online   the site loads them from a second local server (build.py --packages-url URL), as
           from Pyodide's CDN;
  plain    the same app without the imports (the baseline).
--throttle emulates a 40 Mbit/s link with 20 ms round trips (CDP
Network.emulateNetworkConditions). Times are milliseconds, read from the performance marks
web/packages.js sets (wasmlit:packages-start, -lock, -loaded) and from when the app's run
ended; medians are printed. No assertions: figures only.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import StaticServer  # noqa: E402
from distribution_standin import write_standin  # noqa: E402
from compare import CHROMIUM, FLAGS  # noqa: E402

# lock key -> (import name, MB of incompressible data, small modules)
PACKAGES = {"numpy": ("numpy", 4.0, 400), "pandas": ("pandas", 7.0, 900), "pytz": ("pytz", 0.5, 30),
            "python-dateutil": ("dateutil", 0.3, 20), "six": ("six", 0.02, 1)}

APP = """import streamlit as st
{imports}st.title("Packages probe")
st.write("loaded")
"""

PROBE = """(() => {
  const P = window.__probe = { idle: null };
  new MutationObserver(() => {
    const app = document.querySelector("[data-testid='stApp']");
    if (P.idle === null && app && app.getAttribute("data-test-script-state") === "notRunning"
        && app.innerText.includes("loaded")) P.idle = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true,
                         attributeFilter: ["data-test-script-state"] });
})();"""

READ = """() => {
  const marks = {};
  for (const m of performance.getEntriesByType("mark")) marks[m.name] = m.startTime;
  const bytes = performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".whl"))
    .reduce((sum, r) => sum + (r.encodedBodySize || r.transferSize || 0), 0);
  return { marks, idle: window.__probe.idle, wheelBytes: bytes };
}"""


def package_files(import_name: str, megabytes: float, modules: int) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {f"{import_name}/__init__.py": "VALUE = 1\n",
                                     f"{import_name}/_data.bin": os.urandom(int(megabytes * 1e6))}
    for i in range(modules):
        files[f"{import_name}/_mod{i:04d}.py"] = f"def f{i}(x):\n    return x + {i}\n" * 20
    return files


def build(app: Path, out: Path, *flags: str) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), "--out", str(out), *flags],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build failed:\n{result.stdout}{result.stderr}")
    return out


def load(browser, url: str, throttle: bool) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    if throttle:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 20,
                 "downloadThroughput": 40e6 / 8, "uploadThroughput": 40e6 / 8})
    page.add_init_script(PROBE)
    page.goto(url)
    page.wait_for_function("() => window.__probe.idle !== null", timeout=300_000)
    sample = page.evaluate(READ)
    page.close()
    return sample


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def span(sample, start, end):
    a = sample["marks"].get(start)
    b = sample["idle"] if end == "idle" else sample["marks"].get(end)
    return None if a is None or b is None else b - a


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--throttle", action="store_true", help="40 Mbit/s, 20 ms RTT (CDP)")
    ap.add_argument("--mode", choices=["offline", "online", "both"], default="both")
    opts = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="wasmlit-packages-") as tmp:
        work = Path(tmp)
        standin = write_standin(work / "host" / "standin",
                                {key: package_files(*spec) for key, spec in PACKAGES.items()})
        sizes = {p.name: p.stat().st_size for p in standin.glob("*.whl")}
        (work / "data").mkdir()
        (work / "data" / "app.py").write_text(APP.format(imports="import numpy\nimport pandas\n"))
        (work / "plain").mkdir()
        (work / "plain" / "app.py").write_text(APP.format(imports=""))
        host = StaticServer(work / "host", headers={"Access-Control-Allow-Origin": "*"})
        sites = {"plain": build(work / "plain", work / "plain-site")}
        if opts.mode in ("offline", "both"):
            sites["offline"] = build(work / "data", work / "offline-site", "--pyodide-packages", str(standin))
        if opts.mode in ("online", "both"):
            sites["online"] = build(work / "data", work / "online-site", "--packages-url", host.url + "standin/")
        servers = {name: StaticServer(site) for name, site in sites.items()}
        results = {name: [] for name in sites}
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                load(browser, servers["plain"].url, False)  # warm-up: OS file cache, code cache
                for _ in range(opts.loads):
                    for name, server in servers.items():
                        results[name].append(load(browser, server.url, opts.throttle))
                browser.close()
        finally:
            for server in [host, *servers.values()]:
                server.close()

    total = sum(sizes.values()) / 1e6
    print(f"\nloads: {opts.loads}; throttle: {'40 Mbit/s, 20 ms RTT' if opts.throttle else 'none'}; "
          f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}")
    listed = ", ".join(f"{name.split('-')[0]} {size / 1e6:.2f} MB" for name, size in sorted(sizes.items()))
    print(f"wheels: {listed} ({total:.1f} MB)")
    fmt = lambda v: "-" if v is None else f"{v:.0f}"  # noqa: E731
    print(f"{'site':<9}{'nav->idle':>11}{'imported->idle':>16}{'lock':>8}{'packages':>10}   (ms, medians)")
    # From wasmlit's import to the end of the first run: what the packages add, without the
    # noise of Pyodide's own start-up (nav->idle, shown for context).
    plain_idle = median([span(s, "wasmlit:imported", "idle") for s in results["plain"]])
    for name, samples in results.items():
        idle = median([span(s, "wasmlit:imported", "idle") for s in samples])
        lock = median([span(s, "wasmlit:packages-start", "wasmlit:packages-lock") for s in samples])
        phase = median([span(s, "wasmlit:packages-start", "wasmlit:packages-loaded") for s in samples])
        total_idle = median([s["idle"] for s in samples])
        print(f"{name:<9}{fmt(total_idle):>11}{fmt(idle):>16}{fmt(lock):>8}{fmt(phase):>10}")
    for name in results:
        if name != "plain" and plain_idle is not None:
            idle = median([span(s, "wasmlit:imported", "idle") for s in results[name]])
            print(f"{name}: the packages add {fmt(idle - plain_idle)} ms before the first run ends "
                  f"({total / ((idle - plain_idle) / 1000):.0f} MB/s)")


if __name__ == "__main__":
    main()
