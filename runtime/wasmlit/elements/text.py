"""Text elements: markdown, headings, text, caption, code, json, write."""
from __future__ import annotations

import array
import collections
import dataclasses
import inspect
import io
import json
import re
import sys
import textwrap
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any

from ..errors import StreamlitAPIException
from ..props import validate_height, validate_icon, validate_width
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


_TEXT_CURSOR = " \u258f"
_MEM_ADDRESS = re.compile(r"^<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-f]+>$")
_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType,
               types.MethodType, types.ModuleType)


_STREAMLIT = object()  # st.help()'s default: the streamlit module


class StreamingOutput(list):
    """What st.write_stream returns when it wrote more than one text: st.write of it
    writes each item again."""


@command
def latex(dg, body: Any, *, help: str | None = None, width: Any = "stretch"):
    """Display math: a Markdown element holding `$$ body $$` (KaTeX in the page)."""
    if type(body).__module__.startswith("sympy"):
        import sympy
        body = sympy.latex(body)
    body = _body(body)
    validate_width(width, allow_content=True)
    return dg.place_element("markdown", {"body": f"$$\n{body}\n$$", "allow_html": False,
                                    "variant": "latex", "help": help})


@command
def divider(dg, *, width: Any = "stretch"):
    """A horizontal rule: the Markdown `---`, as Streamlit sends it."""
    validate_width(width)
    return dg.place_element("markdown", {"body": "---", "allow_html": False, "variant": "divider",
                                    "help": None})


@command
def badge(dg, label: str, *, icon: str | None = None, color: str = "blue", width: Any = "content"):
    """A colored badge: the Markdown `:color-badge[icon label]`."""
    icon_text = validate_icon(icon) + " " if icon is not None else ""
    escaped = label.replace("[", "\\[").replace("]", "\\]")
    validate_width(width, allow_content=True)
    return dg.place_element("markdown", {"body": f":{color}-badge[{icon_text}{escaped}]",
                                    "allow_html": False, "variant": "badge", "help": None})


def _only_style_tags(content: str) -> bool:
    without = re.sub(r"<!--.*?-->", "", content, flags=re.DOTALL)
    without = re.sub(r"<style[^>]*>.*?</style>", "", without, flags=re.DOTALL | re.IGNORECASE)
    return without.strip() == ""


@command
def html(dg, body: Any, *, width: Any = "stretch"):
    """Raw HTML, sanitised in the page with DOMPurify (scripts and handlers dropped).
    Only <style> tags: it goes to the event area, so it takes no room in the app."""
    import os
    from pathlib import Path
    if callable(getattr(body, "_repr_html_", None)):
        content = body._repr_html_()
    elif isinstance(body, Path) or (isinstance(body, str) and len(body) < 4096 and "\n" not in body
                                    and os.path.isfile(body)):
        with open(str(body), encoding="utf-8") as f:
            content = f.read()
        if Path(str(body)).suffix.lower() == ".css":
            content = f"<style>{content}</style>"
    else:
        content = _body(body)
    if content == "":
        raise StreamlitAPIException("`st.html` body cannot be empty")
    validate_width(width, allow_content=True)
    if _only_style_tags(content):
        run = dg.session.require_run()
        if run.event_writer is not None:
            return run.event_writer.place_element("html", {"body": content})
    return dg.place_element("html", {"body": content})


def _is_command(obj: Any) -> bool:
    """An st.<command> (our plain function taking the writer first: Streamlit's is a method)."""
    inner = inspect.unwrap(obj) if inspect.isfunction(obj) else None
    return inner is not None and any(inner is inspect.unwrap(c) for c in COMMANDS.values())


def _type_name(obj: Any) -> str:
    if _is_command(obj):
        return "method"
    return "class" if inspect.isclass(obj) else type(obj).__name__


def _streamlit_name(module: str) -> str:
    """Our package's module names as the app knows them (wasmlit.x -> streamlit.x)."""
    root = __package__.rpartition(".")[0]
    return "streamlit" + module[len(root):] if module == root or module.startswith(root + ".") else module


def _docstring(obj: Any) -> str | None:
    doc = inspect.getdoc(obj)
    if doc is None and type(obj) not in (type, types.ModuleType) and not inspect.isfunction(obj) \
            and not inspect.ismethod(obj):
        doc = inspect.getdoc(type(obj))
    return doc.strip() if doc else None


def _shorten(text_value: str, length: int = 300) -> str:
    text_value = text_value.strip()
    return text_value[:length] + "..." if len(text_value) > length else text_value


def _readable_value(value: Any) -> str | None:
    if inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    shown = repr(value)
    if not isinstance(value, str) and _MEM_ADDRESS.match(shown):
        return None
    return _shorten(shown)


def _signature(obj: Any) -> str:
    if not inspect.isclass(obj) and not callable(obj):
        return ""
    try:
        return str(inspect.signature(obj))
    except ValueError:
        return "(...)"
    except TypeError:
        return ""


