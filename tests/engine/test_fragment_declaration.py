"""Declaring and calling fragments (semantics 1-4)."""
import pytest

from helpers import App


@pytest.mark.parametrize("decorate", [
    "@st.fragment",
    "@st.fragment()",
    "@st.fragment(run_every=None)",
    "@st.fragment(run_every=60)",
])
def test_every_decorator_form_runs_the_body_at_the_call_and_returns_its_value(decorate):
    app = App(f"""
        import streamlit as st
        {decorate}
        def f(x):
            st.markdown("body ran")
            return x * 2
        st.markdown(f"returned {{f(21)}}")
    """)
    assert app.texts() == ["body ran", "returned 42"]
    assert len(app.session.fragments) == 1


def test_st_fragment_called_with_the_function_and_run_every_keyword_works():
    app = App("""
        import streamlit as st
        def body():
            st.markdown("body ran")
            return "ok"
        st.markdown(st.fragment(body, run_every=5)())
    """)
    assert app.texts() == ["body ran", "ok"]
    assert list(app.session.timers.values()) == [5.0]


def test_run_every_is_keyword_only():
    app = App("""
        import streamlit as st
        def body():
            pass
        try:
            st.fragment(body, 5)
        except TypeError:
            st.markdown("TypeError")
    """)
    assert app.texts() == ["TypeError"]


def test_body_elements_go_into_one_new_vertical_block_at_the_call_position():
    app = App("""
        import streamlit as st
        st.markdown("before")
        @st.fragment
        def f():
            st.markdown("a")
            st.markdown("b")
        f()
        st.markdown("after")
    """)
    main = app.root()
    assert [c.kind for c in main.children] == ["markdown", "vertical", "markdown"]
    block = main.children[1]
    assert block.props.get("fragment") is True
    assert app.texts(within=block) == ["a", "b"]


def test_fragment_called_inside_a_column_is_placed_in_that_column_and_stays_there_on_rerun():
    app = App("""
        import streamlit as st
        left, right = st.columns(2)
        @st.fragment
        def f():
            st.markdown("in fragment")
            st.button("Again")
        with right:
            f()
        st.markdown("after columns")
    """)
    row = app.root().children[0]
    left, right = row.children
    assert app.texts(within=left) == []
    assert app.texts(within=right) == ["in fragment"]
    app.click("Again")
    assert app.texts(within=left) == []
    assert app.texts(within=right) == ["in fragment"]
    assert app.texts() == ["in fragment", "after columns"]


def test_fragment_called_in_with_sidebar_is_placed_in_the_sidebar():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        @st.fragment
        def f():
            st.session_state.runs += 1
            st.markdown(f"side {st.session_state.runs}")
            st.button("Side button")
        with st.sidebar:
            f()
        st.markdown("main")
    """)
    assert app.texts("sidebar") == ["side 1"]
    assert app.texts("main") == ["main"]
    app.click("Side button", root="sidebar")
    assert app.texts("sidebar") == ["side 2"]
    assert app.texts("main") == ["main"]


def test_each_call_site_is_a_separate_fragment():
    app = App("""
        import streamlit as st
        @st.fragment
        def f(name):
            st.markdown(name)
        f("one")
        f("two")
        for i in range(3):
            f(f"loop {i}")
    """)
    assert len(app.session.fragments) == 5
    assert len(app.fragment_blocks()) == 5


def test_each_call_site_reruns_with_the_arguments_of_its_own_call():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def show(i):
            st.session_state.log.append(i)
            st.markdown(f"fragment {i}")
            st.button(f"Rerun {i}")
        for i in range(3):
            show(i)
    """)
    app.state["log"].clear()
    app.click("Rerun 1")
    assert app.state["log"] == [1]
    app.click("Rerun 2")
    assert app.state["log"] == [1, 2]
    assert app.texts() == ["fragment 0", "fragment 1", "fragment 2"]


def test_call_site_keeps_its_fragment_id_across_full_runs():
    app = App("""
        import streamlit as st
        @st.fragment
        def f():
            st.markdown("x")
        f()
        f()
    """)
    before = app.fragment_ids
    app.rerun()
    assert app.fragment_ids == before


NESTED = """
    import streamlit as st
    for k in ("app", "outer", "inner", "sibling"):
        st.session_state.setdefault(k, 0)
    st.session_state.app += 1
    st.markdown(f"app ran {st.session_state.app}")

    @st.fragment
    def inner():
        st.session_state.inner += 1
        st.markdown(f"inner ran {st.session_state.inner}")
        st.button("Rerun inner")

    @st.fragment
    def outer():
        st.session_state.outer += 1
        st.markdown(f"outer ran {st.session_state.outer} (sees inner={st.session_state.inner})")
        st.button("Rerun outer")
        inner()
        st.markdown(f"outer after inner (sees inner={st.session_state.inner})")

    @st.fragment
    def sibling():
        st.session_state.sibling += 1
        st.markdown(f"sibling ran {st.session_state.sibling}")

    outer()
    sibling()
"""


def counts(app):
    return {k: app.state[k] for k in ("app", "outer", "inner", "sibling")}


def test_nested_fragment_runs_inside_the_outer_fragment_block():
    app = App(NESTED)
    outer_block = app.fragment_blocks()[0]
    inner_blocks = [n for n in outer_block.walk() if n.props.get("fragment")]
    assert len(inner_blocks) == 1
    assert app.texts(within=inner_blocks[0]) == ["inner ran 1"]


def test_rerunning_the_outer_fragment_reruns_the_inner_one_and_nothing_else():
    app = App(NESTED)
    app.click("Rerun outer")
    assert counts(app) == {"app": 1, "outer": 2, "inner": 2, "sibling": 1}
    assert app.texts() == ["app ran 1", "outer ran 2 (sees inner=1)", "inner ran 2",
                           "outer after inner (sees inner=2)", "sibling ran 1"]


def test_rerunning_the_inner_fragment_touches_nothing_else():
    app = App(NESTED)
    app.click("Rerun inner")
    assert counts(app) == {"app": 1, "outer": 1, "inner": 2, "sibling": 1}
    assert app.texts() == ["app ran 1", "outer ran 1 (sees inner=0)", "inner ran 2",
                           "outer after inner (sees inner=1)", "sibling ran 1"]


def test_inner_fragment_keeps_working_after_the_outer_one_reran():
    app = App(NESTED)
    app.click("Rerun outer")
    app.click("Rerun inner")
    assert counts(app) == {"app": 1, "outer": 2, "inner": 3, "sibling": 1}
    assert "inner ran 3" in app.texts()
