"""The benchmark app of benchmarks/compare.py: `app_source(n, tick)` is a Streamlit script.

The app has `n` elements in all: markdown lines plus a few widgets, a full-rerun button
"Rerun" with the text "full: K", an `@st.fragment` with a button "Fragment" and the text
"fragment: K", and a `run_every=tick` fragment writing "tick: K" while the checkbox "Tick"
is on (off at first, so ticks do not disturb the click measurements).
"""
from __future__ import annotations

FIXED = 10  # elements besides the markdown lines (widgets, buttons, texts)

TEMPLATE = '''
import streamlit as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("frag", 0)
st.session_state.setdefault("ticks", 0)

if st.button("Rerun"):
    st.session_state.full += 1
st.text(f"full: {{st.session_state.full}}")
ticking = st.checkbox("Tick")
st.slider("Slider", 0, 100, 50)
st.text_input("Text", "hello")
st.selectbox("Select", ["a", "b", "c"])
st.number_input("Number", value=1)


@st.fragment
def counter():
    if st.button("Fragment"):
        st.session_state.frag += 1
    st.text(f"fragment: {{st.session_state.frag}}")


counter()


@st.fragment(run_every={tick!r} if ticking else None)
def ticker():
    st.session_state.ticks += 1
    st.text(f"tick: {{st.session_state.ticks}}")


ticker()

for i in range({lines}):
    st.markdown(f"Line **{{i}}** of the benchmark, with *some* `markdown`.")
'''


def app_source(n: int, tick: float) -> str:
    """A script with about `n` elements (at least FIXED) and a `tick`-second run_every fragment."""
    return TEMPLATE.format(lines=max(0, n - FIXED), tick=tick)
