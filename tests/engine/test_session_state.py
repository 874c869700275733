"""st.session_state: access, widget keys, buttons as triggers, duplicate widgets."""
import pytest

from helpers import App

MODIFIED_AFTER = ("`st.session_state.{key}` cannot be modified after the widget with key "
                  "`{key}` is instantiated.")
DUPLICATE_ID = (
    "There are multiple `{kind}` elements with the same auto-generated ID. When this element "
    "is created, it is assigned an internal ID based on the element type and provided "
    "parameters. Multiple elements with the same type and parameters will cause this error.\n\n"
    "To fix this error, please pass a unique `key` argument to the `{kind}` element.")
DUPLICATE_KEY = ("There are multiple elements with the same `key='{key}'`. To fix this, please "
                 "make sure that the `key` argument is unique for each element you create.")


def test_item_and_attribute_access_reach_the_same_value():
    app = App("""
        import streamlit as st
        st.session_state["a"] = 1
        st.session_state.b = 2
        st.markdown(f"{st.session_state.a} {st.session_state['b']} {'a' in st.session_state}")
    """)
    assert app.texts() == ["1 2 True"]
    assert app.state.to_dict() == {"a": 1, "b": 2}


def test_session_state_survives_reruns():
    app = App("""
        import streamlit as st
        if "count" not in st.session_state:
            st.session_state.count = 0
        st.session_state.count += 1
        st.markdown(f"count {st.session_state.count}")
    """)
    app.rerun().rerun()
    assert app.texts() == ["count 3"]


def test_deleting_keys_by_item_and_attribute():
    app = App("""
        import streamlit as st
        st.session_state.a = 1
        st.session_state.b = 2
        del st.session_state["a"]
        del st.session_state.b
        st.markdown(str(len(st.session_state)))
    """)
    assert app.texts() == ["0"]


@pytest.mark.parametrize("access, error", [
    ("st.session_state.missing", "AttributeError"),
    ("st.session_state['missing']", "KeyError"),
])
def test_a_missing_key_raises_with_streamlits_hint(access, error):
    app = App(f"""
        import streamlit as st
        try:
            {access}
        except Exception as e:
            st.markdown(type(e).__name__ + ": " + str(e))
    """)
    [text] = app.texts()
    assert text.startswith(error + ": ")
    assert 'st.session_state has no' in text and '"missing"' in text
    assert "Did you forget to initialize it?" in text


def test_get_and_setdefault_work_like_a_dict():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("x", 5)
        st.session_state.setdefault("x", 9)
        st.markdown(f"{st.session_state.x} {st.session_state.get('nope', 'dflt')}")
    """)
    assert app.texts() == ["5 dflt"]


def test_a_value_set_under_a_key_before_the_widget_exists_becomes_its_value():
    app = App("""
        import streamlit as st
        if "name" not in st.session_state:
            st.session_state.name = "preset"
        value = st.text_input("Name", value="default", key="name")
        st.markdown(f"value={value}")
    """)
    assert app.texts() == ["value=preset"]
    assert app.widget("Name").props["value"] == "preset"


def test_a_widget_value_is_readable_under_its_key():
    app = App("""
        import streamlit as st
        st.checkbox("Agree", key="agree")
        st.markdown(f"agree={st.session_state.agree}")
    """)
    app.set("Agree", True)
    assert app.texts() == ["agree=True"]
    assert app.state["agree"] is True


def test_setting_a_widget_key_before_the_widget_in_a_later_run_changes_its_value():
    app = App("""
        import streamlit as st
        if st.session_state.get("reset"):
            st.session_state.name = "reset value"
            st.session_state.reset = False
        st.text_input("Name", key="name")
        st.session_state.setdefault("reset", False)
        def ask_reset():
            st.session_state.reset = True
        st.button("Reset", on_click=ask_reset)
    """)
    app.set("Name", "typed")
    app.click("Reset")
    assert app.widget("Name").props["value"] == "reset value"


def test_setting_a_widget_key_after_the_widget_was_created_raises():
    app = App("""
        import streamlit as st
        st.text_input("Name", key="name")
        try:
            st.session_state.name = "too late"
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitAPIException: " + MODIFIED_AFTER.format(key="name")]


def test_a_callback_may_set_its_widgets_key():
    app = App("""
        import streamlit as st
        def clear():
            st.session_state.name = ""
        st.text_input("Name", key="name", on_change=clear)
        st.markdown(f"name={st.session_state.name!r}")
    """)
    app.set("Name", "typed")
    assert app.texts() == ["name=''"]
    assert app.exceptions() == []


BUTTON = """
    import streamlit as st
    st.session_state.setdefault("log", [])
    pressed = st.button("Press")
    st.session_state.log.append(pressed)
    if pressed and not st.session_state.get("reran"):
        st.session_state.reran = True
        st.rerun()
"""


def test_a_button_is_true_only_for_the_run_its_click_started():
    app = App(BUTTON)
    app.click("Press")
    assert app.state["log"] == [False, True, False]


def test_a_button_is_false_again_on_the_next_full_run():
    app = App(BUTTON.replace("not st.session_state.get", "False and st.session_state.get"))
    app.click("Press").rerun()
    assert app.state["log"] == [False, True, False]


def test_a_fragment_button_is_false_again_on_the_next_full_run():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def f():
            st.session_state.log.append(st.button("Press"))
        f()
    """)
    app.click("Press").rerun()
    assert app.state["log"] == [False, True, False]


def test_two_widgets_with_the_same_auto_generated_id_raise_duplicate_element_id():
    app = App("""
        import streamlit as st
        st.button("Same")
        try:
            st.button("Same")
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitDuplicateElementId: " + DUPLICATE_ID.format(kind="button")]


def test_an_uncaught_duplicate_element_id_is_shown_and_ends_the_script():
    app = App("""
        import streamlit as st
        st.checkbox("Twice")
        st.checkbox("Twice")
        st.markdown("after")
    """)
    [exc] = app.exceptions()
    assert exc["type"] == "streamlit.errors.StreamlitDuplicateElementId"
    assert exc["message"] == DUPLICATE_ID.format(kind="checkbox")
    assert app.texts() == []


def test_two_widgets_with_the_same_key_raise_duplicate_element_key():
    app = App("""
        import streamlit as st
        st.button("One", key="k")
        try:
            st.checkbox("Two", key="k")
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert app.texts() == ["StreamlitDuplicateElementKey: " + DUPLICATE_KEY.format(key="k")]


def test_same_label_with_different_keys_is_not_a_duplicate():
    app = App("""
        import streamlit as st
        st.button("Same", key="a")
        st.button("Same", key="b")
    """)
    assert app.exceptions() == []
    assert len(app.nodes("button")) == 2



def test_a_fragment_button_is_not_pressed_again_by_a_fragment_scoped_rerun():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def f():
            pressed = st.button("Press")
            st.session_state.log.append(pressed)
            if pressed:
                st.rerun(scope="fragment")
        f()
    """)
    app.click("Press")
    assert app.state["log"] == [False, True, False]


def test_a_fragment_rerun_may_set_the_key_of_an_outside_widget():
    app = App("""
        import streamlit as st
        st.text_input("Out", key="out")
        @st.fragment
        def f():
            if st.button("Set outside"):
                st.session_state.out = "from fragment"
        f()
    """)
    app.click("Set outside")
    assert app.exceptions() == []
    assert app.state["out"] == "from fragment"
    app.rerun()
    assert app.widget("Out").props["value"] == "from fragment"
