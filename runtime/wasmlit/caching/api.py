"""`st.cache_data` and `st.cache_resource`: the decorators, the cached function wrapper,
and the caches themselves (one per decorated function, shared by every session of this
Python process, as Streamlit's are shared by every session of a server).

cache_data stores the value pickled and hands each caller a fresh copy (the caller that
computed it gets the original); cache_resource hands every caller the same object.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import math
import sys
import textwrap
import types
from datetime import timedelta
from typing import Any, Callable, Iterator

from ..current import running_session
from ..durations import parse_duration
from ..errors import StreamlitAPIException, StreamlitBadTimeStringError
from . import replay
from .errors import (DATA, RESOURCE, CacheError, CacheKeyNotFoundError, UnhashableParamError,
                     UnhashableTypeError, UnserializableReturnValueError)
from .hashing import update_hash
from .storage import MemoryStore




def time_to_seconds(value: Any, *, none_is_inf: bool = True) -> Any:
    """Streamlit's ttl reading: None (forever), seconds, a timedelta, or a duration string."""
    if none_is_inf and value is None:
        return math.inf
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, str):
        seconds = parse_duration(value)
        if seconds is None:
            raise StreamlitBadTimeStringError(value)
        return seconds
    return value


# --- the caches -------------------------------------------------------------------------
class DataCache:
    def __init__(self, max_entries: Any, ttl_seconds: Any, persist: str | None) -> None:
        self.max_entries, self.ttl_seconds, self.persist = max_entries, ttl_seconds, persist
        self.store = MemoryStore(max_entries, ttl_seconds)

    def read(self, key: str, namespace: dict) -> tuple[Any, list]:
        try:
            pickled, messages = self.store.get(key)
        except KeyError:
            raise CacheKeyNotFoundError() from None
        import pickle  # here, not at start-up (slow to import): only cache_data pickles
        try:
            with _script_as_main(namespace):
                return pickle.loads(pickled), messages
        except pickle.UnpicklingError as exc:
            raise CacheError(f"Failed to unpickle {key}") from exc

    def write(self, key: str, value: Any, messages: list, namespace: dict) -> None:
        import pickle
        try:
            with _script_as_main(namespace):
                pickled = pickle.dumps(value)
        except (pickle.PicklingError, TypeError) as exc:
            raise CacheError(f"Failed to pickle {key}") from exc
        self.store.set(key, (pickled, messages))

    def clear(self, key: str | None = None) -> None:
        if key:
            self.store.delete(key)
        else:
            self.store.clear()


class ResourceCache:
    def __init__(self, max_entries: Any, ttl_seconds: Any, validate: Any) -> None:
        self.max_entries, self.ttl_seconds, self.validate = max_entries, ttl_seconds, validate
        self.store = MemoryStore(max_entries, ttl_seconds)

    def read(self, key: str, namespace: dict) -> tuple[Any, list]:
        try:
            value, messages = self.store.get(key)
        except KeyError:
            raise CacheKeyNotFoundError() from None
        if self.validate is not None and not self.validate(value):
            self.store.delete(key)
            raise CacheKeyNotFoundError()
        return value, messages

    def write(self, key: str, value: Any, messages: list, namespace: dict) -> None:
        self.store.set(key, (value, messages))

    def clear(self, key: str | None = None) -> None:
        if key is None:
            self.store.clear()
        else:
            self.store.delete(key)


_data_caches: dict[str, DataCache] = {}
_resource_caches: dict[str, ResourceCache] = {}


@contextlib.contextmanager
def _script_as_main(namespace: dict) -> Iterator[None]:
    """While pickling, `__main__` is the app script (as in Streamlit, which runs the script
    as the `__main__` module), so classes and functions it defines pickle by name."""
    if namespace.get("__name__") != "__main__":
        yield
        return
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = _ScriptModule(namespace)
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop("__main__", None)
        else:
            sys.modules["__main__"] = saved


class _ScriptModule(types.ModuleType):
    def __init__(self, namespace: dict) -> None:
        super().__init__("__main__")
        self._wl_namespace = namespace

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_wl_namespace"][name]
        except KeyError:
            raise AttributeError(name) from None


# --- what a decorator knows about its function ------------------------------------------
class DataFuncInfo:
    api = DATA

    def __init__(self, func: Callable[..., Any], *, persist: str | None, max_entries: Any,
                 ttl: Any, show_spinner: Any, show_time: bool, hash_funcs: Any) -> None:
        self.func, self.persist, self.max_entries, self.ttl = func, persist, max_entries, ttl
        self.show_spinner, self.show_time, self.hash_funcs = show_spinner, show_time, hash_funcs
        time_to_seconds(ttl, none_is_inf=False)  # a bad ttl string fails at decoration

    def get_cache(self, function_key: str) -> DataCache:
        ttl_seconds = time_to_seconds(self.ttl, none_is_inf=False)
        cache = _data_caches.get(function_key)
        if cache is None or (cache.ttl_seconds, cache.max_entries, cache.persist) != \
                (ttl_seconds, self.max_entries, self.persist):
            cache = _data_caches[function_key] = DataCache(self.max_entries, ttl_seconds,
                                                           self.persist)
        return cache


