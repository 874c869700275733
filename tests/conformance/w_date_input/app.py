import datetime as dt

import streamlit as st


def set_dates():
    st.session_state.due = dt.date(2025, 6, 30)


st.button("Set dates", on_click=set_dates)
birthday = st.date_input("Birthday", dt.date(2024, 1, 5), min_value=dt.date(2024, 1, 1),
                         max_value=dt.date(2024, 12, 31), format="DD.MM.YYYY")
st.write(f"birthday: {birthday!r}")
trip = st.date_input("Trip", (dt.date(2024, 1, 5), dt.date(2024, 1, 9)))
st.write(f"trip: {trip!r}")
due = st.date_input("Due", None, key="due", format="MM-DD-YYYY")
st.write(f"due: {due!r}")
frozen = st.date_input("Frozen", dt.date(2023, 7, 1), disabled=True)
st.write(f"frozen: {frozen!r}")
