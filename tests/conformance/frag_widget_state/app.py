import streamlit as st

st.session_state.setdefault("frag_runs", 0)
st.header("Widget state across fragment reruns")
outside_name = st.text_input("Outside name", value="out0")


@st.fragment
def form_like():
    st.session_state.frag_runs += 1
    name = st.text_input("Fragment name", value="init")
    qty = st.number_input("Fragment qty", value=1, step=1)
    flag = st.checkbox("Fragment flag")
    show_extra = st.checkbox("Show extra input", value=True)
    extra = st.text_input("Extra input", value="extra0") if show_extra else "(extra hidden)"
    st.button("Rerun fragment")
    st.markdown(f"fragment run {st.session_state.frag_runs}: name={name} qty={qty} flag={flag} extra={extra}")


form_like()
st.markdown(f"top-level: outside={outside_name}")
st.button("Full rerun")
