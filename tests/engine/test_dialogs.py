"""@st.dialog: a modal in the event area whose body is a fragment (points 24-25)."""
import pytest

from helpers import App

DIALOG_APP = """
    import streamlit as st
    st.session_state.full = st.session_state.get("full", 0) + 1

    @st.dialog("Cast your vote")
    def vote(item):
        st.session_state.body = st.session_state.get("body", 0) + 1
        st.markdown(f"voting for {item}")
        if st.checkbox("Tick"):
            st.markdown("ticked")
        if st.button("Submit"):
            st.session_state.voted = item
            st.rerun()

    if st.button("Open") or st.session_state.get("keep_open"):
        vote("A")
    st.markdown(f"full runs {st.session_state.full}")
"""


def dialogs(app):
    return [n for n in app.nodes(root="event") if n.kind == "dialog"]


def test_calling_a_dialog_opens_one_modal_in_the_event_area_with_its_body():
    app = App(DIALOG_APP).click("Open")
    [dialog] = dialogs(app)
    assert dialog.props["title"] == "Cast your vote"
    assert app.texts(root="event") == ["voting for A"]
    assert app.texts() == ["full runs 2"]


def test_a_widget_in_the_dialog_reruns_only_the_dialog():
    app = App(DIALOG_APP).click("Open")
    app.set("Tick", True, root="event")
    assert app.texts(root="event") == ["voting for A", "ticked"]
    assert app.state["full"] == 2 and app.state["body"] == 2
    assert len(dialogs(app)) == 1


def test_st_rerun_in_the_dialog_closes_it_when_the_next_run_does_not_call_it():
    app = App(DIALOG_APP).click("Open")
    app.click("Submit", root="event")
    assert dialogs(app) == []
    assert app.state["voted"] == "A"
    assert app.texts() == ["full runs 3"]


def test_a_dialog_called_again_stays_open_and_is_reopened_by_each_run():
    app = App(DIALOG_APP)
    app.state["keep_open"] = True
    app.rerun()
    first = dialogs(app)[0].props["opened"]
    app.rerun()
    [dialog] = dialogs(app)
    assert dialog.props["opened"] != first  # the page reopens a modal the user closed


def test_a_fragment_run_may_open_a_dialog_and_its_end_does_not_close_it():
    app = App("""
        import streamlit as st
        @st.dialog("Hi")
        def hello():
            st.markdown("hello")

        @st.fragment
        def part():
            if st.button("Open"):
                hello()
        part()
    """)
    app.click("Open")
    assert len(dialogs(app)) == 1
    assert app.texts(root="event") == ["hello"]


@pytest.mark.parametrize("source, message", [
    ("""
        @st.dialog("A")
        def a():
            st.markdown("a")
        a()
        a()
    """, "Only one dialog is allowed to be opened at the same time. Please make sure to not "
         "call a dialog-decorated function more than once in a script run."),
    ("""
        @st.dialog("Inner")
        def inner():
            st.markdown("inner")
        @st.dialog("Outer")
        def outer():
            inner()
        outer()
    """, "Dialogs may not be nested inside other dialogs."),
    ("""
        @st.dialog("")
        def a():
            pass
    """, 'A non-empty `title` argument has to be provided for dialogs, for example '
         '`@st.dialog("Example Title")`.'),
    ("""
        @st.dialog
        def a():
            pass
    """, 'A non-empty `title` argument has to be provided for dialogs, for example '
         '`@st.dialog("Example Title")`.'),
    ("""
        @st.dialog("A", on_dismiss="later")
        def a():
            pass
        a()
    """, "You have passed later to `on_dismiss`. But only 'ignore', 'rerun', or a callable "
         "is supported."),
])
def test_dialog_errors_have_streamlits_texts(source, message):
    import textwrap
    app = App("import streamlit as st\n" + textwrap.dedent(source))
    shown = app.exceptions() + app.exceptions(root="event")
    assert [e["message"] for e in shown] == [message]


def test_dismissing_with_on_dismiss_rerun_reruns_the_app_and_calls_a_callback():
    app = App("""
        import streamlit as st
        st.session_state.full = st.session_state.get("full", 0) + 1
        def dismissed():
            st.session_state.dismissed = True
        @st.dialog("Bye", on_dismiss=dismissed)
        def bye():
            st.markdown("bye")
        if st.button("Open"):
            bye()
    """)
    app.click("Open")
    dismiss_id = dialogs(app)[0].props["dismiss_id"]
    app._send({"kind": "widgets", "values": {dismiss_id: True}})
    assert app.state["dismissed"] is True
    assert app.state["full"] == 3
    assert dialogs(app) == []


def test_a_dialog_without_on_dismiss_sends_nothing_when_dismissed():
    app = App(DIALOG_APP).click("Open")
    assert dialogs(app)[0].props["dismiss_id"] is None
