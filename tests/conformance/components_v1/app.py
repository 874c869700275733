import streamlit as st
import streamlit.components.v1 as components

components.html("<h1>Hello, Streamlit!</h1>", width=200, height=500, scrolling=False)
components.html("<p>Default size</p>")
components.iframe("data:text/html,<p>framed</p>", height=120, scrolling=True, tab_index=-1)
with st.sidebar:
    components.html("<p>In the sidebar</p>", height=80)

unreachable = components.declare_component("unreachable", url="http://127.0.0.1:9/")
value = unreachable(key="comp1", default="fallback", label="x")
st.markdown(f"value: {value}")
st.markdown(f"same api: {st.components.v1.html is components.html}")
