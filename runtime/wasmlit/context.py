"""`st.context`: what the browser tells about the user's page, as in Streamlit 1.50.

The page sends it with the first rerun event (web/render.js): timezone and offset (Intl),
locale (navigator.language), url (location.href without query and hash), whether the app
is embedded (`?embed=true`), the theme type, the headers a browser can know (Host,
User-Agent, Cookie) and document.cookie. There is no server: `ip_address` is None, as
Streamlit gives for a local user.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from .context_info import ContextInfo


@functools.lru_cache(maxsize=None)
def _normalize_header(name: str) -> str:
    return "-".join(w.capitalize() for w in name.split("-"))


class StreamlitHeaders(Mapping[str, str]):
    """Header names are case-insensitive; a repeated header's first value wins ([...][0]),
    `get_all` gives them all."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        grouped: dict[str, list[str]] = {}
        for key, value in headers:
            grouped.setdefault(_normalize_header(key), []).append(value)
        self._headers = grouped

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_normalize_header(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_normalize_header(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __len__(self) -> int:
        return len(self._headers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}


class StreamlitCookies(Mapping[str, str]):
    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = MappingProxyType(dict(cookies))

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __len__(self) -> int:
        return len(self._cookies)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


class StreamlitTheme(dict):
    """`{"type": "light"}`, also readable as `.type`."""

    def __getattr__(self, key: str) -> Any:
        try:
            item = self[key]
        except KeyError as err:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{key}'") from err
        return StreamlitTheme(item) if isinstance(item, dict) else item

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


def parse_cookies(header: str) -> dict[str, str]:
    """document.cookie (or a Cookie header) as the server would read it: `name=value`
    pairs split on ";", quotes undone, names a cookie cannot have dropped."""
    import http.cookies  # here, not at start-up: read only by st.context.cookies
    jar = http.cookies.SimpleCookie()
    for chunk in header.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep:
            key, value = "", chunk
        key, value = key.strip(), value.strip()
        if not (key or value):
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = http.cookies._unquote(value)
        try:
            jar[key] = value
        except http.cookies.CookieError:
            continue
    return {key: morsel.value for key, morsel in jar.items()}


class ContextProxy:
    """`st.context` for one session: read-only views of what the page sent."""

    def __init__(self, info: ContextInfo) -> None:
        self._info = info

    @property
    def headers(self) -> StreamlitHeaders:
        return StreamlitHeaders([tuple(pair) for pair in self._info.get("headers") or []])

    @property
    def cookies(self) -> StreamlitCookies:
        return StreamlitCookies(parse_cookies(self._info.get("cookies") or ""))

    @property
    def theme(self) -> StreamlitTheme:
        return StreamlitTheme({"type": self._info.get("theme")})

    @property
    def timezone(self) -> str | None:
        return self._info.get("timezone")

    @property
    def timezone_offset(self) -> int | None:
        offset = self._info.get("timezone_offset")
        return None if offset is None else int(offset)

    @property
    def locale(self) -> str | None:
        return self._info.get("locale")

    @property
    def url(self) -> str | None:
        url = self._info.get("url")
        return None if url is None else url.removesuffix("/").removesuffix("/")

    @property
    def ip_address(self) -> str | None:
        return None

    @property
    def is_embedded(self) -> bool | None:
        embedded = self._info.get("is_embedded")
        return None if embedded is None else bool(embedded)


for _cls in (StreamlitHeaders, StreamlitCookies, StreamlitTheme, ContextProxy):
    _cls.__module__ = "streamlit.runtime.context"
