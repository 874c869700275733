"""`streamlit.testing.v1` under wasmlit's alias: the same AppTest as `wasmlit.testing`."""
from ..app_test import AppTest

__all__ = ["AppTest"]
