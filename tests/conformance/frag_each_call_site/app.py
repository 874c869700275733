import streamlit as st

st.session_state.setdefault("log", [])
st.header("Each call site is its own fragment")


@st.fragment
def card(name, n):
    key = f"runs_{name}"
    st.session_state[key] = st.session_state.get(key, 0) + 1
    st.session_state.log.append(name)
    st.markdown(f"card {name} (arg n={n}) ran {st.session_state[key]} times")
    st.button(f"Rerun {name}")
    return f"{name}-returned"


r1 = card("first", 1)
r2 = card("second", 2)
for i in range(2):
    card(f"loop{i}", 10 + i)
col_a, col_b = st.columns(2)
with col_b:
    card("in column", 99)
st.text(f"returns: {r1}, {r2}")
st.text(f"full-run log: {', '.join(st.session_state.log)}")
st.button("Full rerun")
