"""The element tree an app shows, and the list of changes that brings the page in line.

Blocks (containers) hold an ordered list of children; leaves are single elements.
Writing at a position reuses the node already there when it is the same thing, so only
what changed is sent to the page: each change is a small dict in `Tree.changes`, which
the page (or a test) applies in order. Each change's "op", and each node's kind, is one
protocol.py names: anything else is a programming error, refused here.
"""
from __future__ import annotations

import itertools
from typing import Any

from .protocol import BLOCK_KINDS, CHANGE_OPS, ELEMENT_KINDS

Props = dict[str, Any]


class Node:
    __slots__ = ("id", "kind", "props")

    def __init__(self, node_id: str, kind: str, props: Props) -> None:
        self.id = node_id
        self.kind = kind
        self.props = props

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.kind} {self.id}>"


class Element(Node):
    __slots__ = ()


class Block(Node):
    __slots__ = ("children", "path")

    def __init__(self, node_id: str, kind: str, props: Props, path: tuple[int, ...]) -> None:
        super().__init__(node_id, kind, props)
        self.children: list[Node] = []
        self.path = path  # position from the root: (root index, child index, ...)

    def walk(self):
        """Every node below this block, depth first, in order."""
        for child in self.children:
            yield child
            if isinstance(child, Block):
                yield from child.walk()


def _identity(kind: str, props: Props) -> tuple:
    # A widget is only "the same element" when its widget id is the same too.
    return (kind, props.get("id"))


class Tree:
    """Roots for the main area, the sidebar and the app-level events (dialogs)."""

    ROOTS = ("main", "sidebar", "event", "bottom")

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.roots = {name: Block(name, "root", {}, (i,)) for i, name in enumerate(self.ROOTS)}
        self.changes: list[dict] = []

    def _new_id(self) -> str:
        return f"n{next(self._ids)}"

    def place(self, parent: Block, index: int, kind: str, props: Props, *, block: bool = False) -> Node:
        """Put an element (or an empty block) at `index` of `parent`, reusing what is there.

        A block of the same kind keeps its children (the run rewrites or trims them);
        an element with the same props is left untouched.
        """
        if kind not in (BLOCK_KINDS if block else ELEMENT_KINDS):
            raise ValueError(f"{'block' if block else 'element'} kind {kind!r} is not in "
                             "wasmlit/protocol.py")
        children = parent.children
        existing = children[index] if index < len(children) else None
        if existing is not None and isinstance(existing, Block) == block and \
                _identity(existing.kind, existing.props) == _identity(kind, props):
            if existing.props != props:
                existing.props = props
                self.changes.append({"op": "update", "id": existing.id, "props": props})
            return existing
        node: Node = Block(self._new_id(), kind, props, parent.path + (index,)) if block \
            else Element(self._new_id(), kind, props)
        if existing is not None:
            children[index] = node
        else:
            # A cursor never skips ahead, but guard against gaps all the same.
            index = len(children)
            children.append(node)
        self.changes.append({"op": "set", "parent": parent.id, "index": index, "id": node.id,
                             "kind": kind, "props": props, "block": block})
        return node

    def trim(self, parent: Block, length: int) -> None:
        """Drop the children of `parent` from `length` on (stale ones left by an earlier run)."""
        if len(parent.children) > length:
            del parent.children[length:]
            self.changes.append({"op": "trim", "parent": parent.id, "length": length})

    def show_on_page(self, node: Node, props: Props) -> None:
        """Make the page show `props` for `node` (redrawn even where the page's own value
        already matches) while the tree keeps the node's props: the next run that places
        the same props sends nothing, so the page keeps what it shows until they change."""
        self.changes.append({"op": "update", "id": node.id, "props": props, "reset": True})

    def event(self, op: str, **fields: Any) -> None:
        """A one-off change that is not part of the tree (toasts, timers, run state)."""
        if op not in CHANGE_OPS:
            raise ValueError(f"change op {op!r} is not in wasmlit/protocol.py")
        self.changes.append({"op": op, **fields})

    def take_changes(self) -> list[dict]:
        changes, self.changes = self.changes, []
        return changes

    def replay(self, changes: list[dict]) -> None:
        """Rebuild the nodes a change list describes, with its node ids, as if this tree
        had sent it (its "set", "update" and "trim" ops; the one-off ops, and the "update"s
        with "reset", which leave the tree's props alone, change nothing here). The page
        drew the build-time first run (wasmlit/prerender.py) before Python started; a
        session seeded with it sends only what its own first run changes, so what is
        unchanged on the page is never touched. For a fresh tree: its ids go on after the
        highest "nN" of the list, and nothing is left to send."""
        for root in self.roots.values():
            root.children.clear()
        nodes: dict[str, Node] = dict(self.roots)
        highest = 0
        for change in changes:
            op = change.get("op")
            if op == "set":
                parent = nodes[change["parent"]]
                assert isinstance(parent, Block), change
                index, node_id = change["index"], change["id"]
                node: Node = Block(node_id, change["kind"], change["props"], parent.path + (index,)) \
                    if change.get("block") else Element(node_id, change["kind"], change["props"])
                if index < len(parent.children):
                    parent.children[index] = node
                else:
                    parent.children.append(node)
                nodes[node_id] = node
                if node_id[:1] == "n" and node_id[1:].isdigit():
                    highest = max(highest, int(node_id[1:]))
            elif op == "update" and not change.get("reset"):
                nodes[change["id"]].props = change["props"]
            elif op == "trim":
                parent = nodes[change["parent"]]
                assert isinstance(parent, Block), change
                del parent.children[change["length"]:]
        self._ids = itertools.count(highest + 1)
        self.changes = []
