import datetime
import streamlit as st

for k in ("int", "str", "td", "zero", "empty", "none"):
    st.session_state.setdefault(k, 0)

st.header("run_every forms")


@st.fragment(run_every=1)
def every_int():
    st.session_state["int"] += 1
    st.markdown(f"int timer ran {st.session_state['int']}")


def every_str_body():
    st.session_state["str"] += 1
    st.markdown(f"string timer ran {st.session_state['str']}")


every_str = st.fragment(every_str_body, run_every="1s")


@st.fragment(run_every=datetime.timedelta(milliseconds=1000))
def every_td():
    st.session_state["td"] += 1
    st.markdown(f"timedelta timer ran {st.session_state['td']}")


@st.fragment(run_every=0)
def no_timer_zero():
    st.session_state["zero"] += 1
    st.markdown(f"zero timer ran {st.session_state['zero']}")
    return "zero-ret"


@st.fragment(run_every="")
def no_timer_empty():
    st.session_state["empty"] += 1
    st.markdown(f"empty-string timer ran {st.session_state['empty']}")


@st.fragment()
def no_timer_none():
    st.session_state["none"] += 1
    st.markdown(f"no-arg timer ran {st.session_state['none']}")


every_int()
every_str()
every_td()
ret = no_timer_zero()
no_timer_empty()
no_timer_none()
st.text(f"return value: {ret}")
