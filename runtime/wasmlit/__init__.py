"""wasmlit: Streamlit's API, running in the browser on Pyodide."""
__version__ = "0.1.0"
