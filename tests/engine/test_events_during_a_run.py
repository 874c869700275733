"""Page events that arrive while a run is in progress (semantics 8, 22)."""
import pytest

from helpers import App

from wasmlit.hosts import RecordingHost

INTERRUPTIBLE = """
    import streamlit as st
    for k in ("full", "started", "finished"):
        st.session_state.setdefault(k, 0)
    st.session_state.full += 1
    st.markdown(f"{st.session_state.started} started, {st.session_state.finished} finished")

    @st.fragment
    def slow():
        if st.button("Go"):
            st.session_state.started += 1
            st.markdown("working")
            st.markdown("more work")
            st.session_state.finished += 1
    slow()
"""


def deliver_when(host, predicate, *events):
    """Make `host` hand over `events` at the first poll where `predicate()` holds."""
    original = host.poll
    sent = []

    def poll():
        if not sent and predicate():
            sent.append(True)
            return list(events)
        return original()

    host.poll = poll


def test_a_full_rerun_arriving_during_a_fragment_run_stops_it_at_the_next_streamlit_call():
    host = RecordingHost()
    app = App(INTERRUPTIBLE, host=host)
    deliver_when(host, lambda: app.state["started"] == 1, {"kind": "rerun"})
    app.click("Go")
    assert (app.state["started"], app.state["finished"]) == (1, 0)
    assert app.state["full"] == 2
    assert app.texts() == ["1 started, 0 finished"]


def test_a_full_rerun_arriving_on_the_nth_poll_supersedes_the_fragment_run():
    host = RecordingHost()
    app = App(INTERRUPTIBLE, host=host)
    # Poll 1: start of run_pending; poll 2: checkpoint of the button; poll 3: "working".
    host.deliver_on_poll(3, {"kind": "rerun"})
    app.click("Go")
    assert (app.state["started"], app.state["finished"]) == (1, 0)
    assert app.state["full"] == 2
    assert "working" not in app.texts()


def test_an_interrupted_fragment_run_does_not_disarm_the_timers():
    host = RecordingHost()
    app = App("""
        import streamlit as st
        st.session_state.setdefault("n", 0)
        @st.fragment(run_every=1)
        def clock():
            st.session_state.n += 1
            st.markdown("a")
            st.markdown("b")
        clock()
    """, host=host)
    fid = app.only_fragment()
    deliver_when(host, lambda: app.state["n"] == 2, {"kind": "rerun"})
    app.tick(fid)
    assert app.session.timers == {fid: 1.0}
    assert app.state["n"] == 3


TWO_CLOCKS = """
    import streamlit as st
    st.session_state.setdefault("log", [])
    @st.fragment(run_every=1)
    def a():
        st.session_state.log.append("a")
        st.markdown("a")
        st.markdown("a again")
    @st.fragment(run_every=1)
    def b():
        st.session_state.log.append("b")
        st.markdown("b")
    @st.fragment(run_every=1)
    def c():
        st.session_state.log.append("c")
        st.markdown("c")
    a()
    b()
    c()
"""


def test_fragment_requests_arriving_during_a_run_wait_for_it_and_collapse():
    host = RecordingHost()
    app = App(TWO_CLOCKS, host=host)
    [fa] = app.fragment_named("a")
    [fb] = app.fragment_named("b")
    app.state["log"].clear()
    tick_b = {"kind": "tick", "fragment": fb}
    deliver_when(host, lambda: app.state["log"] == ["a"], tick_b, tick_b, tick_b)
    app.tick(fa)
    assert app.state["log"] == ["a", "b"]
    assert app.texts() == ["a", "a again", "b", "c"]


def test_different_fragments_requested_during_a_run_run_in_arrival_order():
    host = RecordingHost()
    app = App(TWO_CLOCKS, host=host)
    [fa] = app.fragment_named("a")
    [fb] = app.fragment_named("b")
    [fc] = app.fragment_named("c")
    app.state["log"].clear()
    deliver_when(host, lambda: app.state["log"] == ["a"],
                 {"kind": "tick", "fragment": fc}, {"kind": "tick", "fragment": fb})
    app.tick(fa)
    assert app.state["log"] == ["a", "c", "b"]


