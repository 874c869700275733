"""`st.cache_data` and `st.cache_resource`, as in Streamlit 1.50.

api.py: decorators, wrapper and caches; hashing.py: argument hashing; storage.py: TTL and
LRU storage; replay.py: elements written in a cached function, replayed on a hit;
errors.py: the errors with Streamlit's texts.
"""
from __future__ import annotations

from .api import BoundCachedFunc, CachedFunc, CacheDataAPI, CacheResourceAPI, legacy_cache
from .errors import CACHE_DOCS_URL

cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
cache = legacy_cache  # st.cache, deprecated

__all__ = ["BoundCachedFunc", "CACHE_DOCS_URL", "CachedFunc", "CacheDataAPI",
           "CacheResourceAPI", "cache", "cache_data", "cache_resource"]
