"""The page's Stop ({"kind": "stop"}, Streamlit 1.50's Stop button), the KeyboardInterrupt
the page raises in a script busy with no st call, and widget values given back to a fresh
session after Python restarted ({"kind": "rerun", "values": {...}})."""
from helpers import App

from wasmlit import AppSession
from wasmlit.hosts import RecordingHost

STOP = {"kind": "stop"}

LINES = """
    import streamlit as st
    name = st.text_input("Name", key="name")
    for i in range(4):
        st.markdown(f"line {i} [{name}]")
    st.markdown("end")
"""


def run(app: App, *events: dict) -> App:
    for event in events:
        app.session.enqueue(event)
    app.session.run_pending()
    return app


def test_stop_ends_the_run_at_its_next_st_call_and_widgets_keep_their_values():
    host = RecordingHost()
    app = App(LINES, host=host)
    assert app.texts() == ["line 0 []", "line 1 []", "line 2 []", "line 3 []", "end"]
    # Poll 1: run_pending; 2: the text input's checkpoint; 3: "line 0"; 4: "line 1".
    host.deliver_on_poll(4, STOP)
    app.set("Name", "x")
    # What the stopped run drew stays; what the previous run drew after that point goes,
    # as in 1.50 (its page clears stale elements when the stopped run finishes).
    assert app.texts() == ["line 0 [x]"]
    assert app.exceptions() == []
    assert app.state["name"] == "x"
    assert app.widget("Name").props["value"] == "x"
    runs = app.session.run_count
    app.rerun()  # the next run is a normal one
    assert app.session.run_count == runs + 1
    assert app.texts() == ["line 0 [x]", "line 1 [x]", "line 2 [x]", "line 3 [x]", "end"]
    assert app.state["name"] == "x"


def test_stop_in_a_fragment_run_ends_only_the_fragment_body():
    host = RecordingHost()
    app = App("""
        import streamlit as st
        st.markdown("top")
        @st.fragment
        def f():
            st.button("Go")
            for i in range(3):
                st.markdown(f"frag {i}")
        f()
        st.markdown("bottom")
    """, host=host)
    # Poll 1: run_pending; 2: the button; 3: "frag 0"; 4: "frag 1".
    host.deliver_on_poll(4, STOP)
    app.click("Go")
    assert app.texts() == ["top", "frag 0", "bottom"]
    app.rerun()
    assert app.texts() == ["top", "frag 0", "frag 1", "frag 2", "bottom"]


def test_an_error_being_shown_when_stop_arrives_is_shown_and_the_run_stops_after_it():
    host = RecordingHost()
    app = App("""
        import streamlit as st
        st.markdown("before")
        @st.fragment
        def f():
            raise ValueError("boom")
        f()
        st.markdown("after")
    """, host=host, run=False)
    # Poll 1: run_pending; 2: "before"; 3: the fragment's block; 4: its error element.
    host.deliver_on_poll(4, STOP)
    app.rerun()
    assert [e["message"] for e in app.exceptions()] == ["boom"]
    assert app.texts() == ["before"]


def test_stop_with_no_run_going_does_nothing():
    host = RecordingHost()
    app = App(LINES, host=host)
    runs, flushed = app.session.run_count, len(host.flushed)
    run(app, STOP)
    assert app.session.run_count == runs
    assert len(host.flushed) == flushed
    app.set("Name", "y")  # the session is as usable as before
    assert app.texts()[-1] == "end"
    assert app.state["name"] == "y"


FRAGMENT_TICKS = """
    import streamlit as st
    st.session_state.setdefault("full", 0)
    st.session_state.setdefault("frag", 0)
    st.session_state.setdefault("changed", 0)
    st.session_state.full += 1

    def changed():
        st.session_state.changed += 1

    @st.fragment
    def f():
        st.session_state.frag += 1
        st.text_input("Inner", key="inner", on_change=changed)
        st.button("Press", key="press")
        if st.session_state.press:
            st.markdown("pressed")
    f()
    for i in range(3):
        st.markdown(f"line {i}")
"""


