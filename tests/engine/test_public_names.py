"""The public names of `streamlit` 1.50 against wasmlit's.

STREAMLIT_150_NAMES is `sorted(n for n in dir(streamlit) if not n.startswith("_"))` after
`import streamlit` with streamlit==1.50.0; ERRORS_150 is every exception class 1.50's
`streamlit.errors` defines, with its bases. Behaviours (echo, st.user, st.login, star import)
were compared with the same app run by 1.50's AppTest.
"""
from __future__ import annotations

import textwrap

import pytest

import wasmlit
import wasmlit.errors
from wasmlit import AppSession

STREAMLIT_150_NAMES = """
Page altair_chart area_chart audio audio_input auth_util badge balloons bar_chart bokeh_chart
button cache cache_data cache_resource camera_input caption chat_input chat_message checkbox
cli_util code color_picker column_config columns commands components config config_option
config_util connection connections container context cursor data_editor dataframe
dataframe_util date_input delta_generator delta_generator_singletons deprecation_util
development dialog divider download_button echo elements empty env_util error error_util
errors exception expander experimental_get_query_params experimental_set_query_params
experimental_user feedback file_uploader file_util form form_submit_button fragment get_option
graphviz_chart header help html image info json latex line_chart link_button logger login logo
logout map markdown metric multiselect navigation number_input page_link pdf pills plotly_chart
popover progress proto pydeck_chart pyplot query_params radio rerun runtime scatter_chart
secrets segmented_control select_slider selectbox session_state set_option set_page_config
sidebar slider snow source_util spinner status stop streamlit string_util subheader success
switch_page table tabs text text_area text_input time_input time_util title toast toggle
type_util url_util user user_info util vega_lite_chart version video warning watcher write
write_stream
""".split()

# 1.50's own helper modules, which `import streamlit` happens to leave on the package: no
# app or library calls them as `st.<name>`.
INTERNAL_MODULES = set("""
auth_util cli_util commands config_option config_util cursor dataframe_util delta_generator
delta_generator_singletons deprecation_util development elements env_util error_util file_util
logger proto source_util streamlit string_util time_util type_util url_util user_info util
watcher
""".split())

# Later parts of issue 20 (components, browser-native elements, connections): still missing.
LATER: set[str] = set()

ERRORS_150 = {
    "CustomComponentError": ("Error",), "DeprecationError": ("Error",),
    "DuplicateWidgetID": ("StreamlitAPIException",), "Error": ("Exception",),
    "FragmentHandledException": ("Exception",), "FragmentStorageKeyError": ("Error", "KeyError"),
    "LocalizableStreamlitException": ("StreamlitAPIException",),
    "MarkdownFormattedException": ("Error",), "NoSessionContext": ("Error",),
    "NoStaticFiles": ("Error",), "StreamlitAPIException": ("MarkdownFormattedException",),
    "StreamlitAPIWarning": ("StreamlitAPIException", "Warning"),
    "StreamlitAuthError": ("StreamlitAPIException",),
    "StreamlitBadTimeStringError": ("LocalizableStreamlitException",),
    "StreamlitDuplicateElementId": ("DuplicateWidgetID",),
    "StreamlitDuplicateElementKey": ("DuplicateWidgetID",),
    "StreamlitFragmentWidgetsNotAllowedOutsideError": ("LocalizableStreamlitException",),
    "StreamlitInvalidColorError": ("LocalizableStreamlitException",),
    "StreamlitInvalidColumnGapError": ("LocalizableStreamlitException",),
    "StreamlitInvalidColumnSpecError": ("LocalizableStreamlitException",),
    "StreamlitInvalidFormCallbackError": ("LocalizableStreamlitException",),
    "StreamlitInvalidHeightError": ("LocalizableStreamlitException",),
    "StreamlitInvalidHorizontalAlignmentError": ("LocalizableStreamlitException",),
    "StreamlitInvalidMenuItemKeyError": ("LocalizableStreamlitException",),
    "StreamlitInvalidNumberFormatError": ("LocalizableStreamlitException",),
    "StreamlitInvalidPageLayoutError": ("LocalizableStreamlitException",),
    "StreamlitInvalidSidebarStateError": ("LocalizableStreamlitException",),
    "StreamlitInvalidURLError": ("LocalizableStreamlitException",),
    "StreamlitInvalidVerticalAlignmentError": ("LocalizableStreamlitException",),
    "StreamlitInvalidWidthError": ("LocalizableStreamlitException",),
    "StreamlitJSNumberBoundsError": ("LocalizableStreamlitException",),
    "StreamlitMaxRetriesError": ("Error",),
    "StreamlitMissingPageLabelError": ("LocalizableStreamlitException",),
    "StreamlitMixedNumericTypesError": ("LocalizableStreamlitException",),
    "StreamlitModuleNotFoundError": ("StreamlitAPIWarning",),
    "StreamlitPageNotFoundError": ("LocalizableStreamlitException",),
    "StreamlitSecretNotFoundError": ("LocalizableStreamlitException", "FileNotFoundError"),
    "StreamlitSelectionCountExceedsMaxError": ("LocalizableStreamlitException",),
    "StreamlitValueAboveMaxError": ("LocalizableStreamlitException",),
    "StreamlitValueAssignmentNotAllowedError": ("LocalizableStreamlitException",),
    "StreamlitValueBelowMinError": ("LocalizableStreamlitException",),
    "StreamlitValueError": ("LocalizableStreamlitException",),
    "UnserializableSessionStateError": ("StreamlitAPIException",),
}

