import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.link_button("Streamlit docs", "https://docs.streamlit.io", help="Opens the docs")
st.link_button("Primary link", "https://example.com/a", type="primary", icon="🔗")
st.link_button("Off", "https://example.com/b", disabled=True)
st.write(f"runs: {st.session_state.runs}")
st.button("Rerun")