def fragment_id(app: App) -> str:
    (fragment,) = app.session.fragments
    return fragment


def test_stop_drops_the_requests_queued_behind_the_run():
    host = RecordingHost()
    app = App(FRAGMENT_TICKS, host=host)
    runs = app.session.run_count
    # During a full run a tick queues a fragment run (it does not supersede the full run);
    # the Stop that follows drops it, as 1.50's STOP replaces a pending RERUN.
    host.deliver_on_poll(4, {"kind": "tick", "fragment": fragment_id(app)}, STOP)
    run(app, {"kind": "rerun"})
    assert app.session.run_count == runs + 1
    assert len(app.session.queue) == 0
    assert (app.state["full"], app.state["frag"]) == (2, 2)
    assert app.texts() == []  # stopped before "line 0"; the older lines went


def test_values_of_dropped_requests_reach_the_next_run_but_button_presses_do_not():
    host = RecordingHost()
    app = App(FRAGMENT_TICKS, host=host)
    inner, press = app.widget_id("Inner"), app.widget_id("Press")
    # A change of the fragment's text input and a press of its button queue a fragment
    # run during the full run; Stop drops that run.
    host.deliver_on_poll(4, {"kind": "widgets", "values": {inner: "typed"}},
                         {"kind": "widgets", "values": {press: True}}, STOP)
    run(app, {"kind": "rerun"})
    assert app.state["inner"] == ""
    assert app.state["changed"] == 0
    # The page still shows "typed": the next run gets it, and its callback runs then, as
    # in 1.50, whose page sends every widget's value with its next rerun. The button press
    # is not repeated.
    app.rerun()
    assert app.state["inner"] == "typed"
    assert app.state["changed"] == 1
    assert "pressed" not in app.texts()


def test_events_after_the_stop_run_normally():
    host = RecordingHost()
    app = App(LINES, host=host)
    runs = app.session.run_count
    name = app.widget_id("Name")
    host.deliver_on_poll(4, STOP, {"kind": "widgets", "values": {name: "later"}})
    run(app, {"kind": "rerun"})
    assert app.session.run_count == runs + 2
    assert app.texts() == ["line 0 [later]", "line 1 [later]", "line 2 [later]", "line 3 [later]", "end"]


# --- KeyboardInterrupt: the page's interrupt of a script busy with no st call ---------------
# A timer thread interrupts the main thread (as Pyodide's interrupt buffer does) while the
# script spins in `while True: pass`, a loop with no st call.
SPIN_IN_SCRIPT = """
    import _thread, threading
    import streamlit as st
    st.markdown("before")
    if st.checkbox("Spin"):
        threading.Timer(0.05, _thread.interrupt_main).start()
        while True:
            pass
    st.markdown("after")
"""
SPIN_IN_FRAGMENT = """
    import _thread, threading
    import streamlit as st
    st.markdown("top")
    @st.fragment
    def f():
        st.markdown("frag before")
        if st.checkbox("Spin"):
            threading.Timer(0.05, _thread.interrupt_main).start()
            while True:
                pass
        st.markdown("frag after")
    f()
    st.markdown("bottom")
"""


def test_a_keyboard_interrupt_in_the_script_ends_the_run_as_stop_does():
    app = App(SPIN_IN_SCRIPT)
    assert app.texts() == ["before", "after"]
    app.set("Spin", True)  # returns: the interrupt never escapes run_pending
    assert app.texts() == ["before"]
    assert app.exceptions() == []
    assert app.widget("Spin").props["value"] is True
    app.set("Spin", False)  # the next event runs normally
    assert app.texts() == ["before", "after"]


def test_a_keyboard_interrupt_in_a_fragment_rerun_ends_its_body():
    app = App(SPIN_IN_FRAGMENT)
    app.set("Spin", True)  # a fragment rerun
    assert app.texts() == ["top", "frag before", "bottom"]
    assert app.exceptions() == []
    app.set("Spin", False)
    assert app.texts() == ["top", "frag before", "frag after", "bottom"]


