"""The element commands' registry: `st.<name>` and `<container>.<name>` look commands up here.

Every command takes the writer (a DeltaGenerator) first: `st.markdown("x")` calls
`COMMANDS["markdown"](<active writer>, "x")`, and `col.markdown("x")` calls it with `col`.
Each family module (elements/, widgets/, navigation) registers its commands with `@command`
when imported. Families are imported on first use: a name not registered yet that
`lazy_names.COMMAND_MODULES` lists imports its module, which registers it. So `in`, `get`
and `[]` see every command; iterating sees only those imported so far.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable

from .lazy_names import COMMAND_MODULES


class CommandTable(dict):
    """{name: command}, importing a command's family when the name is first looked up."""

    def __missing__(self, name: str) -> Callable[..., Any]:
        module = COMMAND_MODULES.get(name) if isinstance(name, str) else None
        if module is None:
            raise KeyError(name)
        importlib.import_module(module)
        return dict.__getitem__(self, name)

    def get(self, name: Any, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or name in COMMAND_MODULES


COMMANDS: CommandTable = CommandTable()


def command(func: Callable[..., Any]) -> Callable[..., Any]:
    """Register `func` under its name (a trailing underscore dropped: `map_` is `map`)."""
    COMMANDS[func.__name__.rstrip("_")] = func
    return func
