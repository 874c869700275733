"""Magic: an expression standing alone as a statement in an app script is written to the
app, as if passed to `st.write`, with Streamlit 1.50's rules.

Where: the module body, and the bodies of functions (and methods), `with`, `if`/`elif`/
`else`, `for`/`while` (and their `else`), `try` (handlers, `else`, `finally`) and `match`
cases, at any depth. Class bodies themselves are not (only their methods), nor lambdas.

What is not written: a call (`f()`: it may draw itself), a docstring (a string first in a
module or function body; a module's is written when `magic.displayRootDocString` is set),
`yield`, `yield from` and `await`. A tuple (`"a", x`) is written as st.write's arguments.
With `magic.displayLastExprIfNoSemicolon`, the script's last statement is written even when
it is a call, unless its line ends with `;` (as a notebook cell shows its last value).

Magic applies to the scripts Streamlit runs (the entry script and every page file), never to
modules they import; `runner.magicEnabled = false` turns it off. Expressions keep their line
numbers, so tracebacks point at the app's lines.
"""
from __future__ import annotations

import ast
from typing import Any

from .config import option_value
# What magic's calls reach (every run binds it). Importing it runs the
# `streamlit.runtime.scriptrunner` package, which imports nothing until asked (its script run
# context stands above navigation, which imports this module).
from .runtime.scriptrunner import magic_funcs

# The name, in each script's globals, of what magic calls (1.50 binds the same name).
MAGIC_NAME = "__streamlitmagic__"

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_BODY_ONLY = (ast.FunctionDef, ast.AsyncFunctionDef, ast.With, ast.AsyncWith)
_BODY_AND_ELSE = (ast.For, ast.AsyncFor, ast.While, ast.If)
_TRY = (ast.Try, ast.TryStar)
_NOT_WRITTEN = (ast.Yield, ast.YieldFrom, ast.Await)


def compile_script(source: str, filename: str, file_options: dict[str, Any] | None = None):
    """Compile an app script (or page) with magic, unless the options turn it off."""
    if not option_value("runner.magicEnabled", file_options):
        return compile(source, filename, "exec", dont_inherit=True)
    tree = ast.parse(source, filename, "exec")
    rules = _Rules(
        root_docstring=bool(option_value("magic.displayRootDocString", file_options)),
        last_call=bool(option_value("magic.displayLastExprIfNoSemicolon", file_options))
        and not _ends_in_semicolon(tree, source))
    _rewrite(tree.body, tree, rules, is_root=True)
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec", dont_inherit=True)


def script_globals(filename: str) -> dict[str, Any]:
    """A fresh namespace to run a script in, as `__main__`, with magic's writer bound."""
    import builtins

    return {"__name__": "__main__", "__file__": filename, "__builtins__": builtins,
            MAGIC_NAME: magic_funcs}


class _Rules:
    __slots__ = ("root_docstring", "last_call")

    def __init__(self, root_docstring: bool, last_call: bool) -> None:
        self.root_docstring = root_docstring
        self.last_call = last_call  # the last root statement is written even if a call


def _ends_in_semicolon(tree: ast.Module, source: str) -> bool:
    """Whether the line where the script's last statement ends ends with `;` (spaces
    around it aside, as 1.50 looks at it)."""
    if not tree.body:
        return False
    last_line = getattr(tree.body[-1], "end_lineno", None)
    if last_line is None:
        return False
    return source.split("\n")[last_line - 1].strip(" ").endswith(";")


def _rewrite(body: list[ast.stmt], owner: ast.AST, rules: _Rules, is_root: bool = False) -> None:
    last = len(body) - 1
    for index, node in enumerate(body):
        if isinstance(node, _BODY_ONLY):
            _rewrite(node.body, node, rules)
        elif isinstance(node, _BODY_AND_ELSE):
            _rewrite(node.body, node, rules)
            _rewrite(node.orelse, node, rules)
        elif isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, _FUNCTIONS):
                    _rewrite(member.body, member, rules)
        elif isinstance(node, _TRY):
            _rewrite(node.body, node, rules)
            _rewrite(node.finalbody, node, rules)
            _rewrite(node.orelse, node, rules)
            for handler in node.handlers:
                _rewrite(handler.body, handler, rules)
        elif isinstance(node, ast.Match):
            for case in node.cases:
                _rewrite(case.body, case, rules)
        elif isinstance(node, ast.Expr) and _is_written(node.value, index, owner, rules,
                                                         is_root and index == last, is_root):
            node.value = _write_call(node.value)


def _is_written(value: ast.expr, index: int, owner: ast.AST, rules: _Rules,
                is_last_root: bool, is_root: bool) -> bool:
    if isinstance(value, ast.Call) and not (is_last_root and rules.last_call):
        return False
    is_docstring = (index == 0 and isinstance(owner, (ast.Module, *_FUNCTIONS))
                    and isinstance(value, ast.Constant) and isinstance(value.value, str))
    if is_docstring and not (is_root and rules.root_docstring):
        return False
    return not isinstance(value, _NOT_WRITTEN)


def _write_call(value: ast.expr) -> ast.Call:
    """`__streamlitmagic__.transparent_write(value)`, or `(*elements)` for a tuple, placed
    at the expression's own position (tracebacks show its line)."""
    args = list(value.elts) if isinstance(value, ast.Tuple) else [value]
    func = ast.Attribute(value=ast.Name(id=MAGIC_NAME, ctx=ast.Load()),
                         attr="transparent_write", ctx=ast.Load())
    call = ast.Call(func=func, args=args, keywords=[])
    for node in (call, func, func.value):
        ast.copy_location(node, value)
    return call
