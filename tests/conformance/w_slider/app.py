import streamlit as st

def changed():
    st.session_state.seen = f"callback saw {st.session_state.age!r}"


def set_range():
    st.session_state.rng = [0.3, 0.6]


age = st.slider("Age", 0, 130, 25, key="age", on_change=changed)
st.write(f"age: {age!r}")
rng = st.slider("Share", 0.0, 1.0, (0.2, 0.5), key="rng")
st.write(f"share: {rng!r} state: {st.session_state.rng!r}")
pct = st.slider("Percent", 0, 100, 40, step=5, format="%d%%", help="Pick a percentage")
st.write(f"percent: {pct!r}")
temp = st.slider("Temp", -10.0, 10.0, 1.5, step=0.5, format="%+.1f C")
st.write(f"temp: {temp!r}")
plain = st.slider("Plain")
st.write(f"plain: {plain!r}")
off = st.slider("Locked", 0, 10, 7, disabled=True)
st.write(f"locked: {off!r}")
st.button("Set range", on_click=set_range)
st.button("Rerun")
st.write(st.session_state.get("seen", "no callback yet"))
