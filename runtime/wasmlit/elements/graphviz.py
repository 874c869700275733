"""st.graphviz_chart: a graph in Graphviz's DOT language, laid out and drawn on the page.

Streamlit 1.50 takes a DOT string or a `graphviz` Graph, Digraph or Source (their `.source`
and `.engine`), so a DOT string needs no Python package at all. The page lays the graph out
with Graphviz compiled to WebAssembly (dist/graphviz.js, loaded the first time a page
draws a graph) and shows the SVG it makes.
"""
from __future__ import annotations

import logging
from typing import Any

from ..errors import StreamlitAPIException
from ..props import validate_height, validate_width, width_prop
from ..registry import command
from .status import element_writer

_LOGGER = logging.getLogger("streamlit.deprecation_util")

_CONTAINER_WIDTH_WARNING = (
    "Please replace `use_container_width` with `width`.\n\n"
    "`use_container_width` will be removed after 2025-12-31.\n\n"
    "For `use_container_width=True`, use `width='stretch'`. "
    "For `use_container_width=False`, use `width='content'`.")

# The classes Streamlit's type_util.is_graphviz_chart accepts, by their exact names.
_GRAPHVIZ_TYPES = frozenset({
    "graphviz.dot.Graph", "graphviz.dot.Digraph",            # graphviz < 0.18
    "graphviz.graphs.Graph", "graphviz.graphs.Digraph",      # graphviz >= 0.18
    "graphviz.sources.Source",
})


def _is_graphviz_chart(value: Any) -> bool:
    cls = type(value)
    return f"{cls.__module__}.{cls.__name__}" in _GRAPHVIZ_TYPES


def _dot_and_engine(figure_or_dot: Any) -> tuple[str, str]:
    """The DOT text and the layout engine ("dot" unless a graphviz object names another)."""
    if _is_graphviz_chart(figure_or_dot):
        return figure_or_dot.source, figure_or_dot.engine
    if isinstance(figure_or_dot, str):
        return figure_or_dot, "dot"
    raise StreamlitAPIException(f"Unhandled type for graphviz chart: {type(figure_or_dot)}")


@command
def graphviz_chart(dg, figure_or_dot: Any, use_container_width: bool | None = None, *,
                   width: Any = "content", height: Any = "content"):
    if use_container_width is not None:
        _LOGGER.warning(_CONTAINER_WIDTH_WARNING)  # Streamlit does not show it in the page
        width = "stretch" if use_container_width else "content"
    spec, engine = _dot_and_engine(figure_or_dot)
    validate_width(width, allow_content=True)
    validate_height(height, allow_content=True)
    return element_writer(dg, "graphviz_chart", {"spec": spec, "engine": str(engine),
                                                 "width": width_prop(width),
                                                 "height": width_prop(height)})
