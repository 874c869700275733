import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.header("Exceptions in fragments")
st.markdown(f"app ran {st.session_state.runs}")
mode = st.session_state.get("mode", "ok")


@st.fragment
def risky():
    st.markdown("risky start")
    st.button("Clean fragment rerun")
    if st.button("Raise in fragment rerun"):
        st.session_state.mode = "raise-once"
        raise ZeroDivisionError("fragment rerun failed")
    if st.session_state.get("mode") == "raise-full":
        raise ValueError("full run failed")
    st.markdown("risky end")


@st.fragment
def neighbour():
    st.markdown("neighbour fragment")


risky()
neighbour()
st.markdown("main end")


def arm_full():
    st.session_state.mode = "raise-full"


def disarm():
    st.session_state.mode = "ok"


st.button("Full run that raises", on_click=arm_full)
st.button("Full run clean", on_click=disarm)
