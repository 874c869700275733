import streamlit as st

thumbs = st.feedback("thumbs")
st.write(f"thumbs: {thumbs!r}")
stars = st.feedback("stars", key="stars")
st.write(f"stars: {stars!r} / state: {st.session_state.stars!r}")
faces = st.feedback("faces")
st.write(f"faces: {faces!r}")
