"""`components.html` and `components.iframe`: a page (inline HTML, or a URL) in an iframe.

1.50 writes them with the main writer's `_html` / `_iframe`, which write where the app
writes now (inside `with st.sidebar:` too): here the run's active writer. The page draws
one `iframe` element, Streamlit's `stIFrame`, `height` pixels high (150 by default) and
`width` pixels wide (the container's width by default).
"""
from __future__ import annotations

from typing import Any

from ...current import current_session
from ...errors import StreamlitAPIException

DEFAULT_HEIGHT = 150


def check_tab_index(tab_index: Any) -> None:
    """1.50's rule for `tab_index` (html, iframe and custom components)."""
    if tab_index is not None and not (isinstance(tab_index, int) and not isinstance(tab_index, bool)
                                      and tab_index >= -1):
        raise StreamlitAPIException("tab_index must be None, -1, or a non-negative integer.")


def _place(source: dict[str, Any], width: Any, height: Any, scrolling: bool, tab_index: Any):
    check_tab_index(tab_index)
    dg = current_session().require_run().active_dg()
    return dg.place_element("iframe", dict(
        source, width=width, height=height if height is not None else DEFAULT_HEIGHT,
        scrolling=bool(scrolling), tab_index=tab_index))


def html(html: str, width: int | None = None, height: int | None = None, scrolling: bool = False,
         *, tab_index: int | None = None):
    """Display an HTML string in an iframe (its `srcdoc`): scripts in it run, in the frame."""
    return _place({"srcdoc": str(html)}, width, height, scrolling, tab_index)


def iframe(src: str, width: int | None = None, height: int | None = None, scrolling: bool = False,
           *, tab_index: int | None = None):
    """Load a URL in an iframe."""
    return _place({"src": str(src)}, width, height, scrolling, tab_index)
