import streamlit as st

dark = st.toggle("Dark mode")
terms = st.checkbox("Accept terms", value=True)
keyed = st.toggle("Keyed toggle", key="k", help="A toggle with a key")
st.write(f"toggle: {dark}, checkbox: {terms}, keyed: {keyed}, state: {st.session_state.k}")
