"""Layout containers and page config as in Streamlit 1.50: columns (ratios, gap, alignment,
border, unlimited nesting), tabs (default), expander, container (border/height/horizontal/
key), popover, chat_message avatars, set_page_config; with Streamlit's error texts."""
from __future__ import annotations

from helpers import App

from wasmlit.hosts import RecordingHost


def blocks(app, kind, root="main"):
    return [n for n in app.nodes(kind, root=root)]


def errors(app):
    return [e["message"] for e in app.exceptions()]


def test_columns_weights_are_normalised_and_carry_gap_alignment_border():
    app = App('''
        import streamlit as st
        a, b = st.columns([3, 1], gap="Large", vertical_alignment="bottom", border=True)
        a.write("left")
    ''')
    (row,) = blocks(app, "horizontal")
    assert row.props["gap"] == "large"
    cols = blocks(app, "column")
    assert [c.props["weight"] for c in cols] == [0.75, 0.25]
    assert all(c.props["border"] and c.props["vertical_alignment"] == "bottom" for c in cols)


def test_gap_none_means_no_gap():
    app = App('import streamlit as st\nst.columns(2, gap=None)')
    assert blocks(app, "horizontal")[0].props["gap"] == "none"


def test_columns_nest_without_limit_also_in_the_sidebar():
    app = App('''
        import streamlit as st
        with st.sidebar:
            a, b = st.columns(2)
            with a:
                c, d = st.columns(2)
                with c:
                    e, f = st.columns(2)
                    e.write("deep")
    ''')
    assert len(blocks(app, "horizontal", "sidebar")) == 3
    assert app.texts("sidebar") == ["deep"]
    assert errors(app) == []


def test_column_spec_errors_have_streamlits_text():
    app = App('''
        import streamlit as st
        for spec in (0, [], [1, -1]):
            try:
                st.columns(spec)
            except Exception as e:
                st.write(f"{type(e).__name__}: {e}")
    ''')
    texts = app.texts()
    assert len(texts) == 3
    # 1.50 raises StreamlitInvalidColumnSpecError (elements/layouts.py), a StreamlitAPIException.
    assert texts[0].startswith("StreamlitInvalidColumnSpecError: The `spec` argument to `st.columns` must be "
                               "either a positive integer (number of columns) or a list of positive "
                               "numbers (width ratios of the columns).")


def test_bad_gap_and_alignment_errors():
    app = App('''
        import streamlit as st
        for kw in ({"gap": "huge"}, {"vertical_alignment": "middle"}):
            try:
                st.columns(2, **kw)
            except Exception as e:
                st.write(str(e))
        try:
            st.container(horizontal_alignment="middle")
        except Exception as e:
            st.write(str(e))
    ''')
    assert app.texts() == [
        'The `gap` argument to `st.columns` must be `"small"`, `"medium"`, `"large"`, or `"none"`. '
        '\nThe argument passed was huge.',
        'The `vertical_alignment` argument to `st.columns` must be `"top"`, `"center"`, `"bottom"`, '
        'or `"distribute"`. \nThe argument passed was middle.',
        'The `horizontal_alignment` argument to `st.container` must be `"left"`, `"center"`, '
        '`"right"`, or `"distribute"`. \nThe argument passed was middle.',
    ]


def test_tabs_default_and_errors():
    app = App('''
        import streamlit as st
        tabs = st.tabs(["A", "B", "C"], default="C")
        st.write(f"{type(tabs).__name__} {len(tabs)}")
        for args in ((["A"],), ([],), (["A", 1],)):
            try:
                st.tabs(*args, default="Z" if args[0] == ["A"] else None)
            except Exception as e:
                st.write(str(e))
    ''')
    group = blocks(app, "tabs")[0]
    assert group.props["labels"] == ["A", "B", "C"] and group.props["default"] == 2
    assert app.texts() == [
        "tuple 3",
        "The default tab 'Z' is not in the list of tabs.",
        "The input argument to st.tabs must contain at least one tab label.",
        "The tabs input list to st.tabs is only allowed to contain strings.",
    ]


def test_expander_icon_and_label_required():
    app = App('''
        import streamlit as st
        with st.expander("More", expanded=True, icon="🔥"):
            st.write("inside")
        try:
            st.expander(None)
        except Exception as e:
            st.write(str(e))
        try:
            st.expander("x", icon="nope")
        except Exception as e:
            st.write(str(e))
    ''')
    (exp,) = blocks(app, "expander")
    assert exp.props["icon"] == "🔥" and exp.props["expanded"] is True
    assert app.texts() == ["inside", "A label is required for an expander",
                           'The value "nope" is not a valid emoji. Shortcodes are not allowed, '
                           "please use a single character instead."]


