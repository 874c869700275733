"""DeltaGenerator: a place to write elements, a block of the tree plus a cursor.

`st.markdown(...)` writes to the innermost `with` container of the current run;
`container.markdown(...)` writes to that container. Element commands are looked up in
the command registry (`registry.COMMANDS`), so each element family lives in its own module.

Observers see every write before it is placed (`observe_writes`): caching.replay records
what a cached function writes, without this module knowing about caching.
"""
from __future__ import annotations

from typing import Any, Callable

from .errors import StreamlitAPIException, StreamlitFragmentWidgetsNotAllowedOutsideError
from .registry import COMMANDS
from .tree import Block, Node, Props

# (dg, kind, props, is_widget), called before an element is placed.
ElementObserver = Callable[["DeltaGenerator", str, Props, bool], None]
# (dg, kind, props, single_slot, form_id), called before a block is placed; returns what
# to call with the new block's writer once it exists.
BlockObserver = Callable[["DeltaGenerator", str, Props, bool, "str | None"],
                         Callable[["DeltaGenerator"], None]]
_observers: list[tuple[ElementObserver, BlockObserver]] = []


def observe_writes(on_element: ElementObserver, on_block: BlockObserver) -> None:
    """Have every writer report its elements and blocks before placing them."""
    _observers.append((on_element, on_block))

SIDEBAR_IN_FRAGMENT = (
    "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write "
    "elements to the sidebar with a fragment, call your fragment function inside a `with "
    "st.sidebar` context manager."
)


class DeltaGenerator:
    def __init__(self, session: Any, block: Block, *, root: str | None = None,
                 single_slot: bool = False, form_id: str | None = None,
                 trimmed: bool = True) -> None:
        self.session = session      # the AppSession (session.py) this writer writes for
        self.block = block
        self.cursor = 0
        self.root = root            # "main" / "sidebar" for the two root writers
        self.single_slot = single_slot  # st.empty(): every write replaces the one slot
        self.form_id = form_id
        run = session.current_run
        if run is not None and trimmed:
            run.created.append(self)  # the run's end drops what this writer did not rewrite

    # --- context manager: `with col:` --------------------------------------------------
    def __enter__(self) -> "DeltaGenerator":
        self.session.require_run().dg_stack.append(self)
        return self

    def __exit__(self, *exc: Any) -> bool:
        stack = self.session.require_run().dg_stack
        if stack and stack[-1] is self:
            stack.pop()
        return False

    # --- element commands -----------------------------------------------------------
    def __getattr__(self, name: str):
        command = COMMANDS.get(name)
        if command is None:
            raise AttributeError(f"`{name}` is not a valid Streamlit command.")
        return lambda *args, **kwargs: command(self, *args, **kwargs)

    def _next_index(self) -> int:
        if self.single_slot:
            return 0
        index = self.cursor
        self.cursor += 1
        return index

    def check_policies(self, is_widget: bool) -> None:
        run = self.session.require_run()
        fragment = run.current_fragment
        if fragment is None:
            return
        if self.root == "sidebar":
            raise StreamlitAPIException(SIDEBAR_IN_FRAGMENT)
        if is_widget and self.block.path[: len(fragment.block.path)] != fragment.block.path:
            raise StreamlitFragmentWidgetsNotAllowedOutsideError()

    def place_element(self, kind: str, props: Props, *, is_widget: bool = False) -> Node:
        """Write one element at the cursor and return its node."""
        run = self.session.require_run()
        run.checkpoint()
        self.check_policies(is_widget)
        for on_element, _on_block in _observers:
            on_element(self, kind, props, is_widget)
        node = self.session.tree.place(self.block, self._next_index(), kind, props)
        if self.single_slot:
            self.session.tree.trim(self.block, 1)
        self.session.show_progress()
        return node

    def place_block(self, kind: str, props: Props | None = None, *, single_slot: bool = False,
                   form_id: str | None = None) -> "DeltaGenerator":
        """Create a container at the cursor and return a writer for it."""
        run = self.session.require_run()
        run.checkpoint()
        then = [on_block(self, kind, props or {}, single_slot, form_id)
                for _on_element, on_block in _observers]
        block = self.session.tree.place(self.block, self._next_index(), kind, props or {},
                                         block=True)
        assert isinstance(block, Block)
        if self.single_slot:
            self.session.tree.trim(self.block, 1)
        if single_slot:
            self.session.tree.trim(block, 0)
        self.session.show_progress()
        writer = DeltaGenerator(self.session, block, single_slot=single_slot,
                                form_id=form_id if form_id is not None else self.form_id)
        for call in then:
            call(writer)
        return writer

    def finish_run(self) -> None:
        """End of a run that created this writer: drop children it did not rewrite."""
        if not self.single_slot:
            self.session.tree.trim(self.block, self.cursor)
