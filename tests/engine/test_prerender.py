"""The build-time first run (wasmlit/prerender.py, issue 19 "Opens instantly") and the tree
a live session is seeded with (`Tree.replay`): the page draws the build-time changes before
Python starts, and the live first run then sends only what differs."""
from __future__ import annotations

import json
import sys
import textwrap
import time

import pytest

from wasmlit.hosts import RecordingHost
from wasmlit.prerender import FIRST_EVENT, NoFirstPaint, first_run, main
from wasmlit.session import AppSession
from wasmlit.tree import Block, Tree

REAL_SLEEP = time.sleep

APP = textwrap.dedent('''
    import streamlit as st
    st.title("Opens instantly")
    name = st.text_input("Name", "Ada")
    st.button("Go")
    st.markdown(f"Hello **{name}**")
    left, right = st.columns(2)
    left.write("left")
    right.metric("Speed", 3)
    with st.expander("More"):
        st.caption("inside")
    st.sidebar.selectbox("Pick", ["a", "b"])
    @st.fragment
    def part():
        st.checkbox("Inside a fragment")
    part()
''')


def tree_shape(tree: Tree) -> dict:
    def shape(block: Block) -> list:
        return [(node.id, node.kind, node.props, shape(node) if isinstance(node, Block) else None)
                for node in block.children]
    return {name: shape(root) for name, root in tree.roots.items()}


def test_first_run_is_the_pages_first_run():
    changes = first_run(APP)
    host = RecordingHost()
    session = AppSession(APP, "app.py", host)
    session.enqueue(dict(FIRST_EVENT))
    session.run_pending()
    assert changes == host.flushed
    kinds = [c["kind"] for c in changes if c["op"] == "set"]
    assert kinds[:4] == ["heading", "text_input", "button", "markdown"] and "selectbox" in kinds
    json.dumps(changes, allow_nan=False)  # what index.html carries


def test_replayed_tree_has_the_same_nodes_and_ids():
    session = AppSession(APP, "app.py", RecordingHost())
    session.enqueue(dict(FIRST_EVENT))
    session.run_pending()
    changes = session.host.flushed
    tree = Tree()
    tree.replay(json.loads(json.dumps(changes)))
    assert tree_shape(tree) == tree_shape(session.tree)
    assert tree.changes == []
    highest = max(int(c["id"][1:]) for c in changes if c["op"] == "set")
    assert tree._new_id() == f"n{highest + 1}"


def seeded_session(source: str, changes: list[dict]) -> AppSession:
    session = AppSession(source, "app.py", RecordingHost())
    session.tree.replay(json.loads(json.dumps(changes)))
    session.enqueue(dict(FIRST_EVENT))
    session.run_pending()
    return session


def test_a_session_seeded_with_the_first_run_sends_no_tree_change():
    session = seeded_session(APP, first_run(APP))
    assert [c for c in session.host.flushed if c["op"] in ("set", "update", "trim")] == []
    assert [c["op"] for c in session.host.flushed] == ["timers"]  # the one-off ops come again
    # and it goes on as any session does
    widget = next(n for n in session.tree.roots["main"].walk() if n.kind == "button")
    session.enqueue({"kind": "widgets", "values": {widget.props["id"]: True}})
    session.run_pending()
    assert not any(c["op"] == "set" and c["kind"] == "button" for c in session.host.flushed)


def test_a_seeded_session_sends_only_what_differs():
    built = first_run(APP)
    live = APP.replace('st.markdown(f"Hello **{name}**")', 'st.markdown("Hello, live")') \
              .replace('left.write("left")', 'left.write("left")\nleft.write("new")')
    session = seeded_session(live, built)
    tree_ops = [c for c in session.host.flushed if c["op"] in ("set", "update", "trim")]
    assert [(c["op"], c.get("kind")) for c in tree_ops] == [("update", None), ("set", "markdown")]
    assert tree_ops[0]["props"]["body"] == "Hello, live"
    built_ids = {c["id"] for c in built if c["op"] == "set"}
    assert tree_ops[1]["id"] not in built_ids  # new nodes get ids the page has not seen


def test_replay_follows_trims_and_ignores_resets_and_one_off_ops():
    tree = Tree()
    tree.replay([
        {"op": "set", "parent": "main", "index": 0, "id": "n1", "kind": "vertical", "props": {}, "block": True},
        {"op": "set", "parent": "n1", "index": 0, "id": "n2", "kind": "text", "props": {"body": "a"}, "block": False},
        {"op": "set", "parent": "n1", "index": 1, "id": "n7", "kind": "text", "props": {"body": "b"}, "block": False},
        {"op": "update", "id": "n2", "props": {"body": "A"}},
        {"op": "update", "id": "n2", "props": {"body": "shown only"}, "reset": True},
        {"op": "trim", "parent": "n1", "length": 1},
        {"op": "toast", "body": "hi"},
        {"op": "timers", "timers": {}},
    ])
    block = tree.roots["main"].children[0]
    assert block.path == (0, 0) and [(n.id, n.props) for n in block.children] == [("n2", {"body": "A"})]
    assert tree.changes == [] and tree._new_id() == "n8"


