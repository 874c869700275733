import streamlit as st

for k in ("app", "frag", "other"):
    st.session_state.setdefault(k, 0)
st.session_state.app += 1
st.header("st.rerun scopes")
st.markdown(f"app ran {st.session_state.app}")


@st.fragment
def frag():
    st.session_state.frag += 1
    st.markdown(f"fragment ran {st.session_state.frag}")
    if st.button("Fragment-scope rerun"):
        st.session_state.pending = 2
    if st.session_state.get("pending"):
        st.session_state.pending -= 1
        st.rerun(scope="fragment")
        st.markdown("never shown after fragment rerun")
    if st.button("App-scope rerun from fragment"):
        st.rerun()
        st.markdown("never shown after app rerun")
    if st.button("Bad scope"):
        try:
            st.rerun(scope="page")
        except Exception as e:
            st.text(f"{type(e).__name__}: {e}")


@st.fragment
def other():
    st.session_state.other += 1
    st.markdown(f"other fragment ran {st.session_state.other}")


frag()
other()
