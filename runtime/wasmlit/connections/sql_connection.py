"""`SQLConnection`: a SQLAlchemy engine made from `[connections.<name>]` secrets and kwargs
(a `url`, or `dialect`, `username`, `host` and the rest), as in Streamlit 1.50. In the
browser, SQLAlchemy and sqlite3 come from Pyodide, so SQLite URLs work (a database file the
app ships, or `sqlite://` in memory); a database server is out of a static page's reach."""
from __future__ import annotations

from collections import ChainMap
from copy import deepcopy
from typing import Any

from ..caching import cache_data
from ..errors import StreamlitAPIException
from .base_connection import BaseConnection

_ALL_CONNECTION_PARAMS = {"url", "driver", "dialect", "username", "password", "host", "port",
                          "database", "query"}
_REQUIRED_CONNECTION_PARAMS = ("dialect", "username", "host")
QUERY_ATTEMPTS = 3  # Streamlit retries a failed query twice, resetting the engine between


def extract_from_dict(keys: Any, source: dict[str, Any]) -> dict[str, Any]:
    """The given keys popped out of source into a new dict."""
    return {k: source.pop(k) for k in list(keys) if k in source}


class SQLConnection(BaseConnection[Any]):
    """A connection to a SQL database through a SQLAlchemy Engine."""

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Any:
        import sqlalchemy
        from sqlalchemy.engine import URL, make_url

        kwargs = deepcopy(kwargs)
        conn_params = ChainMap(extract_from_dict(_ALL_CONNECTION_PARAMS, kwargs),
                               self._secrets.to_dict())
        if not len(conn_params):
            raise StreamlitAPIException(
                "Missing SQL DB connection configuration. "
                "Did you forget to set this in `secrets.toml` or as kwargs to `st.connection`?")
        if "url" in conn_params:
            url = make_url(conn_params["url"])
        else:
            for param in _REQUIRED_CONNECTION_PARAMS:
                if param not in conn_params:
                    raise StreamlitAPIException(f"Missing SQL DB connection param: {param}")
            drivername = conn_params["dialect"] + (
                f"+{conn_params['driver']}" if "driver" in conn_params else "")
            url = URL.create(drivername=drivername, username=conn_params["username"],
                             password=conn_params.get("password"), host=conn_params["host"],
                             port=int(conn_params["port"]) if "port" in conn_params else None,
                             database=conn_params.get("database"),
                             query=conn_params.get("query", {}))
        engine_kwargs = ChainMap(kwargs, self._secrets.get("create_engine_kwargs", {}))
        engine = sqlalchemy.create_engine(url, **engine_kwargs)
        if autocommit:
            return engine.execution_options(isolation_level="AUTOCOMMIT")
        return engine

    def query(self, sql: str, *, show_spinner: bool | str = "Running `sql.query(...)`.",
              ttl: Any = None, index_col: Any = None, chunksize: int | None = None,
              params: Any = None, **kwargs: Any) -> Any:
        """Run a read-only query; the DataFrame is cached (st.cache_data, `ttl`) by the
        connection's name and the query's text and arguments."""
        from sqlalchemy import text
        from sqlalchemy.exc import DatabaseError, InternalError, OperationalError

        def _query(sql: str, index_col: Any = None, chunksize: int | None = None,
                   params: Any = None, **kwargs: Any) -> Any:
            import pandas as pd
            for attempt in range(QUERY_ATTEMPTS):
                try:
                    return pd.read_sql(text(sql), self._instance.connect(), index_col=index_col,
                                       chunksize=chunksize, params=params, **kwargs)
                except (DatabaseError, InternalError, OperationalError):
                    self.reset()
                    if attempt == QUERY_ATTEMPTS - 1:
                        raise
            return None  # not reached

        ttl_str = str(ttl).replace(".", "_")  # no extra dots in the qualname
        _query.__qualname__ = f"{_query.__qualname__}_{self._connection_name}_{ttl_str}"
        cached = cache_data(show_spinner=show_spinner, ttl=ttl)(_query)
        return cached(sql, index_col=index_col, chunksize=chunksize, params=params, **kwargs)

    def connect(self) -> Any:
        """A new SQLAlchemy Connection from the engine (`.connect()`)."""
        return self._instance.connect()

    @property
    def engine(self) -> Any:
        """The SQLAlchemy Engine."""
        return self._instance

    @property
    def driver(self) -> str:
        """The engine's driver's name."""
        return self._instance.driver

    @property
    def session(self) -> Any:
        """A SQLAlchemy Session on the engine."""
        from sqlalchemy.orm import Session
        return Session(self._instance)


SQLConnection.__module__ = "streamlit.connections.sql_connection"
