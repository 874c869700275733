"""`PerSession`: a value each app session has one of, made on first use.

Lets a command family keep what it needs per session (uploaded files, the logo shown)
without the session knowing about it, nor importing the family; the value goes when its
session does. A value may act when a full run of its session ends (`end_full_run`)."""
from __future__ import annotations

import weakref
from typing import Any, TypeVar

T = TypeVar("T", bound="PerSession")


class PerSession:
    """Subclass it with a no-argument constructor; `Kind.of(session)` is that session's one."""

    _by_session: "weakref.WeakKeyDictionary[Any, PerSession]"
    _kinds: "list[type[PerSession]]" = []  # every subclass (of the families imported so far)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._by_session = weakref.WeakKeyDictionary()
        PerSession._kinds.append(cls)

    def end_full_run(self, session: Any) -> None:
        """A full run of `session` ended (it did not end superseded)."""

    @classmethod
    def of(cls: type[T], session: Any) -> T:
        value = cls._by_session.get(session)
        if value is None:
            value = cls._by_session[session] = cls()
        return value  # type: ignore[return-value]


def end_full_run(session: Any) -> None:
    """Tell each value `session` has that a full run ended: the session calls this, and
    knows nothing of the families (a family never used has no value to tell)."""
    for kind in PerSession._kinds:
        value = kind._by_session.get(session)
        if value is not None:
            value.end_full_run(session)
