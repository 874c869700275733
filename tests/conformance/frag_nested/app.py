import streamlit as st

for k in ("app", "outer", "inner", "sibling"):
    st.session_state.setdefault(k, 0)
st.session_state.app += 1
st.header("Nested fragments")
st.markdown(f"app ran {st.session_state.app}")


@st.fragment
def inner():
    st.session_state.inner += 1
    st.markdown(f"inner ran {st.session_state.inner}")
    st.button("Rerun inner")


@st.fragment
def outer():
    st.session_state.outer += 1
    st.markdown(f"outer ran {st.session_state.outer} (sees inner={st.session_state.inner})")
    st.button("Rerun outer")
    inner()
    st.markdown(f"outer after inner (sees inner={st.session_state.inner})")


@st.fragment
def sibling():
    st.session_state.sibling += 1
    st.markdown(f"sibling ran {st.session_state.sibling}")


outer()
sibling()
st.button("Full rerun")
