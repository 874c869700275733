import streamlit as st

st.title("First element of main")
st.markdown("second element of main")


def cb():
    st.rerun()


@st.fragment
def frag():
    st.button("Fragment button with rerun callback", on_click=cb)
    st.markdown("fragment text")


frag()
st.markdown("main end")
st.button("Full rerun")
