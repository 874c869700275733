"""Buttons (button, form_submit_button, download_button, link_button), checkbox, toggle,
text_input, text_area and number_input: values, ids, session-state rules and error texts
as Streamlit 1.50 has them (recorded with its AppTest)."""
import base64

import pytest

from helpers import App

FORM_DOCS = ("\n\nFor more information, refer to the\n[documentation for forms]"
             "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).")


def only_exception(app):
    excs = app.exceptions()
    assert len(excs) == 1, excs
    return excs[0]["type"], excs[0]["message"]


def error_of(body: str):
    return only_exception(App("import streamlit as st\n" + body))


# --- st.button ---------------------------------------------------------------------------

def test_button_is_true_only_for_the_run_its_click_starts():
    app = App("""
        import streamlit as st
        st.markdown(f"{st.button('Go', key='go')} {st.session_state.go}")
    """)
    assert app.texts() == ["False False"]
    assert app.click("Go").texts() == ["True True"]
    assert app.rerun().texts() == ["False False"]


def test_button_callback_gets_args_and_kwargs_before_the_script():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        def hit(a, b=None):
            st.session_state.log.append((a, b))
        st.button("Go", on_click=hit, args=(1,), kwargs={"b": 2})
        st.markdown(repr(st.session_state.log))
    """)
    assert app.click("Go").texts() == ["[(1, 2)]"]


def test_button_props_carry_type_icon_help_and_width():
    app = App("""
        import streamlit as st
        st.button("A", type="primary", icon="🔥", help="tip", disabled=True, use_container_width=True)
        st.button("B", type="tertiary", icon=":material/thumb_up:", width=120)
    """)
    a, b = app.widget("A").props, app.widget("B").props
    assert (a["type"], a["icon"], a["help"], a["disabled"], a["width"]) == ("primary", "🔥", "tip", True, "stretch")
    assert (b["type"], b["icon"], b["width"]) == ("tertiary", ":material/thumb_up:", 120)


@pytest.mark.parametrize("body, message", [
    ('st.button("B", type="big")',
     'The type argument to st.button must be "primary", "secondary", or "tertiary". '
     '\nThe argument passed was "big".'),
    ('st.link_button("B", "http://x", type="big")',
     'The type argument to st.link_button must be "primary", "secondary", or "tertiary". '
     '\nThe argument passed was "big".'),
    ('st.button("B", icon="abc")',
     'The value "abc" is not a valid emoji. Shortcodes are not allowed, please use a single '
     'character instead.'),
    ('st.button("B", icon=":materials/home:")',
     'The value `":materials\u200b/home:"` is not a valid Material icon. Please use a Material '
     'icon shortcode like **`:material\u200b/thumb_up:`**.'),
])
def test_button_argument_errors(body, message):
    assert error_of(body) == ("streamlit.errors.StreamlitAPIException", message)


def test_invalid_width_error():
    assert error_of('st.button("B", width="wide")') == (
        "streamlit.errors.StreamlitInvalidWidthError",
        "Invalid width value: 'wide'. Width must be either an integer (pixels), 'stretch', or 'content'.")
    assert error_of('st.text_input("B", width="content")') == (
        "streamlit.errors.StreamlitInvalidWidthError",
        "Invalid width value: 'content'. Width must be either an integer (pixels) or 'stretch'.")


def test_emoji_and_material_icons_that_streamlit_accepts():
    app = App("""
        import streamlit as st
        for i, icon in enumerate(["✅", "👍🏽", "🇫🇷", "👨‍👩‍👧", ":material/home:", "1️⃣"]):
            st.button(str(i), icon=icon)
    """)
    assert app.exceptions() == []


def test_button_in_a_form_is_refused():
    assert error_of('with st.form("f"):\n    st.button("B")') == (
        "streamlit.errors.StreamlitAPIException", "`st.button()` can't be used in an `st.form()`." + FORM_DOCS)
    assert error_of('with st.form("f"):\n    st.button("B", on_click=print)')[0] == \
        "streamlit.errors.StreamlitInvalidFormCallbackError"


@pytest.mark.parametrize("command", ['st.button("B", key="b")', 'st.download_button("B", "x", key="b")'])
def test_a_button_value_cannot_be_set_through_session_state(command):
    assert error_of("st.session_state.b = True\n" + command) == (
        "streamlit.errors.StreamlitValueAssignmentNotAllowedError",
        "Values for the widget with `key` 'b' cannot be set using `st.session_state`.")


def test_a_submit_button_is_keyed_by_its_form_and_label():
    app = App("""
        import streamlit as st
        with st.form("f"):
            st.form_submit_button()
        st.markdown(repr(list(st.session_state.keys())))
    """)
    assert app.texts() == ["['FormSubmitter:f-Submit']"]
    assert error_of('with st.form("f"):\n    st.form_submit_button(); st.form_submit_button()') == (
        "streamlit.errors.StreamlitDuplicateElementKey",
        "There are multiple elements with the same `key='FormSubmitter:f-Submit'`. To fix this, "
        "please make sure that the `key` argument is unique for each element you create.")


# --- st.download_button --------------------------------------------------------------------

@pytest.mark.parametrize("data, content, mime, name", [
    ('"héllo"', "héllo".encode(), "text/plain", "streamlit_download.txt"),
    ('b"\\x00\\x01"', b"\x00\x01", "application/octet-stream", "streamlit_download.bin"),
    ('io.BytesIO(b"abc")', b"abc", "application/octet-stream", "streamlit_download.bin"),
    ('io.TextIOWrapper(io.BytesIO(b"txt"))', b"txt", "text/plain", "streamlit_download.txt"),
])
def test_download_data_kinds_and_default_names(data, content, mime, name):
    app = App(f"""
        import io
        import streamlit as st
        st.download_button("Get", {data})
    """)
    props = app.widget("Get").props
    assert base64.b64decode(props["data"]) == content
    assert (props["mime"], props["file_name"]) == (mime, name)


def test_download_file_name_and_mime_are_kept():
    app = App("""
        import streamlit as st
        st.download_button("Get", "a,b", file_name="t.csv", mime="text/csv")
    """)
    props = app.widget("Get").props
    assert (props["file_name"], props["mime"]) == ("t.csv", "text/csv")


@pytest.mark.parametrize("data, kind", [("io.StringIO('x')", "_io.StringIO"), ("bytearray(b'x')", "bytearray")])
def test_download_refuses_other_data(data, kind):
    assert error_of(f"import io\nst.download_button('B', {data})") == (
        "streamlit.errors.StreamlitAPIException", f"Invalid binary data format: <class '{kind}'>")


def test_download_button_is_a_trigger_and_runs_its_callback():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("calls", 0)
        def count():
            st.session_state.calls += 1
        got = st.download_button("Get", "x", on_click=count)
        st.markdown(f"{got} {st.session_state.calls}")
    """)
    assert app.click("Get").texts() == ["True 1"]
    assert app.rerun().texts() == ["False 1"]


