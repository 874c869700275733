"""The errors st.cache_data / st.cache_resource raise, with Streamlit 1.50's texts and
(for tracebacks the page shows) Streamlit's module names."""
from __future__ import annotations

from typing import Any, Callable

from ..errors import StreamlitAPIException

CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"

DATA = "cache_data"
RESOURCE = "cache_resource"


def fqn_type(obj: Any) -> str:
    """`module.QualName` of the object's type, as Streamlit names types in messages."""
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def func_name_md(func: Any) -> str:
    if hasattr(func, "__name__"):
        return f"`{func.__name__}()`"
    if hasattr(type(func), "__name__"):
        return f"`{type(func).__name__}`"
    return f"`{type(func)}`"


def _return_type_md(value: Any) -> str:
    if hasattr(value, "__module__") and hasattr(type(value), "__name__"):
        return f"`{value.__module__}.{type(value).__name__}`"
    return func_name_md(value)


class UnhashableTypeError(Exception):
    """The hasher met a value it cannot hash (turned into UnhashableParamError)."""


class CacheKeyNotFoundError(Exception):
    pass


class CacheError(Exception):
    pass


class UnhashableParamError(StreamlitAPIException):
    def __init__(self, api: str, func: Callable[..., Any], arg_name: str | None,
                 arg_value: Any, orig_exc: BaseException) -> None:
        name = arg_name if arg_name is not None else "(unnamed)"
        func_name = func.__name__ if hasattr(func, "__name__") else "unknown"
        replacement = f"_{arg_name}" if arg_name is not None else "_arg"
        super().__init__(
            f"Cannot hash argument '{name}' (of type `{fqn_type(arg_value)}`) in '{func_name}'.\n"
            "\n"
            "To address this, you can tell Streamlit not to hash this argument by adding a\n"
            "leading underscore to the argument's name in the function signature:\n"
            "\n"
            "```\n"
            f"@st.{api}\n"
            f"def {func_name}({replacement}, ...):\n"
            "    ...\n"
            "```\n"
            "            ")
        self.with_traceback(orig_exc.__traceback__)


class UserHashError(StreamlitAPIException):
    """A function from `hash_funcs` raised; shown under that error's type name."""

    def __init__(self, orig_exc: BaseException, failed_obj: Any, hash_func: Callable[[Any], Any],
                 api: str | None, hash_source: Any, hash_stack: str) -> None:
        self.alternate_name = type(orig_exc).__name__
        self.hash_func = hash_func
        if hash_source is None:
            object_desc = "something"
        elif hasattr(hash_source, "__name__"):
            object_desc = f"`{hash_source.__name__}()`"
        else:
            object_desc = "a function"
        decorator = f"@st.{api}" if api else ""
        func_name = f"`{hash_func.__name__}()`" if hasattr(hash_func, "__name__") else "a function"
        super().__init__(
            f"{orig_exc}\n"
            "\n"
            f"This error is likely due to a bug in {func_name}, which is a\n"
            f"user-defined hash function that was passed into the `{decorator}` decorator of\n"
            f"{object_desc}.\n"
            "\n"
            f"{func_name} failed when hashing an object of type\n"
            f"`{fqn_type(failed_obj)}`.  If you don't know where that object is coming from,\n"
            "try looking at the hash chain below for an object that you do recognize, then\n"
            "pass that to `hash_funcs` instead:\n"
            "\n"
            "```\n"
            f"{hash_stack}\n"
            "```\n"
            "\n"
            "If you think this is actually a Streamlit bug, please\n"
            "[file a bug report here](https://github.com/streamlit/streamlit/issues/new/choose).")
        self.with_traceback(orig_exc.__traceback__)


class CacheReplayClosureError(StreamlitAPIException):
    def __init__(self, api: str, cached_func: Callable[..., Any]) -> None:
        name = func_name_md(cached_func)
        super().__init__(
            f"While running {name}, a streamlit element is called on some layout block\n"
            "created outside the function. This is incompatible with replaying the cached\n"
            "effect of that element, because the referenced block might not exist when\n"
            "the replay happens.\n"
            "\n"
            "How to fix this:\n"
            f"* Move the creation of $THING inside {name}.\n"
            f"* Move the call to the streamlit element outside of {name}.\n"
            f"* Remove the `@st.{api}` decorator from {name}.\n"
            "            ")


class UnserializableReturnValueError(Exception):
    """Not a StreamlitAPIException in Streamlit either (a MarkdownFormattedException):
    its message is Markdown all the same."""

    message_is_markdown = True

    def __init__(self, func: Callable[..., Any], return_value: Any) -> None:
        super().__init__(
            "\n"
            f"            Cannot serialize the return value (of type {_return_type_md(return_value)})\n"
            f"            in {func_name_md(func)}. `st.cache_data` uses\n"
            "            [pickle](https://docs.python.org/3/library/pickle.html) to serialize the\n"
            "            function's return value and safely store it in the cache\n"
            "            without mutating the original object. Please convert the return value to a\n"
            "            pickle-serializable type. If you want to cache unserializable objects such\n"
            "            as database connections or Tensorflow sessions, use `st.cache_resource`\n"
            f"            instead (see [our docs]({CACHE_DOCS_URL}) for differences).")


class CachedWidgetWarning(StreamlitAPIException, Warning):
    def __init__(self) -> None:
        super().__init__(
            "\n"
            "Your script uses a widget command in a cached function\n"
            "(function decorated with `@st.cache_data` or `@st.cache_resource`).\n"
            'This code will only be called when we detect a cache "miss",\n'
            "which can lead to unexpected results.\n"
            "\n"
            "To fix this, move all widget commands outside the cached function.\n")


for _cls, _module in ((UnhashableParamError, "streamlit.runtime.caching.cache_errors"),
                      (CacheReplayClosureError, "streamlit.runtime.caching.cache_errors"),
                      (UnserializableReturnValueError, "streamlit.runtime.caching.cache_errors"),
                      (UserHashError, "streamlit.runtime.caching.hashing"),
                      (CachedWidgetWarning, "streamlit.elements.lib.policies")):
    _cls.__module__ = _module
