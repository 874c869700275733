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
from buildlib.wasmlit_split import first_run_modules, imports_of, split  # noqa: E402

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
# A run that raises: the error is drawn with what the wheel has, so it shows even when the
# lazy archive cannot be fetched.
RAISES = """
import streamlit as st
st.title("Before")
x = {}["missing"]
"""
# A multipage app: st.navigation's module is fetched (the lazy archive) by the run that
# first calls it; the session's page state is in the wheel.
MULTIPAGE = """
import streamlit as st
def home():
    st.write("Home page")
def other():
    st.write("Other page")
page = st.navigation([st.Page(home, title="Home"), st.Page(other, title="Other")])
page.run()
"""


def sources() -> dict[str, bytes]:
    found = {f"wasmlit/{p.relative_to(RUNTIME).as_posix()}": p.read_bytes()
             for p in RUNTIME.rglob("*.py") if "__pycache__" not in p.parts}
    return {n: d for n, d in found.items() if not n.startswith(HOST_ONLY)}


def imported_by_first_run(source: str, errors: int = 0) -> set[str]:
    """The wasmlit modules a first run of `source` imports, under CPython; it must show
    `errors` exceptions (and, with none, write something)."""
    code = f"""
import json, sys
sys.path.insert(0, {str(ROOT / 'benchmarks')!r})
from wasmlit import AppSession
from wasmlit.workspace import Workspace
# As the page starts an app (bridge.start): a workspace with the site's secrets text, and
# a first rerun event with the URL's query, page and what st.context shows.
session = AppSession({source!r}, "app.py", workspace=Workspace(None, 'token = "x"'))
session.enqueue({{"kind": "rerun", "query": "a=1", "page": "", "context": {{"locale": "en"}}}})
session.run_pending()
errors = [n.props for root in session.tree.roots.values() for n in root.walk() if n.kind == "exception"]
drawn = [n.kind for n in session.tree.roots["main"].walk()]
print(json.dumps({{"errors": errors, "drawn": drawn,
                  "modules": sorted(m for m in sys.modules if m.startswith("wasmlit"))}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.splitlines()[-1])
    assert len(found["errors"]) == errors, found["errors"]
    assert found["drawn"]  # what the run wrote in the main area
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


def test_an_error_that_ends_the_run_is_drawn_with_the_wheel_alone():
    in_wheel = first_run_modules(sources())
    assert "wasmlit.elements.exception_display" in in_wheel
    assert imported_by_first_run(RAISES, errors=1) - {"wasmlit.prerender"} <= in_wheel


def test_a_multipage_app_fetches_only_the_navigation_module():
    in_wheel = first_run_modules(sources())
    assert "wasmlit.nav_state" in in_wheel and "wasmlit.navigation" not in in_wheel
    assert imported_by_first_run(MULTIPAGE) - {"wasmlit.prerender"} - in_wheel == \
        {"wasmlit.navigation"}


def test_only_imports_that_run_at_import_time_pull_a_module_into_the_wheel():
    modules = {"wasmlit.a", "wasmlit.b", "wasmlit.c", "wasmlit.d", "wasmlit.e", "wasmlit.f"}
    source = b"""
from typing import TYPE_CHECKING
from . import a
try:
    from .b import thing
except ImportError:
    pass
if TYPE_CHECKING:
    from .c import Hint
else:
    import wasmlit.f
class Holder:
    from .d import other
def later():
    from .e import rare
lazy = lambda: __import__("wasmlit.e")
"""
    assert imports_of("wasmlit.x", False, source, modules | {"wasmlit"}) == \
        {"wasmlit", "wasmlit.a", "wasmlit.b", "wasmlit.d", "wasmlit.f"}
