"""st.graphviz_chart and st.pdf in the engine: what reaches the page, and 1.50's errors."""
import base64
import zlib

import pytest

from helpers import App

# A two-page PDF ("Hello PDF 1", "Hello PDF 2", Helvetica, 200x100 pt), zlib + base64.
PDF_LINE = ('PDF = __import__("zlib").decompress(__import__("base64").b64decode("eNqtU0FPwjAYvfdXvAuJHnTtto6ZEA4o'
            'xESNBHYjHgorODJX0xWD/nrbDhzJ9KIuTbO97733fa9Le9ObyQW7jAkDhVpuyWCAIHt/lQiuhRGl2iCYio2sEVrCDMMhkVXuiGFH0PCCuyKvsYg8nbv9'
            'yXqpXWWsRSuPvpW7XUtPdfLgQeaFGKk9FtQCIaVglHq/ylhajbjhzWStdnpl2zu/ia02Lwz9w9jNOnaPT7rfy2pjnhEzV6+NluKFjDIvZimytW0LTpHl'
            'OLuVZalgjwzsHNkW48wZHjQHa/4/wZLfBUv+Giz8MVi/E8yPE8x3S+M/HcgQjEQtm4p1fZOmWImTAfdarglFSujXg4TziGONFrtCU6lajKcdjIWsg4Vx'
            'v4NFUVcbJ3EH45y3mNGiKKX2cefFh0Rq/4ZSBux4EWojtPF5kpCTXm/8OCGfMt3b9w=="))\n')


def _exception_text(app):
    return " ".join(str(e) for e in app.exceptions())


def _pdf_bytes():
    namespace = {}
    exec(PDF_LINE, namespace)
    return namespace["PDF"]


def test_the_sample_is_a_two_page_pdf():
    data = _pdf_bytes()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert b"/Count 2" in data


# --- st.graphviz_chart ---------------------------------------------------------------------
def test_graphviz_chart_sends_a_dot_string_with_the_dot_engine():
    app = App("""
        import streamlit as st
        st.graphviz_chart("digraph { a -> b }")
    """)
    [node] = app.nodes("graphviz_chart")
    assert node.props == {"spec": "digraph { a -> b }", "engine": "dot", "width": "content",
                          "height": "content"}


def test_graphviz_chart_takes_a_graphviz_graph_its_source_and_engine():
    pytest.importorskip("graphviz")
    app = App("""
        import graphviz
        import streamlit as st
        g = graphviz.Digraph(engine="neato")
        g.edge("run", "intr")
        st.graphviz_chart(g, width="stretch", height=300)
        st.graphviz_chart(graphviz.Source("graph { x -- y }"))
    """)
    first, second = [n.props for n in app.nodes("graphviz_chart")]
    assert "run -> intr" in first["spec"] and first["engine"] == "neato"
    assert first["width"] == "stretch" and first["height"] == 300
    assert second == {"spec": "graph { x -- y }\n", "engine": "dot", "width": "content",
                      "height": "content"}


def test_graphviz_chart_use_container_width_stands_for_a_width_and_is_only_logged():
    app = App("""
        import streamlit as st
        st.graphviz_chart("digraph { a }", use_container_width=True, width=100)
        st.graphviz_chart("digraph { b }", use_container_width=False, width="stretch")
    """)
    assert [n.props["width"] for n in app.nodes("graphviz_chart")] == ["stretch", "content"]
    assert not app.alerts()


def test_graphviz_chart_rejects_other_types_with_streamlits_text_and_the_app_goes_on():
    app = App("""
        import streamlit as st
        st.graphviz_chart(123)
    """)
    assert "Unhandled type for graphviz chart: <class 'int'>" in _exception_text(app)
    app = App("""
        import streamlit as st
        try:
            st.graphviz_chart(b"digraph { a }")
        except Exception as e:
            st.write(type(e).__name__)
        st.write("after")
    """)
    assert app.texts() == ["StreamlitAPIException", "after"]


def test_graphviz_chart_checks_width_and_height():
    app = App("""
        import streamlit as st
        st.graphviz_chart("digraph { a }", width="wide")
    """)
    assert "Invalid width value: 'wide'" in _exception_text(app)
    app = App("""
        import streamlit as st
        st.graphviz_chart("digraph { a }", height=0)
    """)
    assert "Invalid height value: 0" in _exception_text(app)


# --- st.pdf --------------------------------------------------------------------------------
def test_pdf_sends_bytes_base64_with_the_height_and_returns_none():
    app = App("""
        import io
        import streamlit as st
        """ + PDF_LINE + """
        st.write(repr(st.pdf(PDF)))
        st.pdf(io.BytesIO(PDF), height=300)
        st.pdf(PDF, height="stretch")
    """)
    props = [n.props for n in app.nodes("pdf")]
    assert [p["height"] for p in props] == [500, 300, "stretch"]
    for p in props:
        assert base64.b64decode(p["data"]) == _pdf_bytes() and p["mime"] == "application/pdf"
    assert app.texts() == ["None"]


def test_pdf_reads_a_path_and_passes_an_http_url_through(tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(_pdf_bytes())
    app = App(f"""
        import pathlib
        import streamlit as st
        st.pdf({str(path)!r})
        st.pdf(pathlib.Path({str(path)!r}))
        st.pdf(open({str(path)!r}, "rb"))
        st.pdf("  https://example.com/a.pdf  ")
    """)
    props = [n.props for n in app.nodes("pdf")]
    assert [base64.b64decode(p["data"]) for p in props[:3]] == [_pdf_bytes()] * 3
    assert props[3] == {"url": "https://example.com/a.pdf", "height": 500}


def test_pdf_errors_are_streamlits():
    cases = {
        "None": "The PDF data cannot be None. Please provide a valid PDF file path, URL, "
                "bytes data, or file-like object.",
        "123": "Unsupported data type for PDF: int. Please provide a file path (str or Path), "
               "URL (str), bytes data, or file-like object (such as BytesIO or UploadedFile).",
        "'missing.pdf'": "Unable to read file 'missing.pdf': [Errno 2] No such file or directory: "
                         "'missing.pdf'",
        "b'x', height='content'": "Invalid height value: 'content'. Height must be either an "
                                  "integer (pixels) or 'stretch'.",
        "b'x', height=-5": "Invalid height value: -5.",
    }
    for args, text in cases.items():
        app = App(f"""
            import streamlit as st
            st.pdf({args})
        """)
        assert text in _exception_text(app), args
        assert not app.nodes("pdf")


def test_pdf_keys_and_repeated_urls_raise_the_duplicate_errors():
    app = App("""
        import streamlit as st
        st.pdf(b"%PDF", key="k")
        st.pdf(b"%PDF", key="k")
    """)
    assert "key='k'" in _exception_text(app) or "`key='k'`" in _exception_text(app)
    app = App("""
        import streamlit as st
        st.pdf(b"%PDF")
        st.pdf(b"%PDF")
        st.pdf("https://example.com/a.pdf")
        st.pdf("https://example.com/a.pdf", height=200)
        st.pdf("https://example.com/a.pdf")
    """)
    assert len(app.nodes("pdf")) == 4
    assert "There are multiple `component_instance` elements" in _exception_text(app)