class ResourceFuncInfo:
    api = RESOURCE

    def __init__(self, func: Callable[..., Any], *, max_entries: Any, ttl: Any,
                 show_spinner: Any, show_time: bool, validate: Any, hash_funcs: Any) -> None:
        self.func, self.max_entries, self.ttl, self.validate = func, max_entries, ttl, validate
        self.show_spinner, self.show_time, self.hash_funcs = show_spinner, show_time, hash_funcs

    def get_cache(self, function_key: str) -> ResourceCache:
        max_entries = math.inf if self.max_entries is None else self.max_entries
        ttl_seconds = time_to_seconds(self.ttl)
        cache = _resource_caches.get(function_key)
        if cache is None or cache.ttl_seconds != ttl_seconds or \
                cache.max_entries != max_entries or \
                (cache.validate is None) != (self.validate is None):
            cache = _resource_caches[function_key] = ResourceCache(max_entries, ttl_seconds,
                                                                   self.validate)
        return cache


# --- keys ---------------------------------------------------------------------------------
def function_key(api: str, func: Callable[..., Any]) -> str:
    """Stable across reruns; changes when the function's source changes."""
    hasher = hashlib.md5(usedforsecurity=False)
    update_hash((func.__module__, func.__qualname__), hasher, api, hash_source=func)
    try:
        source: Any = inspect.getsource(func)
    except (OSError, TypeError):
        source = func.__code__.co_code
    update_hash(source, hasher, api, hash_source=func)
    return hasher.hexdigest()


def _positional_name(func: Callable[..., Any], index: int) -> str | None:
    params = list(inspect.signature(func).parameters.values())
    if index >= len(params):
        return None
    if params[index].kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD,
                              inspect.Parameter.POSITIONAL_ONLY):
        return params[index].name
    return None


def value_key(api: str, func: Callable[..., Any], args: tuple, kwargs: dict,
              hash_funcs: Any) -> str:
    """Hash of the arguments, by name and value; names starting with "_" are skipped."""
    pairs = [(_positional_name(func, i), arg) for i, arg in enumerate(args)]
    pairs += list(kwargs.items())
    hasher = hashlib.md5(usedforsecurity=False)
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue
        try:
            update_hash(name, hasher, api, hash_source=func)
            update_hash(value, hasher, api, hash_source=func, hash_funcs=hash_funcs)
        except UnhashableTypeError as exc:
            raise UnhashableParamError(api, func, name, value, exc)  # noqa: B904 (as Streamlit)
    return hasher.hexdigest()


