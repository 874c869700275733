import datetime

import streamlit as st

more = st.checkbox("More rows")
rows = [{"name": "Ann", "age": 3.5, "member": True}, {"name": "Bob", "age": None, "member": False}]
if more:
    rows.append({"name": "Cy", "age": 12.25, "member": True})

st.table(rows)
st.table({"a": [1, 2], "b": ["x", "**bold**"]})
st.table([10, 20, 30])
st.table({"k1": 1.5, "k2": -2})
st.table({"when": [datetime.date(2024, 1, 31)], "n": [7]})

st.metric("Temperature", "70 °F", "1.2 °F")
st.metric("Wind", 9, -8 if more else 8)
st.metric("Humidity", "86%", "4%", delta_color="inverse", help="Relative humidity")
st.metric("Pressure", 1013.5, "-2", delta_color="inverse", border=True)
st.metric("Off", 5, 3, delta_color="off", label_visibility="collapsed")
st.metric("Hidden", 6, label_visibility="hidden")
st.metric("Nothing", None)
st.metric("Empty delta", 1, "")

st.dataframe({"n": list(range(3)), "name": ["a", "b", "c"]})
st.dataframe(rows, hide_index=True, column_config={"age": st.column_config.NumberColumn("Age", format="%.1f")})
st.dataframe([{"x": 1}], column_order=["x"])
st.markdown(f"rows: {len(rows)}")
