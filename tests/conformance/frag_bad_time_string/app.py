import streamlit as st

st.header("Bad run_every strings")


def body():
    st.markdown("body ran")


try:
    st.fragment(body, run_every="1 flecond")()
except Exception as e:
    st.text(f"{type(e).__name__}: {e}")

st.markdown("decorating alone is fine")


@st.fragment(run_every="2 fortnights ago")
def bad():
    st.markdown("bad body ran")


st.markdown("before calling bad()")
bad()
st.markdown("main end")
