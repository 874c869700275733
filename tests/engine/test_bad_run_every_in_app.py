"""A bad `run_every` string is an error of the call, not of the decoration (semantics 6)."""
from helpers import App

BAD_TIME_TEXT = ("Time string doesn't look right. It should be formatted as`'1d2h34m'` or "
                 "`2 days`, for example. Got: {}")


def test_decorating_with_a_bad_time_string_is_fine_until_the_call():
    app = App("""
        import streamlit as st
        @st.fragment(run_every="2 fortnights ago")
        def bad():
            st.markdown("bad body ran")
        st.markdown("decorating alone is fine")
    """)
    assert app.texts() == ["decorating alone is fine"]
    assert app.exceptions() == []


def test_calling_a_fragment_with_a_bad_time_string_raises_with_streamlits_text():
    app = App("""
        import streamlit as st
        def body():
            st.markdown("body ran")
        try:
            st.fragment(body, run_every="1 flecond")()
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitBadTimeStringError: " + BAD_TIME_TEXT.format("1 flecond")]


def test_uncaught_bad_time_string_is_shown_and_ends_the_script_before_the_body():
    app = App("""
        import streamlit as st
        @st.fragment(run_every="2 fortnights ago")
        def bad():
            st.markdown("bad body ran")
        st.markdown("before calling bad()")
        bad()
        st.markdown("main end")
    """)
    assert app.texts() == ["before calling bad()"]
    [exc] = app.exceptions()
    assert exc["type"] == "streamlit.errors.StreamlitBadTimeStringError"
    assert exc["message"] == BAD_TIME_TEXT.format("2 fortnights ago")
    assert app.session.timers == {}
