"""Figures: st.pyplot (Matplotlib, shown as an image) and st.plotly_chart (drawn by plotly.js).

Neither library is required by wasmlit. st.pyplot needs matplotlib in the app's environment.
st.plotly_chart takes a plotly Figure (anything with `to_plotly_json()` / `to_dict()`), a
figure dict or a list of traces; when plotly itself is importable it converts and validates
the figure as Streamlit 1.50 does, otherwise the figure is sent as JSON as it is. The page
loads plotly.js (dist/plotly.js) only when it first draws a plotly chart.
"""
from __future__ import annotations

import datetime
import decimal
import io
import json
import logging
import math
from typing import Any

from ..errors import StreamlitAPIException, StreamlitDuplicateElementId, StreamlitDuplicateElementKey
from ..widgets import ValueCodec, WidgetIdentity, root_of, widget_id
from ..props import container_width, validate_theme, validate_width
from ..registry import command
from . import media
from .selection_state import AttributeDictionary, add_selection_widget, check_on_select
from .status import element_writer

_LOGGER = logging.getLogger("streamlit.deprecation_util")

_GLOBAL_FIGURE_WARNING = """
Calling `st.pyplot()` without providing a figure argument has been deprecated
and will be removed in a later version as it requires the use of Matplotlib's
global figure object, which is not thread-safe.

To future-proof this code, you should pass in a figure as shown below:

```python
fig, ax = plt.subplots()
ax.scatter([1, 2, 3], [1, 2, 3])
# other plotting actions...
st.pyplot(fig)
```

If you have a specific use case that requires this functionality, please let us
know via [issue on Github](https://github.com/streamlit/streamlit/issues).
"""
_CONTAINER_WIDTH_WARNING = (
    "Please replace `use_container_width` with `width`.\n\n"
    "`use_container_width` will be removed after 2025-12-31.\n\n"
    "For `use_container_width=True`, use `width='stretch'`. "
    "For `use_container_width=False`, use `width='content'`.")
_KWARGS_WARNING = (
    "The keyword arguments have been deprecated and will be removed in a future release. "
    "Use `config` instead to specify Plotly configuration options.")
_SELECTION_MODES = ("lasso", "points", "box")


def _browser_warning(dg, text: str) -> None:
    """Streamlit's show_deprecation_warning: st.warning in the active container, and a log line."""
    dg.session.require_run().active_dg().warning(text)
    _LOGGER.warning(text)


# --- st.pyplot -----------------------------------------------------------------------------
@command
def pyplot(dg, fig: Any = None, clear_figure: bool | None = None, *, width: Any = "stretch",
           use_container_width: bool | None = None, **kwargs: Any):
    """Save `fig` (or pyplot's current figure) as PNG (dpi 200, tight bounding box unless
    kwargs say otherwise) and show it as an st.image element; clear it as Streamlit does."""
    if use_container_width is not None:
        _LOGGER.warning(_CONTAINER_WIDTH_WARNING)  # Streamlit only logs this one
        width = container_width(use_container_width, width)
    if not fig:
        _browser_warning(dg, _GLOBAL_FIGURE_WARNING)
    validate_width(width, allow_content=True)
    try:
        import matplotlib.pyplot as plt
        plt.ioff()
    except ImportError:
        raise ImportError("pyplot() command requires matplotlib") from None
    if not fig:
        if clear_figure is None:
            clear_figure = True
        fig = plt
    options = {"bbox_inches": "tight", "dpi": 200, "format": "png"}
    kwargs.update({name: kwargs.get(name, default) for name, default in options.items()})
    buffer = io.BytesIO()
    fig.savefig(buffer, **kwargs)
    writer = media.image(dg, buffer.getvalue(), width=width, output_format="PNG")
    if clear_figure:
        fig.clf()
    return writer


# --- st.plotly_chart -----------------------------------------------------------------------
class PlotlyError(Exception):
    """plotly's error for a figure it cannot use (raised here when plotly is absent)."""


class PlotlyEmptyDataError(PlotlyError):
    pass


PlotlyError.__module__ = PlotlyEmptyDataError.__module__ = "_plotly_utils.exceptions"


def _empty_selection() -> AttributeDictionary:
    return AttributeDictionary(
        selection=AttributeDictionary(points=[], point_indices=[], box=[], lasso=[]))


def _selection_from_page(value: Any) -> AttributeDictionary:
    """The page's selection (JSON text or object) as Streamlit's PlotlyState."""
    if value is None:
        return _empty_selection()
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, dict) or "selection" not in value:
        return _empty_selection()
    return AttributeDictionary(value)


