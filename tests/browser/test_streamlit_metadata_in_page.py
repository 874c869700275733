"""In the browser, the `streamlit` distribution reads as installed at the release wasmlit
implements: components and libraries call `importlib.metadata.version("streamlit")` when
imported (streamlit-bokeh does), and micropip must take a requirement on streamlit as met."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app

APP = '''
import importlib.metadata as metadata
import streamlit as st

st.text(f"metadata version: {metadata.version('streamlit')}")
st.text(f"st.__version__: {st.__version__}")
st.text(f"wasmlit distribution: {metadata.version('wasmlit')}")
'''


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    return serve(build_source_site(tmp_path_factory, "metadata", APP)).url


def test_streamlit_metadata_is_the_release_wasmlit_implements(module_page, site_url):
    from wasmlit import WASMLIT_VERSION
    page = fresh_app(module_page, site_url)
    texts = page.get_by_test_id("stText").all_inner_texts()
    assert "metadata version: 1.50.0" in texts
    assert "st.__version__: 1.50.0" in texts
    assert f"wasmlit distribution: {WASMLIT_VERSION}" in texts
