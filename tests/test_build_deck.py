"""What the builder ships for st.pydeck_chart: deck.gl as its own bundle in dist/ (with
@deck.gl/json's converter and the layer classes pydeck names), carried by a one-file page
only for apps that call st.pydeck_chart."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib.single_file import chart_libraries  # noqa: E402


@pytest.mark.parametrize("code, carried", [
    ("st.map(df)", ["vega.js"]),
    ("st.pydeck_chart(deck)", ["deckgl.js"]),
    ("st.pydeck_chart(deck, on_select='rerun')\nst.plotly_chart(fig)", ["plotly.js", "deckgl.js"]),
])
def test_a_one_file_page_carries_deckgl_only_for_apps_that_draw_a_deck(tmp_path, code, carried):
    (tmp_path / "app.py").write_text("import streamlit as st\n" + code + "\n")
    assert chart_libraries(tmp_path) == carried


def test_dist_has_the_deckgl_bundle_with_the_layers_pydeck_names():
    proc = subprocess.run([sys.executable, str(ROOT / "build.py")], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    bundle = (ROOT / "dist" / "deckgl.js").read_text("utf-8")
    for layer in ("ScatterplotLayer", "HexagonLayer", "H3HexagonLayer", "SimpleMeshLayer", "TripsLayer"):
        assert layer in bundle
    assert "wasmlit" not in bundle  # only deck.gl: our code stays in wasmlit.js
