"""`st.version`: the Streamlit release whose API wasmlit implements.

`st.__version__` reports it too, since libraries written for Streamlit gate features on it.
wasmlit's own release is `wasmlit.WASMLIT_VERSION`.
"""
from __future__ import annotations

from typing import Final

STREAMLIT_VERSION_STRING: Final[str] = "1.50.0"
