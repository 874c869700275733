import streamlit as st

one = st.file_uploader("Upload a CSV", type=["csv", "TXT"], help="Only text files")
st.write(f"one: {one!r}")
many = st.file_uploader("Upload images", type="jpg", accept_multiple_files=True)
st.write(f"many: {many!r}")
folder = st.file_uploader("Upload a folder", accept_multiple_files="directory")
st.write(f"folder: {folder!r}")
st.file_uploader("Locked", disabled=True, label_visibility="collapsed")
photo = st.camera_input("Say cheese")
st.write(f"photo: {photo!r}")
st.camera_input("No camera", disabled=True)
