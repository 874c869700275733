"""What a fragment rerun changes in the tree (semantics 9, 10, 11)."""
from helpers import App

COUNTER = """
    import streamlit as st
    st.session_state.setdefault("app", 0)
    st.session_state.setdefault("clicks", 0)
    st.session_state.app += 1
    st.markdown(f"app ran {st.session_state.app}")
    st.markdown(f"top sees clicks={st.session_state.clicks}")

    @st.fragment
    def f():
        if st.button("Click"):
            st.session_state.clicks += 1
        st.markdown(f"fragment sees clicks={st.session_state.clicks}")
    f()
    st.markdown("bottom")
"""


def test_a_fragment_rerun_runs_only_the_body_not_the_top_level_code():
    app = App(COUNTER)
    app.click("Click").click("Click")
    assert app.state["app"] == 1
    assert app.state["clicks"] == 2


def test_elements_outside_stay_as_they_were_even_when_state_changed():
    app = App(COUNTER)
    app.click("Click")
    assert app.texts() == ["app ran 1", "top sees clicks=0", "fragment sees clicks=1", "bottom"]


def test_outside_elements_catch_up_on_the_next_full_run():
    app = App(COUNTER)
    app.click("Click").rerun()
    assert app.texts() == ["app ran 2", "top sees clicks=1", "fragment sees clicks=1", "bottom"]


def test_a_fragment_rerun_sends_no_change_for_outside_elements():
    app = App(COUNTER)
    outside_ids = {c.id for c in app.root().children if not c.props.get("fragment")}
    app.session.host.flushed.clear()
    app.click("Click")
    touched = {c.get("id") for c in app.session.host.flushed} | \
        {c.get("parent") for c in app.session.host.flushed}
    assert touched & outside_ids == set()
    assert "main" not in touched


def test_elements_the_body_writes_are_redrawn():
    app = App(COUNTER)
    block = app.fragment_blocks()[0]
    app.click("Click")
    assert app.texts(within=block) == ["fragment sees clicks=1"]


def test_elements_the_body_no_longer_writes_are_removed_at_the_end_of_the_run():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            extra = st.checkbox("Extra")
            st.markdown("always")
            if extra:
                st.markdown("sometimes 1")
                st.markdown("sometimes 2")
        f()
        st.markdown("outside")
    """)
    app.set("Extra", True)
    assert app.texts() == ["always", "sometimes 1", "sometimes 2", "outside"]
    app.set("Extra", False)
    assert app.texts() == ["always", "outside"]


def test_other_fragments_are_untouched_by_a_fragment_rerun():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("runs", {"a": 0, "b": 0})
        @st.fragment
        def frag(name):
            st.session_state.runs[name] += 1
            st.markdown(f"{name} ran {st.session_state.runs[name]}")
            st.button(f"Rerun {name}")
        frag("a")
        frag("b")
    """)
    b_block = app.fragment_blocks()[1]
    b_nodes = [n.id for n in b_block.walk()]
    app.click("Rerun a")
    assert app.texts() == ["a ran 2", "b ran 1"]
    assert [n.id for n in b_block.walk()] == b_nodes


OUTSIDE_CONTAINER = """
    import streamlit as st
    box = st.container()
    slot = st.empty()
    st.session_state.setdefault("n", 0)

    @st.fragment
    def f():
        st.session_state.n += 1
        box.markdown(f"box {st.session_state.n}")
        slot.markdown(f"slot {st.session_state.n}")
        st.button("Rerun fragment")
    f()
"""


def containers(app):
    box, slot = app.root().children[:2]
    return app.texts(within=box), app.texts(within=slot)


def test_writes_into_an_outside_container_accumulate_one_per_fragment_rerun():
    app = App(OUTSIDE_CONTAINER)
    for _ in range(3):
        app.click("Rerun fragment")
    box, _ = containers(app)
    assert box == ["box 1", "box 2", "box 3", "box 4"]


def test_the_next_full_run_leaves_one_copy_in_the_outside_container():
    app = App(OUTSIDE_CONTAINER)
    app.click("Rerun fragment").click("Rerun fragment").rerun()
    box, _ = containers(app)
    assert box == ["box 4"]


def test_writes_into_an_outside_empty_replace_instead_of_accumulating():
    app = App(OUTSIDE_CONTAINER)
    app.click("Rerun fragment").click("Rerun fragment")
    _, slot = containers(app)
    assert slot == ["slot 3"]


def test_non_widget_elements_in_outside_containers_are_allowed():
    app = App(OUTSIDE_CONTAINER)
    assert app.exceptions() == []
    assert containers(app) == (["box 1"], ["slot 1"])