def test_a_keyboard_interrupt_in_a_fragment_during_a_full_run_stops_the_script():
    app = App(SPIN_IN_FRAGMENT)
    app.set("Spin", True)
    app.rerun()  # the full run calls the fragment, which spins
    assert app.texts() == ["top", "frag before"]
    assert app.exceptions() == []
    app.set("Spin", False)  # a fragment rerun: it redraws the fragment only
    assert app.texts() == ["top", "frag before", "frag after"]
    app.rerun()
    assert app.texts() == ["top", "frag before", "frag after", "bottom"]


def test_a_keyboard_interrupt_in_a_widget_callback_ends_the_run():
    app = App("""
        import streamlit as st
        def spin():
            import _thread, threading
            threading.Timer(0.05, _thread.interrupt_main).start()
            while True:
                pass
        st.text_input("Name", on_change=spin)
        st.markdown("after")
    """)
    app.set("Name", "x")
    assert app.texts() == []
    app.rerun()
    assert app.texts() == ["after"]


class InterruptingHost(RecordingHost):
    """A host whose poll (engine code, between runs) is hit by the interrupt once."""

    def __init__(self) -> None:
        super().__init__()
        self.interrupt_on: int | None = None

    def poll(self) -> list[dict]:
        events = super().poll()
        if self.polls == self.interrupt_on:
            raise KeyboardInterrupt
        return events


def test_a_keyboard_interrupt_in_engine_code_never_escapes_run_pending():
    host = InterruptingHost()
    app = App(LINES, host=host)
    runs = app.session.run_count
    host.interrupt_on = host.polls + 1  # run_pending's first poll, before any run
    app.set("Name", "x")  # the request queued before the interrupt is dropped, as by Stop
    assert app.session.run_count == runs
    assert app.texts() == ["line 0 []", "line 1 []", "line 2 []", "line 3 []", "end"]
    host.interrupt_on = host.polls + 4  # the checkpoint of "line 1", mid-run
    app.set("Name", "y")
    assert app.texts() == ["line 0 [y]"]
    assert app.session.current_run is None
    app.rerun()
    assert app.texts() == ["line 0 [y]", "line 1 [y]", "line 2 [y]", "line 3 [y]", "end"]


def test_a_keyboard_interrupt_landing_after_the_script_ended_is_a_stop(monkeypatch):
    from wasmlit.script_run import ScriptRun
    app = App(LINES)
    finish = ScriptRun.finish
    hits = []

    def interrupted_finish(run):  # engine code after the script, outside its guard
        if not hits:
            hits.append(True)
            raise KeyboardInterrupt
        finish(run)

    monkeypatch.setattr(ScriptRun, "finish", interrupted_finish)
    app.set("Name", "y")
    assert hits and app.session.current_run is None
    assert app.texts()[0] == "line 0 [y]"
    app.rerun()
    assert app.texts() == ["line 0 [y]", "line 1 [y]", "line 2 [y]", "line 3 [y]", "end"]


# --- restoring widget values after Python restarted ---------------------------------------
FORM = """
    import streamlit as st
    st.session_state.setdefault("callbacks", 0)
    def changed():
        st.session_state.callbacks += 1
    name = st.text_input("Name", on_change=changed)
    level = st.slider("Level", 0, 10, 3, on_change=changed)
    agree = st.checkbox("Agree", on_change=changed)
    color = st.selectbox("Color", ["red", "green", "blue"], on_change=changed)
    st.markdown(f"{name}|{level}|{agree}|{color}")
    if agree:
        st.text_input("Reason", key="reason")
"""
LABELS = ("Name", "Level", "Agree", "Color")


def shown_values(app: App, labels=LABELS) -> dict[str, object]:
    """What the page's widgets show: each widget's id -> the value in its props."""
    return {app.widget_id(label): app.widget(label).props["value"] for label in labels}


