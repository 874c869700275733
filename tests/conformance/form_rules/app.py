import streamlit as st

st.session_state.setdefault("calls", 0)


def on_submit(tag):
    st.session_state.calls += 1
    st.session_state.tag = tag


with st.form("signup", clear_on_submit=True):
    name = st.text_input("Name")
    agree = st.checkbox("Agree")
    sent = st.form_submit_button("Send", on_click=on_submit, args=("cb",))
st.write(f"name={name!r} agree={agree} sent={sent} calls={st.session_state.calls} "
         f"tag={st.session_state.get('tag')}")
st.button("Other")
with st.form("bare"):
    st.text_input("Orphan")
if st.checkbox("Callback in form"):
    with st.form("bad"):
        st.text_input("Watched", on_change=print)
        st.form_submit_button("Go")
