"""The element commands, one module per family, gathered in one registry.

Every command takes the writer (a DeltaGenerator) first: `st.markdown("x")` calls
`COMMANDS["markdown"](<active writer>, "x")`, and `col.markdown("x")` calls it with `col`.
"""
from __future__ import annotations

from typing import Any, Callable

COMMANDS: dict[str, Callable[..., Any]] = {}


def command(func: Callable[..., Any]) -> Callable[..., Any]:
    COMMANDS[func.__name__.rstrip("_")] = func
    return func


from . import charts, data, figures, layout, media, page, status, text  # noqa: E402,F401  (they register themselves)
from ..widgets import (button_group, buttons, chat, choice, data_editor, files,  # noqa: E402,F401
                       inputs, pickers, sliders)
from ..navigation import page_link as _page_link  # noqa: E402,F401  (registers st.page_link)
