"""`st.secrets`: the app's secrets.toml, as Streamlit 1.50 reads it.

`build.py --app` copies `.streamlit/secrets.toml` (or `secrets.toml`) from beside the app
into the site, and the page's loader hands its text to `st.secrets.load_text` before the
app starts (web/wasmlit.js). A site without one never requests it; then every read raises Streamlit's
"No secrets found" error. Secrets are per Python process (one per page), like Streamlit's
per-server secrets. A static site sends its secrets.toml to every visitor: it holds nothing
secret (README says so).
"""
from __future__ import annotations

import copy
import os
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any, NoReturn

from .current import running_session
from .errors import StreamlitAPIException, StreamlitSecretNotFoundError  # noqa: F401

SEARCHED = [".streamlit/secrets.toml", "secrets.toml"]  # beside the app, as build.py looks
_MORE_INFO = ("Did you forget to add it to secrets.toml, mount it to secret directory, or the "
              "app settings on Streamlit Cloud? More info: https://docs.streamlit.io/deploy/"
              "streamlit-community-cloud/deploy-your-app/secrets-management")


def _missing_attr(name: str) -> str:
    return f'st.secrets has no attribute "{name}". {_MORE_INFO}'


def _missing_key(key: str) -> str:
    return f'st.secrets has no key "{key}". {_MORE_INFO}'


def _wrap(value: Any) -> Any:
    return AttrDict(value) if isinstance(value, Mapping) else value


class AttrDict(Mapping[str, Any]):
    """A section of secrets: read by key or by attribute, never written."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        self.__dict__["__nested_secrets__"] = dict(value)

    def __len__(self) -> int:
        return len(self.__nested_secrets__)

    def __iter__(self) -> Iterator[str]:
        return iter(self.__nested_secrets__)

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(self.__nested_secrets__[key])
        except KeyError:
            raise KeyError(_missing_key(key)) from None

    def __getattr__(self, name: str) -> Any:
        try:
            return _wrap(self.__nested_secrets__[name])
        except KeyError:
            raise AttributeError(_missing_attr(name)) from None

    def __repr__(self) -> str:
        return repr(self.__nested_secrets__)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self.__nested_secrets__)


AttrDict.__module__ = "streamlit.runtime.secrets"


class Secrets(Mapping[str, Any]):
    """`st.secrets`: a read-only mapping of the parsed secrets.toml."""

    def __init__(self) -> None:
        object.__setattr__(self, "_text", None)
        object.__setattr__(self, "_path", None)
        object.__setattr__(self, "_secrets", None)

    def load_text(self, text: str | None, path: str = "secrets.toml") -> None:
        """The page's secrets.toml (None: the site has none). Parsed on first use."""
        self._reset()
        object.__setattr__(self, "_text", text)
        object.__setattr__(self, "_path", path)

    def _reset(self) -> None:
        secrets = self._secrets
        if secrets is not None:
            for key, value in secrets.items():
                if type(value) in (str, int, float) and os.environ.get(key) == value:
                    del os.environ[key]
        object.__setattr__(self, "_secrets", None)

    def _parse(self) -> Mapping[str, Any]:
        own = _app_secrets(self)
        if own is not None:
            return own._parse()
        if self._secrets is not None:
            return self._secrets
        if self._text is None:
            raise StreamlitSecretNotFoundError(
                "No secrets found. Valid paths for a secrets.toml file or secret directories "
                f"are: {', '.join(SEARCHED)}")
        import tomllib  # here, not at start-up: most apps have no secrets
        try:
            secrets = tomllib.loads(self._text)
        except (TypeError, tomllib.TOMLDecodeError) as exc:
            raise StreamlitSecretNotFoundError(
                f"Error parsing secrets file at {self._path}: {exc}") from exc
        for key, value in secrets.items():
            if type(value) in (str, int, float):
                os.environ[key] = str(value)
        object.__setattr__(self, "_secrets", secrets)
        return secrets

    def to_dict(self) -> dict[str, Any]:
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self._parse().items()}

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__") and key.endswith("__"):
            raise AttributeError(key)
        try:
            return _wrap(self._parse()[key])
        except (KeyError, FileNotFoundError):
            raise AttributeError(_missing_attr(key)) from None

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(self._parse()[key])
        except KeyError:
            raise KeyError(_missing_key(key)) from None

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __repr__(self) -> str:
        return repr(self._parse())

    def __len__(self) -> int:
        return len(self._parse())

    def has_key(self, k: str) -> bool:
        return k in self._parse()

    def keys(self) -> KeysView[str]:
        return self._parse().keys()

    def values(self) -> ValuesView[Any]:
        return self._parse().values()

    def items(self) -> ItemsView[str, Any]:
        return self._parse().items()

    def __contains__(self, key: Any) -> bool:
        return key in self._parse()

    def __iter__(self) -> Iterator[str]:
        return iter(self._parse())


Secrets.__module__ = "streamlit.runtime.secrets"

secrets = Secrets()


def _app_secrets(shared: Secrets) -> Secrets | None:
    """Inside a run of an app that has its own secrets (one of many apps on a page), the
    shared `st.secrets` reads those."""
    if shared is not secrets:
        return None
    workspace = getattr(running_session(), "workspace", None)
    return getattr(workspace, "secrets", None)
