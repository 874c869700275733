import streamlit as st

name = st.text_input("Name", placeholder="Your name")
secret = st.text_input("Password", type="password")
short = st.text_input("Short", max_chars=5, help="Five at most")
st.write(f"name: {name!r}, password: {secret!r}, short: {short!r}")
