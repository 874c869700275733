"""st.pyplot and st.plotly_chart in the engine (matplotlib tests skip where it is absent)."""
import base64
import json

import pytest

from helpers import App


def _chart(app):
    charts = app.nodes("plotly_chart")
    assert len(charts) == 1
    return charts[0].props


def _exception_text(app):
    return " ".join(str(e) for e in app.exceptions())


# --- st.plotly_chart -----------------------------------------------------------------------
def test_plotly_chart_sends_a_plain_dict_figure_as_json_spec():
    app = App("""
        import streamlit as st
        st.plotly_chart({"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}],
                         "layout": {"title": {"text": "T"}}}, config={"displayModeBar": False})
    """)
    props = _chart(app)
    spec = json.loads(props["spec"])
    assert spec["data"][0]["type"] == "bar"
    assert spec["data"][0]["y"] == [1, 2]
    assert json.loads(props["config"]) == {"displayModeBar": False}
    assert props["theme"] == "streamlit" and props["use_container_width"] is True


def test_plotly_chart_takes_a_list_of_traces_and_objects_with_to_plotly_json():
    app = App("""
        import streamlit as st
        class Fig:
            def to_plotly_json(self):
                return {"data": [{"type": "scatter", "y": [3, 4]}], "layout": {}}
        st.plotly_chart([{"type": "scatter", "y": [1, 2]}], theme=None, use_container_width=False)
        st.plotly_chart(Fig())
    """)
    first, second = [json.loads(n.props["spec"]) for n in app.nodes("plotly_chart")]
    assert first["data"][0]["y"] == [1, 2]
    assert second["data"][0]["y"] == [3, 4]
    assert app.nodes("plotly_chart")[0].props["theme"] == ""


def test_plotly_chart_rejects_an_unknown_theme_with_streamlits_text():
    app = App("""
        import streamlit as st
        st.plotly_chart({"data": [{"y": [1]}]}, theme="dark")
    """)
    assert 'You set theme="dark" while Streamlit charts only support theme=\u201dstreamlit\u201d' \
        in _exception_text(app)


def test_plotly_chart_rejects_a_bad_on_select():
    app = App("""
        import streamlit as st
        st.plotly_chart({"data": [{"y": [1]}]}, on_select="maybe")
    """)
    assert ("You have passed maybe to `on_select`. But only 'ignore', 'rerun', or a callable "
            "is supported.") in _exception_text(app)


def test_plotly_chart_rejects_an_unknown_selection_mode():
    app = App("""
        import streamlit as st
        st.plotly_chart({"data": [{"y": [1]}]}, on_select="rerun", selection_mode="circle")
    """)
    assert "Invalid selection mode: circle. Valid options are:" in _exception_text(app)


def test_identical_plotly_charts_without_key_are_duplicate_elements():
    app = App("""
        import streamlit as st
        st.plotly_chart({"data": [{"y": [1]}]})
        st.plotly_chart({"data": [{"y": [1]}]})
    """)
    assert "There are multiple `plotly_chart` elements with the same auto-generated ID" \
        in _exception_text(app)


def test_plotly_chart_keyword_arguments_show_the_deprecation_warning():
    app = App("""
        import streamlit as st
        st.plotly_chart({"data": [{"y": [1]}]}, sharing="streamlit")
    """)
    assert any("The keyword arguments have been deprecated" in str(a) for a in app.alerts())


def test_plotly_selection_starts_empty_and_returns_what_the_page_selected():
    app = App("""
        import streamlit as st
        event = st.plotly_chart({"data": [{"y": [1, 2, 3]}]}, on_select="rerun", key="c")
        st.write(f"points: {event.selection.point_indices!r}")
        st.write(f"box: {event['selection']['box']!r}")
    """)
    assert "points: []" in app.texts()
    chart = _chart(app)
    assert chart["selection_mode"] == ["box", "lasso", "points"]
    picked = {"selection": {"points": [{"curve_number": 0, "point_index": 1, "x": 1, "y": 2}],
                            "point_indices": [1], "box": [{"xref": "x", "yref": "y",
                                                           "x": [0.5, 1.5], "y": [1, 3]}],
                            "lasso": []}}
    app._send({"kind": "widgets", "values": {chart["id"]: json.dumps(picked)}})
    assert "points: [1]" in app.texts()
    assert app.state["c"]["selection"]["box"][0]["x"] == [0.5, 1.5]