# --- the wrapper ---------------------------------------------------------------------------
class CachedFunc:
    """What a decorated function becomes: call it for its (cached) value; `.clear()`."""

    def __init__(self, info: Any) -> None:
        self._info = info
        self._function_key = function_key(info.api, info.func)

    def __repr__(self) -> str:
        return f"<CachedFunc: {self._info.func}>"

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        return functools.update_wrapper(BoundCachedFunc(self, instance), self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        message = None
        show = self._info.show_spinner
        if isinstance(show, str):
            message = show
        elif show is True:
            name = self._info.func.__qualname__
            message = f"Running `{name}()`." if not args and not kwargs else f"Running `{name}(...)`."
        return self._get_or_create(args, kwargs, message)

    def _get_or_create(self, args: tuple, kwargs: dict, spinner_text: str | None) -> Any:
        info = self._info
        cache = info.get_cache(self._function_key)
        key = value_key(info.api, info.func, args, kwargs, info.hash_funcs)
        session = running_session()
        with contextlib.suppress(CacheKeyNotFoundError):
            return self._hit(cache, key, session)
        show = spinner_text is not None and not replay.in_cached_function(session)
        with _cache_spinner(session, spinner_text, info.show_time) if show else contextlib.nullcontext():
            return self._miss(cache, key, args, kwargs, session)

    def _hit(self, cache: Any, key: str, session: Any) -> Any:
        value, messages = cache.read(key, self._namespace())
        replay.replay(session, messages, self._info.api, self._info.func)
        return value

    def _miss(self, cache: Any, key: str, args: tuple, kwargs: dict, session: Any) -> Any:
        with contextlib.suppress(CacheKeyNotFoundError):
            return self._hit(cache, key, session)  # computed meanwhile (another app's run)
        with replay.recording(session, self._info.api) as frame:
            value = self._info.func(*args, **kwargs)
        try:
            cache.write(key, value, frame.messages, self._namespace())
        except (CacheError, RuntimeError):
            raise UnserializableReturnValueError(func=self._info.func, return_value=value)  # noqa: B904
        return value

    def _namespace(self) -> dict:
        return getattr(self._info.func, "__globals__", {})

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Without arguments: drop every cached value of this function; with arguments:
        only the value cached for them."""
        info = self._info
        cache = info.get_cache(self._function_key)
        key = value_key(info.api, info.func, args, kwargs, info.hash_funcs) if args or kwargs else None
        cache.clear(key)


class BoundCachedFunc:
    """A cached method, bound to its instance (which is hashed as its first argument)."""

    def __init__(self, cached_func: CachedFunc, instance: Any) -> None:
        self._cached_func = cached_func
        self._instance = instance

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached_func(self._instance, *args, **kwargs)

    def __repr__(self) -> str:
        return f"<BoundCachedFunc: {self._cached_func._info.func} of {self._instance}>"

    def clear(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            self._cached_func.clear(self._instance, *args, **kwargs)
        else:
            self._cached_func.clear()


def _make(info: Any) -> CachedFunc:
    return functools.update_wrapper(CachedFunc(info), info.func)


@contextlib.contextmanager
def _cache_spinner(session: Any, text: str, show_time: bool) -> Iterator[None]:
    """Streamlit's cache spinner: an `st.empty()` at the call site shows it while the
    function runs, and is emptied afterwards. It paints only if the run yields to the
    page meanwhile (time.sleep), so quick functions show none (Streamlit waits 0.5 s)."""
    run = session.current_run if session is not None else None
    if run is None or not run.dg_stack:
        yield
        return
    slot = run.active_dg().empty()
    slot.place_element("spinner", {"text": textwrap.dedent(text).strip(), "show_time": bool(show_time),
                              "cache": True})
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            slot.empty()


# --- st.cache_data / st.cache_resource --------------------------------------------------
class CacheDataAPI:
    """`st.cache_data`: `@st.cache_data`, `@st.cache_data(...)`, `st.cache_data.clear()`."""

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None,
                 max_entries: int | None = None, show_spinner: bool | str = True,
                 show_time: bool = False, persist: Any = None, hash_funcs: Any = None) -> Any:
        if persist is True:
            persist_as = "disk"
        elif persist is False:
            persist_as = None
        else:
            persist_as = persist
        if persist_as not in (None, "disk"):
            raise StreamlitAPIException(
                f"Unsupported persist option '{persist}'. Valid values are 'disk' or None.")

        def wrap(f: Callable[..., Any]) -> CachedFunc:
            return _make(DataFuncInfo(f, persist=persist_as, max_entries=max_entries, ttl=ttl,
                                      show_spinner=show_spinner, show_time=show_time,
                                      hash_funcs=hash_funcs))
        return wrap if func is None else wrap(func)

    def clear(self) -> None:
        """Clear every cache_data cache."""
        for cache in _data_caches.values():
            cache.clear()
        _data_caches.clear()


class CacheResourceAPI:
    """`st.cache_resource`: `@st.cache_resource`, `@st.cache_resource(...)`, `.clear()`."""

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None,
                 max_entries: int | None = None, show_spinner: bool | str = True,
                 show_time: bool = False, validate: Callable[[Any], bool] | None = None,
                 hash_funcs: Any = None) -> Any:
        def wrap(f: Callable[..., Any]) -> CachedFunc:
            return _make(ResourceFuncInfo(f, max_entries=max_entries, ttl=ttl,
                                          show_spinner=show_spinner, show_time=show_time,
                                          validate=validate, hash_funcs=hash_funcs))
        return wrap if func is None else wrap(func)

    def clear(self) -> None:
        """Clear every cache_resource cache."""
        _resource_caches.clear()


LEGACY_WARNING = (
    "`st.cache` is deprecated and will be removed soon. Please use one of Streamlit's new\n"
    "caching commands, `st.cache_data` or `st.cache_resource`. More information\n"
    "[in our docs](https://docs.streamlit.io/develop/concepts/architecture/caching).\n\n"
    "**Note**: The behavior of `st.cache` was updated in Streamlit 1.36 to the new caching\n"
    "logic used by `st.cache_data` and `st.cache_resource`. This might lead to some problems\n"
    "or unexpected behavior in certain edge cases.")


def legacy_cache(func: Callable[..., Any] | None = None, persist: bool = False,
                 allow_output_mutation: bool = False, show_spinner: bool = True,
                 suppress_st_warning: bool = False, hash_funcs: Any = None,
                 max_entries: int | None = None, ttl: float | None = None) -> Any:
    """`st.cache` (deprecated in Streamlit): a warning, then st.cache_resource when
    `allow_output_mutation`, else st.cache_data."""
    session = running_session()
    run = session.current_run if session is not None else None
    if run is not None and run.dg_stack:
        run.active_dg().warning(LEGACY_WARNING)
    if allow_output_mutation:
        return CacheResourceAPI()(func, show_spinner=show_spinner, hash_funcs=hash_funcs,
                                  max_entries=max_entries, ttl=ttl)
    return CacheDataAPI()(func, persist=persist, show_spinner=show_spinner,
                          hash_funcs=hash_funcs, max_entries=max_entries, ttl=ttl)
