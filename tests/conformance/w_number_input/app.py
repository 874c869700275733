import streamlit as st

count = st.number_input("Count", min_value=0, max_value=10, value=5)
price = st.number_input("Price", value=1.5, step=0.25, format="%0.2f")
maybe = st.number_input("Optional", value=None, placeholder="none yet")
st.write(f"count: {count!r}, price: {price!r}, optional: {maybe!r}")
