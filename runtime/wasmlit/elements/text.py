"""Text elements: markdown, headings, text, caption, code, json, divider, write (the rarer
st.help, st.write_stream, st.latex, st.badge and st.html: text_extras.py)."""
from __future__ import annotations

import array
import collections
import dataclasses
import inspect
import io
import json
import re
import textwrap
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any

from ..errors import StreamlitAPIException
from ..props import validate_height, validate_width
from ..registry import COMMANDS, command


def _body(body: Any) -> str:
    """Streamlit's clean_text: str(), dedented, stripped."""
    return textwrap.dedent(str(body)).strip()


@command
def markdown(dg, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: Any = "stretch"):
    body = _body(body)
    validate_width(width, allow_content=True)
    return dg.place_element("markdown", {"body": body, "allow_html": bool(unsafe_allow_html),
                                    "variant": "normal", "help": help})


@command
def caption(dg, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: Any = "stretch"):
    body = _body(body)
    validate_width(width, allow_content=True)
    return dg.place_element("markdown", {"body": body, "allow_html": bool(unsafe_allow_html),
                                    "variant": "caption", "help": help})


_DIVIDER_COLORS = ["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "rainbow"]


def _heading(dg, level: int, body: Any, anchor: Any, help: str | None, divider: Any):
    if divider and divider is not True and divider not in _DIVIDER_COLORS:
        raise StreamlitAPIException(f"Divider parameter has invalid value: `{divider}`. Please choose "
                                    f"from: {', '.join(_DIVIDER_COLORS)}.")
    if anchor is True:
        raise StreamlitAPIException(f"Anchor parameter has invalid value: {anchor}. "
                                    "Supported values: None, any string or False")
    if anchor is not None and anchor is not False and not isinstance(anchor, str):
        raise StreamlitAPIException(f"Anchor parameter has invalid type: {type(anchor).__name__}. "
                                    "Supported values: None, any string or False")
    return dg.place_element("heading", {"body": _body(body), "level": level,
                                   "anchor": anchor if isinstance(anchor, str) else None,
                                   "hide_anchor": anchor is False, "help": help,
                                   "divider": divider if isinstance(divider, str) else bool(divider)})


@command
def title(dg, body: Any, anchor: Any = None, *, help: str | None = None, width: Any = "stretch"):
    validate_width(width, allow_content=True)
    return _heading(dg, 1, body, anchor, help, False)


@command
def header(dg, body: Any, anchor: Any = None, *, help: str | None = None, divider: Any = False,
           width: Any = "stretch"):
    validate_width(width, allow_content=True)
    return _heading(dg, 2, body, anchor, help, divider)


@command
def subheader(dg, body: Any, anchor: Any = None, *, help: str | None = None, divider: Any = False,
              width: Any = "stretch"):
    validate_width(width, allow_content=True)
    return _heading(dg, 3, body, anchor, help, divider)


@command
def text(dg, body: Any, *, help: str | None = None, width: Any = "content"):
    body = _body(body)
    validate_width(width, allow_content=True)
    return dg.place_element("text", {"body": body, "help": help})


@command
def code(dg, body: Any, language: str | None = "python", *, line_numbers: bool = False,
         wrap_lines: bool = False, height: Any = None, width: Any = "stretch"):
    # st.code keeps the code's indentation: only one leading and one trailing newline go.
    body = re.sub(r"\n\Z", "", re.sub(r"\A\n", "", str(body)))
    if height is not None:
        validate_height(height, allow_content=True)
    validate_width(width, allow_content=True)
    return dg.place_element("code", {"body": body, "language": language or "",
                                "line_numbers": bool(line_numbers), "wrap_lines": bool(wrap_lines),
                                "height": height if isinstance(height, int) and not isinstance(height, bool)
                                else None})


def _finite(value: Any) -> Any:
    """NaN and the infinities (which JSON cannot carry to the page) as their names."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _json_default(value: Any) -> Any:
    """Streamlit's `_ensure_serialization`: sets as lists, anything else as its repr()."""
    return list(value) if isinstance(value, set) else repr(value)


def _is_custom_dict(body: Any) -> bool:
    """Streamlit's own mappings (session state, query params, ...) give their dict."""
    module = type(body).__module__
    return callable(getattr(body, "to_dict", None)) and not isinstance(body, dict) \
        and module.split(".")[0] in ("wasmlit", "streamlit")


@command
def json_(dg, body: Any, *, expanded: Any = True, width: Any = "stretch"):
    """A collapsible JSON tree. `expanded`: True/False, or an int, the depth shown open."""
    if _is_custom_dict(body):
        body = body.to_dict()
    if hasattr(body, "_asdict") and isinstance(body, tuple):
        body = body._asdict()
    if isinstance(body, (ChainMap, types.MappingProxyType, UserDict)):
        body = dict(body)
    if isinstance(body, (list, tuple, set, frozenset, UserList, map, enumerate, ItemsView, KeysView,
                         ValuesView, range, collections.deque, array.ArrayType)) \
            or inspect.isgenerator(body):
        body = list(body)
    if not isinstance(expanded, (bool, int)):
        raise TypeError(f"The type {type(expanded)} of `expanded` is not supported, must be bool or int.")
    if isinstance(body, str):
        text_value = body
        try:
            data = json.loads(body)
        except ValueError:
            data = body
    else:
        try:
            text_value = json.dumps(body, default=_json_default)
        except TypeError as err:
            dg.warning("Warning: this data structure was not fully serializable as JSON due to one "
                       f"or more unexpected keys.  (Error was: {err})")
            text_value = json.dumps(body, skipkeys=True, default=_json_default)
        data = json.loads(text_value)
    depth = None if isinstance(expanded, bool) else expanded
    validate_width(width)
    return dg.place_element("json", {"data": _finite(data), "body": text_value,
                                "expanded": True if depth is not None else expanded,
                                "max_depth": depth})


def _longest_run(text_value: str, char: str) -> int:
    runs = re.findall(re.escape(char) + "+", text_value)
    return max((len(r) for r in runs), default=0)


def _is_json_like(arg: Any) -> bool:
    return isinstance(arg, (dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap,
                            UserList, ItemsView, KeysView, ValuesView)) or \
        hasattr(arg, "_asdict") or (hasattr(arg, "keys") and hasattr(arg, "__getitem__")
                                    and not isinstance(arg, (str, bytes)))


_DATAFRAME_MODULES = ("pandas", "numpy", "polars", "pyarrow", "xarray", "modin", "dask")
_DATAFRAME_TYPES = ("DataFrame", "Series", "ndarray", "Styler", "Index", "RangeIndex", "LazyFrame",
                    "Table", "Array", "ChunkedArray", "Dataset", "DataArray")


def _is_dataframe_like(arg: Any) -> bool:
    """Streamlit's dataframe-like: pandas/numpy/polars/pyarrow... tables, arrays, series."""
    if arg is None or isinstance(arg, (tuple, set, str, bytes, int, float, bool)):
        return False
    kind = type(arg)
    return kind.__module__.split(".")[0] in _DATAFRAME_MODULES and \
        any(c.__name__ in _DATAFRAME_TYPES or c.__name__.endswith("Array") for c in kind.__mro__)


_MEM_ADDRESS = re.compile(r"^<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-f]+>$")
_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType,
               types.MethodType, types.ModuleType)


