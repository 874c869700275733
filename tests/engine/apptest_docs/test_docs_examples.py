"""Tests in the style of Streamlit's AppTest documentation. They must pass unchanged under
Streamlit 1.50 (`from streamlit.testing.v1 import AppTest`) and under wasmlit
(`from wasmlit.testing import AppTest`); test_app_test.py runs them under both."""
import datetime

from wasmlit.testing import AppTest


def test_increment_and_add():
    at = AppTest.from_file("beans.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"
    assert at.title[0].value == "Bean counter :paw_prints:"


def test_no_interaction():
    at = AppTest.from_file("login.py")
    at.secrets["password"] = "streamlit"
    at.run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_incorrect_password():
    at = AppTest.from_file("login.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_correct_password():
    at = AppTest.from_file("login.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_log_out():
    at = AppTest.from_file("login.py")
    at.secrets["password"] = "streamlit"
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_session_state_before_run():
    at = AppTest.from_string(
        """
        import streamlit as st
        word = st.session_state.magic_word
        st.markdown(word)
        """
    )
    at.session_state["magic_word"] = "Foobar"
    at.run()
    assert at.markdown[0].value == "Foobar"


def test_from_function_with_kwargs():
    def script(greeting):
        import streamlit as st

        name = st.text_input("Name", key="name")
        st.write(f"{greeting}, {name}!")

    at = AppTest.from_function(script, kwargs={"greeting": "Hello"}).run()
    at.text_input(key="name").input("Ada").run()
    assert at.markdown.values == ["Hello, Ada!"]


def test_widgets_and_values():
    def script():
        import streamlit as st

        choice = st.selectbox("Pick", ["red", "green", "blue"], index=1)
        picks = st.multiselect("Many", ["a", "b", "c"], default=["a"])
        mode = st.radio("Mode", ["x", "y"])
        level = st.slider("Level", 0, 10, 3)
        lo_hi = st.slider("Range", 0, 100, (20, 80))
        size = st.select_slider("Size", ["S", "M", "L"], value="M")
        ok = st.checkbox("OK")
        on = st.toggle("On")
        st.write(f"{choice}|{picks}|{mode}|{level}|{lo_hi}|{size}|{ok}|{on}")

    at = AppTest.from_function(script).run()
    assert at.markdown[0].value == "green|['a']|x|3|(20, 80)|M|False|False"
    at.selectbox[0].select("blue")
    at.multiselect[0].select("c").unselect("a")
    at.radio[0].set_value("y")
    at.slider[0].set_value(7)
    at.slider[1].set_range(10, 30)
    at.select_slider[0].set_value("L")
    at.checkbox[0].check()
    at.toggle[0].set_value(True)
    at.run()
    assert at.markdown[0].value == "blue|['c']|y|7|(10, 30)|L|True|True"
    assert at.selectbox[0].index == 2
    assert at.radio[0].index == 1
    assert at.multiselect[0].value == ["c"]
    assert at.slider[1].value == (10, 30)
    at.selectbox[0].select_index(0).run()
    assert at.selectbox[0].value == "red"


def test_exception_and_key_lookup():
    at = AppTest.from_string(
        """
        import streamlit as st
        n = st.number_input("n", key="n", value=1)
        if n > 1:
            raise ValueError("too big")
        """
    ).run()
    assert not at.exception
    at.number_input(key="n").set_value(2).run()
    assert at.exception[0].value == "too big"


def test_layout_and_more_widgets():
    def script():
        import datetime

        import streamlit as st

        st.sidebar.text_input("Side", key="side")
        left, right = st.columns(2)
        with left:
            d = st.date_input("Day", datetime.date(2024, 1, 1), key="day")
        with right:
            t = st.time_input("At", datetime.time(9, 0), key="at")
        tab_a, tab_b = st.tabs(["A", "B"])
        with tab_b:
            n = st.number_input("N", 0, 10, 5, key="n")
        with st.expander("More"):
            c = st.color_picker("Color", "#000000", key="color")
        slot = st.empty()
        slot.write("filled")
        msg = st.chat_input("Say")
        st.write(f"{st.session_state.side}|{d}|{t}|{n}|{c}|{msg}")

    at = AppTest.from_function(script).run()
    assert len(at.sidebar.text_input) == 1 and len(at.main.text_input) == 0
    assert len(at.columns) == 2 and at.columns[0].date_input[0].key == "day"
    assert [t.label for t in at.tabs] == ["A", "B"]
    assert at.tabs[1].number_input[0].value == 5
    assert at.expander[0].label == "More"
    assert at.get("color_picker")[0].value == "#000000"
    assert at.markdown[0].value == "filled"
    at.sidebar.text_input[0].input("s")
    at.date_input(key="day").set_value(datetime.date(2024, 3, 4))
    at.time_input(key="at").decrement()
    at.number_input(key="n").decrement()
    at.color_picker(key="color").pick("#00ff00")
    at.chat_input[0].set_value("hello")
    at.run()
    assert at.markdown[1].value == "s|2024-03-04|08:45:00|4|#00ff00|hello"
    at.run()
    assert at.markdown[1].value == "s|2024-03-04|08:45:00|4|#00ff00|None"
