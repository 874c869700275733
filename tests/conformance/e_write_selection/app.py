import streamlit as st

df = {"a": [1, 2, 3], "b": ["x", "y", "z"]}  # no pandas: the browser tests run offline
event = st.dataframe(df, on_select="rerun", key="table")
st.write(event)
st.write(event.selection)
st.write("rows:", event.selection.rows)
spec = {"mark": {"type": "bar"},
        "params": [{"name": "pick", "select": {"type": "point", "fields": ["k"]}}],
        "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}
chart = st.vega_lite_chart({"k": ["A", "B"], "v": [3, 5]}, spec, on_select="rerun", key="chart")
st.write(chart)
st.json(event, expanded=False)
