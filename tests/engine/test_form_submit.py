"""What the session decides for a page event with widget values: the scope of the run, and
a form with clear_on_submit showing its defaults again (the page only applies updates)."""
from helpers import App

CLEARING_FORM = """
    import streamlit as st
    with st.form("f", clear_on_submit=True):
        name = st.text_input("Name", value="nobody")
        agree = st.checkbox("Agree")
        st.form_submit_button("Send")
    st.write(f"name={name} agree={agree}")
"""


def resets(app):
    return {c["props"]["label"]: c["props"]["value"] for c in app.session.host.flushed
            if c.get("op") == "update" and c.get("reset")}


def test_a_submit_of_a_clearing_form_shows_the_defaults_and_the_script_keeps_the_values():
    app = App(CLEARING_FORM)
    app.session.host.flushed.clear()
    app.submit("Send", Name="Ada", Agree=True)
    assert app.texts() == ["name=Ada agree=True"]
    # The page is told to show the defaults, dropping what the user entered...
    assert resets(app) == {"Name": "nobody", "Agree": False}
    # ...while the tree keeps what the script holds, so a later run changes nothing there.
    assert app.widget("Name").props["value"] == "Ada"
    app.session.host.flushed.clear()
    app.rerun()
    assert app.texts() == ["name=Ada agree=True"]
    assert not [c for c in app.session.host.flushed if c.get("op") == "update"
                and c["props"].get("label") in ("Name", "Agree")]
    # The next submit sends what the page shows: the defaults.
    app.submit("Send", Name="nobody", Agree=False)
    assert app.texts() == ["name=nobody agree=False"]


def test_a_form_without_clear_on_submit_keeps_what_was_submitted():
    app = App(CLEARING_FORM.replace("clear_on_submit=True", "clear_on_submit=False"))
    app.submit("Send", Name="Ada")
    assert app.texts() == ["name=Ada agree=False"] and resets(app) == {}


def test_a_value_set_in_a_submit_callback_is_shown_instead_of_the_default():
    app = App("""
        import streamlit as st
        def fill():
            st.session_state.name = "from callback"
        with st.form("f", clear_on_submit=True):
            st.text_input("Name", key="name")
            st.form_submit_button("Send", on_click=fill)
    """)
    app.session.host.flushed.clear()
    app.submit("Send", Name="Ada")
    assert resets(app) == {}
    assert app.widget("Name").props["value"] == "from callback"


def test_widgets_from_different_scopes_sent_together_run_the_whole_app():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        st.checkbox("Outside")
        @st.fragment
        def part():
            st.checkbox("Inside")
        part()
    """)
    inside, outside = app.widget_id("Inside"), app.widget_id("Outside")
    app._send({"kind": "widgets", "values": {inside: True}})
    assert app.state["full"] == 1  # a fragment run
    app._send({"kind": "widgets", "values": {inside: False, outside: True}})
    assert app.state["full"] == 2
    app._send({"kind": "widgets", "values": {outside: False, inside: True}})
    assert app.state["full"] == 3
