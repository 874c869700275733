"""Failing app code stays contained (issue 9, point 2): an error in a fragment, a callback,
a run_every tick or a dialog is shown where Streamlit 1.50 shows it and the app keeps
taking input; an endless st.rerun() loop is stopped with a message instead of freezing."""
import pytest

from helpers import App

from wasmlit.script_run import ENDLESS_RERUN_MESSAGE, RERUN_LIMIT


def alert_bodies(app, root="main", within=None):
    return [n.props["body"] for n in app.nodes("alert", root, within)]


# --- endless st.rerun() -------------------------------------------------------------------
ENDLESS_APP = """
    import streamlit as st
    st.session_state.runs = st.session_state.get("runs", 0) + 1
    st.markdown("top")
    st.button("Again")
    st.rerun()
    st.markdown("never")
"""


def test_an_unconditional_rerun_loop_is_stopped_with_a_message():
    app = App(ENDLESS_APP)
    assert app.state["runs"] == RERUN_LIMIT + 1
    assert app.texts() == ["top"]
    assert alert_bodies(app) == [ENDLESS_RERUN_MESSAGE]
    assert f"{RERUN_LIMIT} times in a row" in ENDLESS_RERUN_MESSAGE


def test_after_a_stopped_loop_a_click_runs_the_app_again():
    app = App(ENDLESS_APP)
    app.click("Again")
    assert app.state["runs"] == 2 * (RERUN_LIMIT + 1)
    assert alert_bodies(app) == [ENDLESS_RERUN_MESSAGE]
    assert app.has_widget("Again")


def test_a_fragment_rerunning_itself_endlessly_is_stopped_inside_the_fragment():
    app = App("""
        import streamlit as st
        st.markdown("outside")
        @st.fragment
        def loop():
            st.session_state.body = st.session_state.get("body", 0) + 1
            st.markdown("in fragment")
            if st.button("Spin"):
                st.session_state.spin = True
            if st.session_state.get("spin"):
                st.rerun(scope="fragment")
        loop()
        st.markdown("after")
    """)
    app.click("Spin")
    block = app.fragment_blocks()[0]
    assert alert_bodies(app, within=block) == [ENDLESS_RERUN_MESSAGE]
    assert app.texts() == ["outside", "in fragment", "after"]
    assert app.state["body"] == 1 + RERUN_LIMIT + 1


SPIN_WITH_TIMERS = """
    import streamlit as st
    @st.fragment(run_every={loop_every})
    def loop():
        st.session_state.body = st.session_state.get("body", 0) + 1
        if st.button("Spin"):
            st.session_state.spin = True
        if st.session_state.get("spin"):
            st.rerun(scope="fragment")
    loop()
    @st.fragment(run_every=0.2)
    def steady():
        st.session_state.steady = st.session_state.get("steady", 0) + 1
    steady()
"""


@pytest.mark.parametrize("ticking", ["steady", "loop"])
def test_timer_ticks_during_an_endless_fragment_loop_do_not_restart_its_count(ticking):
    # A timer tick is no user input: ticks arriving while a fragment reruns itself (another
    # fragment's, or its own) must not let the loop run past the limit (they did: a CI flake).
    from wasmlit.hosts import RecordingHost
    host = RecordingHost()
    app = App(SPIN_WITH_TIMERS.format(loop_every=0.2 if ticking == "loop" else None), host=host)
    fid = app.fragment_named(ticking)[0]
    for n in range(3, 600, 7):
        host.deliver_on_poll(n, {"kind": "tick", "fragment": fid})
    app.click("Spin")
    assert alert_bodies(app, within=app.fragment_blocks()[0]) == [ENDLESS_RERUN_MESSAGE]
    assert app.state["body"] == 1 + RERUN_LIMIT + 1
    if ticking == "steady":
        assert app.state["steady"] == 2  # the first run, then the ticks' one run after the loop


def test_a_bounded_rerun_chain_is_not_stopped_and_each_page_event_restarts_the_count():
    app = App("""
        import streamlit as st
        st.session_state.n = st.session_state.get("n", 0) + 1
        if st.button("Chain"):
            st.session_state.left = 80
        if st.session_state.get("left", 0) > 0:
            st.session_state.left -= 1
            st.rerun()
        st.markdown(f"n={st.session_state.n}")
    """)
    app.click("Chain")
    app.click("Chain")  # 160 reruns in all, never 100 in a row
    assert alert_bodies(app) == []
    assert app.texts() == [f"n={1 + 2 * 81}"]


def test_a_tick_that_reruns_the_app_each_time_is_never_stopped():
    app = App("""
        import streamlit as st
        st.session_state.full = st.session_state.get("full", 0) + 1
        @st.fragment(run_every=0.01)
        def poll():
            if st.session_state.get("ticked"):
                st.session_state.ticked = False
                st.rerun()
            st.session_state.ticked = st.session_state.get("full", 0) > 1 or None
        poll()
    """)
    fid = app.only_fragment()
    for _ in range(RERUN_LIMIT + 20):
        app.state["ticked"] = True
        app.tick(fid)
    assert alert_bodies(app) == []
    assert app.state["full"] == 1 + RERUN_LIMIT + 20


