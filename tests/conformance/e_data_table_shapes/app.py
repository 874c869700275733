import datetime, decimal
import streamlit as st
st.table([[1, "a"], [2, "b"]])
st.table({"when": [datetime.datetime(2024, 1, 2, 3, 4, 5)], "t": [datetime.time(1, 2, 3)]})
st.table({"l": [[1, 2], [3]], "d": [decimal.Decimal("1.5"), None]})
st.table({"i": [1, None], "s": [None, "z"], "b": [True, None]})
st.table(None)
st.table({})
st.table((5, 6))
st.table({"x": {"r1": 1, "r2": 2}})
st.table({"a": []})
