"""The elements with selections (st.dataframe, st.plotly_chart, st.altair_chart and
st.vega_lite_chart): the `on_select` values they accept, and what they return, a dict
whose keys read as attributes too (Streamlit's `AttributeDictionary`). Shared here so
every such element checks and returns the same.
"""
from __future__ import annotations

from typing import Any

from ..errors import StreamlitAPIException
from ..widgets import ValueCodec, WidgetCallback, WidgetIdentity, add_widget


def check_on_select(on_select: Any) -> None:
    """"ignore", "rerun" or a callable, with Streamlit's error otherwise."""
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise StreamlitAPIException(
            f"You have passed {on_select} to `on_select`. But only 'ignore', 'rerun', or a "
            "callable is supported.")


def add_selection_widget(dg, identity: WidgetIdentity, on_select: Any, *, default: Any,
                         props: dict, codec: ValueCodec) -> Any:
    """Draw an element whose selections are on as a widget; return its selection state.
    As in Streamlit, its id keeps every parameter even with a key, the app cannot set its
    state, and a callable `on_select` runs when the selection changes."""
    callback = WidgetCallback(on_select if callable(on_select) else None)
    _, state = add_widget(dg, identity, default=default, props=props, callback=callback,
                          codec=codec, writes_allowed=False, explicit_default=None)
    return state


class AttributeDictionary(dict):
    """A dict whose keys read as attributes too (nested dicts as well), like Streamlit's."""

    def __getattr__(self, key: str) -> Any:
        try:
            item = self[key]
        except KeyError as err:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'") from err
        return AttributeDictionary(item) if isinstance(item, dict) else item

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value
