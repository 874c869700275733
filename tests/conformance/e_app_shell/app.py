import streamlit as st

wide = st.toggle("Wide")
st.set_page_config(layout="wide" if wide else "centered")
st.write("shell")
