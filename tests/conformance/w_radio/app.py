import streamlit as st

fruit = st.radio("Pick a fruit", ["Apple", "Banana", "Cherry"], captions=["red", "yellow", "dark"])
st.write(f"fruit: {fruit!r}")
if "log" not in st.session_state:
    st.session_state.log = []
size = st.radio("Size", ["Small", "Medium", "Large"], index=None, horizontal=True, key="size",
                on_change=lambda: st.session_state.log.append(st.session_state.size))
st.write(f"size: {size!r} / state: {st.session_state.size!r} / log: {st.session_state.log}")
