import streamlit as st

st.session_state.setdefault("cb_calls", 0)
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1


def cb():
    st.session_state.cb_calls += 1
    st.rerun()
    st.session_state.after_rerun = "code after st.rerun() in callback ran"


st.header("st.rerun() inside a callback")
st.markdown(f"script runs {st.session_state.runs}, callback calls {st.session_state.cb_calls}")
st.markdown(st.session_state.get("after_rerun", "nothing after rerun yet"))
st.button("Button with rerun callback", on_click=cb)
st.button("Plain button")
