import streamlit as st

st.session_state.setdefault("ticks", 0)
st.header("Timer keeps going after the fragment raised")


@st.fragment(run_every=0.5)
def ticker():
    st.session_state.ticks += 1
    t = st.session_state.ticks
    if t == 2:
        st.session_state.failed = "tick 2 raised RuntimeError"
        raise RuntimeError("tick two failed")
    st.markdown(f"tick {t}")
    st.text(f"earlier failure: {st.session_state.get('failed', 'none')}")


ticker()
st.markdown("main end")
