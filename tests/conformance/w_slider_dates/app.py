import datetime as dt

import streamlit as st

day = st.slider("Day", value=dt.date(2024, 1, 5))
st.write(f"day: {day!r}")
trip = st.slider("Trip", dt.date(2024, 3, 1), dt.date(2024, 3, 31),
                 (dt.date(2024, 3, 10), dt.date(2024, 3, 12)), format="MMM D")
st.write(f"trip: {trip!r}")
alarm = st.slider("Alarm", value=dt.time(8, 45))
st.write(f"alarm: {alarm!r}")
shift = st.slider("Shift", value=(dt.time(9, 0), dt.time(17, 30)), step=dt.timedelta(minutes=30),
                  format="h:mm a")
st.write(f"shift: {shift!r}")
start = st.slider("Start", value=dt.datetime(2020, 1, 1, 9, 30), format="MM/DD/YY - hh:mm")
st.write(f"start: {start!r}")
meeting = st.slider("Meeting", dt.datetime(2024, 5, 1, 9, 0), dt.datetime(2024, 5, 1, 18, 0),
                    dt.datetime(2024, 5, 1, 12, 0), format="ddd HH:mm")
st.write(f"meeting: {meeting!r}")
