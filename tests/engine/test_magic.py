"""Magic: a bare expression statement is written as by st.write, with Streamlit 1.50's rules.

Every expectation here was taken from Streamlit 1.50.0 itself: the same script run with
1.50's `streamlit.testing.v1.AppTest` (in a venv with `pip install streamlit==1.50.0`), with
the same `.streamlit/config.toml` in its working directory, listing `at.main` in order.
The rules are those of 1.50's `runtime/scriptrunner/magic.py`.
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from wasmlit import AppSession
from wasmlit.workspace import Workspace


def write(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def run(folder: Path, source: str, config: str | None = None,
        files: dict[str, str] | None = None) -> AppSession:
    """Run app.py (with an optional .streamlit/config.toml and other files) as a folder
    app (as the page runs one: its folder is the working directory and on sys.path)."""
    write(folder, {"app.py": source, **(files or {})})
    if config is not None:
        write(folder, {".streamlit/config.toml": config})
    session = AppSession((folder / "app.py").read_text(), "app.py",
                         workspace=Workspace(str(folder)))
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    return session


def shown(session: AppSession) -> list[Any]:
    """What the main area shows, in order: markdown bodies, json data, exception types."""
    out: list[Any] = []
    for node in session.tree.roots["main"].walk():
        if node.kind == "markdown":
            out.append(node.props["body"])
        elif node.kind == "json":
            out.append(("json", node.props["data"]))
        elif node.kind == "exception":
            out.append(("exception", node.props["type"]))
    return out


BLOCKS = '''\
    """Root docstring"""
    import streamlit as st
    x = 5
    x
    "a", x
    def f():
        """fdoc"""
        "in f"
        x
        yield 1
    st.write("call")
    with st.container():
        "in with"
        "second in with"
    if x:
        "in if"
    else:
        "in else"
    for i in range(1):
        "in for"
    else:
        "for else"
    try:
        "in try"
    except Exception:
        pass
    else:
        "try else"
    finally:
        "finally"
    class C:
        "class doc"
        "class body"
        def m(self):
            "mdoc"
            "m body"
    match x:
        case 5:
            "in case"
    list(f())
    C().m()
    async def g():
        "gdoc"
        "g body"
    len([1])
'''


def test_bare_expressions_in_every_kind_of_block_are_written(tmp_path):
    # 1.50: the root docstring, function/method docstrings and class bodies are not
    # written; a tuple is written as st.write's arguments; calls are not written.
    assert shown(run(tmp_path, BLOCKS)) == [
        "`5`", "a `5`", "call", "in with", "second in with", "in if", "in for", "for else",
        "in try", "try else", "finally", "in case", "in f", "`5`", "m body"]


GENERATORS = '''\
    import streamlit as st
    st.write(st.get_option("magic.displayRootDocString"))
    async def g():
        await h()
        "after await"
    def gen():
        yield "y"
        yield from ["z"]
        "in gen"
    list(gen())
    x = [1, 2]
    x[0]
    x
    -x[1]
    x[0] + 1
    not x
    (lambda: 2)()
    [i for i in x]
    "a" if x else "b"
'''


def test_yield_await_and_calls_are_not_written_other_expressions_are(tmp_path):
    assert shown(run(tmp_path, GENERATORS)) == [
        "`False`", "in gen", "`1`", ("json", [1, 2]), "`-2`", "`2`", "`False`",
        ("json", [1, 2]), "a"]


DOCSTRING_AND_LAST = '''\
    """Root doc"""
    import streamlit as st
    def f():
        """f doc"""
        return "ret"
    "plain"
    f()
'''


def test_root_docstring_and_last_call_options(tmp_path):
    config = "[magic]\ndisplayRootDocString = true\ndisplayLastExprIfNoSemicolon = true\n"
    assert shown(run(tmp_path, DOCSTRING_AND_LAST, config)) == ["Root doc", "plain", "ret"]


def test_by_default_neither_root_docstring_nor_last_call_is_written(tmp_path):
    assert shown(run(tmp_path, DOCSTRING_AND_LAST)) == ["plain"]


def test_a_trailing_semicolon_keeps_the_last_call_unwritten(tmp_path):
    source = '''\
        import streamlit as st
        def f():
            return "ret"
        "plain"
        f()  ;
    '''
    config = "[magic]\ndisplayLastExprIfNoSemicolon = true\n"
    assert shown(run(tmp_path, source, config)) == ["plain"]


def test_runner_magic_enabled_false_turns_magic_off(tmp_path):
    config = "[runner]\nmagicEnabled = false\n"
    assert shown(run(tmp_path, DOCSTRING_AND_LAST, config)) == []
    assert shown(run(tmp_path / "b", GENERATORS, config)) == ["`False`"]


def test_magic_applies_to_navigation_pages_and_pages_folder_not_to_imports(tmp_path):
    # 1.50 compiles every page script through its script cache, with magic; an imported
    # module is compiled by Python's import system, without it.
    # (A string first in a file is its docstring: not written.)
    files = {"other.py": 'import helper\n"on other page"\n',
             "helper.py": 'VALUE = 1\n"in helper module"\n'}
    app = '''\
        import streamlit as st
        "in entry"
        st.navigation([st.Page("other.py")]).run()
    '''
    assert shown(run(tmp_path / "nav", app, files=files)) == ["in entry", "on other page"]
    folder = {"pages/1_Second.py": 'import helper\n"second page"\n',
              "helper.py": 'VALUE = 1\n"in helper"\n'}
    entry = 'import streamlit as st\nimport helper\n"main page"\n'
    session = run(tmp_path / "mpa", entry, files=folder)
    assert shown(session) == ["main page"]
    from wasmlit.navigation import url_hash
    session.enqueue({"kind": "rerun", "page_hash": url_hash("Second")})
    session.run_pending()
    assert shown(session) == ["second page"]


def test_magic_in_a_fragment_body_is_written_on_its_reruns(tmp_path):
    source = '''\
        import streamlit as st
        @st.fragment
        def part():
            st.session_state.n = st.session_state.get("n", 0) + 1
            f"run {st.session_state.n}"
            st.button("again")
        part()
    '''
    session = run(tmp_path, source)
    assert shown(session) == ["run 1"]
    button = next(n.props["id"] for n in session.tree.roots["main"].walk()
                  if n.props.get("label") == "again")
    session.enqueue({"kind": "widgets", "values": {button: True}})
    session.run_pending()
    assert shown(session) == ["run 2"]


def test_tracebacks_keep_the_scripts_line_numbers(tmp_path):
    source = '''\
        import streamlit as st
        "before"
        x = 1

        x
        1 / 0
    '''
    session = run(tmp_path, source)
    assert shown(session) == ["before", "`1`", ("exception", "ZeroDivisionError")]
    frames = [n for n in session.tree.roots["main"].walk() if n.kind == "exception"][0]
    assert 'app.py", line 6' in frames.props["traceback"][-1]
    assert "\n    1 / 0\n" in frames.props["traceback"][-1]


def test_an_error_inside_a_written_expression_points_at_its_line(tmp_path):
    source = 'import streamlit as st\n"ok"\n{"a": 1}["b"]\n'
    session = run(tmp_path, source)
    exc = [n for n in session.tree.roots["main"].walk() if n.kind == "exception"][0]
    assert exc.props["type"] == "KeyError"
    assert "line 3" in exc.props["traceback"][-1]


def test_future_import_first_still_works_with_magic(tmp_path):
    source = 'from __future__ import annotations\nimport streamlit as st\n"after future"\n'
    assert shown(run(tmp_path, source)) == ["after future"]


def test_magic_with_app_test(tmp_path):
    from wasmlit.testing.v1 import AppTest
    at = AppTest.from_string('import streamlit as st\nvalue = 41 + 1\nvalue\n"text", value\n')
    at.run()
    assert [m.value for m in at.markdown] == ["`42`", "text `42`"]
