"""st.query_params as in Streamlit 1.50: read from the page URL's query string (sent with
the first rerun event), written back as a `query` change for the page's URL, with
Streamlit's types, error texts and embed rules; and the deprecated experimental API."""
from __future__ import annotations

from helpers import App

PROBE = '''
import streamlit as st
qp = st.query_params
st.write(f"to_dict {qp.to_dict()!r}")
st.write(f"get_all a {qp.get_all('a')!r} len {len(qp)} keys {list(qp)!r} str {str(qp)}")
st.write(f"in {'embed' in qp} get {qp.get('embed')!r} {qp.get('b')!r}")
try:
    qp.zz
except AttributeError as e:
    st.write(f"attr {e}")
try:
    qp["zz"]
except KeyError as e:
    st.write(f"key {e}")
try:
    del qp.zz
except AttributeError as e:
    st.write(f"delattr {e}")
try:
    qp["d"] = {"x": 1}
except Exception as e:
    st.write(f"dict {type(e).__name__} {e}")
try:
    qp["embed"] = "false"
except Exception as e:
    st.write(f"embed {type(e).__name__} {e}")
try:
    qp.from_dict({"ok": "1", "embed_options": "x"})
except Exception as e:
    st.write(f"from_dict {e} -> {qp.to_dict()!r}")
qp["n"] = 5
qp.multi = ["1", 2]
qp["empty"] = []
st.write(f"after {qp.to_dict()!r} {qp.get_all('multi')!r} {qp.get_all('empty')!r} {'empty' in qp}")
st.write(f"repr {type(qp).__module__}.{type(qp).__name__} eq {qp == qp.to_dict()}")
'''

# What Streamlit 1.50 shows for PROBE opened at ?a=1&a=3&b=x&embed=true (recorded with AppTest).
STREAMLIT_FIRST_RUN = [
    "to_dict {'a': '3', 'b': 'x'}",
    "get_all a ['1', '3'] len 2 keys ['a', 'b'] str {'a': ['1', '3'], 'b': 'x', 'embed': 'true'}",
    "in False get None 'x'",
    'attr st.query_params has no attribute "zz".',
    "key 'st.query_params has no key \"zz\".'",
    'delattr st.query_params has no key "zz".',
    "dict StreamlitAPIException You cannot set a query params key `d` to a dictionary.",
    "embed StreamlitAPIException Query param embed and embed_options (case-insensitive) cannot "
    "be set programmatically.",
    "from_dict Query param embed and embed_options (case-insensitive) cannot be set "
    "programmatically. -> {'a': '3', 'b': 'x'}",
    "after {'a': '3', 'b': 'x', 'n': '5', 'multi': '2', 'empty': ''} ['1', '2'] [] True",
    "repr streamlit.runtime.state.query_params_proxy.QueryParamsProxy eq True",
]


def opened_at(source: str, query: str) -> App:
    app = App(source, run=False)
    app._send({"kind": "rerun", "query": query, "context": {}})
    return app


def url_changes(app: App) -> list[str]:
    return [c["query"] for c in app.session.host.flushed if c.get("op") == "query"]


def test_reading_and_writing_match_streamlit():
    app = opened_at(PROBE, "?a=1&a=3&b=x&embed=true")
    assert app.texts() == STREAMLIT_FIRST_RUN


def test_each_write_sends_the_new_query_string_for_the_url():
    app = opened_at(PROBE, "a=1&a=3&b=x&embed=true")
    assert url_changes(app)[-1] == "a=1&a=3&b=x&embed=true&n=5&multi=1&multi=2"
    assert len(url_changes(app)) == 3  # n, multi, empty (failed writes send nothing)


def test_next_run_starts_from_the_url_it_wrote():
    app = opened_at(PROBE, "a=1&a=3&b=x&embed=true")
    app.rerun()
    assert app.texts()[:2] == [
        "to_dict {'a': '3', 'b': 'x', 'n': '5', 'multi': '2'}",
        "get_all a ['1', '3'] len 4 keys ['a', 'b', 'n', 'multi'] str {'a': ['1', '3'], "
        "'b': 'x', 'embed': 'true', 'n': '5', 'multi': ['1', '2']}"]


def test_blank_values_are_kept_and_no_query_is_empty():
    app = opened_at('''
import streamlit as st
st.write(repr(st.query_params.to_dict()))
''', "flag=&x=1")
    assert app.texts() == ["{'flag': '', 'x': '1'}"]
    assert App('''
import streamlit as st
st.write(repr(st.query_params.to_dict()))
''').texts() == ["{}"]


def test_button_sets_a_param_and_the_script_sees_it():
    app = opened_at('''
import streamlit as st
if st.button("Set page"):
    st.query_params["page"] = "2"
st.write(f"page: {st.query_params.get('page', 'none')}")
''', "")
    assert app.texts() == ["page: none"]
    app.click("Set page")
    assert app.texts() == ["page: 2"] and url_changes(app) == ["page=2"]
    app.rerun()
    assert app.texts() == ["page: 2"]


def test_clear_update_delete_and_from_dict_keep_embed():
    app = opened_at('''
import streamlit as st
qp = st.query_params
qp.update({"a": "1"}, b=["2", "3"])
del qp["x"]
qp.clear()
qp.from_dict([("c", "4")])
st.write(repr(qp.to_dict()))
''', "x=0&embed=true&embed_options=show_toolbar")
    assert app.texts() == ["{'c': '4'}"]
    assert url_changes(app) == [
        "x=0&embed=true&embed_options=show_toolbar&a=1&b=2&b=3",
        "embed=true&embed_options=show_toolbar&a=1&b=2&b=3",
        "embed=true&embed_options=show_toolbar",
        "embed=true&embed_options=show_toolbar&c=4"]


def test_back_navigation_rerun_brings_the_old_query():
    app = opened_at('''
import streamlit as st
st.write(repr(st.query_params.to_dict()))
''', "a=1")
    app._send({"kind": "rerun", "query": "a=0"})
    assert app.texts() == ["{'a': '0'}"]


DEPRECATION = ("Please replace `st.experimental_get_query_params` with `st.query_params`.\n\n"
               "`st.experimental_get_query_params` will be removed after 2024-04-11.\n\n"
               "Refer to our [docs page](https://docs.streamlit.io/develop/api-reference/"
               "caching-and-state/st.query_params) for more information.")


def test_experimental_api_still_works_with_a_deprecation_warning():
    app = opened_at('''
import streamlit as st
st.write(repr(st.experimental_get_query_params()))
st.experimental_set_query_params(page=3, tags=["a", "b"])
''', "x=1&x=2&Embed=true")
    assert app.texts() == ["{'x': ['1', '2']}"]
    assert app.alerts()[0]["body"] == DEPRECATION
    assert app.alerts()[1]["body"] == DEPRECATION.replace("get_query", "set_query")
    assert url_changes(app) == ["page=3&tags=a&tags=b&embed=true"]


def test_experimental_and_new_api_cannot_be_mixed():
    app = opened_at('''
import streamlit as st
st.query_params.get("a")
st.experimental_get_query_params()
''', "a=1")
    [shown] = app.exceptions()
    assert shown["message"] == (
        "Using `st.query_params` together with either `st.experimental_get_query_params` or "
        "`st.experimental_set_query_params` is not supported. Please  convert your app to only "
        "use `st.query_params`")


def test_experimental_set_refuses_embed():
    app = opened_at('''
import streamlit as st
st.experimental_set_query_params(EMBED="true")
''', "")
    assert app.exceptions()[0]["message"] == (
        "Query param embed and embed_options (case-insensitive) cannot be set using "
        "set_query_params method.")
