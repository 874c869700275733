import streamlit as st

align = st.segmented_control("Align", ["Left", "Center", "Right"], default="Left")
st.write(f"align: {align!r}")
style = st.segmented_control("Style", ["Bold", "Italic"], selection_mode="multi", key="style")
st.write(f"style: {style!r} / state: {st.session_state.style!r}")
