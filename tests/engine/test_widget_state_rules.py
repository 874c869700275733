"""Streamlit's rules for values the app writes under a widget's key, and for callbacks
in forms: each error text and warning as 1.50 shows it."""
from helpers import App

NOT_ALLOWED = "Values for the widget with `key` '{key}' cannot be set using `st.session_state`."
BOTH_DEFAULT_AND_STATE = ('The widget with key "{key}" was created with a default value but '
                          "also had its value set via the Session State API.")
FORM_CALLBACK = ("Within a form, callbacks can only be defined on `st.form_submit_button`. "
                 "Defining callbacks on other widgets inside a form is not allowed.")


def test_a_button_key_set_in_session_state_raises_value_assignment_not_allowed():
    app = App("""
        import streamlit as st
        st.session_state.go = True
        try:
            st.button("Go", key="go")
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitValueAssignmentNotAllowedError: " + NOT_ALLOWED.format(key="go")]


def test_a_button_key_set_in_an_earlier_run_is_not_refused():
    app = App("""
        import streamlit as st
        st.button("Go", key="go")
        st.session_state.setdefault("other", 1)
    """)
    app.rerun()
    assert app.exceptions() == []


def test_a_default_and_a_session_state_value_warn_once_and_the_state_value_wins():
    app = App("""
        import streamlit as st
        st.session_state.name = "from state"
        st.session_state.nick = "also from state"
        name = st.text_input("Name", value="default", key="name")
        nick = st.text_input("Nick", value="other default", key="nick")
        st.markdown(f"{name} / {nick}")
    """)
    assert [a["body"] for a in app.alerts()] == [BOTH_DEFAULT_AND_STATE.format(key="name")]
    assert app.texts() == ["from state / also from state"]


def test_no_warning_when_the_widget_keeps_its_own_default():
    app = App("""
        import streamlit as st
        st.session_state.name = "from state"
        st.text_input("Name", key="name")
    """)
    assert app.alerts() == []


def test_a_value_set_in_an_earlier_run_is_taken_without_a_warning():
    app = App("""
        import streamlit as st
        if st.session_state.get("ready"):
            st.text_input("Name", value="default", key="name")
        else:
            st.session_state.name = "kept"
            st.session_state.ready = True
    """)
    app.rerun()
    assert app.alerts() == []
    assert app.state["name"] == "kept"


def test_a_callback_on_a_widget_inside_a_form_raises_streamlits_error():
    app = App("""
        import streamlit as st
        with st.form("f"):
            st.text_input("Watched", on_change=print)
            st.form_submit_button("Go")
    """)
    [shown] = app.exceptions()
    assert shown["type"] == "streamlit.errors.StreamlitInvalidFormCallbackError"
    assert shown["message"] == FORM_CALLBACK


def test_a_widget_not_drawn_in_a_run_loses_its_state():
    app = App("""
        import streamlit as st
        if not st.checkbox("Hide"):
            st.text_input("Name", key="name")
    """)
    app.set("Name", "Ada")
    assert app.state["name"] == "Ada"
    app.set("Hide", True)  # this run does not draw the input
    assert "name" not in app.state
    app.set("Hide", False)
    assert app.state["name"] == ""


def test_form_widgets_keep_their_value_until_the_form_is_submitted():
    app = App("""
        import streamlit as st
        with st.form("f"):
            name = st.text_input("Name")
            st.form_submit_button("Send")
        st.markdown(f"name={name}")
    """)
    app.submit("Send", Name="Ada")
    assert app.texts() == ["name=Ada"]
    app.rerun()
    assert app.texts() == ["name=Ada"]
