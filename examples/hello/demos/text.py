import streamlit as st

st.title(":material/text_fields: Text")
st.header("A header", divider="blue")
st.subheader("A subheader")
st.markdown(
    "Markdown with **bold**, *italics*, `code`, [links](https://docs.streamlit.io), "
    ":red[colours], :blue-background[highlights], emoji 🎈 and Material icons "
    ":material/favorite: :material/rocket_launch:."
)
st.caption("A caption: the small print under a chart or a table.")
st.badge("New", icon=":material/star:", color="green")
st.code('def hello(name):\n    return f"Hello, {name}!"', language="python")
st.latex(r"e^{i\pi} + 1 = 0")
st.text("st.text: fixed-width, no Markdown.")
st.divider()
st.write("`st.write` takes anything:", {"numbers": [1, 2, 3], "ok": True})
