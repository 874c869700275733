import datetime as dt

import streamlit as st


def clear_meeting():
    st.session_state.meeting = None


st.button("Clear meeting", on_click=clear_meeting)
alarm = st.time_input("Alarm", dt.time(8, 45))
st.write(f"alarm: {alarm!r}")
nap = st.time_input("Nap", None, step=1800)
st.write(f"nap: {nap!r}")
secs = st.time_input("Seconds", dt.time(6, 5, 30), help="Seconds are not shown")
st.write(f"seconds: {secs!r}")
meeting = st.time_input("Meeting", dt.datetime(2024, 5, 1, 14, 10), key="meeting",
                        step=dt.timedelta(hours=1))
st.write(f"meeting: {meeting!r}")
st.time_input("Locked", dt.time(12, 0), disabled=True)
