import streamlit as st

st.session_state.setdefault("ticks", 0)
st.session_state.setdefault("frozen_at", None)

st.header("Timer stops when not called")
on = st.checkbox("Run the ticker", value=True)


@st.fragment(run_every=0.5)
def ticker():
    st.session_state.ticks += 1
    st.markdown(f"ticker ran {st.session_state.ticks}")


if on:
    st.session_state.frozen_at = None
    ticker()
else:
    if st.session_state.frozen_at is None:
        st.session_state.frozen_at = st.session_state.ticks
    st.markdown(f"ticks after stop: {st.session_state.ticks - st.session_state.frozen_at}")
st.button("Full rerun")
