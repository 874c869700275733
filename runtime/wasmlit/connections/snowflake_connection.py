"""`SnowflakeConnection` and `SnowparkConnection`: Streamlit's names, which a page in the
browser cannot serve: Snowflake's connectors are not in Pyodide, and a page has no sockets
to reach Snowflake with. Making one raises Streamlit's missing-module error, which the
factory (factory.py) completes with why."""
from __future__ import annotations

from typing import Any

from ..errors import StreamlitAPIException
from .base_connection import BaseConnection

UNREACHABLE = ("A page running in the browser cannot reach Snowflake (it has no network "
               "sockets), so wasmlit has no Snowflake connection.")


class SnowflakeConnection(BaseConnection[Any]):
    """A connection to Snowflake (not available in the browser)."""

    def _connect(self, **kwargs: Any) -> Any:
        import snowflake.connector  # noqa: F401  (not in Pyodide: Streamlit's error)
        raise StreamlitAPIException(UNREACHABLE)


class SnowparkConnection(BaseConnection[Any]):
    """A Snowpark session (deprecated in Streamlit; not available in the browser)."""

    def _connect(self, **kwargs: Any) -> Any:
        import snowflake.snowpark  # noqa: F401
        raise StreamlitAPIException(UNREACHABLE)


SnowflakeConnection.__module__ = "streamlit.connections.snowflake_connection"
SnowparkConnection.__module__ = "streamlit.connections.snowpark_connection"