def reason_of(source: str) -> str:
    with pytest.raises(NoFirstPaint) as caught:
        first_run(textwrap.dedent(source))
    return str(caught.value)


def test_an_error_in_the_first_run_means_no_first_paint():
    assert reason_of("import streamlit as st\nst.write('hi')\n1 / 0\n") == \
        "its first run raised ZeroDivisionError: division by zero"
    assert reason_of("import no_such_package_here\n") == \
        "its first run raised ModuleNotFoundError: No module named 'no_such_package_here'"


def test_an_error_a_fragment_shows_means_no_first_paint():
    reason = reason_of('''
        import streamlit as st
        @st.fragment
        def part():
            raise ValueError("inside")
        part()
    ''')
    assert "ValueError" in reason and "inside" in reason


def test_a_shown_exception_means_no_first_paint():
    reason = reason_of('''
        import streamlit as st
        st.exception(RuntimeError("shown\\nsecond line"))
    ''')
    assert reason == "its first run shows an exception: RuntimeError: shown"


def test_secrets_are_not_read_at_build_time():
    assert reason_of("import streamlit as st\nst.write(st.secrets['key'])\n") == \
        "it reads st.secrets, which are not read at build time"
    # caught by the app, still a read
    assert reason_of('''
        import streamlit as st
        try:
            key = st.secrets.get("key", "none")
        except Exception:
            key = "none"
        st.write(key)
    ''') == "it reads st.secrets, which are not read at build time"


def test_the_shared_secrets_stay_as_they_were():
    import wasmlit as st
    st.secrets.load_text('key = "shared"\n')
    try:
        reason_of("import streamlit as st\nst.write(st.secrets['key'])\n")
        assert st.secrets["key"] == "shared"
    finally:
        st.secrets.load_text(None)


def test_a_first_run_that_sleeps_gets_none_and_does_not_wait():
    started = time.monotonic()
    reason = reason_of('''
        import time
        import streamlit as st
        with st.spinner("Loading..."):
            time.sleep(30)
        st.write("done")
    ''')
    assert reason == ("its first run waits (time.sleep): the page would show how it ends "
                      "before how it starts")
    assert time.monotonic() - started < 5
    assert time.sleep is REAL_SLEEP


def test_context_and_query_params_read_as_empty():
    changes = first_run(textwrap.dedent('''
        import streamlit as st
        st.write(f"tz={st.context.timezone} q={dict(st.query_params)}")
    '''))
    bodies = [c["props"]["body"] for c in changes if c["op"] == "set"]
    assert bodies == ["tz=None q={}"]


def test_main_writes_the_changes_or_the_reason(tmp_path, capsys):
    entry = tmp_path / "app.py"
    entry.write_text("import streamlit as st\nprint('to stdout')\nst.write('hi')\n")
    assert main([str(entry), "app.py", str(tmp_path / "out.json")]) == 0
    answer = json.loads((tmp_path / "out.json").read_text())
    assert [c["props"]["body"] for c in answer["changes"] if c["op"] == "set"] == ["hi"]
    entry.write_text("import streamlit as st\nst.write(st.secrets.key)\n")
    main([str(entry), "app.py", str(tmp_path / "out.json")])
    assert json.loads((tmp_path / "out.json").read_text()) == {
        "reason": "it reads st.secrets, which are not read at build time"}


def test_main_refuses_what_json_cannot_hold(tmp_path):
    entry = tmp_path / "app.py"
    entry.write_text("import streamlit as st\nst.number_input('n', value=float('nan'))\n")
    main([str(entry), "app.py", str(tmp_path / "out.json")])
    answer = json.loads((tmp_path / "out.json").read_text())
    assert answer == {"reason": "its first run sends what JSON cannot hold "
                                "(Out of range float values are not JSON compliant)"}


def test_a_folder_app_runs_in_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the run changes into the app's folder
    (tmp_path / "prerendered_helpers.py").write_text("GREETING = 'from helpers'\n")
    (tmp_path / "data.txt").write_text("from a file")
    source = ("import streamlit as st, prerendered_helpers as helpers\nst.write(helpers.GREETING)\n"
              "st.write(open('data.txt').read())\n")
    changes = first_run(source, "app.py", str(tmp_path))
    assert [c["props"]["body"] for c in changes if c["op"] == "set"] == ["from helpers", "from a file"]
    assert "prerendered_helpers" not in sys.modules  # the workspace took the app's module out
