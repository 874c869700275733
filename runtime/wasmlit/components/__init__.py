"""`streamlit.components`: embedded HTML, iframes and custom components (`v1`).

1.50's `import streamlit` imports `streamlit.components.v1`, so `st.components.v1.html`
works without an import of its own; `wasmlit/__init__` does the same.
"""
