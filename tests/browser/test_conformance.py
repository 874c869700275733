"""Every recorded case in tests/conformance/ (recorded from Streamlit 1.50.0 with
`conform.py --oracle`) replayed against wasmlit in Chromium: what a person sees must be
the same, observation by observation.

One site is built for the module; each case is served under /<case>/ with its own app.py.
One page serves the module: each case's app is mounted afresh in the Pyodide the first case
started (sites.fresh_app), at the case's URL.
"""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from sites import ROOT, build_site, fresh_app
from replay import first_difference, load_case, run_steps

CASES = sorted(p for p in (ROOT / "tests" / "conformance").iterdir() if (p / "expected.json").exists())
# A case whose app imports a package of Pyodide's distribution (e_bokeh: bokeh) holds this
# file; the page loads that package from Pyodide's CDN, so the case runs only online.
NEEDS_CDN = "needs-pyodide-cdn"


def cdn_reachable() -> bool:
    try:
        socket.create_connection(("cdn.jsdelivr.net", 443), timeout=5).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def cases_server(tmp_path_factory, serve):
    work = tmp_path_factory.mktemp("conf")
    (work / "app.py").write_bytes((ROOT / "examples" / "seed_counts.py").read_bytes())
    site = build_site(work / "app.py", work / "site")  # its page runs app.py: each case's, below
    by_name = {case.name: case for case in CASES}

    def route(path: str) -> Path | None:
        # /<case>/app.py is the case's app; any other /<case>/<file> is the site's file.
        _, name, rest = path.split("/", 2) if path.count("/") >= 2 else ("", "", "")
        if name not in by_name:
            return None
        if rest == "app.py":
            return by_name[name] / "app.py"
        return site / (rest or "index.html")

    return serve(site, route), site


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_matches_streamlit(case, cases_server, module_page):
    server, site = cases_server
    if (case / NEEDS_CDN).exists() and not cdn_reachable():
        pytest.skip(f"{case.name} imports a package of Pyodide's distribution, from its CDN: offline")
    steps, expected = load_case(case)
    page = fresh_app(module_page, f"{server.url}{case.name}/", root=server.url, idle=False)
    observed = run_steps(page, steps)
    difference = first_difference(expected, observed)
    assert difference is None, f"{case.name} differs from Streamlit 1.50 at {difference}"
