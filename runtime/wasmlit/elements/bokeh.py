"""st.bokeh_chart: Streamlit 1.50's deprecated Bokeh command, its checks and its warning.

1.50 draws a figure only with bokeh==2.4.3 (and numpy<2); any other Bokeh raises its
version error before looking at the figure. In the browser that error is all there is:
Pyodide's distribution carries Bokeh 3.x (a `bokeh==2.4.3` line in requirements.txt still
loads the distribution's, as every distribution package does), and Bokeh 2.4.3 itself cannot
run under Pyodide's Python 3.14: importing `bokeh.plotting` needs `numpy.bool8`, gone since
numpy 2, and no numpy<2 is built for Pyodide 3.14. So no page draws a Bokeh 2.4.3 figure,
and wasmlit ships no BokehJS; apps use the `streamlit-bokeh` component, as 1.50 advises.
"""
from __future__ import annotations

import logging
from typing import Any

from ..errors import StreamlitAPIException
from ..registry import command

_LOGGER = logging.getLogger("streamlit.deprecation_util")

ST_BOKEH_VERSION = "2.4.3"  # the only Bokeh 1.50 accepts

_DEPRECATION_WARNING = (
    "st.bokeh_chart is deprecated and will be removed in a future version. "
    "Please use our custom component, "
    "[streamlit-bokeh](https://github.com/streamlit/streamlit-bokeh), "
    "instead.")


def _version_error(installed: str) -> StreamlitAPIException:
    """1.50's error for a Bokeh other than 2.4.3, word for word."""
    return StreamlitAPIException(
        f"Streamlit only supports Bokeh version {ST_BOKEH_VERSION}, "
        f"but you have version {installed} installed. Please "
        f"run `pip install --force-reinstall --no-deps bokeh=="
        f"{ST_BOKEH_VERSION}` to install the correct version.\n\n\n"
        f"To use the latest version of Bokeh, install our custom component, "
        f"[streamlit-bokeh](https://github.com/streamlit/streamlit-bokeh).")


def _show_deprecation_warning(dg, text: str) -> None:
    """Streamlit's show_deprecation_warning: st.warning in the active container, and a log line."""
    dg.session.require_run().active_dg().warning(text)
    _LOGGER.warning(text)


@command
def bokeh_chart(dg, figure: Any, use_container_width: bool = True):
    import bokeh  # as in 1.50: no Bokeh at all is a ModuleNotFoundError

    if bokeh.__version__ != ST_BOKEH_VERSION:
        raise _version_error(bokeh.__version__)
    _show_deprecation_warning(dg, _DEPRECATION_WARNING)
    # Only a Python that runs Bokeh 2.4.3 (numpy<2, so not Pyodide's) gets here.
    raise StreamlitAPIException(
        "wasmlit cannot draw Bokeh 2.4.3 figures: Bokeh 2.4.3 needs numpy<2, which the "
        "browser's Python does not have. Use the "
        "[streamlit-bokeh](https://github.com/streamlit/streamlit-bokeh) component instead.")
