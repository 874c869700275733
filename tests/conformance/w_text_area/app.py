import streamlit as st

notes = st.text_area("Notes", placeholder="Write here", max_chars=100)
st.write(f"notes: {notes!r}")
st.button("Save")
