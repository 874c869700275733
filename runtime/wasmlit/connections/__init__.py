"""`st.connections` (the connection classes) and, in factory.py, `st.connection`."""
from __future__ import annotations

from .base_connection import BaseConnection
from .snowflake_connection import SnowflakeConnection, SnowparkConnection
from .sql_connection import SQLConnection

ExperimentalBaseConnection = BaseConnection

__all__ = ["BaseConnection", "ExperimentalBaseConnection", "SQLConnection", "SnowflakeConnection",
           "SnowparkConnection"]
