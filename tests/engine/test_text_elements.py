"""Text elements as Streamlit 1.50 sends them: Markdown bodies (latex, divider, badge are
Markdown), code, json, html, help, and what st.write / st.write_stream do per type."""
from __future__ import annotations

from helpers import App


def kinds(app: App) -> list[str]:
    return [n.kind for n in app.nodes() if not hasattr(n, "children")]


def test_bodies_are_cleaned_like_streamlits():
    app = App('''
        import streamlit as st
        st.markdown("""
            # Title
            text
        """)
        st.code("\\n  x = 1\\n\\n")
    ''')
    assert app.texts() == ["# Title\ntext"]
    assert app.nodes("code")[0].props["body"] == "  x = 1\n"  # st.code drops one newline each side


def test_latex_divider_and_badge_are_markdown():
    app = App('''
        import streamlit as st
        st.latex(r"e^{i\\pi} + 1 = 0")
        st.divider()
        st.badge("New [beta]", color="green", icon=":material/star:")
        st.badge("Plain")
    ''')
    assert app.texts() == ["$$\ne^{i\\pi} + 1 = 0\n$$", "---",
                           ":green-badge[:material/star: New \\[beta\\]]", ":blue-badge[Plain]"]


def test_badge_icon_errors_are_streamlits():
    app = App('''
        import streamlit as st
        st.badge("x", icon=":smile:")
    ''')
    assert app.exceptions()[0]["message"] == (
        'The value ":smile:" is not a valid emoji. Shortcodes are not allowed, please use a '
        "single character instead.")


def test_code_props():
    app = App('''
        import streamlit as st
        st.code("a = 1", language=None, line_numbers=True, wrap_lines=True)
    ''')
    props = app.nodes("code")[0].props
    assert (props["language"], props["line_numbers"], props["wrap_lines"]) == ("", True, True)


def test_json_expanded_and_depth():
    app = App('''
        import streamlit as st
        from collections import namedtuple
        st.json({"a": {"b": 1}}, expanded=False)
        st.json('{"x": [1, 2]}', expanded=1)
        P = namedtuple("P", "x y")
        st.json(P(1, 2))
        st.json({"nan": float("nan"), "s": {1, 2}})
    ''')
    first, second, third, fourth = (n.props for n in app.nodes("json"))
    assert (first["expanded"], first["max_depth"]) == (False, None)
    assert (second["data"], second["expanded"], second["max_depth"]) == ({"x": [1, 2]}, True, 1)
    assert third["data"] == {"x": 1, "y": 2}
    # Streamlit 1.50's json.dumps default (_ensure_serialization) turns a set into a list.
    assert fourth["data"] == {"nan": "NaN", "s": [1, 2]}


def test_json_refuses_other_expanded_types():
    app = App('''
        import streamlit as st
        st.json({}, expanded="yes")
    ''')
    assert app.exceptions()[0]["type"] == "TypeError"


def test_html_goes_to_the_page_and_style_only_html_to_the_event_area():
    app = App('''
        import streamlit as st
        st.html("<p>hi</p><script>x()</script>")
        st.html("<style>p {color: red}</style>")
    ''')
    assert [n.props["body"] for n in app.nodes("html")] == ["<p>hi</p><script>x()</script>"]
    assert [n.props["body"] for n in app.nodes("html", root="event")] == ["<style>p {color: red}</style>"]


def test_html_body_cannot_be_empty():
    app = App('''
        import streamlit as st
        st.html("")
    ''')
    assert app.exceptions()[0]["message"] == "`st.html` body cannot be empty"


def test_write_dispatches_by_type():
    app = App('''
        import streamlit as st
        st.write("a", 1, "b")
        st.write({"k": 1})
        st.write([1, 2])
        st.write(ValueError("bad"))
        st.write("multi\\nline", 3.5)
        st.write((1, 2))
    ''')
    assert kinds(app) == ["markdown", "json", "json", "exception", "markdown", "markdown"]
    assert app.texts() == ["a `1` b", "multi\nline `3.5`", "`(1, 2)`"]


def test_write_of_functions_classes_and_modules_is_help():
    app = App('''
        import streamlit as st
        import math

        def greet(name: str) -> str:
            """Say hello."""
            return "hi " + name

        st.write(greet)
        st.write(math)
        st.help(int)
    ''')
    helps = [n.props for n in app.nodes("help")]
    assert [h["type"] for h in helps] == ["function", "module", "class"]
    assert helps[0]["name"] == "greet" and helps[0]["doc"] == "Say hello."
    assert helps[0]["value"] == "__main__.greet(name: str) -> str"
    assert any(m["name"] == "sqrt" for m in helps[1]["members"])


def test_write_stream_returns_the_text_and_leaves_one_markdown():
    app = App('''
        import streamlit as st
        def gen():
            yield "Hello "
            yield ""
            yield "world"
        out = st.write_stream(gen())
        st.write(repr(out))
    ''')
    assert app.texts() == ["Hello world", "'Hello world'"]


def test_write_stream_with_other_chunks_returns_a_list_st_write_replays():
    app = App('''
        import streamlit as st
        out = st.write_stream(iter(["a", {"k": 1}, "b"]))
        st.write(type(out).__name__, len(out))
        st.write(out)
    ''')
    assert kinds(app) == ["markdown", "json", "markdown", "markdown", "markdown", "json", "markdown"]


def test_write_stream_refuses_strings_and_non_iterables():
    app = App('''
        import streamlit as st
        try:
            st.write_stream("text")
        except Exception as e:
            st.write(str(e))
        st.write_stream(5)
    ''')
    assert app.texts()[0].startswith("`st.write_stream` expects a generator or stream-like object")
    assert app.exceptions()[0]["message"] == (
        "The provided input (type: <class 'int'>) cannot be iterated. Please make sure that it is "
        "a generator, generator function or iterable.")


def test_write_stream_flushes_each_chunk_to_the_page():
    app = App('''
        import streamlit as st
        st.write_stream(iter(["one ", "two"]))
    ''')
    bodies = [c.get("props", {}).get("body") for c in app.session.host.flushed if isinstance(c, dict)]
    assert bodies.index("one") < bodies.index("one two \u258f") < bodies.index("one two")


def test_heading_divider_and_anchor_errors():
    app = App('''
        import streamlit as st
        for kwargs in ({"divider": "pink"}, {"anchor": True}, {"anchor": 3}):
            try:
                st.header("H", **kwargs)
            except Exception as e:
                st.write(str(e))
    ''')
    assert app.texts() == [
        "Divider parameter has invalid value: `pink`. Please choose from: red, orange, yellow, blue, "
        "green, violet, gray, grey, rainbow.",
        "Anchor parameter has invalid value: True. Supported values: None, any string or False",
        "Anchor parameter has invalid type: int. Supported values: None, any string or False"]


def test_help_of_streamlit_itself_and_its_commands():
    app = App('''
        import streamlit as st
        st.help()
        st.write(st.markdown)
    ''')
    module, command = (n.props for n in app.nodes("help"))
    assert (module["name"], module["type"], module["value"]) == (None, "module", "streamlit")
    assert (command["name"], command["type"]) == ("st.markdown", "method")
    assert command["value"].startswith("streamlit.delta_generator.DeltaGenerator.markdown(body")
