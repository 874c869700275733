import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.title("Plain script: inputs and an uncaught exception")
name = st.text_input("Your name", value="Ada")
age = st.number_input("Your age", value=30, step=1)
agree = st.checkbox("I agree")
explode = st.checkbox("Explode")
st.markdown(f"run {st.session_state.runs}: name={name} age={age} agree={agree}")
st.info("info box before the failure point")
if explode:
    st.warning("about to divide by zero")
    1 / 0
st.success("reached the end")
st.button("Rerun")
