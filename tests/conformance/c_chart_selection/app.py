import streamlit as st

spec = {
    "mark": {"type": "bar"},
    "params": [{"name": "pick", "select": {"type": "point", "fields": ["k"]}},
               {"name": "span", "select": {"type": "interval", "encodings": ["x"]}}],
    "encoding": {"x": {"field": "k", "type": "nominal"},
                 "y": {"field": "v", "type": "quantitative"}},
}
data = {"k": ["A", "B", "C"], "v": [3, 5, 2]}
event = st.vega_lite_chart(data, spec, on_select="rerun", key="chart")
st.write(f"state: {event!r}")
st.write(f"pick: {event.selection.pick!r} span: {event['selection']['span']!r}")
st.write(f"in session: {st.session_state.chart!r}")
only = st.vega_lite_chart(data, spec, on_select="rerun", selection_mode="span", key="only")
st.write(f"only: {only!r}")
one = dict(spec, params=spec["params"][:1])  # one parameter: the error's set prints alike
for bad in ("nope", ["pick", "zz"]):
    try:
        st.vega_lite_chart(data, one, on_select="rerun", selection_mode=bad)
    except Exception as e:
        st.write(f"error: {e}")
try:
    st.vega_lite_chart(data, spec, on_select="sometimes")
except Exception as e:
    st.write(f"error: {e}")
try:
    st.vega_lite_chart(data, {"mark": "bar", "encoding": {}}, on_select="rerun")
except Exception as e:
    st.write(f"error: {e}")
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.button("Rerun")
st.write(f"runs: {st.session_state.runs}")