USER_FACING = sorted(set(STREAMLIT_150_NAMES) - INTERNAL_MODULES)


def run_app(source: str) -> AppSession:
    session = AppSession(textwrap.dedent(source), "app.py")
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    return session


def shown(session: AppSession) -> list:
    out = []
    for node in session.tree.roots["main"].walk():
        if node.kind in ("markdown", "code", "alert", "warning"):
            out.append((node.kind, node.props.get("body")))
        elif node.kind == "json":
            out.append(("json", node.props["data"]))
        elif node.kind == "exception":
            out.append(("exception", node.props["type"], node.props["message"]))
    return out


def present_during_a_run() -> set[str]:
    """The user-facing names `streamlit` (wasmlit) has while an app runs (some, such as
    st.session_state, are per-session)."""
    session = run_app(f"""
        import streamlit as st
        st.session_state.found = [name for name in {USER_FACING!r} if hasattr(st, name)]
    """)
    return set(session.state["found"])


def test_every_user_facing_name_of_150_exists_except_the_later_ones():
    present = present_during_a_run()
    missing = sorted(set(USER_FACING) - present)
    assert missing == sorted(LATER), f"missing: {missing}"


def test_later_names_are_not_stubbed():
    # Later work must not pretend to work: those names raise AttributeError for now.
    present = present_during_a_run()
    assert not (present & LATER)


@pytest.mark.parametrize("name", sorted(ERRORS_150))
def test_streamlit_errors_has_each_150_exception_with_its_bases(name):
    cls = getattr(wasmlit.errors, name)
    assert tuple(base.__name__ for base in cls.__bases__) == ERRORS_150[name]
    assert cls.__module__ == "streamlit.errors"


def test_each_error_class_is_defined_once():
    import wasmlit.navigation
    import wasmlit.secrets
    import wasmlit.widgets.options
    from wasmlit.elements import status
    for module in (wasmlit.navigation, wasmlit.secrets, wasmlit.widgets.options, status):
        for name in ERRORS_150:
            if hasattr(module, name):
                assert getattr(module, name) is getattr(wasmlit.errors, name)


def test_localizable_errors_keep_their_arguments_and_150_texts():
    exc = wasmlit.errors.StreamlitValueBelowMinError(1, 5)
    assert str(exc) == "The `value` 1 is less than the `min_value` 5."
    assert exc.exec_kwargs == {"value": 1, "min_value": 5}
    assert str(wasmlit.errors.StreamlitInvalidWidthError("x")) == \
        "Invalid width value: 'x'. Width must be either an integer (pixels) or 'stretch'."
    assert str(wasmlit.errors.StreamlitValueError("duration", ["a", "b"])) == \
        "Invalid `duration` value. Supported values: a, b."
    assert str(wasmlit.errors.StreamlitMixedNumericTypesError(1, 2.0, None, None)) == (
        "All numerical arguments must be of the same type.\n`value` has int type.\n"
        "`min_value` has float type.")
    assert str(wasmlit.errors.StreamlitModuleNotFoundError("graphviz")) == \
        'This Streamlit command requires module "graphviz" to be installed.'


def test_streamlit_api_errors_are_caught_as_streamlit_errors():
    session = run_app("""
        import streamlit as st
        from streamlit.errors import Error, StreamlitAPIException
        try:
            st.columns(0)
        except Error as e:
            st.write(type(e).__name__, isinstance(e, StreamlitAPIException))
    """)
    assert shown(session) == [("markdown", "StreamlitInvalidColumnSpecError `True`")]


