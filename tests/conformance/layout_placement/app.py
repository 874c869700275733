import streamlit as st

st.session_state.setdefault("frag_runs", 0)
st.header("Layout placement")
left, right = st.columns(2)
left.markdown("left column via method")
with right:
    st.markdown("right column via with")
tab_a, tab_b = st.tabs(["Tab A", "Tab B"])
with tab_a:
    st.markdown("inside tab A")
tab_b.markdown("inside tab B")
with st.expander("Details", expanded=True):
    st.markdown("inside expander")
box = st.container()
st.markdown("written after the container")
box.markdown("written into the container later")
ph = st.empty()
ph.markdown("empty first")
ph.markdown("empty second")


@st.fragment
def col_frag():
    st.session_state.frag_runs += 1
    st.markdown(f"fragment in right column ran {st.session_state.frag_runs}")
    st.button("Rerun column fragment")


with right:
    col_frag()
with st.sidebar:
    st.markdown("in the sidebar")
st.markdown("main end")
