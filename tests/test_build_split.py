"""The browser's wasmlit in two parts (buildlib/wasmlit_split.py): the wheel carries every
module a typical first run imports, so only apps that use the other families fetch the lazy
archive. Checked under CPython against what the runs really import."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib.checkout import RUNTIME  # noqa: E402
from buildlib.pycompile import HOST_ONLY  # noqa: E402
from buildlib.wasmlit_split import first_run_modules, split  # noqa: E402

HELLO = "import streamlit as st\nst.write('Hello world')\n"
# A first run with the families FIRST_RUN_FAMILIES promises: text, layout, the common widgets.
COMMON = """
import streamlit as st
st.title("Title")
st.markdown("**bold**")
a, b = st.columns(2)
with a:
    st.button("Go")
b.checkbox("Check")
with st.sidebar:
    st.selectbox("Pick", ["a", "b"])
    st.radio("Radio", ["x", "y"])
with st.expander("More"):
    st.slider("Slide", 0, 10, 5)
    st.text_input("Text")
    st.number_input("Number")
st.caption("done")
"""


def sources() -> dict[str, bytes]:
    found = {f"wasmlit/{p.relative_to(RUNTIME).as_posix()}": p.read_bytes()
             for p in RUNTIME.rglob("*.py") if "__pycache__" not in p.parts}
    return {n: d for n, d in found.items() if not n.startswith(HOST_ONLY)}


def imported_by_first_run(source: str) -> set[str]:
    code = f"""
import json, sys
sys.path.insert(0, {str(ROOT / 'benchmarks')!r})
from wasmlit import AppSession
session = AppSession({source!r}, "app.py")
session.enqueue({{"kind": "rerun"}})
session.run_pending()
errors = [n.props for root in session.tree.roots.values() for n in root.walk() if n.kind == "exception"]
print(json.dumps({{"errors": errors, "modules": sorted(m for m in sys.modules if m.startswith("wasmlit"))}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.splitlines()[-1])
    assert found["errors"] == []
    return set(found["modules"])


def test_the_wheel_has_what_the_benchmark_app_a_hello_world_and_the_common_families_import():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_app import app_source
    in_wheel = first_run_modules(sources())
    for source in (HELLO, app_source(30, 0.5), COMMON):
        # wasmlit.prerender is the host's (the build-time run imports it): not the page's.
        assert imported_by_first_run(source) - {"wasmlit.prerender"} <= in_wheel


def test_the_heavy_families_are_left_for_the_lazy_archive():
    wheel, lazy = split(sources())
    for module in ("wasmlit.elements.charts", "wasmlit.elements.dataframes", "wasmlit.elements.data",
                   "wasmlit.widgets.data_editor", "wasmlit.caching.api", "wasmlit.components.v1",
                   "wasmlit.connections", "wasmlit.elements.figures", "wasmlit.widgets.pickers"):
        assert module in lazy
    assert "wasmlit/bridge.py" in wheel and "wasmlit/lazy_modules.py" in wheel
    assert not {f"wasmlit/{m.replace('.', '/')}.py" for m in lazy} & wheel
