"""Elements a cached function writes: recorded when it runs (a cache miss) and written
again when its cached value is used (a hit), as Streamlit 1.50 replays them.

Each element or block written while a cached function runs is recorded with the writer it
was written on, named as Streamlit names it: a block the function created itself keeps its
own name; the active writer (plain `st.foo` calls, or `with` blocks from outside the
function) is "main", which on replay means the writer active at the call site; an explicit
`st.sidebar.foo` is "sidebar". An explicit write on a block created outside the function
cannot be replayed: on a hit it raises CacheReplayClosureError.

Every DeltaGenerator reports its writes to `element_written` and `block_added` (registered
with `observe_writes` below); they do nothing unless a cached function is running in that
session. Recordings are kept per session and
per cache kind (cache_data and cache_resource record separately, as in Streamlit).
"""
from __future__ import annotations

import contextlib
import copy
import itertools
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..delta_generator import observe_writes
from ..elements.exception_display import show_exception
from .errors import CachedWidgetWarning, CacheReplayClosureError

_names = itertools.count(1)


@dataclass(frozen=True)
class Message:
    on: str                     # name of the writer it was written on
    kind: str
    props: dict
    block: bool = False
    single_slot: bool = False
    form_id: str | None = None
    returns: str | None = None  # a block: the name of the writer it returned


@dataclass
class Frame:
    """One running cached function: what it wrote, and the blocks it created."""
    messages: list[Message] = field(default_factory=list)
    seen: dict[int, str] = field(default_factory=dict)   # id(writer) -> name
    keep: list[Any] = field(default_factory=list)        # keeps those ids valid


# session -> {api: frames of the cached functions running now, outermost first}
_running: "weakref.WeakKeyDictionary[Any, dict[str, list[Frame]]]" = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def recording(session: Any, api: str) -> Iterator[Frame]:
    """Record what is written while the body runs (the cached function's call)."""
    frame = Frame()
    if session is None:
        yield frame
        return
    stacks = _running.setdefault(session, {})
    stack = stacks.setdefault(api, [])
    stack.append(frame)
    try:
        yield frame
    finally:
        stack.remove(frame)


def in_cached_function(session: Any) -> bool:
    stacks = _running.get(session) if session is not None else None
    return bool(stacks) and any(stacks.values())


def _writer_name(stack: list[Frame], dg: Any) -> str:
    name = stack[-1].seen.get(id(dg))
    if name is not None:
        return name
    run = dg.session.current_run
    if run is not None and run.dg_stack and run.dg_stack[-1] is dg:
        return "main"
    if dg is dg.session.sidebar:
        return "sidebar"
    return f"outside:{id(dg)}"  # unknown when replayed


def element_written(dg: Any, kind: str, props: dict, is_widget: bool) -> None:
    """Called by DeltaGenerator.place_element before it places an element."""
    stacks = _running.get(dg.session)
    if not stacks or not any(stacks.values()):
        return
    if is_widget:
        _warn_widget(dg.session)
    for stack in stacks.values():
        if stack:
            message = Message(_writer_name(stack, dg), kind, copy.deepcopy(props))
            for frame in stack:
                frame.messages.append(message)


def block_added(dg: Any, kind: str, props: dict, single_slot: bool,
                form_id: str | None) -> Callable[[Any], None]:
    """Called by DeltaGenerator.place_block before it places a block; the function it
    returns is called with the writer of the new block."""
    stacks = _running.get(dg.session)
    if not stacks or not any(stacks.values()):
        return _ignore
    if kind == "form":
        _warn_widget(dg.session)
    name = f"block:{next(_names)}"
    for stack in stacks.values():
        if stack:
            message = Message(_writer_name(stack, dg), kind, copy.deepcopy(props), block=True,
                              single_slot=single_slot, form_id=form_id, returns=name)
            for frame in stack:
                frame.messages.append(message)

    def named(writer: Any) -> None:
        for stack in stacks.values():
            for frame in stack:
                frame.seen[id(writer)] = name
                frame.keep.append(writer)
    return named


def _ignore(writer: Any) -> None:
    pass


def _warn_widget(session: Any) -> None:
    """Streamlit shows CachedWidgetWarning (with st.exception) before a widget or form
    created in a cached function."""
    run = session.current_run
    if run is not None and run.dg_stack:
        show_exception(run.active_dg(), CachedWidgetWarning(), uncaught=False)


observe_writes(element_written, block_added)


def replay(session: Any, messages: list[Message], api: str, func: Callable[..., Any]) -> None:
    """Write the recorded elements again, at the call site of this run."""
    if not messages or session is None or session.current_run is None:
        return
    run = session.current_run
    writers: dict[str, Any] = {"main": run.active_dg(), "sidebar": session.sidebar}
    for message in messages:
        dg = writers.get(message.on)
        if dg is None:
            raise CacheReplayClosureError(api, func)
        props = copy.deepcopy(message.props)
        if message.block:
            writers[message.returns] = dg.place_block(message.kind, props,
                                                     single_slot=message.single_slot,
                                                     form_id=message.form_id)
        else:
            dg.place_element(message.kind, props)