def test_plotly_selection_callback_runs_and_its_key_cannot_be_set():
    app = App("""
        import streamlit as st
        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        st.plotly_chart({"data": [{"y": [1, 2]}]}, on_select=changed, key="c")
        st.write(f"calls: {st.session_state.get('calls', 0)}")
    """)
    chart = _chart(app)
    app._send({"kind": "widgets", "values": {chart["id"]: {"selection": {
        "points": [], "point_indices": [0], "box": [], "lasso": []}}}})
    assert "calls: 1" in app.texts()
    blocked = App("""
        import streamlit as st
        st.session_state.c = 1
        st.plotly_chart({"data": [{"y": [1, 2]}]}, on_select="rerun", key="c")
    """)
    assert "StreamlitValueAssignmentNotAllowedError" in _exception_text(blocked)


# --- st.pyplot -----------------------------------------------------------------------------
def test_pyplot_without_matplotlib_raises_streamlits_import_error():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("matplotlib is installed")
    app = App("""
        import streamlit as st
        class Fig:
            pass
        st.pyplot(Fig())
    """)
    assert "pyplot() command requires matplotlib" in _exception_text(app)


def _png(props):
    image = props["images"][0]
    assert image["mime"] == "image/png"
    data = base64.b64decode(image["data"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return data


def test_pyplot_shows_the_figure_as_a_png_image():
    pytest.importorskip("matplotlib")
    app = App("""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3])
        st.pyplot(fig)
        st.write(f"axes left: {len(fig.axes)}")
    """)
    images = app.nodes("image")
    assert len(images) == 1 and images[0].props["width"] == "stretch"
    _png(images[0].props)
    assert "axes left: 1" in app.texts()  # a given figure is not cleared
    assert not app.alerts()


def test_pyplot_of_the_global_figure_warns_and_clears_it():
    pytest.importorskip("matplotlib")
    app = App("""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st
        plt.plot([1, 2, 3])
        st.pyplot()
        st.write(f"axes left: {len(plt.gcf().axes)}")
    """)
    assert "Calling `st.pyplot()` without providing a figure argument has been deprecated" \
        in str(app.alerts()[0])
    assert len(app.nodes("image")) == 1
    assert "axes left: 0" in app.texts()


def test_pyplot_clear_figure_and_savefig_kwargs():
    pytest.importorskip("matplotlib")
    app = App("""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.plot([1, 2])
        st.pyplot(fig, clear_figure=True, dpi=50, bbox_inches=None, width="content")
        st.write(f"axes left: {len(fig.axes)}")
    """)
    props = app.nodes("image")[0].props
    assert props["width"] == "content"
    data = _png(props)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (100, 50)
    assert "axes left: 0" in app.texts()


def test_pyplot_rejects_a_bad_width():
    pytest.importorskip("matplotlib")
    app = App("""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st
        fig, ax = plt.subplots()
        st.pyplot(fig, width=0)
    """)
    assert app.exceptions() and not app.nodes("image")


def test_pyplot_use_container_width_false_means_content_width():
    pytest.importorskip("matplotlib")
    app = App("""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st
        fig, ax = plt.subplots()
        st.pyplot(fig, use_container_width=False)
    """)
    assert app.nodes("image")[0].props["width"] == "content"
    assert not app.alerts()  # Streamlit only logs this deprecation


def test_plotly_selection_callback_inside_a_form_is_refused():
    app = App("""
        import streamlit as st
        with st.form("f"):
            st.plotly_chart({"data": [{"y": [1, 2]}]}, on_select=lambda: None)
            st.form_submit_button("Go")
    """)
    assert "StreamlitInvalidFormCallbackError" in _exception_text(app)
