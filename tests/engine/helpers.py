"""Small helpers so engine tests read like the behaviour they pin.

`App(source)` compiles an app (dedented source that does `import streamlit as st`), runs
it once in full, and offers page actions (click, set, tick, rerun) and views of the tree.
"""
from __future__ import annotations

import textwrap
from typing import Any

from wasmlit import AppSession
from wasmlit.tree import Block, Node


class App:
    def __init__(self, source: str, *, host: Any = None, run: bool = True) -> None:
        self.session = AppSession(textwrap.dedent(source), "app.py", host)
        if run:
            self.rerun()

    # --- page actions -------------------------------------------------------------------
    def _send(self, event: dict) -> "App":
        self.session.enqueue(event)
        self.session.run_pending()
        return self

    def rerun(self) -> "App":
        return self._send({"kind": "rerun"})

    def click(self, label: str, root: str = "main") -> "App":
        return self._send({"kind": "widgets", "values": {self.widget_id(label, root): True}})

    def set(self, label: str, value: Any, root: str = "main") -> "App":
        return self._send({"kind": "widgets", "values": {self.widget_id(label, root): value}})

    def submit(self, button: str, **values_by_label: Any) -> "App":
        values = {self.widget_id(button): True}
        for label, value in values_by_label.items():
            values[self.widget_id(label)] = value
        return self._send({"kind": "widgets", "values": values})

    def tick(self, fragment_id: str) -> "App":
        return self._send({"kind": "tick", "fragment": fragment_id})

    # --- views --------------------------------------------------------------------------
    @property
    def state(self):
        return self.session.state

    def root(self, name: str = "main") -> Block:
        return self.session.tree.roots[name]

    def nodes(self, kind: str | None = None, root: str = "main", within: Block | None = None) -> list[Node]:
        top = within if within is not None else self.root(root)
        return [n for n in top.walk() if kind is None or n.kind == kind]

    def texts(self, root: str = "main", within: Block | None = None) -> list[str]:
        """Bodies of markdown elements (st.markdown, st.write of strings), in order."""
        return [n.props["body"] for n in self.nodes("markdown", root, within)]

    def widget(self, label: str, root: str = "main") -> Node:
        found = [n for n in self.nodes(root=root) if "id" in n.props and n.props.get("label") == label]
        assert len(found) == 1, f"expected one widget labelled {label!r} in {root}, found {len(found)}"
        return found[0]

    def widget_id(self, label: str, root: str = "main") -> str:
        return self.widget(label, root).props["id"]

    def has_widget(self, label: str, root: str = "main") -> bool:
        return any("id" in n.props and n.props.get("label") == label for n in self.nodes(root=root))

    def exceptions(self, root: str = "main", within: Block | None = None) -> list[dict]:
        return [n.props for n in self.nodes("exception", root, within)]

    def alerts(self, root: str = "main") -> list[dict]:
        return [n.props for n in self.nodes("alert", root)]

    def fragment_blocks(self, root: str = "main") -> list[Block]:
        return [n for n in self.nodes(root=root) if isinstance(n, Block) and n.props.get("fragment")]

    @property
    def fragment_ids(self) -> list[str]:
        return list(self.session.fragments)

    def only_fragment(self) -> str:
        assert len(self.session.fragments) == 1, list(self.session.fragments)
        return next(iter(self.session.fragments))

    def fragment_named(self, name: str) -> list[str]:
        """Ids of the registered fragments whose function is `name`, in call order."""
        return [fid for fid, f in self.session.fragments.items() if f.func.__name__ == name]


def markdown_and_errors(session: AppSession) -> list[str]:
    """What a session's main area shows as text: each Markdown body, and each exception as
    "Type: message", in order."""
    out = []
    for node in session.tree.roots["main"].walk():
        if node.kind == "markdown":
            out.append(node.props["body"])
        elif node.kind == "exception":
            out.append(f'{node.props["type"]}: {node.props["message"]}')
    return out