# --- exceptions ---------------------------------------------------------------------------
def test_a_failing_callback_shows_its_error_alone_as_streamlit_does_and_input_works_again():
    app = App("""
        import streamlit as st
        st.markdown("first")
        def check():
            if st.session_state.name == "bad":
                raise ValueError("callback failed")
        st.text_input("Name", key="name", on_change=check)
        st.markdown("last")
    """)
    name_id = app.widget_id("Name")
    app.set("Name", "bad")
    [exc] = app.exceptions()
    assert exc["message"] == "callback failed"
    assert app.texts() == []  # 1.50: the script does not run after its callback failed
    app.session.enqueue({"kind": "widgets", "values": {name_id: "good"}})
    app.session.run_pending()
    assert app.exceptions() == []
    assert app.texts() == ["first", "last"]


def test_a_failing_callback_of_a_fragment_widget_shows_at_the_top_of_main_and_the_rest_stays():
    app = App("""
        import streamlit as st
        st.markdown("first")
        st.text_input("Name", key="name")
        @st.fragment
        def frag():
            def boom():
                raise ValueError("fragment callback failed")
            st.button("FragGo", on_click=boom)
            st.markdown("frag body")
        frag()
        st.markdown("last")
    """)
    app.click("FragGo")
    [exc] = app.exceptions()
    assert exc["message"] == "fragment callback failed"
    # As in 1.50: the error replaces main's first element; everything else stays.
    assert app.texts() == ["frag body", "last"]
    assert app.root().children[0].kind == "exception"
    app.set("Name", "Ada")
    assert app.exceptions() == []
    assert app.state["name"] == "Ada"


def test_an_error_on_one_tick_stays_in_its_fragment_and_other_timers_keep_running():
    app = App("""
        import streamlit as st
        st.markdown("top")
        @st.fragment(run_every=0.5)
        def flaky():
            n = st.session_state.flaky = st.session_state.get("flaky", 0) + 1
            st.markdown(f"flaky {n}")
            if n == 2:
                raise KeyError("tick failed")
        @st.fragment(run_every=0.5)
        def steady():
            n = st.session_state.steady = st.session_state.get("steady", 0) + 1
            st.markdown(f"steady {n}")
        flaky()
        steady()
        st.text_input("Name", key="name")
    """)
    flaky, steady = app.fragment_named("flaky")[0], app.fragment_named("steady")[0]
    app.tick(flaky)
    block = app.fragment_blocks()[0]
    [exc] = app.exceptions(within=block)
    assert exc["message"] == "'tick failed'"
    app.tick(steady).tick(flaky).tick(steady)
    assert app.texts() == ["top", "flaky 3", "steady 3"]
    assert app.exceptions() == []
    assert set(app.session.timers) == {flaky, steady}
    app.set("Name", "Ada")
    assert app.state["name"] == "Ada"


def test_an_error_in_a_dialog_shows_in_the_dialog_and_the_app_keeps_going():
    app = App("""
        import streamlit as st
        @st.dialog("Dlg")
        def dlg():
            st.markdown("in dialog")
            if st.button("Boom"):
                raise RuntimeError("dialog failed")
        if st.button("Open"):
            dlg()
        st.text_input("Name", key="name")
    """)
    app.click("Open").click("Boom", root="event")
    [exc] = app.exceptions(root="event")
    assert exc["message"] == "dialog failed"
    assert app.texts(root="event") == ["in dialog"]
    app.set("Name", "Ada")
    assert app.state["name"] == "Ada"
    assert app.exceptions() == []


def test_a_widget_the_failing_run_did_not_reach_keeps_its_value_as_in_1_50():
    app = App("""
        import streamlit as st
        if st.checkbox("Fail"):
            raise ValueError("boom")
        name = st.text_input("Name")
        st.markdown(f"name: {name}")
    """)
    app.set("Name", "hello")
    app.set("Fail", True)
    assert [e["message"] for e in app.exceptions()] == ["boom"]
    app.set("Fail", False)
    assert app.texts() == ["name: hello"]
    assert app.widget("Name").props["value"] == "hello"


def test_st_stop_forgets_the_widgets_below_it_as_1_50_does():
    # Recorded from 1.50 in tests/conformance/rel_errors_keep_input (an error keeps them).
    app = App("""
        import streamlit as st
        if st.checkbox("Stop"):
            st.stop()
        st.markdown(f"n: {st.number_input('N', value=1)}")
    """)
    app.set("N", 5).set("Stop", True).set("Stop", False)
    assert app.texts() == ["n: 1"]


@pytest.mark.parametrize("statement", ["sys.exit(3)", "raise SystemExit", "raise KeyboardInterrupt"])
def test_sys_exit_in_the_app_ends_the_run_quietly_and_the_app_goes_on(statement):
    app = App(f"""
        import sys
        import streamlit as st
        st.markdown("top")
        if st.button("Exit"):
            {statement}
        st.markdown("bottom")
    """)
    app.click("Exit")
    assert app.texts() == ["top"] and app.exceptions() == []
    app.rerun()
    assert app.texts() == ["top", "bottom"]