def _value(obj: Any, var_name: str | None) -> str | None:
    shown = _readable_value(obj)
    if shown is not None:
        return shown
    if _is_command(obj):
        params = list(inspect.signature(inspect.unwrap(obj)).parameters.values())[1:]
        shown = f"streamlit.delta_generator.DeltaGenerator.{obj.__name__.rstrip('_')}" \
            f"{inspect.Signature(params)}"
        return None if shown == var_name else shown
    if inspect.ismodule(obj):
        shown = _streamlit_name(obj.__name__)
        return None if shown == var_name else shown
    name_obj = obj if (getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)) else type(obj)
    name = getattr(name_obj, "__qualname__", None) or getattr(name_obj, "__name__", None)
    if not name:
        return None
    module = getattr(name_obj, "__module__", None)
    module = _streamlit_name(module) if isinstance(module, str) else module
    shown = f"{module}.{name}{_signature(name_obj)}" if module else f"{name}{_signature(name_obj)}"
    return None if shown == var_name else shown


def _weight(value: Any) -> int:
    return 3 if inspect.ismodule(value) else 2 if inspect.isclass(value) else 1 if callable(value) else 0


def _members(obj: Any) -> list[dict]:
    found = []
    for attr in dir(obj):
        if attr.startswith("_"):
            continue
        try:
            owner = next((c for c in inspect.getmro(getattr(obj, "__class__", object))
                          if isinstance(c.__dict__.get(attr), property)
                          or inspect.isgetsetdescriptor(c.__dict__.get(attr))), None)
            if owner is not None:
                member = {"name": attr, "type": "property", "value": None,
                          "doc": _docstring(owner.__dict__[attr])}
                weight = 0
            else:
                value = getattr(obj, attr)
                weight = _weight(value)
                shown = _readable_value(value)
                member = {"name": attr, "type": _type_name(value), "value": shown,
                          "doc": _docstring(value) if shown is None else None}
        except Exception:
            continue
        if member["type"] == "module":
            continue
        if member["doc"]:
            member["doc"] = member["doc"].partition("\n")[0]
        found.append((weight, attr, member))
    return [m for _, _, m in sorted(found, key=lambda x: (x[0], x[1]))]


def _variable_name(dg) -> str | None:
    """The text of the argument in the app's line that called st.help / st.write."""
    import ast
    import linecache
    filename = dg.session.filename
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename != filename:
        frame = frame.f_back
    if frame is None:
        return None
    line = linecache.getline(filename, frame.f_lineno).strip()  # the session caches the app's lines
    if not line:
        return None
    try:
        tree = ast.parse(line)
    except SyntaxError:
        return None
    call = tree.body[0].value if tree.body and isinstance(tree.body[0], ast.Expr) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr in ("help", "write")):
        return line.removesuffix(",")
    if not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.NamedExpr) and isinstance(arg.target, ast.Name):
        return arg.target.id
    if isinstance(arg, ast.Constant):
        return None
    return ast.get_source_segment(line, arg)


@command
def help(dg, obj: Any = _STREAMLIT, *, width: Any = "stretch"):
    """Name, type, value/signature, docstring and public members of `obj` (st.help);
    without `obj`, of the streamlit module itself."""
    if obj is _STREAMLIT:
        obj = sys.modules.get("streamlit") or sys.modules[__package__.rpartition(".")[0]]
    validate_width(width)
    var_name = _variable_name(dg)
    return dg.place_element("help", {"name": var_name, "type": _type_name(obj), "doc": _docstring(obj),
                                "value": _value(obj, var_name), "members": _members(obj)})


def _flush_page(dg) -> None:
    flush = getattr(dg.session, "flush", None)
    if callable(flush):
        flush()


@command
def write_stream(dg, stream: Any):
    """Write each chunk as it comes: text chunks grow one Markdown element (with a cursor
    while streaming), other chunks go through st.write. Returns the text (or the list of
    what it wrote)."""
    if isinstance(stream, str) or _is_dataframe_like(stream):
        raise StreamlitAPIException(
            "`st.write_stream` expects a generator or stream-like object as input "
            f"not {type(stream)}. Please use `st.write` instead for this data type.")
    if inspect.isgeneratorfunction(stream):
        stream = stream()
    try:
        iter(stream)
    except TypeError as exc:
        raise StreamlitAPIException(
            f"The provided input (type: {type(stream)}) cannot be iterated. "
            "Please make sure that it is a generator, generator function or iterable.") from exc
    written = StreamingOutput()
    holder = {"slot": None, "text": ""}

    def flush_text() -> None:
        if holder["text"] and holder["slot"] is not None:
            holder["slot"].markdown(holder["text"])
            written.append(holder["text"])
        holder["slot"], holder["text"] = None, ""

    for chunk in stream:
        if isinstance(chunk, str):
            if not chunk:
                continue
            first = holder["slot"] is None
            if first:
                holder["slot"] = dg.empty()
            holder["text"] += chunk
            holder["slot"].markdown(holder["text"] + ("" if first else _TEXT_CURSOR))
            _flush_page(dg)
        elif callable(chunk):
            flush_text()
            chunk()
        else:
            flush_text()
            dg.write(chunk)
            written.append(chunk)
    flush_text()
    if not written:
        return ""
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written


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

