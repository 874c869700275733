import time

import streamlit as st

st.title(":material/notifications: Status")

st.success("Success!", icon=":material/check_circle:")
st.info("Information.", icon=":material/info:")
st.warning("A warning.", icon=":material/warning:")
st.error("An error message (not an exception).", icon=":material/error:")

st.subheader("Progress")
if st.button("Run a task", icon=":material/play_arrow:"):
    with st.spinner("Warming up..."):
        time.sleep(0.3)
    bar = st.progress(0, text="Working...")
    for percent in range(0, 101, 20):
        time.sleep(0.05)
        bar.progress(percent, text=f"Working... {percent}%")
    with st.status("Fetching data...", expanded=True) as status:
        st.write("Looking for the data.")
        time.sleep(0.2)
        st.write("Found it.")
        status.update(label="Task complete", state="complete", expanded=False)

st.subheader("Celebrations")
left, middle, right = st.columns(3)
if left.button("Toast", icon=":material/breakfast_dining:"):
    st.toast("Hello from a toast!", icon="🍞")
if middle.button("Balloons", icon=":material/celebration:"):
    st.balloons()
if right.button("Snow", icon=":material/ac_unit:"):
    st.snow()