def test_container_border_follows_height_and_key_is_kept():
    app = App('''
        import streamlit as st
        st.container(height=200, key="boxed").write("x")
        st.container(height=200, border=False).write("y")
        st.container(horizontal=True, horizontal_alignment="right", gap="medium").write("z")
    ''')
    a, b, c = blocks(app, "vertical")
    assert (a.props["border"], a.props["height"], a.props["key"]) == (True, 200, "boxed")
    assert b.props["border"] is False
    assert (c.props["horizontal"], c.props["justify"], c.props["gap"]) == (True, "end", "medium")


def test_container_width_and_height_errors():
    app = App('''
        import streamlit as st
        for kw in ({"width": "content"}, {"height": 0}):
            try:
                st.container(**kw)
            except Exception as e:
                st.write(str(e))
    ''')
    assert app.texts() == [
        "Invalid width value: 'content'. Width must be either an integer (pixels) or 'stretch'.",
        "Invalid height value: 0. Height must be either an integer (pixels), 'stretch', or 'content'.",
    ]


def test_popover_props_and_use_container_width():
    app = App('''
        import streamlit as st
        with st.popover("Open", help="tip", icon="🎈", use_container_width=True):
            st.write("body")
        st.popover("Off", disabled=True)
        try:
            st.popover(None)
        except Exception as e:
            st.write(str(e))
    ''')
    a, b = blocks(app, "popover")
    assert (a.props["label"], a.props["help"], a.props["icon"], a.props["width"]) == \
        ("Open", "tip", "🎈", "stretch")
    assert b.props["disabled"] is True and b.props["width"] == "content"
    assert app.texts() == ["body", "A label is required for a popover"]


def test_chat_message_avatars():
    app = App('''
        import streamlit as st
        for name in ("user", "human", "assistant", "AI", "Zed"):
            st.chat_message(name).write(name)
        st.chat_message("Dino", avatar="🦖").write("d")
        st.chat_message("Pic", avatar=b"\\x89PNG\\r\\n\\x1a\\nxx").write("p")
        st.chat_message("Web", avatar="https://example.com/a.png").write("w")
    ''')
    got = [(b.props["avatar_type"], b.props["avatar"][:22]) for b in blocks(app, "chat_message")]
    assert got == [("icon", "user"), ("icon", "user"), ("icon", "assistant"), ("icon", "assistant"),
                   ("icon", ""), ("emoji", "🦖"), ("image", "data:image/png;base64,"),
                   ("image", "https://example.com/a.")]


def test_set_page_config_sends_what_it_set_and_may_be_called_twice():
    host = RecordingHost()
    app = App('''
        import streamlit as st
        st.write("first")
        st.set_page_config(page_title="Hi", page_icon="🦜", layout="wide")
        st.set_page_config(initial_sidebar_state="collapsed",
                           menu_items={"About": "# about", "Get help": None})
    ''', host=host)
    configs = [c["config"] for c in host.flushed if c["op"] == "page_config"]
    assert configs == [{"title": "Hi", "favicon": "emoji:🦜", "layout": "wide"},
                       {"initial_sidebar_state": "collapsed"}]
    assert errors(app) == []


def test_set_page_config_errors():
    app = App('''
        import streamlit as st
        for kw in ({"layout": "full"}, {"initial_sidebar_state": "open"},
                   {"menu_items": {"Help": "https://x.io"}}, {"menu_items": {"Get help": "x.io"}}):
            try:
                st.set_page_config(**kw)
            except Exception as e:
                st.write(str(e))
    ''')
    assert app.texts() == [
        '`layout` must be `"centered"` or `"wide"` (got `"full"`)',
        '`initial_sidebar_state` must be `"auto"` or `"expanded"` or `"collapsed"` (got `"open"`)',
        'We only accept the keys: `"Get help"`, `"Report a bug"`, and `"About"` (`"help"` is not '
        'a valid key.)',
        '"x.io" is a not a valid URL. You must use a fully qualified domain beginning with '
        '"http://", "https://", or "mailto:".',
    ]


def test_a_container_key_is_registered_like_a_widget_key():
    app = App('''
        import streamlit as st
        st.container(key="k").write("a")
        try:
            st.text_input("T", key="k")
        except Exception as e:
            st.write(f"{type(e).__name__}: {e}")
    ''')
    assert app.texts()[-1] == ("StreamlitDuplicateElementKey: There are multiple elements with the same "
                               "`key='k'`. To fix this, please make sure that the `key` argument is "
                               "unique for each element you create.")
