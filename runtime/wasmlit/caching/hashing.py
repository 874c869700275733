"""Hashing of cached functions' arguments, with Streamlit 1.50's rules.

Values are hashed by content: what counts as equal (and what cannot be hashed at all)
is what Streamlit decides, e.g. `1`, `True` and `1.0` differ, lists hash by their items,
dicts by their items in order, objects by what `__reduce__` gives (so instances of plain
classes, and functions, are unhashable: `UnhashableTypeError`). Self-referencing values
hash with a placeholder where the cycle closes.
"""
from __future__ import annotations

import collections.abc
import dataclasses
import datetime
import functools
import hashlib
import inspect
import io
import os
import struct
import sys
import tempfile
from enum import Enum
from re import Pattern
from types import MappingProxyType
from typing import Any

from .errors import UnhashableTypeError, UserHashError, fqn_type

HashFuncs = dict  # {type or "module.QualName": function(value) -> hashable}

_CYCLE = b"streamlit-57R34ML17-hesamagicalponyflyingthroughthesky-CYCLE"
_PANDAS_LARGE, _PANDAS_SAMPLE = 50_000, 10_000
_NP_LARGE, _NP_SAMPLE = 500_000, 100_000
_NO_KEY = object()


class _Trail:
    """What is being hashed right now (for cycles and for UserHashError's hash chain)."""

    def __init__(self) -> None:
        self.objects: dict[int, Any] = {}
        self.hash_source: Any = None

    def describe(self) -> str:
        def line(obj: Any) -> str:
            try:
                return f"Object of type {fqn_type(obj)}: {obj}"
            except Exception:
                return "<Unable to convert item to string>"
        return "\n".join(line(o) for o in reversed(list(self.objects.values())))


_trail = _Trail()


def update_hash(value: Any, hasher: Any, api: str, hash_source: Any = None,
                hash_funcs: HashFuncs | None = None) -> None:
    """Feed `hasher` (a hashlib object) with the hash of `value`."""
    _trail.hash_source = hash_source
    hasher.update(_Hasher(api, hash_funcs).to_bytes(value))


def _is_uuid(obj: Any) -> bool:
    """isinstance(obj, uuid.UUID) without importing uuid at start-up: until something
    imports it, no UUID exists."""
    module = sys.modules.get("uuid")
    return module is not None and isinstance(obj, module.UUID)


def _is_simple(obj: Any) -> bool:
    return obj is None or isinstance(obj, (bytes, bytearray, str, float, int, bool)) or _is_uuid(obj)


def _memo_key(obj: Any) -> Any:
    if obj is None:
        return None
    if _is_simple(obj):
        return obj
    if isinstance(obj, tuple) and all(map(_is_simple, obj)):
        return obj
    if isinstance(obj, list) and all(map(_is_simple, obj)):
        return ("__l", tuple(obj))
    if inspect.isbuiltin(obj) or inspect.isroutine(obj) or inspect.iscode(obj):
        return id(obj)
    return _NO_KEY


