"""st.chat_input: the submitted text for exactly one run, pinned to the bottom area when
written to the main area, session-state and error rules as in Streamlit 1.50."""
from helpers import App


def chat(app, root="bottom"):
    nodes = app.nodes("chat_input", root=root)
    assert len(nodes) == 1, nodes
    return nodes[0]


def submit(app, text, root="bottom"):
    return app._send({"kind": "widgets", "values": {chat(app, root).props["id"]: text}})


def error_of(body):
    excs = App("import streamlit as st\n" + body).exceptions()
    assert len(excs) == 1, excs
    return excs[0]["type"], excs[0]["message"]


def test_the_text_is_returned_for_one_run_then_none():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.chat_input("Say", key="c")) + " " + repr(st.session_state.c))
    """)
    assert app.texts() == ["None None"]
    assert submit(app, "hi").texts() == ["'hi' 'hi'"]
    assert app.rerun().texts() == ["None None"]


def test_on_submit_runs_before_the_script_with_args_and_kwargs():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        def got(a, b=None):
            st.session_state.log.append((a, b, st.session_state.c))
        st.chat_input("Say", key="c", on_submit=got, args=(1,), kwargs={"b": 2})
        st.markdown(repr(st.session_state.log))
    """)
    submit(app, "x")
    submit(app, "x")  # the same text again is a new submission
    assert app.texts() == ["[(1, 2, 'x'), (1, 2, 'x')]"]


def test_main_area_chat_input_goes_to_the_bottom_area_and_others_stay_inline():
    app = App("""
        import streamlit as st
        st.markdown("top")
        st.chat_input("Pinned")
        with st.container():
            st.chat_input("Inline")
        st.sidebar.chat_input("Side")
        st.markdown("after")
    """)
    assert chat(app).props["placeholder"] == "Pinned" and chat(app).props["position"] == "bottom"
    assert [n.kind for n in app.root().children] == ["markdown", "vertical", "markdown"]
    assert chat(app, "main").props["position"] == "inline"
    assert chat(app, "sidebar").props["placeholder"] == "Side"


def test_the_bottom_area_empties_when_the_script_stops_writing_it():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        if st.session_state.n == 1:
            st.chat_input("Say")
    """)
    assert len(app.nodes("chat_input", root="bottom")) == 1
    assert app.rerun().nodes("chat_input", root="bottom") == []


def test_a_text_put_in_session_state_fills_the_box_and_is_not_returned():
    app = App("""
        import streamlit as st
        if st.session_state.get("fill"):
            st.session_state.c = "draft"
        v = st.chat_input("Say", key="c")
        st.markdown(repr(v) + " " + repr(st.session_state.c))
    """)
    app.state["fill"] = True
    app.rerun()
    assert app.texts() == ["None None"]
    assert chat(app).props["value"]["text"] == "draft"
    app.state["fill"] = False
    assert app.rerun().texts() == ["None None"]
    assert chat(app).props["value"] is None


def test_chat_input_errors():
    assert error_of('with st.form("f"):\n    st.chat_input("B")') == (
        "streamlit.errors.StreamlitAPIException", "`st.chat_input()` can't be used in a `st.form()`.")
    assert error_of('st.chat_input("B", accept_file="yes")') == (
        "streamlit.errors.StreamlitAPIException",
        "The `accept_file` parameter must be a boolean or 'multiple' or 'directory'.")
    assert error_of('st.chat_input("B", width="content")')[0] == "streamlit.errors.StreamlitInvalidWidthError"


def test_props_the_page_needs():
    app = App("""
        import streamlit as st
        st.chat_input(max_chars=20, disabled=True)
    """)
    props = chat(app).props
    assert (props["placeholder"], props["max_chars"], props["disabled"]) == ("Your message", 20, True)


def test_accept_file_returns_the_text_and_the_files_sent_with_it():
    app = App("""
        import streamlit as st
        v = st.chat_input("Say", accept_file="multiple", file_type=["txt"])
        if v:
            st.markdown(repr((v.text, v["text"], [(f.name, f.type, f.read()) for f in v.files])))
        else:
            st.markdown(repr(v))
    """)
    assert chat(app).props["file_type"] == [".txt"]
    data = "YWJj"  # base64 of b"abc"
    submit(app, {"text": "look", "files": [
        {"file_id": "f1", "name": "a.txt", "type": "text/plain", "size": 3, "data": data},
        {"file_id": "f2", "name": "b.png", "type": "image/png", "size": 3, "data": data}]})
    assert app.texts() == ["('look', 'look', [('a.txt', 'text/plain', b'abc')])"]
    assert app.rerun().texts() == ["None"]