def test_a_full_rerun_arriving_during_a_run_supersedes_pending_fragment_runs():
    host = RecordingHost()
    app = App(TWO_CLOCKS, host=host)
    [fa] = app.fragment_named("a")
    [fb] = app.fragment_named("b")
    app.state["log"].clear()
    deliver_when(host, lambda: app.state["log"] == ["a"],
                 {"kind": "tick", "fragment": fb}, {"kind": "rerun"})
    app.tick(fa)
    assert app.state["log"] == ["a", "a", "b", "c"]


def test_a_full_rerun_arriving_during_a_full_run_restarts_it():
    host = RecordingHost()
    app = App("""
        import streamlit as st
        st.session_state.setdefault("starts", 0)
        st.session_state.setdefault("ends", 0)
        st.session_state.starts += 1
        st.markdown("a")
        st.markdown("b")
        st.session_state.ends += 1
    """, host=host)
    deliver_when(host, lambda: app.state["starts"] == 2, {"kind": "rerun"})
    app.rerun()
    assert (app.state["starts"], app.state["ends"]) == (3, 2)
    assert app.texts() == ["a", "b"]


def test_an_outside_widget_change_during_a_fragment_run_supersedes_it_with_a_full_run():
    host = RecordingHost()
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        flag = st.checkbox("Outside")
        st.session_state.log.append(("full", flag))
        @st.fragment(run_every=1)
        def f():
            st.session_state.log.append("frag")
            st.markdown("x")
            st.markdown("y")
        f()
    """, host=host)
    app.state["log"].clear()
    outside = app.widget_id("Outside")
    deliver_when(host, lambda: app.state["log"] == ["frag"],
                 {"kind": "widgets", "values": {outside: True}})
    app.tick(app.only_fragment())
    assert app.state["log"] == ["frag", ("full", True), "frag"]
    assert app.widget("Outside").props["value"] is True



TICK_DURING_FULL = """
    import streamlit as st
    st.session_state.setdefault("log", [])
    st.session_state.log.append("full")
    st.markdown("top")
    @st.fragment(run_every=1)
    def f():
        st.session_state.log.append(("frag", st.session_state.get("b")))
        st.button("Frag button", key="b")
    f()
    st.markdown("end")
"""


def test_a_tick_arriving_during_a_full_run_after_the_fragment_call_runs_it_after_the_run():
    host = RecordingHost()
    app = App(TICK_DURING_FULL, host=host)
    fid = app.only_fragment()
    app.state["log"].clear()
    deliver_when(host, lambda: len(app.state["log"]) == 2, {"kind": "tick", "fragment": fid})
    app.rerun()
    assert app.state["log"] == ["full", ("frag", False), ("frag", False)]
    assert app.texts() == ["top", "end"]


def test_a_tick_arriving_early_in_a_full_run_still_runs_the_fragment_after_the_run():
    host = RecordingHost()
    app = App(TICK_DURING_FULL, host=host)
    fid = app.only_fragment()
    app.state["log"].clear()
    # The tick arrives before this run has called the fragment again.
    deliver_when(host, lambda: app.state["log"] == ["full"], {"kind": "tick", "fragment": fid})
    app.rerun()
    assert app.state["log"] == ["full", ("frag", False), ("frag", False)]


def test_a_fragment_widget_click_during_a_full_run_waits_and_reruns_only_the_fragment():
    host = RecordingHost()
    app = App(TICK_DURING_FULL, host=host)
    button = app.widget_id("Frag button")
    app.state["log"].clear()
    deliver_when(host, lambda: app.state["log"] == ["full"],
                 {"kind": "widgets", "values": {button: True}})
    app.rerun()
    assert app.state["log"] == ["full", ("frag", False), ("frag", True)]
