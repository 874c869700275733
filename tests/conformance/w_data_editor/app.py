import streamlit as st

st.write("Fixed table")
fixed = st.data_editor({"name": ["ada", "bob"], "age": [36, 41], "score": [1.5, 2.25],
                        "member": [True, False]}, key="fixed")
st.write(f"fixed: {fixed!r}")
st.write(f"fixed state: {st.session_state.fixed!r}")

st.write("Dynamic table")
rows = st.data_editor([{"city": "Oslo", "pop": 700}, {"city": "Rome", "pop": 2800}],
                      num_rows="dynamic", key="dyn",
                      column_config={"city": "City", "pop": {"label": "Population", "disabled": True}})
st.write(f"dyn: {rows!r}")
st.write(f"dyn state: {st.session_state.dyn!r}")

values = st.data_editor([3, 4, 5], disabled=True, key="values")
st.write(f"values: {values!r}")
pairs = st.data_editor({"r1": 10, "r2": 20}, key="pairs")
st.write(f"pairs: {pairs!r}")
ordered = st.data_editor({"k": ["p", "q"], "v": [10, 20], "w": [0, 1]}, hide_index=True,
                         column_order=["v", "k"], disabled=["k"], key="ordered")
st.write(f"ordered: {ordered!r}")
