import streamlit as st

data = {"a": [1, 3, 2, 4], "b": [2, 1, 4, 3], "k": ["w", "x", "y", "z"]}
st.line_chart(data, y=["a", "b"])
st.bar_chart(data, x="k", y="a")
st.bar_chart(data, y=["a", "b"], stack=False)
st.bar_chart(data, x="k", y="b", horizontal=True)
st.area_chart(data, y=["a", "b"], stack="normalize")
st.scatter_chart(data, x="a", y="b", size=60)
st.vega_lite_chart(data, {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
st.map({"lat": [52.5, 48.8], "lon": [13.4, 2.35]})
st.write("charts drawn")