class StreamingOutput(list):
    """What st.write_stream returns when it wrote more than one text: st.write of it
    writes each item again."""


@command
def divider(dg, *, width: Any = "stretch"):
    """A horizontal rule: the Markdown `---`, as Streamlit sends it."""
    validate_width(width)
    return dg.place_element("markdown", {"body": "---", "allow_html": False, "variant": "divider",
                                    "help": None})


@command
def write(dg, *args: Any, unsafe_allow_html: bool = False):
    """Write each argument the way Streamlit's st.write does for its type."""
    if len(args) == 1 and isinstance(args[0], str):
        dg.markdown(args[0], unsafe_allow_html=unsafe_allow_html)
        return None
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            dg.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
        elif isinstance(arg, StreamingOutput):
            flush()
            for item in arg:
                if callable(item):
                    flush()
                    item()
                else:
                    dg.write(item, unsafe_allow_html=unsafe_allow_html)
        elif isinstance(arg, Exception):
            flush()
            dg.exception(arg)
        elif _is_dataframe_like(arg) and "dataframe" in COMMANDS:
            flush()
            dg.dataframe(arg)
        elif type(arg).__module__.startswith("sympy") and hasattr(arg, "free_symbols"):
            flush()
            dg.latex(arg)
        elif _is_json_like(arg):
            flush()
            dg.json(arg)
        elif isinstance(arg, io.StringIO):
            flush()
            dg.markdown(arg.getvalue())
        elif inspect.isgenerator(arg) or inspect.isgeneratorfunction(arg):
            flush()
            dg.write_stream(arg)
        elif isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
            flush()
            dg.help(arg)
        elif unsafe_allow_html and callable(getattr(arg, "_repr_html_", None)):
            dg.html(arg._repr_html_())
        elif (callable(getattr(arg, "to_pandas", None)) or callable(getattr(arg, "__dataframe__", None))) \
                and "dataframe" in COMMANDS:
            flush()
            dg.dataframe(arg)
        else:
            shown = str(arg)
            if _MEM_ADDRESS.match(shown):
                flush()
                dg.help(arg)
            elif "\n" in shown:
                fence = "`" * max(3, _longest_run(shown, "`") + 1)
                buffer.append(f"{fence}\n{shown}\n{fence}")
            else:
                fence = "`" * (_longest_run(shown, "`") + 1)
                buffer.append(f"{fence}{shown}{fence}")
    flush()
    return None

