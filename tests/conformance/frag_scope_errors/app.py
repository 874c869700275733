import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.armed = True  # every full run arms the fragment
st.header("scope=\"fragment\" outside fragment reruns")


def arm():
    st.session_state.armed = True


@st.fragment
def frag():
    st.session_state.runs += 1
    st.markdown(f"fragment body run {st.session_state.runs}")
    if st.session_state.armed:
        st.session_state.armed = False
        try:
            st.rerun(scope="fragment")
        except Exception as e:
            st.text(f"{type(e).__name__}: {e}")
    st.button("Arm and rerun fragment", on_click=arm)


frag()
st.markdown("before top-level call")
if st.checkbox("Call it at top level"):
    st.rerun(scope="fragment")
st.markdown("main end")
