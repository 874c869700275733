"""`PerSession`: a value each app session has one of, made on first use.

Lets a command family keep what it needs per session (uploaded files, the logo shown)
without the session knowing about it; the value goes when its session does."""
from __future__ import annotations

import weakref
from typing import Any, TypeVar

T = TypeVar("T", bound="PerSession")


class PerSession:
    """Subclass it with a no-argument constructor; `Kind.of(session)` is that session's one."""

    _by_session: "weakref.WeakKeyDictionary[Any, PerSession]"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._by_session = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls: type[T], session: Any) -> T:
        value = cls._by_session.get(session)
        if value is None:
            value = cls._by_session[session] = cls()
        return value  # type: ignore[return-value]
