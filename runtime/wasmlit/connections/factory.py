"""`st.connection(name, type=None, max_entries=None, ttl=None, **kwargs)`: make a connection,
or hand back the one made before. As in Streamlit 1.50 the type comes from `type`, from the
name ("sql", "snowflake", "snowpark") or from `[connections.<name>] type = ...` in
secrets.toml; a string type is a first-party name or a dotted path to a class; and the
connection is cached with st.cache_resource by name, class and kwargs (its `ttl` and
`max_entries` name a cache of their own)."""
from __future__ import annotations

import importlib
import os
import re
from typing import Any

from ..caching import cache_resource
from ..errors import StreamlitAPIException
from ..secrets import secrets
from .base_connection import BaseConnection
from .snowflake_connection import UNREACHABLE, SnowflakeConnection, SnowparkConnection
from .sql_connection import SQLConnection

FIRST_PARTY_CONNECTIONS: dict[str, type[BaseConnection[Any]]] = {
    "snowflake": SnowflakeConnection,
    "snowpark": SnowparkConnection,
    "sql": SQLConnection,
}
# The missing module's name (Streamlit's greedy `'(.+)'` would run on to a later quote, as
# in the page's longer message when a package cannot be loaded).
_MODULE_EXTRACTION_REGEX = re.compile(r"No module named '([^']+)'")
_MODULES_TO_PYPI_PACKAGES = {
    "MySQLdb": "mysqlclient",
    "psycopg2": "psycopg2-binary",
    "sqlalchemy": "sqlalchemy",
    "snowflake": "snowflake-connector-python",
    "snowflake.connector": "snowflake-connector-python",
    "snowflake.snowpark": "snowflake-snowpark-python",
}
# Drivers of database servers: in the browser, not only missing but of no use.
SERVER_DRIVERS = ("MySQLdb", "psycopg", "psycopg2", "pymysql", "pyodbc", "cx_Oracle", "oracledb", "pg8000",
                  "asyncpg", "pymssql")
NO_SERVER = ("A page running in the browser cannot reach a database server; SQLite databases "
             "(a file the app ships, or sqlite:// in memory) work.")
_USE_ENV_PREFIX = "env:"


def _create_connection(name: str, connection_class: Any, max_entries: int | None = None,
                       ttl: Any = None, **kwargs: Any) -> Any:
    """connection_class(connection_name=name, **kwargs), cached with st.cache_resource."""
    def __create_connection(name: str, connection_class: Any, **kwargs: Any) -> Any:
        return connection_class(connection_name=name, **kwargs)

    if not (isinstance(connection_class, type) and issubclass(connection_class, BaseConnection)):
        raise StreamlitAPIException(f"{connection_class} is not a subclass of BaseConnection!")
    ttl_str = str(ttl).replace(".", "_")  # no extra dots in the qualname
    __create_connection.__qualname__ = f"{__create_connection.__qualname__}_{ttl_str}_{max_entries}"
    cached = cache_resource(max_entries=max_entries, show_spinner="Running `st.connection(...)`.",
                            ttl=ttl)(__create_connection)
    return cached(name, connection_class, **kwargs)


def _get_first_party_connection(connection_class: str) -> type[BaseConnection[Any]]:
    if connection_class in FIRST_PARTY_CONNECTIONS:
        return FIRST_PARTY_CONNECTIONS[connection_class]
    raise StreamlitAPIException(
        f"Invalid connection '{connection_class}'. "
        f"Supported connection classes: {FIRST_PARTY_CONNECTIONS}")


def connection_factory(name: str, type: Any = None, max_entries: int | None = None,
                       ttl: Any = None, **kwargs: Any) -> Any:
    """Create a new connection to a data store or API, or return an existing one."""
    if name.startswith(_USE_ENV_PREFIX):
        name = os.environ[name[len(_USE_ENV_PREFIX):]]
    connection_class = type
    if connection_class is None:
        if name in FIRST_PARTY_CONNECTIONS:
            connection_class = _get_first_party_connection(name)
        else:
            connection_class = secrets["connections"][name]["type"]
    if isinstance(connection_class, str):
        if "." in connection_class:
            module, _, classname = connection_class.rpartition(".")
            connection_class = getattr(importlib.import_module(module), classname)
        else:
            connection_class = _get_first_party_connection(connection_class)
    try:
        return _create_connection(name, connection_class, max_entries=max_entries, ttl=ttl,
                                  **kwargs)
    except ModuleNotFoundError as e:
        missing = _MODULE_EXTRACTION_REGEX.search(str(e))
        module = missing.group(1) if missing else ""
        extra_info = "You may be missing a dependency required to use this connection."
        if module in _MODULES_TO_PYPI_PACKAGES:
            extra_info = (f"You need to install the '{_MODULES_TO_PYPI_PACKAGES[module]}' "
                          "package to use this connection.")
        if module.split(".")[0] == "snowflake":
            extra_info += " " + UNREACHABLE
        elif module.split(".")[0] in SERVER_DRIVERS:
            extra_info += " " + NO_SERVER
        raise ModuleNotFoundError(f"{e}. {extra_info}")
