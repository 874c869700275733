import datetime
import random

import streamlit as st

st.title(":material/bolt: Fragments & session state")

st.subheader("Session state")
st.session_state.setdefault("count", 0)
if st.button("Count (reruns the page)", icon=":material/add:"):
    st.session_state.count += 1
st.metric("Clicks", st.session_state.count)


@st.fragment(run_every=1)
def clock():
    """Reruns by itself every second: only this fragment, not the page."""
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.metric("Clock", datetime.datetime.now().strftime("%H:%M:%S"))
    st.caption(f"Fragment ticks: {st.session_state.ticks}")


@st.fragment
def dice():
    """A button inside a fragment reruns the fragment alone."""
    st.session_state.setdefault("rolls", [])
    if st.button("Roll a die", icon=":material/casino:"):
        st.session_state.rolls.append(random.randint(1, 6))
    st.write(f"Rolls: {st.session_state.rolls or 'none yet'}")


st.subheader("A live fragment")
clock()
st.subheader("A fragment with a button")
dice()
