import streamlit as st

st.write(f"at start: {st.query_params.to_dict()}")
if st.button("Set color"):
    st.query_params["color"] = "blue"
if st.button("Add tags"):
    st.query_params["tag"] = ["a", "b"]
if st.button("Drop color"):
    del st.query_params["color"]
if st.button("Clear"):
    st.query_params.clear()
st.button("Rerun")
st.write(f"now: {st.query_params.to_dict()} tags: {st.query_params.get_all('tag')}")
st.write(f"has color: {'color' in st.query_params}")
