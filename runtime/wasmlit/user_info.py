"""`st.user`, `st.experimental_user`, `st.login` and `st.logout` on a static page.

A static site has no server to run an OpenID Connect login flow or keep its cookie, so it
has no authentication provider: `st.user` is a logged-out user (`{"is_logged_in": False}`,
what 1.50 shows before a login), `st.login()` raises 1.50's error for an app without a
configured provider (saying why), and `st.logout()` has nobody to log out.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NoReturn

from .commands import st_command
from .current import running_session
from .errors import StreamlitAPIException, StreamlitAuthError

NO_PROVIDER = (
    "To use authentication features you need to configure credentials for at least one "
    "authentication provider in `.streamlit/secrets.toml`. A static wasmlit site has no "
    "server to run a login flow, so it cannot have an authentication provider: its "
    "`st.user` is always logged out.")


def _user_info() -> dict[str, Any]:
    session = running_session()
    return dict(session.user_info) if session is not None else {}  # 1.50: {} outside a run


class UserInfoProxy(Mapping[str, Any]):
    """`st.user`: read-only, by key or attribute; `to_dict()` gives a plain dict."""

    def __getitem__(self, key: str) -> Any:
        try:
            return _user_info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        try:
            return _user_info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(_user_info())

    def __len__(self) -> int:
        return len(_user_info())

    def to_dict(self) -> dict[str, Any]:
        return _user_info()


_warned_experimental = False


class DeprecatedUserInfoProxy(UserInfoProxy):
    """`st.experimental_user`: `st.user` with 1.50's deprecation warning (once)."""

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("__"):
            _warn_experimental()
        return super().__getattribute__(name)

    def __getitem__(self, key: str) -> Any:
        _warn_experimental()
        return super().__getitem__(key)


def _warn_experimental() -> None:
    global _warned_experimental
    session = running_session()
    if _warned_experimental or session is None or session.current_run is None:
        return
    _warned_experimental = True
    st_command("warning")("Please replace `st.experimental_user` with `st.user`.\n\n"
                         "`st.experimental_user` will be removed after 2025-11-06.")


def login(provider: str | None = None) -> None:
    """st.login: a static site has no authentication provider (1.50's error, explained)."""
    if running_session() is None:
        return  # 1.50 does nothing outside a run
    raise StreamlitAuthError(NO_PROVIDER)


def logout() -> None:
    """st.logout: the user of a static site is never logged in; nothing to do."""


# st.user and st.experimental_user (`streamlit` gives them on first use: lazy_names.py).
user = UserInfoProxy()
experimental_user = DeprecatedUserInfoProxy()
