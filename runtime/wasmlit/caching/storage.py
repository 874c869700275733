"""In-memory storage for one cached function: entries expire `ttl` seconds after they were
written, and past `max_entries` the least recently used entry goes (as cachetools'
TTLCache, which Streamlit uses)."""
from __future__ import annotations

import math
import time
from collections import OrderedDict
from typing import Any

clock = time.monotonic  # tests replace it to move time forward


class MemoryStore:
    def __init__(self, max_entries: float | None, ttl_seconds: float | None) -> None:
        self.max_entries = math.inf if max_entries is None else max_entries
        self.ttl_seconds = math.inf if ttl_seconds is None else ttl_seconds
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()  # LRU order

    def __len__(self) -> int:
        now = clock()
        return sum(1 for expires, _ in self._items.values() if now < expires)

    def get(self, key: str) -> Any:
        """The live value under `key` (now the most recently used); KeyError if none."""
        entry = self._items.get(key)
        if entry is None or not clock() < entry[0]:
            raise KeyError(key)
        self._items.move_to_end(key)
        return entry[1]

    def set(self, key: str, value: Any) -> None:
        now = clock()
        for old in [k for k, (expires, _) in self._items.items() if not now < expires]:
            del self._items[old]
        if self.max_entries < 1:
            raise ValueError("value too large")
        if key in self._items:
            del self._items[key]
        else:
            while len(self._items) + 1 > self.max_entries:
                self._items.popitem(last=False)
        self._items[key] = (now + self.ttl_seconds, value)

    def delete(self, key: str) -> None:
        self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()
