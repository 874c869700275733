import streamlit as st

st.session_state.setdefault("calls", 0)
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1


def count():
    st.session_state.calls += 1


text = st.download_button("Get text", "hello", file_name="hello.txt")
data = st.download_button("Get bytes", b"\x00\x01", on_click=count, type="primary")
quiet = st.download_button("Quiet", "x", on_click="ignore", icon="📥")
st.write(f"text: {text}, bytes: {data}, quiet: {quiet}, callbacks: {st.session_state.calls}, "
         f"runs: {st.session_state.runs}")
