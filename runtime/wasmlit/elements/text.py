"""Text elements: markdown, headings, text, caption, code, json, write."""
from __future__ import annotations

import dataclasses
import inspect
import json
import re
from collections import ChainMap, UserDict, UserList
from typing import Any

from . import command


def _body(body: Any) -> str:
    return body if isinstance(body, str) else str(body)


@command
def markdown(dg, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: Any = "stretch"):
    return dg._enqueue("markdown", {"body": _body(body), "allow_html": bool(unsafe_allow_html),
                                    "variant": "normal", "help": help})


@command
def caption(dg, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: Any = "stretch"):
    return dg._enqueue("markdown", {"body": _body(body), "allow_html": bool(unsafe_allow_html),
                                    "variant": "caption", "help": help})


def _heading(dg, level: int, body: Any, anchor: Any, help: str | None, divider: Any):
    return dg._enqueue("heading", {"body": _body(body), "level": level,
                                   "anchor": anchor if isinstance(anchor, str) else None,
                                   "hide_anchor": anchor is False, "help": help,
                                   "divider": divider if isinstance(divider, str) else bool(divider)})


@command
def title(dg, body: Any, anchor: Any = None, *, help: str | None = None, width: Any = "stretch"):
    return _heading(dg, 1, body, anchor, help, False)


@command
def header(dg, body: Any, anchor: Any = None, *, help: str | None = None, divider: Any = False,
           width: Any = "stretch"):
    return _heading(dg, 2, body, anchor, help, divider)


@command
def subheader(dg, body: Any, anchor: Any = None, *, help: str | None = None, divider: Any = False,
              width: Any = "stretch"):
    return _heading(dg, 3, body, anchor, help, divider)


@command
def text(dg, body: Any, *, help: str | None = None, width: Any = "content"):
    return dg._enqueue("text", {"body": _body(body), "help": help})


@command
def code(dg, body: Any, language: str | None = "python", *, line_numbers: bool = False,
         wrap_lines: bool = False, height: Any = None, width: Any = "stretch"):
    return dg._enqueue("code", {"body": _body(body), "language": language or "",
                                "line_numbers": bool(line_numbers), "wrap_lines": bool(wrap_lines)})


def _jsonable(value: Any) -> Any:
    """A JSON-ready copy of `value`; what JSON cannot hold is shown by its str()."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (dict, UserDict, ChainMap)) or hasattr(value, "items") and callable(value.items):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if hasattr(value, "_asdict"):
        return _jsonable(value._asdict())
    if isinstance(value, (list, tuple, set, frozenset, UserList, map, enumerate)) or \
            inspect.isgenerator(value):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):
        return _jsonable(value.tolist())
    return str(value)


@command
def json_(dg, body: Any, *, expanded: Any = True, width: Any = "stretch"):
    if isinstance(body, str):
        try:
            data = json.loads(body)
        except ValueError:
            data = body
    else:
        data = _jsonable(body)
    return dg._enqueue("json", {"data": data,
                                "expanded": expanded if isinstance(expanded, int) else True})


def _longest_run(text_value: str, char: str) -> int:
    runs = re.findall(re.escape(char) + "+", text_value)
    return max((len(r) for r in runs), default=0)


def _is_json_like(arg: Any) -> bool:
    return isinstance(arg, (dict, list, map, enumerate, UserDict, ChainMap, UserList)) or \
        hasattr(arg, "_asdict") or (hasattr(arg, "keys") and hasattr(arg, "__getitem__")
                                    and not isinstance(arg, (str, bytes)))


def _is_dataframe_like(arg: Any) -> bool:
    return any(hasattr(arg, attr) for attr in ("to_pandas", "__dataframe__")) or \
        type(arg).__name__ in ("DataFrame", "Series", "ndarray", "Styler")


@command
def write(dg, *args: Any, unsafe_allow_html: bool = False):
    """Write each argument the way Streamlit's st.write does for its type."""
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            dg.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
        elif isinstance(arg, BaseException):
            flush()
            dg.exception(arg)
        elif _is_dataframe_like(arg) and "dataframe" in _commands():
            flush()
            dg.dataframe(arg)
        elif _is_json_like(arg) or (dataclasses.is_dataclass(arg) and not isinstance(arg, type)):
            flush()
            dg.json(arg)
        elif inspect.isgenerator(arg) and "write_stream" in _commands():
            flush()
            dg.write_stream(arg)
        else:
            shown = str(arg)
            if "\n" in shown:
                fence = "`" * max(3, _longest_run(shown, "`") + 1)
                buffer.append(f"{fence}\n{shown}\n{fence}")
            else:
                fence = "`" * (_longest_run(shown, "`") + 1)
                buffer.append(f"{fence}{shown}{fence}")
    flush()


def _commands():
    from . import COMMANDS
    return COMMANDS
