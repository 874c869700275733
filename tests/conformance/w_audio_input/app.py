import streamlit as st

first = st.audio_input("Record a voice message", help="Speak clearly", key="voice")
st.write(f"first: {first!r}")
st.audio_input("Locked recorder", disabled=True)
st.audio_input("Hidden label", label_visibility="hidden", sample_rate=None)
st.audio_input("Collapsed label", label_visibility="collapsed", sample_rate=48000, width=300)
st.write(f"state: {st.session_state.get('voice')!r}")
for rate in (12345, 0):
    try:
        st.audio_input(f"Rate {rate}", sample_rate=rate)
    except Exception as e:
        st.write(f"{type(e).__name__}: {e}")
try:
    st.audio_input("Too wide", width="content")
except Exception as e:
    st.write(f"{type(e).__name__}: {e}")
