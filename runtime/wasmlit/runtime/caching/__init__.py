"""`streamlit.runtime.caching`: the cache decorators, where 1.50 also exports them."""
from __future__ import annotations

from ...caching import cache_data, cache_resource
from ...caching.errors import CACHE_DOCS_URL

__all__ = ["CACHE_DOCS_URL", "cache_data", "cache_resource"]
