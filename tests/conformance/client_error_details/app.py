import streamlit as st

mode = st.radio("Details", ["full", "stacktrace", "type", "none"])
st.set_option("client.showErrorDetails", mode)
st.write(f"mode: {st.get_option('client.showErrorDetails')}")
try:
    raise KeyError("caught")
except KeyError as e:
    st.exception(e)  # shown on purpose: never redacted
raise ValueError("secret value 42")
