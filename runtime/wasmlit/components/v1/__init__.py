"""`streamlit.components.v1`: `html`, `iframe` and `declare_component`, as in 1.50."""
from __future__ import annotations

from .component_registry import declare_component
from .iframes import html, iframe

__all__ = ["declare_component", "html", "iframe"]
