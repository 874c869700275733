"""Widgets, callbacks and forms inside fragments (semantics 12, 13, 14)."""
from helpers import App

WIDGETS = """
    import streamlit as st
    st.session_state.setdefault("app", 0)
    st.session_state.app += 1
    outside = st.text_input("Outside", value="out0")

    @st.fragment
    def f():
        name = st.text_input("Name", value="name0")
        show = st.checkbox("Show extra", value=True)
        extra = st.text_input("Extra", value="extra0") if show else None
        st.markdown(f"name={name} extra={extra} outside={outside}")
        st.button("Rerun fragment")
    f()
"""


def test_a_fragment_widget_change_reruns_only_the_fragment():
    app = App(WIDGETS)
    app.set("Name", "alice")
    assert app.state["app"] == 1
    assert app.texts() == ["name=alice extra=extra0 outside=out0"]


def test_fragment_widgets_keep_their_values_across_fragment_reruns():
    app = App(WIDGETS)
    app.set("Name", "alice").set("Extra", "x1")
    app.click("Rerun fragment").click("Rerun fragment")
    assert app.texts() == ["name=alice extra=x1 outside=out0"]
    assert app.widget("Name").props["value"] == "alice"


def test_a_fragment_widget_not_rendered_in_a_fragment_rerun_loses_its_state():
    app = App(WIDGETS)
    app.set("Extra", "x1").set("Show extra", False)
    assert not app.has_widget("Extra")
    app.set("Show extra", True)
    assert app.widget("Extra").props["value"] == "extra0"
    assert app.texts() == ["name=name0 extra=extra0 outside=out0"]


def test_outside_widgets_keep_their_values_across_fragment_reruns():
    app = App(WIDGETS)
    app.set("Outside", "out1")
    app.click("Rerun fragment").set("Name", "bob")
    assert app.texts() == ["name=bob extra=extra0 outside=out1"]
    app.rerun()
    assert app.widget("Outside").props["value"] == "out1"
    assert app.state["app"] == 3


def test_fragment_widgets_keep_their_values_across_full_runs():
    app = App(WIDGETS)
    app.set("Name", "alice").rerun()
    assert app.widget("Name").props["value"] == "alice"


CALLBACKS = """
    import streamlit as st
    st.session_state.setdefault("log", [])
    def clicked(*args, **kwargs):
        st.session_state.log.append(("click", args, kwargs))
    def changed(tag):
        st.session_state.log.append(("change", tag, st.session_state.txt))

    @st.fragment
    def f():
        st.session_state.log.append("body")
        st.button("Press", on_click=clicked, args=(1, 2), kwargs={"k": "v"})
        st.text_input("Text", key="txt", on_change=changed, args=("t",))
    f()
"""


def test_a_button_callback_runs_with_its_args_and_kwargs_before_the_fragment_body():
    app = App(CALLBACKS)
    app.state["log"].clear()
    app.click("Press")
    assert app.state["log"] == [("click", (1, 2), {"k": "v"}), "body"]


def test_an_on_change_callback_sees_the_new_value_and_runs_before_the_body():
    app = App(CALLBACKS)
    app.state["log"].clear()
    app.set("Text", "hello")
    assert app.state["log"] == [("change", "t", "hello"), "body"]


def test_an_on_change_callback_does_not_run_when_the_value_is_unchanged():
    app = App(CALLBACKS)
    app.set("Text", "hello")
    app.state["log"].clear()
    app.set("Text", "hello")
    assert app.state["log"] == ["body"]


def test_a_fragment_widget_callback_does_not_rerun_the_top_level_code():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1
        @st.fragment
        def f():
            st.button("Press", on_click=lambda: None)
        f()
    """)
    app.click("Press")
    assert app.state["app"] == 1


FORM = """
    import streamlit as st
    st.session_state.setdefault("app_runs", 0)
    st.session_state.setdefault("frag_runs", 0)
    st.session_state.app_runs += 1
    st.markdown(f"app ran {st.session_state.app_runs}")

    @st.fragment
    def order():
        st.session_state.frag_runs += 1
        st.markdown(f"fragment ran {st.session_state.frag_runs}")
        with st.form("order_form"):
            item = st.text_input("Item", value="none")
            urgent = st.checkbox("Urgent")
            count = st.number_input("Count", value=1)
            submitted = st.form_submit_button("Place order")
        if submitted:
            st.success(f"ordered {count} x {item} urgent={urgent}")
        st.markdown(f"values seen: item={item} urgent={urgent} count={count}")
    order()
"""


def test_submitting_a_form_inside_a_fragment_reruns_only_the_fragment():
    app = App(FORM)
    app.submit("Place order", Item="apple", Urgent=True, Count=3)
    assert (app.state["app_runs"], app.state["frag_runs"]) == (1, 2)
    assert app.texts() == ["app ran 1", "fragment ran 2",
                           "values seen: item=apple urgent=True count=3"]
    assert [a["body"] for a in app.alerts()] == ["ordered 3 x apple urgent=True"]


def test_the_submit_button_is_pressed_only_for_the_submit_run():
    app = App(FORM)
    app.submit("Place order", Item="apple")
    app.rerun()
    assert app.alerts() == []
    assert app.texts()[-1] == "values seen: item=apple urgent=False count=1"


def test_form_widgets_are_drawn_inside_the_form_block_of_the_fragment():
    app = App(FORM)
    form = next(n for n in app.fragment_blocks()[0].walk() if n.kind == "form")
    labels = [n.props["label"] for n in form.walk() if "id" in n.props]
    assert labels == ["Item", "Urgent", "Count", "Place order"]
    assert all(n.props["form"] == "order_form" for n in form.walk() if "id" in n.props)


def test_a_form_submit_callback_gets_its_args_and_sees_the_submitted_values_before_the_body():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        def submitted(x, y=None):
            st.session_state.log.append(("submit", x, y, st.session_state.item))
        @st.fragment
        def f():
            st.session_state.log.append("body")
            with st.form("f"):
                st.text_input("Item", key="item")
                st.form_submit_button("Go", on_click=submitted, args=(1,), kwargs={"y": 2})
        f()
    """)
    app.state["log"].clear()
    app.submit("Go", Item="pear")
    assert app.state["log"] == [("submit", 1, 2, "pear"), "body"]
