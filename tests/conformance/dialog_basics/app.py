import streamlit as st

st.session_state.setdefault("full_runs", 0)
st.session_state.full_runs += 1


@st.dialog("Cast your vote")
def vote(item):
    st.session_state.dialog_runs = st.session_state.get("dialog_runs", 0) + 1
    st.write(f"Voting for {item}, dialog run {st.session_state.dialog_runs}")
    reason = st.text_input("Because...")
    if st.checkbox("Tick"):
        st.write("ticked inside")
    if st.button("Submit vote"):
        st.session_state.vote = f"{item}: {reason}"
        st.rerun()


@st.dialog("Nested outer")
def outer():
    inner()


@st.dialog("Nested inner")
def inner():
    st.write("inner")


if st.button("Vote A"):
    vote("A")
if st.button("Two dialogs"):
    vote("B")
    vote("C")
if st.button("Nest"):
    outer()
st.write(f"full runs {st.session_state.full_runs}, vote {st.session_state.get('vote')}")