def test_version_reports_streamlit_150_and_wasmlit_keeps_its_own():
    # Libraries gate features on st.__version__: wasmlit implements 1.50's API.
    assert wasmlit.__version__ == "1.50.0"
    assert wasmlit.version.STREAMLIT_VERSION_STRING == "1.50.0"
    assert wasmlit.WASMLIT_VERSION == "0.1.0"
    session = run_app("""
        import streamlit as st
        st.write(st.__version__, type(st.version).__name__, st.version.STREAMLIT_VERSION_STRING)
    """)
    assert shown(session) == [("markdown", "1.50.0 module 1.50.0")]


def test_star_import_exports_session_state_and_the_commands():
    # As 1.50's AppTest shows for the same app.
    session = run_app("""
        import streamlit as st
        from streamlit import *
        write("star", type(session_state).__name__, callable(echo), callable(get_option))
        session_state.n = 3
        st.write(st.session_state.n, "runtime" in dir(), "errors" in dir())
    """)
    assert shown(session) == [("markdown", "star SessionStateProxy `True` `True`"),
                              ("markdown", "`3` `True` `True`")]


def test_star_import_exports_only_150_names():
    assert set(wasmlit.__all__) <= set(USER_FACING)


def test_echo_writes_the_code_above_then_the_output_or_below():
    # 1.50 AppTest: Code('x = 1\\nst.write("inside", x)'), 'inside `1`', 'between',
    # 'second', Code('if x:\\n    st.write("second")').
    session = run_app('''
        import streamlit as st
        with st.echo():
            x = 1
            st.write("inside", x)
        st.write("between")
        with st.echo("below"):
            if x:
                st.write("second")
    ''')
    nodes = [n for n in session.tree.roots["main"].walk() if n.kind in ("code", "markdown")]
    assert [(n.kind, n.props.get("body")) for n in nodes if n.kind == "markdown"] == [
        ("markdown", "inside `1`"), ("markdown", "between"), ("markdown", "second")]
    codes = [n for n in nodes if n.kind == "code"]
    assert [c.props.get("body", c.props.get("code")) for c in codes] == [
        'x = 1\nst.write("inside", x)', 'if x:\n    st.write("second")']
    order = [n.kind for n in nodes]
    assert order == ["code", "markdown", "markdown", "markdown", "code"]


def test_user_is_logged_out_and_read_only():
    session = run_app("""
        import streamlit as st
        st.write(str((st.user.is_logged_in, dict(st.user), st.user.to_dict(), len(st.user))))
        try:
            st.user.email
        except AttributeError as e:
            st.write(str(e))
        try:
            st.user["email"]
        except KeyError as e:
            st.write(str(e))
        try:
            st.user["x"] = 1
        except Exception as e:
            st.write(type(e).__name__, str(e))
        st.logout()
        st.write("after logout", st.user.is_logged_in)
    """)
    assert [body for _, body in shown(session)] == [
        "(False, {'is_logged_in': False}, {'is_logged_in': False}, 1)",
        'st.user has no attribute "email".',
        "'st.user has no key \"email\".'",
        "StreamlitAPIException st.user cannot be modified",
        "after logout `False`"]


def test_experimental_user_warns_once_as_150():
    import wasmlit.user_info
    wasmlit.user_info._warned_experimental = False
    session = run_app("""
        import streamlit as st
        st.write(st.experimental_user.is_logged_in)
        st.write(st.experimental_user["is_logged_in"])
    """)
    kinds = [n.kind for n in session.tree.roots["main"].walk()]
    assert kinds.count("alert") + kinds.count("warning") == 1
    texts = [n.props.get("body") for n in session.tree.roots["main"].walk()]
    assert ("Please replace `st.experimental_user` with `st.user`.\n\n"
            "`st.experimental_user` will be removed after 2025-11-06.") in texts


def test_login_raises_150s_no_provider_error_saying_a_static_site_has_none():
    session = run_app("""
        import streamlit as st
        st.login()
    """)
    [(kind, type_name, message)] = [e for e in shown(session) if e[0] == "exception"]
    assert type_name == "streamlit.errors.StreamlitAuthError"
    assert message.startswith(
        "To use authentication features you need to configure credentials for at least one "
        "authentication provider in `.streamlit/secrets.toml`.")
    assert "static" in message


def test_login_outside_a_run_does_nothing():
    assert wasmlit.login() is None
    assert wasmlit.logout() is None
    assert dict(wasmlit.user) == {}  # 1.50: no script run context, an empty user


def test_star_import_outside_a_run_works_without_the_per_session_names():
    # 1.50's star import works anywhere (a library imported before any run); wasmlit's
    # session_state, sidebar, query_params and context exist only during a run.
    namespace: dict = {}
    exec("from wasmlit import *", namespace)
    assert "write" in namespace and "cache_data" in namespace
    assert not {"session_state", "sidebar", "query_params", "context"} & set(namespace)
