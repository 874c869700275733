import streamlit as st


@st.cache_resource
def counters():
    return {"square": 0, "labels": 0}


@st.cache_data
def square(x):
    counters()["square"] += 1
    st.write(f"computed square({x})")
    return [x * x]


@st.cache_data(show_spinner=False, max_entries=2)
def label(n, _ignored=None):
    counters()["labels"] += 1
    return f"label {n}"


class Thing:
    pass


@st.cache_data
def describe(obj):
    return "never"


if "x" not in st.session_state:
    st.session_state.x = 1

first = square(st.session_state.x)
first.append("mutated")
again = square(st.session_state.x)
st.write(f"square: {again}")
st.write(f"square executions: {counters()['square']}")
for n in (1, 2, 1, 3, 1):
    label(n, _ignored=object())
st.write(f"label executions: {counters()['labels']}")
st.write(f"same resource: {counters() is counters()}")
try:
    describe(Thing())
except Exception as e:
    st.write(f"{type(e).__name__}: {str(e).splitlines()[0]}")

if st.button("Rerun"):
    pass
if st.button("Next x"):
    st.session_state.x += 1
    st.rerun()
if st.button("Clear square"):
    square.clear()
if st.button("Clear all data"):
    st.cache_data.clear()
