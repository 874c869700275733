"""`streamlit.runtime`: `exists()`, `scriptrunner.get_script_run_ctx()` /
`add_script_run_ctx()`, `scriptrunner_utils` and `runtime.caching`, as libraries use them.

Expectations from Streamlit 1.50.0: the same app run by 1.50's AppTest printed
`exists True`, a `ScriptRunContext` whose `page_script_hash` is the md5 of the main script's
path (a one-page app), `main_script_path` as given, `add_script_run_ctx(t) is t`; outside a
run 1.50's `get_script_run_ctx()` is None. (1.50's AppTest fills `user_info` with a test
email; wasmlit's user is always logged out: see test_public_names.py.)
"""
from __future__ import annotations

import hashlib
import textwrap
import threading
from pathlib import Path

from wasmlit import AppSession
from wasmlit.workspace import Workspace

from helpers import markdown_and_errors


def run(source: str, folder: Path | None = None) -> AppSession:
    workspace = Workspace(str(folder)) if folder else None
    session = AppSession(textwrap.dedent(source), "app.py", workspace=workspace)
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    return session


texts = markdown_and_errors


def test_exists_is_true_while_an_app_runs_and_false_outside():
    from wasmlit import runtime
    assert runtime.exists() is False
    session = run("""
        import streamlit as st
        from streamlit import runtime
        st.write("exists", runtime.exists(), st.runtime.exists())
    """)
    assert texts(session) == ["exists `True` `True`"]


def test_get_script_run_ctx_is_none_outside_a_run():
    from wasmlit.runtime.scriptrunner import get_script_run_ctx
    assert get_script_run_ctx() is None
    assert get_script_run_ctx(suppress_warning=True) is None


def test_script_run_context_has_the_attributes_libraries_read():
    session = run("""
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        ctx = get_script_run_ctx()
        st.session_state.seen = {
            "type": type(ctx).__name__, "session_id": ctx.session_id,
            "page_script_hash": ctx.page_script_hash, "user_info": dict(ctx.user_info),
            "main_script_path": ctx.main_script_path, "query_string": ctx.query_string,
            "script_requests": ctx.script_requests, "same": ctx is get_script_run_ctx(),
            "state": ctx.session_state is st.session_state,
            "fragment": ctx.current_fragment_id,
        }
        @st.fragment
        def part():
            st.session_state.fragment_id = get_script_run_ctx().current_fragment_id
        part()
    """)
    seen = session.state["seen"]
    assert seen["type"] == "ScriptRunContext"
    assert isinstance(seen["session_id"], str) and len(seen["session_id"]) == 36
    from wasmlit.navigation import main_script_path
    assert seen["page_script_hash"] == hashlib.md5(
        str(main_script_path(session)).encode()).hexdigest()
    assert seen["user_info"] == {"is_logged_in": False}
    assert seen["main_script_path"] == "app.py"
    assert seen["query_string"] == ""
    assert seen["script_requests"] is None
    assert seen["same"] and seen["state"]
    assert seen["fragment"] is None
    assert session.state["fragment_id"].startswith("__main__.part@")


def test_session_id_is_stable_across_reruns_and_differs_between_sessions():
    source = """
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        st.session_state.ids = st.session_state.get("ids", []) + [get_script_run_ctx().session_id]
    """
    session = run(source)
    session.enqueue({"kind": "rerun"})
    session.run_pending()
    ids = session.state["ids"]
    assert len(ids) == 2 and ids[0] == ids[1]
    assert run(source).state["ids"][0] != ids[0]


def test_page_script_hash_is_the_page_shown(tmp_path):
    (tmp_path / "other.py").write_text(textwrap.dedent("""
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        st.session_state.hash = get_script_run_ctx().page_script_hash
    """))
    session = run("""
        import streamlit as st
        st.navigation([st.Page("other.py")]).run()
    """, tmp_path)
    from wasmlit.navigation import url_hash
    assert session.state["hash"] == url_hash("other")


def test_add_script_run_ctx_returns_the_thread():
    session = run("""
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx
        t = threading.Thread(target=lambda: None)
        st.write(add_script_run_ctx(t) is t, add_script_run_ctx(t, get_script_run_ctx()) is t,
                 add_script_run_ctx() is threading.current_thread())
    """)
    assert texts(session) == ["`True` `True` `True`"]
    from wasmlit.runtime.scriptrunner import add_script_run_ctx
    thread = threading.Thread(target=lambda: None)
    assert add_script_run_ctx(thread) is thread


def test_run_control_exceptions_are_streamlits():
    # Libraries let st.rerun()/st.stop() through with `except (RerunException, StopException)`.
    session = run("""
        import streamlit as st
        from streamlit.runtime.scriptrunner import RerunException, StopException
        from streamlit.runtime.scriptrunner_utils.exceptions import StopException as Stop2
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
        st.write(StopException is Stop2, get_script_run_ctx() is not None)
        try:
            st.stop()
        except (RerunException, StopException):
            st.write("caught stop")
            raise
        st.write("never")
    """)
    assert texts(session) == ["`True` `True`", "caught stop"]


def test_runtime_caching_reexports_the_cache_decorators():
    import wasmlit
    from wasmlit.runtime import caching
    assert caching.cache_data is wasmlit.cache_data
    assert caching.cache_resource is wasmlit.cache_resource
