"""st.get_option / st.set_option / st.config: 1.50's options that mean something in a browser.

Expected values and error texts come from Streamlit 1.50.0: the same calls in an app run by
1.50's AppTest, with the same `.streamlit/config.toml` in its working directory (1.50's
`config.get_option`, `config.set_user_option`). Options of the server-side sections
(`server.*`, `browser.*`, ...) are unknown in wasmlit by decision: they get 1.50's errors for
an unknown option.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import wasmlit
from wasmlit import AppSession, config
from wasmlit.errors import StreamlitAPIException
from wasmlit.workspace import Workspace

from helpers import markdown_and_errors


@pytest.fixture(autouse=True)
def _forget_set_options():
    config.reset_script_options()
    yield
    config.reset_script_options()


def run(folder: Path, source: str, config_toml: str | None = None) -> AppSession:
    folder.mkdir(parents=True, exist_ok=True)
    if config_toml is not None:
        (folder / ".streamlit").mkdir(exist_ok=True)
        (folder / ".streamlit" / "config.toml").write_text(textwrap.dedent(config_toml))
    session = AppSession(textwrap.dedent(source), "app.py", workspace=Workspace(str(folder)))
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    return session


texts = markdown_and_errors


def test_defaults_are_150s():
    assert wasmlit.get_option("runner.magicEnabled") is True
    assert wasmlit.get_option("magic.displayRootDocString") is False
    assert wasmlit.get_option("magic.displayLastExprIfNoSemicolon") is False
    assert wasmlit.get_option("client.showErrorDetails") == "full"
    assert wasmlit.get_option("client.toolbarMode") == "auto"
    assert wasmlit.get_option("client.showSidebarNavigation") is True
    assert wasmlit.get_option("runner.enumCoercion") == "nameOnly"
    assert wasmlit.get_option("theme.primaryColor") is None
    assert wasmlit.get_option("theme.sidebar.backgroundColor") is None
    assert wasmlit.config.get_options_for_section("magic") == {
        "displayRootDocString": False, "displayLastExprIfNoSemicolon": False}


def test_unknown_key_raises_150s_runtime_error():
    with pytest.raises(RuntimeError, match=r'^Config key "nope.nope" not defined\.$'):
        wasmlit.get_option("nope.nope")


def test_server_options_are_unknown_in_a_browser():
    with pytest.raises(RuntimeError, match=r'^Config key "server.port" not defined\.$'):
        wasmlit.get_option("server.port")
    with pytest.raises(StreamlitAPIException, match=r"^Unrecognized config option: server.port$"):
        wasmlit.set_option("server.port", 1)


def test_set_option_of_an_unknown_key():
    with pytest.raises(StreamlitAPIException, match=r"^Unrecognized config option: nope.nope$"):
        wasmlit.set_option("nope.nope", 1)


@pytest.mark.parametrize("key", ["runner.magicEnabled", "theme.primaryColor",
                                 "magic.displayRootDocString"])
def test_set_option_of_an_option_a_script_may_not_set(key):
    with pytest.raises(StreamlitAPIException) as raised:
        wasmlit.set_option(key, False)
    assert str(raised.value) == (
        f"{key} cannot be set on the fly. Set as command line option, e.g. "
        f"streamlit run script.py --{key}, or in config.toml instead.")


def test_client_options_can_be_set_by_the_script(tmp_path):
    session = run(tmp_path, """
        import streamlit as st
        st.set_option("client.toolbarMode", "minimal")
        st.write(st.get_option("client.toolbarMode"), st.config.get_option("client.toolbarMode"))
    """)
    assert texts(session) == ["minimal minimal"]


def test_config_toml_of_the_app_folder_sets_theme_and_magic(tmp_path):
    # 1.50 AppTest with this config.toml: '#ff0000 #00ff00 `False`',
    # "{'displayRootDocString': False, 'displayLastExprIfNoSemicolon': True}", 'nameOnly True'
    session = run(tmp_path, """
        import streamlit as st
        st.write(st.get_option("theme.primaryColor"), st.get_option("theme.sidebar.backgroundColor"),
                 st.get_option("magic.displayRootDocString"))
        st.write(str(st.config.get_options_for_section("magic")))
        st.write(str(st.get_option("runner.enumCoercion")), str(st.get_option("client.showSidebarNavigation")))
        try:
            st.set_option("theme.primaryColor", "#000")
        except Exception as e:
            st.write(str(e))
        st.set_option("client.showErrorDetails", "full")
    """, """
        [magic]
        displayLastExprIfNoSemicolon = true
        [theme]
        primaryColor = "#ff0000"
        [theme.sidebar]
        backgroundColor = "#00ff00"
    """)
    assert texts(session) == [
        "#ff0000 #00ff00 `False`",
        "{'displayRootDocString': False, 'displayLastExprIfNoSemicolon': True}",
        "nameOnly True",
        "theme.primaryColor cannot be set on the fly. Set as command line option, e.g. "
        "streamlit run script.py --theme.primaryColor, or in config.toml instead.",
        "`None`",  # the last line is a call: written, as displayLastExprIfNoSemicolon asks
    ]


def test_config_of_one_app_does_not_leak_into_another(tmp_path):
    run(tmp_path / "a", "import streamlit as st\n", '[theme]\nprimaryColor = "#123456"\n')
    session = run(tmp_path / "b", "import streamlit as st\nst.write(str(st.get_option('theme.primaryColor')))\n")
    assert texts(session) == ["None"]


def test_a_folder_app_leaves_the_working_directory_as_it_found_it(tmp_path, monkeypatch):
    # A folder app runs in its folder; afterwards an app with no folder of its own, whose
    # entry file is the relative "app.py", must not take the folder app's app.py and
    # config.toml for its own (its magic would then write a last call's None).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "app.py").write_text("import streamlit as st\n")
    run(tmp_path / "a", "import streamlit as st\n", "[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    assert Path.cwd() == tmp_path
    session = AppSession("import streamlit as st\nst.write('hi')\n", "app.py")
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    assert session.config_file_options == {}
    assert markdown_and_errors(session) == ["hi"]


def test_folder_apps_that_interleave_leave_the_working_directory_as_they_found_it(tmp_path, monkeypatch):
    # One app's run sleeps while another's starts (two folder apps on one page): the second
    # enters from the first's folder, the first leaves while the second still runs there,
    # and when the second leaves the working directory is where the first found it.
    from wasmlit.workspace import Workspace
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = Workspace(str(tmp_path / "a")), Workspace(str(tmp_path / "b"))
    first.enter()
    second.enter()
    first.leave()
    assert Path.cwd() == tmp_path / "b"  # the second app is still running in its folder
    second.leave()
    assert Path.cwd() == tmp_path


def test_a_config_toml_that_does_not_parse_is_shown_as_the_apps_error(tmp_path):
    session = run(tmp_path, "import streamlit as st\nst.write('never')\n", "[theme\n")
    [shown] = texts(session)
    assert shown.startswith("tomllib.TOMLDecodeError") or "TOMLDecodeError" in shown
