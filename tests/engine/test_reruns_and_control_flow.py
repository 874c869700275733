"""st.rerun, st.stop and their scopes (semantics 18, 20, 21, 23)."""
from helpers import App

CALLBACK_WARNING = "Calling st.rerun() within a callback is a no-op."
INVALID_SCOPE = "'page'is not a valid rerun scope. Valid scopes are 'app' and 'fragment'."


# --- st.rerun() in a callback (18) -------------------------------------------------------
RERUN_IN_CALLBACK = """
    import streamlit as st
    st.session_state.setdefault("runs", 0)
    st.session_state.setdefault("log", [])
    st.session_state.runs += 1
    def cb():
        st.session_state.log.append("before rerun")
        st.rerun()
        st.session_state.log.append("after rerun")
    st.title("Title")
    st.button("Press", on_click=cb)
    st.markdown(f"runs={st.session_state.runs}")
"""


def test_st_rerun_in_a_callback_shows_the_no_op_warning_first_in_main():
    app = App(RERUN_IN_CALLBACK)
    app.click("Press")
    first = app.root().children[0]
    assert (first.kind, first.props["type"], first.props["body"]) == (
        "alert", "warning", CALLBACK_WARNING)
    assert [n.kind for n in app.root().children] == ["alert", "heading", "button", "markdown"]


def test_st_rerun_in_a_callback_ends_the_callback_but_runs_the_script_once():
    app = App(RERUN_IN_CALLBACK)
    runs = app.session.run_count
    app.click("Press")
    assert app.state["log"] == ["before rerun"]
    assert app.session.run_count == runs + 1
    assert app.texts() == ["runs=2"]


def test_the_callback_warning_is_gone_on_the_next_run():
    app = App(RERUN_IN_CALLBACK)
    app.click("Press").rerun()
    assert app.alerts() == []


def test_st_rerun_in_a_fragment_widget_callback_replaces_the_first_element_of_main():
    # FINDINGS 5 quirk: the warning goes to main's index 0 until the next full run.
    app = App("""
        import streamlit as st
        st.title("First element of main")
        st.markdown("second element of main")
        def cb():
            st.rerun()
        @st.fragment
        def frag():
            st.button("Fragment button", on_click=cb)
            st.markdown("fragment text")
        frag()
    """)
    app.click("Fragment button")
    assert [(n.kind, n.props.get("body")) for n in app.root().children[:2]] == [
        ("alert", CALLBACK_WARNING), ("markdown", "second element of main")]
    assert app.texts() == ["second element of main", "fragment text"]
    app.rerun()
    assert app.alerts() == []
    assert app.root().children[0].kind == "heading"


# --- control flow is not an Exception (20) ---------------------------------------------------
def test_st_rerun_is_not_caught_by_except_exception():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 1:
            try:
                st.rerun()
            except Exception:
                st.markdown("caught rerun")
        st.markdown(f"runs={st.session_state.runs}")
    """)
    assert app.texts() == ["runs=2"]


def test_st_stop_is_not_caught_by_except_exception():
    app = App("""
        import streamlit as st
        try:
            st.stop()
        except Exception:
            st.markdown("caught stop")
        st.markdown("after")
    """)
    assert app.texts() == []
    assert app.exceptions() == []


def test_st_rerun_in_a_fragment_is_not_caught_by_except_exception():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1
        @st.fragment
        def f():
            if st.button("Rerun app"):
                try:
                    st.rerun()
                except Exception:
                    st.markdown("caught")
        f()
    """)
    app.click("Rerun app")
    assert app.state["app"] == 2
    assert app.texts() == []


# --- rerun scopes (21) --------------------------------------------------------------------
SCOPES = """
    import streamlit as st
    for k in ("app", "frag"):
        st.session_state.setdefault(k, 0)
    st.session_state.app += 1
    st.markdown(f"app {st.session_state.app}")
    @st.fragment
    def f():
        st.session_state.frag += 1
        st.markdown(f"frag {st.session_state.frag}")
        if st.button("Rerun app"):
            st.rerun()
        if st.button("Rerun fragment"):
            st.rerun(scope="fragment")
        st.markdown("fragment end")
    f()
"""


def test_st_rerun_in_a_fragment_reruns_the_whole_app():
    app = App(SCOPES)
    app.click("Rerun app")
    assert (app.state["app"], app.state["frag"]) == (2, 3)
    assert app.texts() == ["app 2", "frag 3", "fragment end"]


def test_st_rerun_with_fragment_scope_reruns_only_the_current_fragment_at_once():
    app = App(SCOPES)
    app.click("Rerun fragment")
    assert (app.state["app"], app.state["frag"]) == (1, 3)
    assert app.texts() == ["app 1", "frag 3", "fragment end"]


def test_st_rerun_with_app_scope_is_the_default():
    app = App(SCOPES.replace('st.rerun()', 'st.rerun(scope="app")'))
    app.click("Rerun app")
    assert (app.state["app"], app.state["frag"]) == (2, 3)


def test_an_invalid_rerun_scope_raises_streamlits_text():
    app = App("""
        import streamlit as st
        try:
            st.rerun(scope="page")
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitAPIException: " + INVALID_SCOPE]


def test_the_scope_is_keyword_only():
    app = App("""
        import streamlit as st
        try:
            st.rerun("fragment")
        except TypeError:
            st.markdown("TypeError")
    """)
    assert app.texts() == ["TypeError"]


def test_each_fragment_scoped_rerun_is_its_own_run_of_the_fragment():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("n", 0)
        @st.fragment
        def f():
            st.session_state.n += 1
            st.markdown(f"run {st.session_state.n}")
            if st.session_state.n in (2, 3):
                st.rerun(scope="fragment")
            st.markdown(f"end of run {st.session_state.n}")
            st.button("Go")
        f()
    """)
    runs = app.session.run_count
    app.click("Go")
    assert app.state["n"] == 4
    assert app.session.run_count == runs + 3
    assert app.texts() == ["run 4", "end of run 4"]


# --- st.stop (23) ------------------------------------------------------------------------------
def test_st_stop_ends_the_run_and_nothing_after_it_renders():
    app = App("""
        import streamlit as st
        st.markdown("before")
        st.stop()
        st.markdown("after")
    """)
    assert app.texts() == ["before"]


def test_st_stop_removes_elements_a_previous_run_drew_after_it():
    app = App("""
        import streamlit as st
        st.markdown("before")
        if st.checkbox("Stop"):
            st.stop()
        st.markdown("after")
    """)
    app.set("Stop", True)
    assert app.texts() == ["before"]
    assert app.has_widget("Stop")


STOP_IN_FRAGMENT = """
    import streamlit as st
    st.markdown("top")
    @st.fragment
    def f():
        st.markdown("frag before")
        if st.checkbox("Stop here", key="stop"):
            st.stop()
        st.markdown("frag after")
    f()
    st.markdown("bottom")
"""


def test_st_stop_in_a_fragment_during_a_full_run_stops_the_whole_script():
    app = App(STOP_IN_FRAGMENT.replace('key="stop"', 'key="stop", value=True'))
    assert app.texts() == ["top", "frag before"]
    assert app.exceptions() == []


def test_st_stop_in_a_fragment_rerun_removes_only_the_fragments_later_elements():
    app = App(STOP_IN_FRAGMENT)
    app.set("Stop here", True)
    assert app.texts() == ["top", "frag before", "bottom"]
