"""The text family's rarer commands: st.help, st.write_stream, st.latex, st.badge and
st.html. Few apps draw them, so they live apart from text.py's (markdown, headings, text,
code, json, write), which most first runs use: the browser fetches this module only when
an app first calls one of them (lazy_names.py, lazy_modules.py)."""
from __future__ import annotations

import inspect
import re
import sys
import types
from typing import Any

from ..errors import StreamlitAPIException
from ..props import validate_icon, validate_width
from ..registry import COMMANDS, command
from .text import _MEM_ADDRESS, StreamingOutput, _body, _is_dataframe_like

_TEXT_CURSOR = " \u258f"
_STREAMLIT = object()  # st.help()'s default: the streamlit module


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
