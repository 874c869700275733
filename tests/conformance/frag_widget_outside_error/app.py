import streamlit as st

st.header("Widgets into outside containers")
outside = st.container()
st.markdown("after outside container")


@st.fragment
def caught():
    outside.markdown("non-widget text written outside is fine")
    try:
        outside.button("Outside button")
    except Exception as e:
        st.text(f"caught {type(e).__name__}: {e}")
    st.button("Rerun caught")


@st.fragment
def uncaught():
    st.markdown("uncaught fragment start")
    outside.checkbox("Outside checkbox")
    st.markdown("uncaught fragment end")


caught()
if st.checkbox("Run the uncaught variant"):
    uncaught()
st.markdown("main end")
