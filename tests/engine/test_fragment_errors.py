"""Errors raised by fragments, with Streamlit's texts (semantics 15, 16, 17, 19)."""
import pytest

from helpers import App

SIDEBAR_TEXT = ("Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. "
                "To write elements to the sidebar with a fragment, call your fragment function "
                "inside a `with st.sidebar` context manager.")
OUTSIDE_WIDGET_TEXT = "Fragments cannot write widgets to outside containers."
SCOPE_TEXT = ('scope="fragment" can only be specified from `@st.fragment`-decorated functions '
              "during fragment reruns.")


# --- st.sidebar inside a fragment (15) ----------------------------------------------------
def test_st_sidebar_element_in_a_fragment_raises_streamlits_text():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            try:
                st.sidebar.markdown("side")
            except Exception as e:
                st.markdown(f"{type(e).__name__}: {e}")
        f()
    """)
    assert app.texts() == ["StreamlitAPIException: " + SIDEBAR_TEXT]
    assert app.texts("sidebar") == []


def test_uncaught_st_sidebar_error_is_shown_in_the_fragment_and_ends_the_script():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            st.markdown("before")
            st.sidebar.markdown("side")
            st.markdown("after")
        f()
        st.markdown("main end")
    """)
    block = app.fragment_blocks()[0]
    assert app.texts() == ["before"]
    [exc] = app.exceptions(within=block)
    assert exc["type"] == "streamlit.errors.StreamlitAPIException"
    assert exc["message"] == SIDEBAR_TEXT


def test_st_sidebar_attribute_access_alone_does_not_raise_in_a_fragment():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            side = st.sidebar
            st.markdown("fine")
        f()
    """)
    assert app.texts() == ["fine"]
    assert app.exceptions() == []


def test_st_sidebar_container_write_is_allowed_in_a_fragment():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            st.sidebar.container().write("side text")
            st.button("Rerun")
        f()
    """)
    assert app.exceptions() == []
    assert app.texts("sidebar") == ["side text"]


def test_st_sidebar_container_from_a_fragment_is_replaced_not_accumulated_on_reruns():
    app = App("""
        import streamlit as st
        st.sidebar.markdown("sidebar top")
        @st.fragment
        def f():
            st.sidebar.container().write("side text")
            st.button("Rerun")
        f()
    """)
    app.click("Rerun").click("Rerun")
    assert app.texts("sidebar") == ["sidebar top", "side text"]


# --- widgets into outside containers (16) -------------------------------------------------
def test_a_widget_into_an_outside_container_raises_streamlits_error():
    app = App("""
        import streamlit as st
        box = st.container()
        @st.fragment
        def f():
            box.markdown("text outside is fine")
            try:
                box.button("Outside button")
            except Exception as e:
                st.markdown(f"{type(e).__name__}: {e}")
        f()
    """)
    assert app.texts() == ["text outside is fine",
                           "StreamlitFragmentWidgetsNotAllowedOutsideError: " + OUTSIDE_WIDGET_TEXT]
    assert not app.has_widget("Outside button")


def test_uncaught_outside_widget_error_is_shown_in_the_fragment():
    app = App("""
        import streamlit as st
        box = st.container()
        @st.fragment
        def f():
            box.checkbox("Outside box")
        f()
        st.markdown("main end")
    """)
    [exc] = app.exceptions(within=app.fragment_blocks()[0])
    assert exc["type"] == "streamlit.errors.StreamlitFragmentWidgetsNotAllowedOutsideError"
    assert exc["message"] == OUTSIDE_WIDGET_TEXT
    assert "main end" not in app.texts()


def test_widgets_in_containers_created_inside_the_fragment_are_allowed():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            left, right = st.columns(2)
            right.button("Inner button")
            with st.expander("More"):
                st.checkbox("Inner box")
        f()
    """)
    assert app.exceptions() == []
    assert app.has_widget("Inner button") and app.has_widget("Inner box")


# --- scope="fragment" outside a fragment rerun (17) ------------------------------------------
def test_fragment_scope_at_top_level_raises_streamlits_text():
    app = App("""
        import streamlit as st
        try:
            st.rerun(scope="fragment")
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitAPIException: " + SCOPE_TEXT]


def test_fragment_scope_in_a_fragment_during_a_full_run_raises_streamlits_text():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            try:
                st.rerun(scope="fragment")
            except Exception as e:
                st.markdown(f"{type(e).__name__}: {e}")
        f()
    """)
    assert app.texts() == ["StreamlitAPIException: " + SCOPE_TEXT]
    assert app.session.run_count == 1


# --- exceptions in fragments (19) --------------------------------------------------------
EXPLODING = """
    import streamlit as st
    st.session_state.setdefault("app", 0)
    st.session_state.app += 1
    st.markdown("top")
    @st.fragment
    def f():
        st.markdown("frag before")
        if st.checkbox("Explode", key="boom"):
            x = 1 / 0
        st.markdown("frag after")
    f()
    @st.fragment
    def other():
        st.markdown("other fragment")
    other()
    st.markdown("bottom")
"""


def test_an_exception_in_a_fragment_during_a_full_run_is_shown_in_the_fragment():
    app = App(EXPLODING.replace('key="boom"', 'key="boom", value=True'))
    block = app.fragment_blocks()[0]
    [exc] = app.exceptions(within=block)
    assert (exc["type"], exc["message"]) == ("ZeroDivisionError", "division by zero")
    assert [n.kind for n in block.children][-1] == "exception"


def test_an_exception_in_a_fragment_during_a_full_run_ends_the_script():
    app = App(EXPLODING.replace('key="boom"', 'key="boom", value=True'))
    assert app.texts() == ["top", "frag before"]
    assert len(app.fragment_blocks()) == 1


def test_the_exception_traceback_points_at_the_app_line():
    app = App(EXPLODING.replace('key="boom"', 'key="boom", value=True'))
    [exc] = app.exceptions()
    assert any('File "app.py"' in line and "x = 1 / 0" in line for line in exc["traceback"])


NESTED_EXPLODING = """
    import streamlit as st
    @st.fragment
    def inner():
        x = 1 / 0
    @st.fragment
    def outer():
        inner()
    outer()
    st.markdown("after")
"""


def test_nested_fragments_show_the_error_inside_and_a_handled_error_outside():
    app = App(NESTED_EXPLODING)
    outer_block, inner_block = app.fragment_blocks()[0], app.fragment_blocks()[0].children[0]
    assert [e["type"] for e in app.exceptions(within=inner_block)] == ["ZeroDivisionError"]
    outer_own = [n.props for n in outer_block.children if n.kind == "exception"]
    assert [(e["type"], e["message"]) for e in outer_own] == [
        ("streamlit.errors.FragmentHandledException", "division by zero")]
    assert app.texts() == []
