"""streamlit.components.v1 (issue 20 point 3): components.html / iframe as 1.50 places them,
and custom components: their arguments as 1.50 marshals them, where the page finds their
frontend, and their value as a widget's (session state, reruns, on_change).

Behaviours pinned against 1.50's source (components/v1/, elements/iframe.py) and the
recorded case tests/conformance/components_v1.
"""
from __future__ import annotations

import base64
import json

import pytest

from helpers import App

TAG = "wasmlit_component_value"


def test_html_and_iframe_place_an_iframe_with_1_50s_defaults():
    app = App("""
        import streamlit as st
        import streamlit.components.v1 as components
        components.html("<h1>Hi</h1>", width=200, height=500)
        components.iframe("https://example.com", scrolling=True, tab_index=0)
        with st.sidebar:
            components.html("<p>side</p>")
    """)
    first, second = app.nodes("iframe")
    assert first.props == {"srcdoc": "<h1>Hi</h1>", "width": 200, "height": 500,
                           "scrolling": False, "tab_index": None}
    assert second.props == {"src": "https://example.com", "width": None, "height": 150,
                            "scrolling": True, "tab_index": 0}
    assert [n.props["srcdoc"] for n in app.nodes("iframe", root="sidebar")] == ["<p>side</p>"]


def test_st_components_v1_is_there_without_its_own_import():
    app = App("""
        import streamlit as st
        st.components.v1.html("<p>x</p>")
        from streamlit.components.v1 import components as legacy
        st.write(str(legacy.CustomComponent.__name__), callable(legacy.declare_component))
    """)
    assert len(app.nodes("iframe")) == 1
    assert app.texts() == ["CustomComponent `True`"]


@pytest.mark.parametrize("tab_index", [-2, True, 1.5, "0"])
def test_a_bad_tab_index_is_1_50s_error(tab_index):
    app = App(f"""
        import streamlit.components.v1 as components
        components.html("<p>x</p>", tab_index={tab_index!r})
    """)
    (error,) = app.nodes("exception")
    assert error.props["message"] == "tab_index must be None, -1, or a non-negative integer."


def component_app(body: str) -> App:
    return App("""
        import streamlit as st
        import streamlit.components.v1 as components
        comp = components.declare_component("picker", url="http://localhost:3001")
    """ + body)


def test_a_component_call_sends_its_args_and_returns_the_default_until_set():
    app = component_app("""
        value = comp(label="Pick", count=3, blob=b"\\x00\\x01", default="none", key="k")
        st.write(value)
    """)
    (node,) = app.nodes("component_instance")
    assert node.props["name"] == "app.picker"
    assert node.props["src"] == {"url": "http://localhost:3001"}
    assert json.loads(node.props["args"]) == {"label": "Pick", "count": 3, "default": "none", "key": "k"}
    assert node.props["bytes_args"] == {"blob": base64.b64encode(b"\x00\x01").decode()}
    assert node.props["dfs"] == [] and node.props["tab_index"] is None
    assert app.texts() == ["none"]


def test_the_frontends_value_is_the_widgets_value_and_calls_on_change():
    app = component_app("""
        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        value = comp(key="k", default=0, on_change=changed)
        st.write(f"value {value} calls {st.session_state.get('calls', 0)} state {st.session_state.k}")
    """)
    wid = app.nodes("component_instance")[0].props["id"]
    assert app.texts() == ["value 0 calls 0 state None"]
    app._send({"kind": "widgets", "values": {wid: {TAG: "json", "value": {"picked": [1, 2]}}}})
    assert app.texts() == ["value {'picked': [1, 2]} calls 1 state {'picked': [1, 2]}"]
    app.rerun()  # the value stays; no new change, no callback
    assert app.texts() == ["value {'picked': [1, 2]} calls 1 state {'picked': [1, 2]}"]


def test_bytes_from_the_frontend_come_back_as_bytes():
    app = component_app("""
        st.write(repr(comp(key="k")))
    """)
    wid = app.nodes("component_instance")[0].props["id"]
    app._send({"kind": "widgets", "values": {wid: {TAG: "bytes", "value": base64.b64encode(b"ab").decode()}}})
    assert app.texts() == ["b'ab'"]


def test_a_key_keeps_the_instance_when_its_args_change():
    app = component_app("""
        n = st.session_state.get("n", 0)
        comp(key="k", n=n)
        comp(n=n)
        st.session_state.n = n + 1
    """)
    keyed, plain = (n.props["id"] for n in app.nodes("component_instance"))
    app.rerun()
    keyed_after, plain_after = (n.props["id"] for n in app.nodes("component_instance"))
    assert keyed_after == keyed
    assert plain_after != plain


def test_positional_args_and_unjsonable_args_are_1_50s_errors():
    app = component_app("""
        try:
            comp("x")
        except Exception as e:
            st.write(type(e).__name__, str(e))
        try:
            comp(thing=object())
        except Exception as e:
            st.write(type(e).__name__, str(e).startswith("('Could not convert component args to JSON'"))
    """)
    assert app.texts() == ["MarshallComponentException Argument 'x' needs a label",
                           "MarshallComponentException `True`"]


def test_a_path_component_needs_its_folder(tmp_path):
    app = App(f"""
        import streamlit as st
        import streamlit.components.v1 as components
        components.declare_component("gone", path={str(tmp_path / "missing")!r})
    """)
    (error,) = app.nodes("exception")
    assert error.props["message"] == f"No such component directory: '{tmp_path / 'missing'}'"


def test_a_path_component_in_site_packages_loads_from_the_sites_component_folder(tmp_path, monkeypatch):
    from wasmlit.components.v1 import frontends
    packages = tmp_path / "site-packages"
    build = packages / "pkg" / "frontend" / "build"
    build.mkdir(parents=True)
    monkeypatch.setattr(frontends, "_package_roots", lambda: [str(packages)])
    assert frontends.frontend_src(str(build)) == "component/pkg/frontend/build/index.html"
    app = App(f"""
        import streamlit.components.v1 as components
        components.declare_component("c", path={str(build)!r})()
    """)
    (node,) = app.nodes("component_instance")
    assert node.props["src"] == {"site": "component/pkg/frontend/build/index.html"}


def test_a_frontend_in_the_apps_folder_loads_from_the_sites_app_folder(tmp_path, monkeypatch):
    from wasmlit.components.v1 import frontends
    monkeypatch.setattr(frontends, "_package_roots", lambda: [])
    monkeypatch.chdir(tmp_path)
    assert frontends.frontend_src(str(tmp_path / "my" / "build")) == "app/my/build/index.html"


def test_dataframes_travel_as_arrow_tables_both_ways():
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    from wasmlit.components.v1 import component_arrow
    app = component_app("""
        import pandas as pd
        out = comp(key="k", table=pd.DataFrame({"a": [1, 2]}))
        st.write(type(out).__name__, out.shape if out is not None else None)
    """)
    (node,) = app.nodes("component_instance")
    (df_arg,) = node.props["dfs"]
    assert df_arg["key"] == "table" and set(df_arg["value"]) == {"data", "index", "columns"}
    sent = component_arrow.to_arrow_table(pd.DataFrame({"x": [1.5, 2.5, 3.5]}))
    app._send({"kind": "widgets", "values": {node.props["id"]: {TAG: "dataframe", "value": sent}}})
    assert app.texts() == ["DataFrame `(3, 1)`"]
