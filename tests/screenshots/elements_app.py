"""A page of everyday elements, for the screenshot comparison with Streamlit 1.50."""
import streamlit as st

st.title("Design check")
st.markdown("Plain text with **bold**, *italics* and `code`.")
c1, c2, c3 = st.columns(3)
c1.metric("Revenue", "$1,200", "+12%")
c2.metric("Users", "340", "-3")
c3.metric("Churn", "2.1%", "0.0%", delta_color="off")
st.success("Everything is fine")
st.warning("Careful now")
name = st.text_input("Your name", value="Ada")
st.slider("Volume", 0, 100, 30)
st.selectbox("Flavour", ["Vanilla", "Chocolate"])
st.checkbox("Subscribe", value=True)
st.button("Save")
st.table({"city": ["Oslo", "Lima"], "temp": [3, 19]})
st.code("print('hello')", language="python")
with st.expander("More"):
    st.write("hidden")
