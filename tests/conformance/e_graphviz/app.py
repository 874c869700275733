import streamlit as st

st.graphviz_chart("""digraph {
    run -> intr
    intr -> runbl
    runbl -> run
    run -> kernel
}""")
st.graphviz_chart("graph { left -- right }", width="stretch")
st.graphviz_chart('digraph { a [label="<b>not html</b>"] }', use_container_width=False)
try:
    st.graphviz_chart(123)
except Exception as e:
    st.write(f"{type(e).__name__}: {e}")
try:
    st.graphviz_chart("digraph { a }", height="tall")
except Exception as e:
    st.write(f"{type(e).__name__}: {e}")
st.write("before the uncaught error")
st.graphviz_chart(["not", "dot"])
st.write("never shown")
