"""protocol.py names every change op, page event kind, element kind and block kind; the tree
refuses the others (a programming error a test run catches), and the session takes every
page event kind it names."""
from __future__ import annotations

import pytest

from wasmlit import protocol
from wasmlit.session import AppSession
from wasmlit.tree import Tree


def test_the_names_are_frozensets_of_str():
    for name in ("CHANGE_OPS", "PAGE_EVENT_KINDS", "ELEMENT_KINDS", "BLOCK_KINDS"):
        names = getattr(protocol, name)
        assert isinstance(names, frozenset) and names, name
        assert all(isinstance(n, str) for n in names), name
    assert not protocol.ELEMENT_KINDS & protocol.BLOCK_KINDS


def test_the_tree_refuses_a_kind_or_op_protocol_py_does_not_name():
    tree = Tree()
    main = tree.roots["main"]
    tree.place(main, 0, "markdown", {"body": "x"})
    tree.place(main, 1, "expander", {"label": "x"}, block=True)
    tree.event("timers", timers={})
    with pytest.raises(ValueError, match="not in wasmlit/protocol.py"):
        tree.place(main, 2, "no_such_element", {})
    with pytest.raises(ValueError, match="not in wasmlit/protocol.py"):
        tree.place(main, 2, "markdown", {}, block=True)  # an element kind is no block kind
    with pytest.raises(ValueError, match="not in wasmlit/protocol.py"):
        tree.event("no_such_op")
    assert [c["op"] for c in tree.take_changes()] == ["set", "set", "timers"]


@pytest.mark.parametrize("kind", sorted(protocol.PAGE_EVENT_KINDS))
def test_the_session_takes_every_page_event_kind(kind):
    session = AppSession("import streamlit as st\nst.write('hi')", "app.py")
    session.enqueue({"kind": kind, "fragment": "none", "values": {}})


def test_the_session_refuses_other_page_events():
    session = AppSession("", "app.py")
    with pytest.raises(ValueError):
        session.enqueue({"kind": "no_such_event"})
