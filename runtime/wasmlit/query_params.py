"""`st.query_params`, kept in step with the page URL, as in Streamlit 1.50.

The session holds one `QueryParams` (the state): the page sends its query string with the
first rerun event (and after a Back/Forward navigation), every run starts from that string
parsed (a key seen once holds a string, a repeated key a list), and each write sends the
page a change `{"op": "query", "query": "<urlencoded>"}` that puts it in the URL without a
reload (web/render.js). `st.query_params` is a `QueryParamsProxy` on the current session's
state. `embed` and `embed_options` stay in the URL but are hidden and cannot be set.
Also the deprecated `st.experimental_get_query_params` / `st.experimental_set_query_params`,
which 1.50 still has (an app may use one API or the other, not both).

Nothing here touches the browser.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from .current import current_session
from .errors import StreamlitAPIException


def _parse():
    """urllib.parse, imported on first use (it imports ipaddress: slow at start-up)."""
    from urllib import parse
    return parse


EMBED = "embed"
EMBED_OPTIONS = "embed_options"
EMBED_KEYS = [EMBED, EMBED_OPTIONS]

_DEPRECATION = (
    "Please replace `st.{old}` with `st.query_params`.\n\n`st.{old}` will be removed after "
    "2024-04-11.\n\nRefer to our [docs page](https://docs.streamlit.io/develop/api-reference/"
    "caching-and-state/st.query_params) for more information.")


def missing_key_error_message(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def missing_attr_error_message(key: str) -> str:
    return f'st.query_params has no attribute "{key}".'


class QueryParams(MutableMapping[str, str]):
    """One session's query parameters: str keys, str values (lists for repeated keys)."""

    def __init__(self, tree: Any) -> None:
        self._tree = tree                  # where the change for the page goes
        self._params: dict[str, list[str] | str] = {}
        self.query_string = ""             # as the page's URL has it (without "?")
        self._production_used = False
        self._experimental_used = False

    # --- from the page and the run loop -------------------------------------------------
    def from_page(self, query: str | None) -> None:
        """The query string a page event carries (None: the event has none)."""
        if query is not None:
            self.query_string = query[1:] if query.startswith("?") else query

    def begin_run(self) -> None:
        """Every run starts from the URL's query string, as Streamlit's does."""
        self._params = {}
        if not self.query_string:  # the usual case: no need to import urllib.parse
            return
        for key, values in _parse().parse_qs(self.query_string, keep_blank_values=True).items():
            self._params[key] = "" if not values else values[0] if len(values) == 1 else values

    def _send(self) -> None:
        self._check_single_api(production=True)
        self.query_string = _parse().urlencode(self._params, doseq=True)
        self._tree.event("query", query=self.query_string)

    def _check_single_api(self, *, production: bool) -> None:
        if production:
            self._production_used = True
        else:
            self._experimental_used = True
        if self._production_used and self._experimental_used:
            raise StreamlitAPIException(
                "Using `st.query_params` together with either `st.experimental_get_query_params` "
                "or `st.experimental_set_query_params` is not supported. Please "
                " convert your app to only use `st.query_params`")

    # --- the mapping ---------------------------------------------------------------------
    def __iter__(self) -> Iterator[str]:
        self._check_single_api(production=True)
        return iter(k for k in self._params if k not in EMBED_KEYS)

    def __len__(self) -> int:
        self._check_single_api(production=True)
        return len({k for k in self._params if k not in EMBED_KEYS})

    def __str__(self) -> str:
        self._check_single_api(production=True)
        return str(self._params)

    def __getitem__(self, key: str) -> str:
        """The value, or the last of a repeated key's values ("" if it has none)."""
        self._check_single_api(production=True)
        if key in EMBED_KEYS or key not in self._params:
            raise KeyError(missing_key_error_message(key))
        value = self._params[key]
        if isinstance(value, list):
            return value[-1] if value else ""
        return value

    def _set(self, key: str, value: Any) -> None:
        if isinstance(value, dict):
            raise StreamlitAPIException(
                f"You cannot set a query params key `{key}` to a dictionary.")
        if key in EMBED_KEYS:
            raise StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set "
                "programmatically.")
        if isinstance(value, Iterable) and not isinstance(value, str):
            self._params[key] = [str(item) for item in value]
        else:
            self._params[key] = str(value)

    def __setitem__(self, key: str, value: Any) -> None:
        self._check_single_api(production=True)
        self._set(key, value)
        self._send()

    def __delitem__(self, key: str) -> None:
        self._check_single_api(production=True)
        if key in EMBED_KEYS or key not in self._params:
            raise KeyError(missing_key_error_message(key))
        del self._params[key]
        self._send()

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several keys at once (one URL change)."""
        self._check_single_api(production=True)
        if hasattr(other, "keys") and hasattr(other, "__getitem__"):
            for key in other.keys():
                self._set(key, other[key])
        else:
            for key, value in other:
                self._set(key, value)
        for key, value in kwds.items():
            self._set(key, value)
        self._send()

    def get_all(self, key: str) -> list[str]:
        self._check_single_api(production=True)
        if key not in self._params or key in EMBED_KEYS:
            return []
        value = self._params[key]
        return value if isinstance(value, list) else [value]

    def clear(self) -> None:
        self._check_single_api(production=True)
        self._params = {k: v for k, v in self._params.items() if k in EMBED_KEYS}
        self._send()

    def to_dict(self) -> dict[str, str]:
        self._check_single_api(production=True)
        return {key: self[key] for key in self._params if key not in EMBED_KEYS}

    def from_dict(self, params: Any) -> None:
        """Replace every key (embed ones stay); on an error nothing changes."""
        self._check_single_api(production=True)
        before = self._params.copy()
        self._params = {k: v for k, v in self._params.items() if k in EMBED_KEYS}
        try:
            self.update(params)
        except StreamlitAPIException:
            self._params = before
            raise

    # --- the deprecated API ----------------------------------------------------------------
    def experimental_get(self) -> dict[str, list[str]]:
        self._check_single_api(production=False)
        parsed = _parse().parse_qs(self.query_string, keep_blank_values=True)
        return {k: v for k, v in parsed.items() if k.lower() not in EMBED_KEYS}

    def experimental_set(self, params: dict[str, Any]) -> None:
        self._check_single_api(production=False)
        if any(k.lower() in EMBED_KEYS for k in params):
            raise StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set using "
                "set_query_params method.")
        current = _parse().parse_qs(self.query_string, keep_blank_values=True)

        def kept(name: str) -> list[str]:
            return list({v.lower() for k, values in current.items() if k.lower() == name
                         for v in values})
        embed = _parse().urlencode({EMBED: kept(EMBED), EMBED_OPTIONS: kept(EMBED_OPTIONS)},
                                doseq=True)
        query = _parse().urlencode(params, doseq=True)
        self.query_string = ("&" if embed else "").join([query, embed]) if query else embed
        self._tree.event("query", query=self.query_string)


class QueryParamsProxy(MutableMapping[str, str]):
    """`st.query_params`: items and attributes are the current session's query params."""

    __slots__ = ("_qp",)

    def __init__(self, state: QueryParams) -> None:
        object.__setattr__(self, "_qp", state)

    def __iter__(self) -> Iterator[str]:
        return iter(self._qp)

    def __len__(self) -> int:
        return len(self._qp)

    def __str__(self) -> str:
        return str(self._qp)

    def __getitem__(self, key: str) -> str:
        try:
            return self._qp[key]
        except KeyError:
            raise KeyError(missing_key_error_message(key)) from None

    def __delitem__(self, key: str) -> None:
        del self._qp[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._qp[key] = value

    def __getattr__(self, key: str) -> str:
        try:
            return self._qp[key]
        except KeyError:
            raise AttributeError(missing_attr_error_message(key)) from None

    def __delattr__(self, key: str) -> None:
        try:
            del self._qp[key]
        except KeyError:
            raise AttributeError(missing_key_error_message(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._qp[key] = value

    def update(self, params: Any = (), /, **kwds: Any) -> None:
        self._qp.update(params, **kwds)

    def get_all(self, key: str) -> list[str]:
        return self._qp.get_all(key)

    def clear(self) -> None:
        self._qp.clear()

    def to_dict(self) -> dict[str, str]:
        return self._qp.to_dict()

    def from_dict(self, params: Any) -> None:
        return self._qp.from_dict(params)


QueryParamsProxy.__module__ = "streamlit.runtime.state.query_params_proxy"


def experimental_get_query_params() -> dict[str, list[str]]:
    """Deprecated in Streamlit: the URL's query parameters, every value a list."""
    result = current_session().query_params.experimental_get()
    _deprecation_warning("experimental_get_query_params")
    return result


def experimental_set_query_params(**query_params: Any) -> None:
    """Deprecated in Streamlit: replace the URL's query parameters."""
    current_session().query_params.experimental_set(query_params)
    _deprecation_warning("experimental_set_query_params")


def _deprecation_warning(old: str) -> None:
    run = current_session().current_run
    if run is not None and run.dg_stack:
        run.active_dg().warning(_DEPRECATION.format(old=old))