def test_download_on_click_ignore_tells_the_page_not_to_rerun():
    app = App("""
        import streamlit as st
        st.download_button("A", "x", on_click="ignore")
        st.download_button("B", "x")
    """)
    assert app.widget("A").props["ignore_rerun"] is True
    assert app.widget("B").props["ignore_rerun"] is False


def test_download_button_in_a_form_is_refused():
    assert error_of('with st.form("f"):\n    st.download_button("B", "x")') == (
        "streamlit.errors.StreamlitAPIException",
        "`st.download_button()` can't be used in an `st.form()`." + FORM_DOCS)


# --- st.link_button -------------------------------------------------------------------------

def test_link_button_is_an_element_not_a_widget():
    app = App("""
        import streamlit as st
        st.link_button("Docs", "https://docs.streamlit.io", help="h", type="primary")
        st.link_button("Docs", "https://docs.streamlit.io")
    """)
    first, second = app.nodes("link_button")
    assert first.props["url"] == "https://docs.streamlit.io" and "id" not in first.props
    assert (first.props["type"], first.props["help"], second.props["type"]) == ("primary", "h", "secondary")


# --- st.checkbox and st.toggle ----------------------------------------------------------------

def test_checkbox_and_toggle_values_and_ids():
    app = App("""
        import streamlit as st
        c = st.checkbox("Same")
        t = st.toggle("Same", value=True)
        st.markdown(f"{c} {t}")
    """)
    assert app.texts() == ["False True"]
    toggle = app.nodes("toggle")[0].props["id"]
    app._send({"kind": "widgets", "values": {toggle: False}})
    assert app.texts() == ["False False"]


def test_duplicate_toggles_name_the_toggle():
    assert error_of('st.toggle("T"); st.toggle("T")')[1].startswith(
        "There are multiple `toggle` elements with the same auto-generated ID.")


# --- st.text_input and st.text_area ---------------------------------------------------------

def test_text_input_props_and_value():
    app = App("""
        import streamlit as st
        v = st.text_input("Pw", 5, max_chars=3, type="password", placeholder="p", icon="🔍")
        st.markdown(repr(v))
    """)
    props = app.widget("Pw").props
    assert (props["value"], props["max_chars"], props["type"], props["autocomplete"],
            props["placeholder"], props["icon"]) == ("5", 3, "password", "new-password", "p", "🔍")
    assert app.texts() == ["'5'"]  # a longer default is kept: max_chars limits typing only
    assert app.set("Pw", "abc").texts() == ["'abc'"]


