"""What the builder ships for st.graphviz_chart and st.pdf: their bundles and pdf.js's files
in dist/, one-file pages carrying them only for apps that call them, and an app that
imports the `graphviz` package (not in Pyodide's lock) getting its pure-Python wheel."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib.single_file import chart_libraries  # noqa: E402


def run_build(*args, timeout=600):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def dist():
    proc = run_build()
    assert proc.returncode == 0, proc.stderr
    return ROOT / "dist"


@pytest.mark.parametrize("code, carried", [
    ("st.write(1)\ndf.to_pdf()", []),
    ("st.graphviz_chart('digraph { a }')", ["graphviz.js"]),
    ("st.pdf(data)", ["pdf.js", "pdfjs/pdf.worker.min.mjs"]),
    ("col.pdf(data)\nst.graphviz_chart(g)", ["graphviz.js", "pdf.js", "pdfjs/pdf.worker.min.mjs"]),
])
def test_a_one_file_page_carries_graphviz_and_pdfjs_only_for_apps_that_use_them(tmp_path, code, carried):
    (tmp_path / "app.py").write_text("import streamlit as st\n" + code + "\n")
    assert chart_libraries(tmp_path) == carried


def test_dist_has_the_bundles_and_pdfjs_files_for_offline_use(dist):
    assert (dist / "graphviz.js").stat().st_size > 500_000  # the wasm is inside
    assert "getDocument" in (dist / "pdf.js").read_text("utf-8")
    pdfjs = dist / "pdfjs"
    assert (pdfjs / "pdf.worker.min.mjs").is_file()
    assert (pdfjs / "standard_fonts" / "FoxitSymbol.pfb").is_file()
    assert (pdfjs / "cmaps" / "UniJIS-UTF16-H.bcmap").is_file()
    assert sorted(p.name for p in (pdfjs / "wasm").glob("*.wasm")) == [
        "jbig2.wasm", "openjpeg.wasm", "qcms_bg.wasm"]


def test_an_app_importing_graphviz_ships_its_pure_python_wheel(dist, tmp_path):
    (tmp_path / "app.py").write_text(
        "import graphviz\nimport streamlit as st\n"
        "g = graphviz.Digraph()\ng.edge('a', 'b')\nst.graphviz_chart(g)\n")
    (tmp_path / "requirements.txt").write_text("graphviz\n")
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((tmp_path / "site" / "wheels" / "requirements.json").read_text())
    assert [name.split("-")[0] for name in manifest["wheels"]] == ["graphviz"]
    assert manifest["wheels"][0].endswith("-py3-none-any.whl")
