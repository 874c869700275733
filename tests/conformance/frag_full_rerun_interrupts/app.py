import time
import streamlit as st

for k in ("app", "starts", "finishes"):
    st.session_state.setdefault(k, 0)
st.session_state.app += 1
st.header("A full rerun request interrupts a fragment run")
st.markdown(f"app ran {st.session_state.app}")


@st.fragment
def slow():
    st.markdown(f"slow fragment: {st.session_state.starts} started, {st.session_state.finishes} finished")
    if st.button("Slow fragment run"):
        st.session_state.starts += 1
        st.markdown("slow run started")
        time.sleep(2.5)
        st.markdown("slow run reached its end")
        st.session_state.finishes += 1


slow()
st.button("Full rerun")
