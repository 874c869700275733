"""st.bokeh_chart in the engine: 1.50's version error, word for word, with a real Bokeh.

1.50 accepts only bokeh==2.4.3 and raises for any other version before it looks at the
figure. Bokeh 2.4.3 cannot be imported with numpy 2 (`numpy.bool8`), and Pyodide has no
numpy<2, so the version error is what every page shows; these tests use the Bokeh the host
has (3.x, as Pyodide's distribution has).
"""
import sys

import pytest

from helpers import App

VERSION_ERROR = (
    "Streamlit only supports Bokeh version 2.4.3, but you have version {v} installed. Please "
    "run `pip install --force-reinstall --no-deps bokeh==2.4.3` to install the correct "
    "version.\n\n\nTo use the latest version of Bokeh, install our custom component, "
    "[streamlit-bokeh](https://github.com/streamlit/streamlit-bokeh).")


def test_a_bokeh_other_than_2_4_3_gets_1_50s_version_error_and_the_app_goes_on():
    bokeh = pytest.importorskip("bokeh")
    assert bokeh.__version__ != "2.4.3"
    app = App("""
        import streamlit as st
        from bokeh.plotting import figure
        p = figure(title="simple line example", x_axis_label="x", y_axis_label="y")
        p.line([1, 2, 3, 4, 5], [6, 7, 2, 4, 5], legend_label="Trend", line_width=2)
        try:
            st.bokeh_chart(p)
        except st.errors.StreamlitAPIException as e:
            st.session_state.caught = str(e)
        st.write("after")
        st.bokeh_chart(p, use_container_width=False)
        st.write("never shown")
    """)
    texts = app.texts()
    assert app.state["caught"] == VERSION_ERROR.format(v=bokeh.__version__)
    assert "after" in texts and "never shown" not in texts
    [uncaught] = app.exceptions()
    assert uncaught["type"] == "streamlit.errors.StreamlitAPIException"
    assert uncaught["message"] == VERSION_ERROR.format(v=bokeh.__version__)
    assert uncaught["markdown"]  # the link is a link, as 1.50 shows it
    assert not app.alerts()  # the deprecation warning comes only after the version check


def test_the_version_is_checked_before_the_figure():
    bokeh = pytest.importorskip("bokeh")
    app = App("""
        import streamlit as st
        st.bokeh_chart("not a figure")
    """)
    [uncaught] = app.exceptions()
    assert uncaught["message"] == VERSION_ERROR.format(v=bokeh.__version__)


def test_without_bokeh_it_is_1_50s_module_not_found_error(monkeypatch):
    # sys.modules[name] = None is how Python itself marks a module as not importable.
    monkeypatch.setitem(sys.modules, "bokeh", None)
    app = App("""
        import streamlit as st
        st.bokeh_chart(None)
    """)
    [uncaught] = app.exceptions()
    assert uncaught["type"] == "ModuleNotFoundError"
    assert "bokeh" in uncaught["message"]
