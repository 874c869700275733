import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.header("Control flow is not an Exception")
st.markdown(f"app ran {st.session_state.runs}")


@st.fragment
def guarded():
    st.markdown("guarded start")
    if st.button("Rerun inside try"):
        try:
            st.rerun()
        except Exception as e:
            st.markdown(f"st.rerun was caught as {type(e).__name__}")
    if st.button("Stop inside try"):
        try:
            st.stop()
        except Exception as e:
            st.markdown(f"st.stop was caught as {type(e).__name__}")
        st.markdown("after st.stop in fragment")
    st.markdown("guarded end")


@st.fragment
def stops_in_full_run():
    st.markdown("stopper start")
    if st.session_state.get("stop_full"):
        try:
            st.stop()
        except Exception:
            st.markdown("stop in full run was caught")
    st.markdown("stopper end")


guarded()
stops_in_full_run()
st.markdown("main end")
st.checkbox("Stop in fragment during full run", key="stop_full")
if st.button("Stop at top level"):
    st.stop()
st.markdown("tail after top-level stop button")
