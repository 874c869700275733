"""st.pydeck_chart: a pydeck.Deck, sent as the JSON its `to_json()` gives (deck.gl's JSON
format), drawn on the page by deck.gl's JSONConverter (web/display/deck.js).

As in Streamlit 1.50, `on_select` other than "ignore" makes the chart a widget whose value
is `{"selection": {"indices": {layer id: [i]}, "objects": {layer id: [row]}}}`; the app
cannot set it. Without selections the chart registers no element id (two identical charts
are fine). The map tiles Streamlit asks Carto/Mapbox for are not drawn: layers draw on a
blank base (the page has no network to rely on).
"""
from __future__ import annotations

import json
from typing import Any

from ..errors import StreamlitAPIException
from ..registry import command
from ..widgets import ValueCodec, WidgetIdentity
from .selection_state import AttributeDictionary, add_selection_widget, check_on_select
from .status import element_writer

# What Streamlit draws for `pydeck_obj=None`.
EMPTY_MAP = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
_SELECTION_MODES = {"single-object", "multi-object"}


@command
def pydeck_chart(dg, pydeck_obj: Any = None, *, use_container_width: bool = True,
                 width: int | None = None, height: int | None = None,
                 selection_mode: Any = "single-object", on_select: Any = "ignore",
                 key: Any = None):
    spec = json.dumps(EMPTY_MAP) if pydeck_obj is None else pydeck_obj.to_json()
    props: dict[str, Any] = {"spec": spec, "use_container_width": bool(use_container_width),
                             "width": width or 0, "height": height or 0}
    tooltip = deck_tooltip(pydeck_obj)
    if tooltip:
        props["tooltip"] = json.dumps(tooltip)
    check_on_select(on_select)
    if on_select == "ignore":
        return element_writer(dg, "deck_gl_json_chart", props)
    props["selection_mode"] = [parse_selection_mode(selection_mode)]
    identity = {"is_selection_activated": True, "selection_mode": selection_mode,
                "use_container_width": use_container_width, "spec": spec}
    return add_selection_widget(
        dg, WidgetIdentity("deck_gl_json_chart", key, identity, None), on_select,
        default=empty_selection(), props=props, codec=ValueCodec(_to_page, selection_from_page))


def parse_selection_mode(selection_mode: Any) -> str:
    """One of Streamlit's two modes, with its errors for a collection or an unknown mode."""
    if not isinstance(selection_mode, str):
        raise StreamlitAPIException(
            f"Invalid selection mode: {selection_mode}. ",
            "Selection mode must be a single value, but got a set instead.")
    if selection_mode not in _SELECTION_MODES:
        raise StreamlitAPIException(
            f"Invalid selection mode: {selection_mode}. "
            f"Valid options are: {_SELECTION_MODES}")
    return selection_mode


def deck_tooltip(pydeck_obj: Any) -> dict | None:
    """The Deck's `tooltip` dict (where pydeck keeps it with or without its Jupyter extra);
    `to_json()` leaves it out, so it is sent beside the spec."""
    if pydeck_obj is None:
        return None
    widget = getattr(pydeck_obj, "deck_widget", None)
    if widget is not None and isinstance(getattr(widget, "tooltip", None), dict):
        return widget.tooltip
    tooltip = getattr(pydeck_obj, "_tooltip", None)
    return tooltip if isinstance(tooltip, dict) else None


def empty_selection() -> AttributeDictionary:
    return AttributeDictionary(selection=AttributeDictionary(indices={}, objects={}))


def selection_from_page(value: Any) -> AttributeDictionary:
    """The page's selection (JSON text or object) as Streamlit's PydeckState."""
    if value is None:
        return empty_selection()
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, dict) or "selection" not in value:
        return empty_selection()
    return AttributeDictionary(value)


def _to_page(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))
