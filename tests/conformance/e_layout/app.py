import streamlit as st

st.set_page_config(page_title="Layout case", page_icon="🦜", layout="wide")
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.title("Main Title")
st.header("Section Two!", anchor="custom-anchor")
st.subheader("No anchor here", anchor=False)

a, b = st.columns([2, 1], gap="large", vertical_alignment="center", border=True)
a.markdown("col a")
with b:
    x, y = st.columns(2, gap=None)
    x.markdown("inner x")
    y.markdown("inner y")

t1, t2, t3 = st.tabs(["Tab A", "Tab B", "Tab C"], default="Tab B")
t1.markdown("in tab a")
t2.markdown("in tab b")
t3.markdown("in tab c")

with st.expander("Open section", icon="🔥", expanded=True):
    st.markdown("inside open expander")
with st.expander("Closed section"):
    st.markdown("inside closed expander")

with st.container(border=True, height=150, key="boxed"):
    st.markdown("in fixed box")
with st.container(horizontal=True, horizontal_alignment="right", gap="medium"):
    st.button("Row one")
    st.button("Row two")
st.container()  # empty: not drawn

with st.popover("Open pop", icon="🎈", help="pop help"):
    st.markdown("pop body text")

for name in ("user", "assistant", "ai", "human"):
    with st.chat_message(name):
        st.markdown(f"message from {name}")
with st.chat_message("Dino", avatar="🦖"):
    st.markdown("dino says hi")

with st.sidebar:
    st.markdown("side text")
    s1, s2 = st.columns(2)
    with s1:
        p, q = st.columns(2)
        p.markdown("deep in sidebar")

try:
    st.columns([1, 0])
except Exception as e:
    st.markdown(f"columns error: {e}")
try:
    st.tabs(["A"], default="B")
except Exception as e:
    st.markdown(f"tabs error: {e}")
st.markdown(f"runs: {st.session_state.runs}")
