import streamlit as st


def pick_blue():
    st.session_state.color = "blue"


color = st.select_slider("Color", ["red", "orange", "yellow", "green", "blue"], value="yellow",
                         key="color")
st.write(f"color: {color!r}")
size = st.select_slider("Size", options=[1, 2, 3, 4, 5, 6], value=(2, 4),
                        format_func=lambda n: f"{n} cm")
st.write(f"size: {size!r}")
first = st.select_slider("First", options=["low", "mid", "high"])
st.write(f"first: {first!r}")
mood = st.select_slider("Mood", options={"sad": 0, "ok": 1, "happy": 2}, value=["ok", "sad"])
st.write(f"mood: {mood!r}")
st.button("Blue", on_click=pick_blue)
