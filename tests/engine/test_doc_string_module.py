"""streamlit.elements.doc_string._get_scriptrunner_frame, which Streamlit's st.help example
imports: inside a run it is the app's frame (so the example shows no exec warning)."""
from wasmlit.elements.doc_string import _get_scriptrunner_frame
from wasmlit.testing import AppTest


def test_in_a_run_it_finds_the_apps_frame():
    at = AppTest.from_string("""
        import streamlit as st
        from streamlit.elements.doc_string import _get_scriptrunner_frame
        frame = _get_scriptrunner_frame()
        st.write("found" if frame is not None and frame.function == "<module>" else "missing")
    """).run()
    assert not at.exception
    assert at.markdown.values == ["found"]


def test_outside_a_run_there_is_none():
    assert _get_scriptrunner_frame() is None
