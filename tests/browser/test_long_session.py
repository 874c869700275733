"""A long session in Chromium, lean version of benchmarks/long_session.py (issue 9, point 4):
a few hundred fragment reruns that replace six widgets each time and a hundred full
reruns leave the JS heap, the Wasm memory, the DOM and the event listeners where they
were (within bounds). Not a timed test; it prints its figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from long_session import HELPERS, RERUNS, ROWS, app_text, fmt, snapshot  # noqa: E402

from sites import build_source_site  # noqa: E402


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_source_site(tmp_path_factory, "long_session", app_text(30))).url


def test_reruns_that_replace_widgets_leave_memory_dom_and_listeners_bounded(page, site_url):
    page.add_init_script(HELPERS)
    page.goto(site_url)
    page.wait_for_function("() => window.__bench.text('churn: ') !== null && window.__bench.idle()",
                           timeout=90000)
    cdp = page.context.new_cdp_session(page)
    page.evaluate(RERUNS, ["Churn", "churn: ", 30])  # warm up
    page.evaluate(RERUNS, ["Rerun", "full: ", 10])
    start = snapshot(page, cdp)
    page.evaluate(RERUNS, ["Churn", "churn: ", 400])
    page.evaluate(RERUNS, ["Rerun", "full: ", 100])
    end = snapshot(page, cdp)
    print()
    for key, label, scale, unit in ROWS:
        print(f"{label:36}{fmt(start[key], scale, unit):>14}{fmt(end[key], scale, unit):>14}")
    assert end["heap"] - start["heap"] < 2 * 2**20
    assert end["wasm"] - start["wasm"] <= 2 * 2**20
    assert end["dom"] == start["dom"]
    assert end["nodes"] - start["nodes"] < 50  # a few detached parts of the live widgets
    assert end["listeners"] <= start["listeners"]
    assert abs(end["py_objects"] - start["py_objects"]) < 200
    assert end["py_proxies"] == start["py_proxies"]
