import sys

import streamlit as st

st.title("Welcome to wasmlit! 👋")
st.markdown(
    "**wasmlit** runs Streamlit apps entirely in the browser: your script runs in "
    "[Pyodide](https://pyodide.org) (Python compiled to WebAssembly) inside a Web Worker, "
    "so an app is a folder of static files that any web host can serve."
)
st.markdown("**👈 Pick a page in the sidebar** to see what wasmlit can draw.")

left, middle, right = st.columns(3)
left.markdown(":material/devices: **No server**  \nThe page runs the script itself.")
middle.markdown(":material/bolt: **Streamlit's API**  \n`import streamlit as st` works as is.")
right.markdown(":material/cloud_upload: **Static hosting**  \nGitHub Pages, S3, any folder.")

st.subheader("Make your own")
st.code("pip install wasmlit\nwasmlit hello                    # this gallery\n"
        "wasmlit run app.py               # your app, rerun on every save\n"
        "wasmlit build app.py -o site     # a static site to upload", language="bash")
st.caption(f"This page ran on Python {sys.version.split()[0]} ({sys.platform}).")
