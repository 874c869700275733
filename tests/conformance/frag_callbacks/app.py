import streamlit as st

st.session_state.setdefault("log", [])
st.header("Callbacks run before the fragment body")


def on_click_cb(tag, times=1, *, suffix=""):
    st.session_state.log.append(f"click({tag}x{times}{suffix})")


def on_change_cb(label):
    st.session_state.log.append(f"change({label}={st.session_state.note})")


@st.fragment
def frag():
    st.session_state.log.append("body")
    st.button("Add", on_click=on_click_cb, args=("A",), kwargs={"times": 2, "suffix": "!"})
    st.text_input("Note", key="note", on_change=on_change_cb, args=("note",))
    st.markdown("fragment sees log: " + " | ".join(st.session_state.log))


frag()
st.markdown("top-level sees log: " + " | ".join(st.session_state.log))
st.button("Full rerun")
