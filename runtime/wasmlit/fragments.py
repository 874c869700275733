"""`st.fragment`: the decorator, fragment ids, and the record a fragment rerun needs.

Each call site is its own fragment: its id joins the function's name with the position
of the block it draws into, so the same call site keeps its id (and timer) across runs.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

from .current import current_session
from .delta_generator import DeltaGenerator
from .durations import run_every_seconds
from .tree import Block


@dataclass
class Fragment:
    fragment_id: str
    func: Callable[..., Any]
    args: tuple
    kwargs: dict
    block: Block                        # the vertical block the body draws into
    outer_stack: list[DeltaGenerator]   # the `with` writers around the call
    outer_fragments: list["Fragment"]    # enclosing fragments, outermost first
    run_every: float | None
    sidebar_cursor: int = 0             # where the sidebar's next element went at the call
    page_hash: str = ""                 # the page whose run called it ("" the entry script)


def fragment(func: Callable | None = None, *, run_every: Any = None):
    """Turn a function into a fragment; usable as `@st.fragment` and `@st.fragment(...)`."""
    if func is None:
        return lambda f: _make_fragment(f, run_every)
    return _make_fragment(func, run_every)


def _make_fragment(func: Callable, run_every: Any) -> Callable:
    @functools.wraps(func)
    def call_fragment(*args: Any, **kwargs: Any) -> Any:
        period = run_every_seconds(run_every)  # a bad string raises here, at the call
        return current_session().require_run().call_fragment(func, args, kwargs, period)

    return call_fragment
