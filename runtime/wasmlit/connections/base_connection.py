"""`st.connections.BaseConnection`: what every connection `st.connection` makes extends.
A subclass supplies `_connect(**kwargs)`; the base keeps its name, the kwargs, and the
raw object `_connect` made (made again after `reset()`), and reads its settings from the
`[connections.<name>]` section of secrets.toml, as in Streamlit 1.50."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Generic, TypeVar

from ..errors import StreamlitSecretNotFoundError
from ..secrets import AttrDict, secrets

RawConnectionT = TypeVar("RawConnectionT")


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The abstract base class of every connection: implement `_connect`."""

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    def __getattribute__(self, name: str) -> Any:
        # Streamlit's hint when the name belongs to the raw connection object.
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            if hasattr(self._instance, name):
                raise AttributeError(
                    f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead")
            raise

    @property
    def _secrets(self) -> AttrDict:
        """This connection's `[connections.<name>]` secrets; empty when there are none."""
        try:
            section = secrets["connections"]
        except (KeyError, StreamlitSecretNotFoundError):
            return AttrDict({})
        if not isinstance(section, AttrDict):
            return AttrDict({})
        found = section.get(self._connection_name)
        return found if isinstance(found, AttrDict) else AttrDict({})

    def reset(self) -> None:
        """Drop the raw connection; the next use makes a new one."""
        self._raw_instance = None

    @property
    def _instance(self) -> RawConnectionT:
        """The raw connection object, made again if it was reset."""
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Make the raw connection object (when the connection is made, and after reset)."""
        raise NotImplementedError


BaseConnection.__module__ = "streamlit.connections.base_connection"
