"""Testing wasmlit apps.

`wasmlit.testing.AppTest` runs an app under plain CPython (no browser) with the API of
Streamlit 1.50's `streamlit.testing.v1.AppTest`; see `app_test.py` for the differences.
`wasmlit.testing.pytest_plugin` (a pytest11 plugin) serves a built site to Playwright.
"""
from .app_test import AppTest

__all__ = ["AppTest"]
