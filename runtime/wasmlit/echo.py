"""`st.echo`: show the code of a `with` block beside what it draws, as Streamlit 1.50."""
from __future__ import annotations

import contextlib
import sys
from typing import Any, Iterator

from .commands import st_command


@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Run the block of `with st.echo():` and write its code, above what the block draws
    (the default: in a placeholder made first) or below it ("below")."""
    if code_location == "below":
        show_code, show_warning = st_command("code"), st_command("warning")
    else:
        placeholder = st_command("empty")()
        show_code, show_warning = placeholder.code, placeholder.warning
    # The frame of the `with` statement: our caller is contextlib's __enter__.
    caller = sys._getframe(2)
    filename, start_line = caller.f_code.co_filename, caller.f_lineno
    try:
        lines = _source_lines(filename)
    except FileNotFoundError as err:
        show_warning(f"Unable to display code. {err}")
        yield
        return
    code = _block_code(lines, start_line)
    yield
    show_code(code, "python")


def _source_lines(filename: str) -> list[str]:
    """The file's lines: an app's source is in linecache (it may have no file on disk)."""
    import linecache
    lines = linecache.getlines(filename)
    if lines:
        return lines
    with open(filename, encoding="utf-8") as file:
        return file.readlines()


def _block_code(lines: list[str], with_line: int) -> str:
    """The dedented source of the body of the statement that starts on `with_line`."""
    import ast
    import textwrap
    statements: dict[int, Any] = {}

    def collect(node: ast.AST) -> None:
        if not hasattr(node, "body"):
            return
        for child in ast.iter_child_nodes(node):
            if hasattr(child, "lineno"):
                statements[child.lineno] = child
                collect(child)

    collect(ast.parse("".join(lines)))
    block = statements[with_line]
    return textwrap.dedent("".join(lines[block.body[0].lineno - 1:block.end_lineno]))