def test_text_input_type_error():
    assert error_of('st.text_input("T", type="secret")') == (
        "streamlit.errors.StreamlitAPIException",
        "'secret' is not a valid text_input type. Valid types are 'default' and 'password'.")


def test_none_in_session_state_empties_a_text_widget():
    app = App("""
        import streamlit as st
        st.session_state.t = None
        st.markdown(repr(st.text_input("T", "abc", key="t")))
    """)
    assert app.texts() == ["None"]
    assert app.widget("T").props["value"] is None


def test_text_area_heights():
    app = App("""
        import streamlit as st
        st.text_area("A")
        st.text_area("B", label_visibility="collapsed")
        st.text_area("C", height=300)
        st.text_area("D", height="content")
    """)
    assert [app.widget(x).props["height"] for x in "ABCD"] == [122, 94, 300, "content"]
    assert error_of('st.text_area("B", height=-5)') == (
        "streamlit.errors.StreamlitInvalidHeightError",
        "Invalid height value: -5. Height must be either an integer (pixels), 'stretch', or 'content'.")


# --- st.number_input --------------------------------------------------------------------------

def test_number_input_types_follow_the_arguments():
    app = App("""
        import streamlit as st
        for v in [st.number_input("a"), st.number_input("b", step=1), st.number_input("c", max_value=10.0),
                  st.number_input("d", value=None), st.number_input("e", value=None, min_value=0)]:
            st.markdown(repr(v))
    """)
    assert app.texts() == ["0.0", "0", "0.0", "None", "None"]
    assert [app.widget(x).props["data_type"] for x in "abcde"] == ["float", "int", "float", "float", "int"]


def test_number_input_page_values_become_ints_for_int_widgets():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.number_input("n", 0, 10)))
    """)
    assert app.set("n", 7.0).texts() == ["7"]


@pytest.mark.parametrize("body, error, message", [
    ('st.number_input("N", min_value=1, value=2.5)', "StreamlitMixedNumericTypesError",
     "All numerical arguments must be of the same type.\n`value` has float type.\n`min_value` has int type."),
    ('st.number_input("N", 0, 10.0, step=1)', "StreamlitMixedNumericTypesError",
     "All numerical arguments must be of the same type.\n`value` has str type.\n`max_value` has float type."
     "\n`step` has int type."),
    ('st.number_input("N", min_value=5, value=2)', "StreamlitValueBelowMinError",
     "The `value` 2 is less than the `min_value` 5."),
    ('st.number_input("N", max_value=5.0, value=7.5)', "StreamlitValueAboveMaxError",
     "The `value` 7.5 is greater than the `max_value` 5.0."),
    ('st.number_input("N", format="%d kg")', "StreamlitInvalidNumberFormatError",
     "Format string for `st.number_input` contains invalid characters: %d kg"),
    ('st.number_input("N", value=2**60)', "StreamlitJSNumberBoundsError",
     "`value` (1152921504606846976) must be <= (1 << 53) - 1"),
    ('st.number_input("N", min_value=-(2**54))', "StreamlitJSNumberBoundsError",
     "`min_value` (-18014398509481984) must be >= -((1 << 53) - 1)"),
    ('st.number_input("N", value="3")', "StreamlitJSNumberBoundsError", "`value` (3) is not a float"),
])
def test_number_input_errors(body, error, message):
    assert error_of(body) == (f"streamlit.errors.{error}", message)


def test_number_input_format_warnings():
    app = App("""
        import streamlit as st
        st.number_input("a", value=1.5, format="%i")
        st.number_input("b", value=1, format="%.3f")
    """)
    assert [a["body"] for a in app.alerts()] == [
        "Warning: NumberInput value below has type float, but format %i displays as integer.",
        "Warning: NumberInput value below has type int so is displayed as int despite format string %.3f."]


def test_number_input_returns_a_session_state_value_as_it_is_but_checks_its_range():
    app = App("""
        import streamlit as st
        st.session_state.n = 3.5
        st.markdown(repr(st.number_input("N", 0, 10, key="n")))
    """)
    assert app.texts() == ["3.5"]
    assert error_of('st.session_state.n = -1\nst.number_input("N", 0.0, 10.0, key="n")') == (
        "streamlit.errors.StreamlitValueBelowMinError", "The `value` -1 is less than the `min_value` 0.0.")
    app = App("""
        import streamlit as st
        st.session_state.n = -1
        st.number_input("N", 0, 10, key="n")
    """)
    assert app.nodes("number_input") == []  # the widget is not drawn


def test_number_input_keeps_its_value_when_only_the_label_stays_with_a_key():
    app = App("""
        import streamlit as st
        big = st.session_state.get("big", False)
        v = st.number_input("N", 0, 100, key="n", format="%d" if big else "%i")
        st.session_state.big = True
        st.markdown(repr(v))
    """)
    assert app.set("N", 42).rerun().texts() == ["42"]
