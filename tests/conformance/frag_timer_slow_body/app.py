import time
import streamlit as st

for k in ("runs", "overlaps"):
    st.session_state.setdefault(k, 0)
st.session_state.setdefault("active", False)
st.header("Ticks never overlap a running fragment")


@st.fragment(run_every=0.2)
def slow_ticker():
    if st.session_state.active:
        st.session_state.overlaps += 1
    st.session_state.active = True
    st.session_state.runs += 1
    st.markdown(f"slow ticker run {st.session_state.runs}")
    time.sleep(0.8)
    st.text(f"overlaps seen: {st.session_state.overlaps}")
    st.session_state.active = False


slow_ticker()
