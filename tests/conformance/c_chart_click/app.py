import streamlit as st

spec = {
    "mark": {"type": "bar"},
    "params": [{"name": "pick", "select": {"type": "point", "fields": ["k"]}}],
    "encoding": {"x": {"field": "k", "type": "nominal"},
                 "y": {"field": "v", "type": "quantitative"}},
}
data = {"k": ["A", "B", "C"], "v": [5, 5, 5]}


@st.fragment
def chart():
    event = st.vega_lite_chart(data, spec, on_select="rerun", key="chart")
    st.write(f"picked: {event.selection.pick!r}")
    st.session_state.fragment_runs = st.session_state.get("fragment_runs", 0) + 1


st.session_state.full_runs = st.session_state.get("full_runs", 0) + 1
chart()
st.write(f"full runs {st.session_state.full_runs}, fragment runs {st.session_state.fragment_runs}")
