"""The browser's wasmlit in two parts: the wheel (what an app's first run needs) and the
lazy archive (every other module), fetched by the page only when an app first imports one
of its modules (runtime/wasmlit/lazy_modules.py).

The wheel's modules are the import closure of the modules the worker imports at start
(ROOTS) and of the command families most first runs use (FIRST_RUN_FAMILIES); `import
streamlit` imports no family itself (runtime/wasmlit/lazy_names.py). The closure follows
the imports a module runs when it is imported (its top level and class bodies, `try` and
`if` blocks included), not those inside functions, which run when that code path first
does (an exception display, st.logo, st.navigation, ...) and then fetch the archive if
their module is in it; nor those under `if TYPE_CHECKING:`, which never run.
tests/test_build_split.py checks, under CPython, that what typical first runs really
import is all in the wheel. The wheel names the archive and its modules in
wasmlit/lazy_modules.json (MANIFEST).
"""
from __future__ import annotations

import ast
import json

# What the worker imports before any app runs (web/python-start.js, web/packages.js).
ROOTS = ("wasmlit", "wasmlit.alias", "wasmlit.bridge", "wasmlit.package_hook",
         "wasmlit.lazy_modules", "wasmlit.restored")
# The families most apps' first runs draw with: text, layout, buttons and the common inputs
# (benchmarks/bench_app.py's app and a hello world need nothing else). A family left out
# costs an app that uses it one more request, during its first run.
FIRST_RUN_FAMILIES = ("wasmlit.elements.text", "wasmlit.elements.layout",
                      "wasmlit.widgets.buttons", "wasmlit.widgets.inputs",
                      "wasmlit.widgets.choice", "wasmlit.widgets.sliders")
MANIFEST = "wasmlit/lazy_modules.json"


def lazy_archive_name(version: str) -> str:
    """The lazy archive's file name, beside the wheel in pyodide/: a stored zip gzipped as
    one stream (buildlib/wasmlit_wheel.py write_one_stream_zip)."""
    return f"wasmlit-{version}-lazy.zip.gz"


def module_name(arcname: str) -> str | None:
    """"wasmlit/widgets/__init__.py" -> "wasmlit.widgets"; None for a file not a module."""
    if not arcname.endswith(".py"):
        return None
    parts = arcname[:-3].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:`."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_time_nodes(tree: ast.AST):
    """The nodes of a module that run when it is imported: all but function bodies
    (lambdas included) and `if TYPE_CHECKING:` blocks (their `else` runs)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo += node.orelse
            continue
        todo += ast.iter_child_nodes(node)


def imports_of(name: str, is_package: bool, source: bytes, modules: set[str]) -> set[str]:
    """The modules of `modules` that `source` (module `name`) imports when it is imported
    (import_time_nodes)."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    found = set()
    for node in import_time_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            targets = [target] + [f"{target}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:  # a module imports its parent packages too
            parts = target.split(".")
            found.update(p for p in (".".join(parts[:i]) for i in range(1, len(parts) + 1))
                         if p in modules)
    return found


def first_run_modules(sources: dict[str, bytes]) -> set[str]:
    """The wheel's module names, for {arcname: source} of every module the browser ships."""
    names = {module_name(arc): arc for arc in sources if module_name(arc)}
    seen: set[str] = set()
    todo = [m for m in ROOTS + FIRST_RUN_FAMILIES if m in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        arc = names[name]
        todo += imports_of(name, arc.endswith("/__init__.py"), sources[arc], set(names))
    return seen


def split(sources: dict[str, bytes]) -> tuple[set[str], list[str]]:
    """(arcnames of the sources that go in the wheel, names of the modules that go in the
    lazy archive) for the browser's {arcname: source}; other files stay in the wheel."""
    first = first_run_modules(sources)
    lazy = sorted(module_name(arc) for arc in sources
                  if module_name(arc) and module_name(arc) not in first)
    wheel = {arc for arc in sources if module_name(arc) not in lazy}
    return wheel, lazy


def manifest(archive: str, modules: list[str]) -> bytes:
    """wasmlit/lazy_modules.json: the lazy archive's file name and its modules."""
    return (json.dumps({"archive": archive, "modules": modules}, indent=0, sort_keys=True)
            + "\n").encode()
