import streamlit as st

st.markdown("top")
if st.checkbox("Fail"):
    raise ValueError("boom")
if st.checkbox("Stop"):
    st.stop()
name = st.text_input("Name")
st.markdown(f"name: {name}")


@st.fragment
def frag():
    def boom():
        raise ValueError("fragment callback failed")

    st.button("FragGo", on_click=boom)
    st.markdown("frag body")


frag()
