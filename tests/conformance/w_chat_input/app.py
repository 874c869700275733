import streamlit as st

st.session_state.setdefault("history", [])
message = st.chat_input("Say something", max_chars=50)
if message:
    st.session_state.history.append(message)
st.write(f"got: {message!r}")
for line in st.session_state.history:
    st.write("said: " + line)
with st.container():
    inline = st.chat_input("Inline box", key="inline")
st.write(f"inline: {inline!r}")
st.button("Rerun")
