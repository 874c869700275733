"""Fragment timers: armed by full runs, ticks rerun the fragment (semantics 5, 7, 8, 19)."""
from datetime import timedelta

import pytest

from helpers import App

TOGGLED = """
    import streamlit as st
    st.session_state.setdefault("ticks", 0)
    @st.fragment(run_every=2)
    def clock():
        st.session_state.ticks += 1
        st.markdown(f"tick {st.session_state.ticks}")
    if not st.checkbox("Stop clock"):
        clock()
"""


def timer_events(app):
    return [c["timers"] for c in app.session.host.flushed if c["op"] == "timers"]


def test_a_full_run_arms_the_timer_of_each_fragment_it_calls():
    app = App(TOGGLED)
    fid = app.only_fragment()
    assert app.session.timers == {fid: 2.0}
    assert timer_events(app)[-1] == {fid: 2.0}


@pytest.mark.parametrize("run_every", ["None", "0", '""'])
def test_run_every_none_zero_or_empty_arms_no_timer(run_every):
    app = App(f"""
        import streamlit as st
        @st.fragment(run_every={run_every})
        def f():
            st.markdown("body")
        f()
    """)
    assert app.texts() == ["body"]
    assert app.session.timers == {}


@pytest.mark.parametrize("run_every", ["1", '"1s"', "timedelta(milliseconds=1000)"])
def test_int_string_and_timedelta_arm_the_same_period(run_every):
    app = App(f"""
        import streamlit as st
        from datetime import timedelta
        @st.fragment(run_every={run_every})
        def f():
            pass
        f()
    """)
    assert list(app.session.timers.values()) == [1.0]


def test_a_tick_reruns_only_the_fragment():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("app", 0)
        st.session_state.setdefault("ticks", 0)
        st.session_state.app += 1
        st.markdown(f"app {st.session_state.app}")
        @st.fragment(run_every=1)
        def clock():
            st.session_state.ticks += 1
            st.markdown(f"tick {st.session_state.ticks}")
        clock()
    """)
    fid = app.only_fragment()
    app.tick(fid).tick(fid)
    assert app.texts() == ["app 1", "tick 3"]
    assert app.state["app"] == 1


def test_a_full_run_that_no_longer_calls_the_fragment_drops_its_timer():
    app = App(TOGGLED)
    app.set("Stop clock", True)
    assert app.session.timers == {}
    assert app.session.fragments == {}
    assert timer_events(app)[-1] == {}


def test_a_tick_for_a_dropped_fragment_runs_nothing():
    app = App(TOGGLED)
    fid = app.only_fragment()
    app.set("Stop clock", True)
    runs = app.session.run_count
    app.tick(fid)
    assert app.session.run_count == runs
    assert app.state["ticks"] == 1


def test_the_timer_is_rearmed_when_a_full_run_calls_the_fragment_again():
    app = App(TOGGLED)
    fid = app.only_fragment()
    app.set("Stop clock", True).set("Stop clock", False)
    assert app.session.timers == {fid: 2.0}


def test_every_full_run_rearms_exactly_the_fragments_it_called():
    app = App("""
        import streamlit as st
        @st.fragment(run_every=1)
        def fast():
            pass
        @st.fragment(run_every="1m")
        def slow():
            pass
        fast()
        if st.checkbox("Slow too", value=True):
            slow()
    """)
    assert sorted(app.session.timers.values()) == [1.0, 60.0]
    app.set("Slow too", False)
    assert list(app.session.timers.values()) == [1.0]
    assert app.fragment_named("fast") == list(app.session.timers)


def test_a_fragment_rerun_keeps_the_timers():
    app = App(TOGGLED)
    fid = app.only_fragment()
    app.tick(fid)
    assert app.session.timers == {fid: 2.0}


def test_the_timer_keeps_firing_after_the_fragment_raised_on_a_tick():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("ticks", 0)
        @st.fragment(run_every=1)
        def clock():
            st.session_state.ticks += 1
            if st.session_state.ticks == 2:
                raise ValueError("tick two failed")
            st.markdown(f"tick {st.session_state.ticks}")
        clock()
    """)
    fid = app.only_fragment()
    app.tick(fid)
    assert [e["message"] for e in app.exceptions()] == ["tick two failed"]
    assert app.session.timers == {fid: 1.0}
    app.tick(fid)
    assert app.exceptions() == []
    assert app.texts() == ["tick 3"]
