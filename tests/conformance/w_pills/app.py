import streamlit as st

directions = st.pills("Directions", ["North", "East", "South"], selection_mode="multi", default=["North"])
st.write(f"directions: {directions!r}")
mood = st.pills("Mood", ["Happy", "Calm"], key="mood")
st.write(f"mood: {mood!r} / state: {st.session_state.mood!r}")