def _selection_to_page(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _plain(value: Any) -> Any:
    """JSON-ready data from numpy arrays and scalars, pandas objects, dates and decimals."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return _plain(float(value))
    for method in ("to_plotly_json", "tolist", "item"):
        if callable(getattr(value, method, None)):
            return _plain(getattr(value, method)())
    return str(value)


def _figure_json(figure_or_data: Any) -> str:
    """The figure as plotly's JSON text, validated by plotly when it is importable."""
    try:
        import plotly.basedatatypes
        import plotly.io
        import plotly.tools
    except ImportError:
        plotly = None
    cls = type(figure_or_data)
    is_mpl = cls.__name__ == "Figure" and cls.__module__.startswith("matplotlib.")
    if not is_mpl and not isinstance(figure_or_data, (dict, list)):
        if plotly is None or not isinstance(figure_or_data, plotly.basedatatypes.BaseFigure):
            for method in ("to_plotly_json", "to_dict"):  # a figure-like object of another kind
                if callable(getattr(figure_or_data, method, None)):
                    figure_or_data = dict(getattr(figure_or_data, method)())
                    break
    if plotly is not None:
        if is_mpl:
            figure = plotly.tools.mpl_to_plotly(figure_or_data)
        else:
            figure = plotly.tools.return_figure_from_figure_or_data(figure_or_data, validate_figure=True)
        return plotly.io.to_json(figure, validate=False)
    if isinstance(figure_or_data, dict):
        figure = dict(figure_or_data)
    elif isinstance(figure_or_data, list):
        figure = {"data": figure_or_data}
    else:
        raise PlotlyError(
            "The `figure_or_data` positional argument must be `dict`-like, `list`-like, or an "
            "instance of plotly.graph_objs.Figure")
    if not figure.get("data"):
        raise PlotlyEmptyDataError(
            "Empty data list found. Make sure that you populated the list of data objects "
            "you're sending and try again.\nQuestions? Visit support.plot.ly")
    return json.dumps(_plain(figure), separators=(",", ":"))


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes.issubset(_SELECTION_MODES):
        raise StreamlitAPIException(
            f"Invalid selection mode: {selection_mode}. Valid options are: {set(_SELECTION_MODES)}")
    return sorted(modes)


@command
def plotly_chart(dg, figure_or_data: Any, use_container_width: bool = True, *,
                 theme: str | None = "streamlit", key: Any = None, on_select: Any = "ignore",
                 selection_mode: Any = ("points", "box", "lasso"), config: dict | None = None,
                 **kwargs: Any):
    """Draw a plotly figure; with on_select="rerun" or a callable, return its selection
    state ({"selection": {"points", "point_indices", "box", "lasso"}}) instead of a writer."""
    if kwargs:
        _browser_warning(dg, _KWARGS_WARNING)
    validate_theme(theme)
    check_on_select(on_select)
    selecting = on_select != "ignore"
    spec = _figure_json(figure_or_data)
    config_text = json.dumps(config or {})
    identity = {"plotly_spec": spec, "plotly_config": config_text,
                "selection_mode": repr(selection_mode), "is_selection_activated": selecting,
                "theme": theme, "use_container_width": bool(use_container_width)}
    props = {"spec": spec, "config": config_text, "theme": theme or "",
             "use_container_width": bool(use_container_width)}
    if selecting:
        props["selection_mode"] = _selection_modes(selection_mode)
        return add_selection_widget(
            dg, WidgetIdentity("plotly_chart", key, identity, None), on_select,
            default=_empty_selection(), props=props,
            codec=ValueCodec(_selection_to_page, _selection_from_page))
    _register_element_id(dg, key, identity)
    return element_writer(dg, "plotly_chart", props)


def _register_element_id(dg, key: Any, identity: dict) -> None:
    """Streamlit registers an id for every plotly chart: identical charts without a key, or
    a key used twice, raise its duplicate-element errors."""
    run = dg.session.require_run()
    user_key = None if key is None else str(key)
    wid = widget_id("plotly_chart", user_key, dict(identity, form_id=dg.form_id, root=root_of(dg)))
    if user_key is not None and user_key in run.user_keys:
        raise StreamlitDuplicateElementKey(user_key)
    if wid in run.element_ids:
        raise StreamlitDuplicateElementId("plotly_chart")
    run.element_ids.add(wid)
    if user_key is not None:
        run.user_keys.add(user_key)
