import streamlit as st

st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("frag_runs", 0)
st.session_state.app_runs += 1

st.header("Outside containers")
box = st.container()
slot = st.empty()
st.markdown(f"top-level sees app_runs={st.session_state.app_runs} frag_runs={st.session_state.frag_runs}")


@st.fragment
def writer():
    st.session_state.frag_runs += 1
    n = st.session_state.frag_runs
    st.button("Rerun writer")
    st.text(f"own text from fragment run {n}")
    if n % 2 == 1:
        st.caption(f"odd-only caption from run {n}")
    box.markdown(f"box line from fragment run {n}")
    slot.code(f"empty slot from fragment run {n}")


writer()
st.button("Full rerun")
st.markdown("main end")
