"""The module-level `st.*` commands: each writes to the active container of the current run."""
from __future__ import annotations

import functools
from typing import Any, Callable, NoReturn

from .current import current_session
from .errors import StopException
from .registry import COMMANDS


def on_active_writer(name: str, command: Callable[..., Any]) -> Callable[..., Any]:
    """`st.<name>`: the registered command, called with the current run's active writer."""
    @functools.wraps(command)
    def st_command(*args: Any, **kwargs: Any) -> Any:
        return command(current_session().require_run().active_dg(), *args, **kwargs)

    st_command.__name__ = name
    return st_command


def st_command(name: str) -> Callable[..., Any]:
    """`st.<name>` for one registered command."""
    return on_active_writer(name, COMMANDS[name])


def st_commands() -> dict[str, Callable[..., Any]]:
    """Every registered command as `st.<name>` (called once the families are imported)."""
    return {name: on_active_writer(name, command) for name, command in COMMANDS.items()}


def rerun(*, scope: str = "app") -> NoReturn:
    """Stop this run and start a new one (of the whole app, or of the current fragment)."""
    current_session().rerun(scope)
    raise AssertionError("unreachable")


def stop() -> NoReturn:
    """End this run here; what it drew so far stays."""
    current_session().require_run().checkpoint()
    raise StopException()