def _int_bytes(i: int) -> bytes:
    return i.to_bytes((i.bit_length() + 8) // 8, "little", signed=True)


def _type_is(obj: Any, fqn: str) -> bool:
    return fqn_type(obj) == fqn


def _instance_of(obj: Any, fqn: str) -> bool:
    return any(f"{t.__module__}.{t.__qualname__}" == fqn for t in type(obj).__mro__)


class _Hasher:
    def __init__(self, api: str, hash_funcs: HashFuncs | None) -> None:
        self.api = api
        self.funcs = {k if isinstance(k, str) else f"{k.__module__}.{k.__qualname__}": v
                      for k, v in (hash_funcs or {}).items()}
        self.memo: dict[Any, bytes] = {}

    def to_bytes(self, obj: Any) -> bytes:
        tname = type(obj).__qualname__.encode()
        key = (tname, _memo_key(obj))
        if key[1] is not _NO_KEY and key in self.memo:  # an unhashable key raises TypeError, as in Streamlit
            return self.memo[key]
        if id(obj) in _trail.objects:
            return _CYCLE
        _trail.objects[id(obj)] = obj
        try:
            data = b"%s:%s" % (tname, self._content(obj))
            if key[1] is not _NO_KEY:
                self.memo[key] = data
        finally:
            _trail.objects.popitem()
        return data

    def _digest(self, *parts: Any) -> bytes:
        h = hashlib.md5(usedforsecurity=False)
        for part in parts:
            h.update(self.to_bytes(part))
        return h.digest()

    def _content(self, obj: Any) -> bytes:
        """The bytes that stand for `obj`, by Streamlit's rules in its order: the app's
        hash_funcs, plain values, containers, then data (`_data_content`) and the rest
        (`_object_content`)."""
        if _type_is(obj, "unittest.mock.Mock") or _type_is(obj, "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))
        if isinstance(obj, (bytes, bytearray)):
            return bytes(obj)
        own = self.funcs.get(fqn_type(obj))
        if own is not None:
            try:
                output = own(obj)
            except Exception as ex:
                raise UserHashError(ex, obj, own, self.api, _trail.hash_source,
                                    _trail.describe()) from ex
            return self.to_bytes(output)
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):
            return _int_bytes(obj)
        if _is_uuid(obj):
            return obj.bytes
        if isinstance(obj, datetime.datetime):
            return obj.isoformat().encode()
        if isinstance(obj, (list, tuple)):
            return self._digest(*obj)
        if isinstance(obj, dict):
            return self._digest(*obj.items())
        if obj is None:
            return b"0"
        if not isinstance(obj, type) and dataclasses.is_dataclass(obj):
            return self.to_bytes(dataclasses.asdict(obj))
        if isinstance(obj, Enum):
            return str(obj).encode()
        data = self._data_content(obj)
        if data is not None:
            return data
        return self._object_content(obj)

    def _object_content(self, obj: Any) -> bytes:
        """Functions, modules, classes, files, patterns, pydantic models, and last
        whatever `__reduce__` says an object is made of."""
        if inspect.isbuiltin(obj):
            return obj.__name__.encode()
        if isinstance(obj, (MappingProxyType, collections.abc.ItemsView)):
            return self.to_bytes(dict(obj))
        if _type_is(obj, "builtins.getset_descriptor"):
            return obj.__qualname__.encode()
        if hasattr(obj, "name") and isinstance(obj, (io.IOBase, tempfile._TemporaryFileWrapper)):
            return self._digest(obj.name, os.path.getmtime(obj.name), obj.tell())
        if isinstance(obj, Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        if isinstance(obj, (io.StringIO, io.BytesIO)):
            return self._digest(obj.tell(), obj.getvalue())
        if _type_is(obj, "numpy.ufunc"):
            return obj.__name__.encode()
        if inspect.ismodule(obj) or inspect.isclass(obj):
            return self.to_bytes(obj.__name__)
        if isinstance(obj, functools.partial):
            return self._digest(obj.args, obj.func, obj.keywords)
        if not isinstance(obj, type) and _instance_of(obj, "pydantic.main.BaseModel"):
            try:
                dump = obj.model_dump_json() if hasattr(obj, "model_dump_json") else obj.json()
            except Exception as ex:
                raise UnhashableTypeError(
                    "\n                    Pydantic object contains unhashable members, such as "
                    "functions.\n                ") from ex
            return self._digest(dump)
        try:
            reduced = obj.__reduce__()
        except Exception as ex:
            raise UnhashableTypeError() from ex
        return self._digest(*reduced)

    def _data_content(self, obj: Any) -> bytes | None:
        """pandas, numpy and PIL values (imported only when such a value is hashed)."""
        if _type_is(obj, "pandas.core.series.Series"):
            from pandas.util import hash_pandas_object
            series = obj
            head = [series.size, series.dtype.name]
            if len(series) >= _PANDAS_LARGE:
                series = series.sample(n=_PANDAS_SAMPLE, random_state=0)
            try:
                return self._digest(*head, hash_pandas_object(series).to_numpy().tobytes())
            except TypeError:
                import pickle
                return pickle.dumps(series, pickle.HIGHEST_PROTOCOL)
        if _type_is(obj, "pandas.core.frame.DataFrame"):
            from pandas.util import hash_pandas_object
            frame = obj
            shape = frame.shape
            if len(frame) >= _PANDAS_LARGE:
                frame = frame.sample(n=_PANDAS_SAMPLE, random_state=0)
            try:
                columns = self.to_bytes(hash_pandas_object(frame.dtypes))
                values = self.to_bytes(hash_pandas_object(frame))
                return self._digest(shape, columns, values)
            except TypeError:
                import pickle
                return pickle.dumps(frame, pickle.HIGHEST_PROTOCOL)
        if _type_is(obj, "numpy.ndarray"):
            array = obj
            head = [array.shape, str(array.dtype)]
            if array.size >= _NP_LARGE:
                import numpy as np
                array = np.random.RandomState(0).choice(array.flat, size=_NP_SAMPLE)
            return self._digest(*head, array.tobytes())
        if _type_is(obj, "PIL.Image.Image"):
            import numpy as np
            return self.to_bytes(np.frombuffer(obj.tobytes(), dtype="uint8"))
        return None

