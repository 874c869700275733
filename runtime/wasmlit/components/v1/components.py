"""`streamlit.components.v1.components`: the names published components import from it
(1.50 keeps this module for them)."""
from __future__ import annotations

from .component_registry import declare_component
from .custom_component import CustomComponent, MarshallComponentException

__all__ = ["CustomComponent", "MarshallComponentException", "declare_component"]