def test_a_fresh_session_takes_the_widget_values_the_page_shows():
    first = App(FORM)
    ids = {label: first.widget_id(label) for label in LABELS}
    first.set("Name", "Ada").set("Level", [7.0]).set("Agree", True)  # as the page sends them
    first.set("Color", "blue")  # a selectbox sends its option's text
    first.set("Reason", "because")
    assert first.texts() == ["Ada|7|True|blue"]
    values = shown_values(first, LABELS + ("Reason",))

    # Python restarted: a new session on the same source, whose first run gets them.
    fresh = App(FORM, run=False)
    run(fresh, {"kind": "rerun", "values": values})
    assert {label: fresh.widget_id(label) for label in LABELS} == ids  # same code, same ids
    assert fresh.texts() == ["Ada|7|True|blue"]
    assert fresh.state["reason"] == "because"  # drawn only because "Agree" came back
    assert fresh.state["callbacks"] == 0  # restoring is not a change
    assert shown_values(fresh) == shown_values(first)
    # From then on the widgets behave as usual.
    fresh.set("Level", [9.0])
    assert fresh.texts() == ["Ada|9|True|blue"]
    assert fresh.state["callbacks"] == 1


def test_restored_values_for_widgets_never_drawn_change_nothing():
    first = App(FORM)
    first.set("Name", "Ada")
    values = dict(shown_values(first), **{"$$ID-0123-gone": "x"})
    reason = App(FORM.replace("if agree:", "if True:")).widget_id("Reason")
    values[reason] = "stale"  # a widget this run does not draw ("Agree" is off)

    fresh = App(FORM, run=False)
    run(fresh, {"kind": "rerun", "values": values})
    assert fresh.texts() == ["Ada|3|False|red"]
    assert fresh.state["callbacks"] == 0
    assert "$$ID-0123-gone" not in fresh.state.keys()
    # That full run ended: a restored value no widget took is forgotten, so a widget
    # drawn later starts from its default.
    fresh.set("Agree", True)
    assert fresh.state["reason"] == ""


def test_a_value_the_app_sets_under_the_key_in_the_run_beats_a_restored_one():
    source = """
        import streamlit as st
        st.session_state.name = "from the app"
        st.text_input("Name", key="name")
    """
    first = App(source)
    values = {first.widget_id("Name"): "from the page"}
    fresh = App(source, run=False)
    run(fresh, {"kind": "rerun", "values": values})
    assert fresh.state["name"] == "from the app"


def test_a_restored_value_the_widget_cannot_take_leaves_its_default():
    first = App(FORM)
    fresh = App(FORM, run=False)
    run(fresh, {"kind": "rerun", "values": {first.widget_id("Level"): "not a slider value",
                                            first.widget_id("Name"): "Ada"}})
    assert fresh.exceptions() == []
    assert fresh.texts() == ["Ada|3|False|red"]


def test_restored_values_do_not_press_buttons():
    source = """
        import streamlit as st
        if st.button("Go"):
            st.markdown("pressed")
    """
    first = App(source)
    fresh = App(source, run=False)
    run(fresh, {"kind": "rerun", "values": {first.widget_id("Go"): True}})
    assert fresh.texts() == []


def test_a_restored_value_reaches_a_fresh_session_without_widget_events():
    host = RecordingHost()
    session = AppSession('import streamlit as st\nst.markdown(st.text_input("Name"))\n',
                         host=host)
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    wid = next(n.props["id"] for n in session.tree.roots["main"].walk()
               if n.kind == "text_input")
    again = AppSession('import streamlit as st\nst.markdown(st.text_input("Name"))\n',
                       host=RecordingHost())
    again.enqueue({"kind": "rerun", "values": {wid: "hello"}})
    again.run_pending()
    shown = [n.props for n in again.tree.roots["main"].walk() if n.kind in ("markdown", "text_input")]
    assert shown[0]["value"] == "hello"
    assert shown[1]["body"] == "hello"
