import streamlit as st

st.session_state.setdefault("side_runs", 0)
st.session_state.setdefault("bad_runs", 0)
st.header("Fragments and the sidebar")


@st.fragment
def side_panel():
    st.session_state.side_runs += 1
    st.markdown(f"sidebar fragment ran {st.session_state.side_runs}")
    st.button("Rerun sidebar fragment")


@st.fragment
def uses_sidebar_container():
    st.session_state.bad_runs += 1
    st.markdown(f"main fragment ran {st.session_state.bad_runs}")
    st.sidebar.container().markdown(f"sidebar container line {st.session_state.bad_runs}")
    st.button("Rerun main fragment")
    if st.session_state.bad_runs >= 3:
        st.sidebar.markdown("direct st.sidebar call")
    st.markdown("main fragment end")


with st.sidebar:
    side_panel()
uses_sidebar_container()
st.markdown("main end")
st.button("Full rerun")
