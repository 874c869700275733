"""The top-level modules an app imports, read from its source without running it.

Every absolute `import x` and `from x import y` counts, wherever it is (module level, inside
a function, under `try:`), as do `importlib.import_module("x")` and `__import__("x")` with a
literal name: a page may import a package only on a button click, and it must be there then.
Relative imports and the app's own modules (files and folders at the app's root, which is
first on sys.path in the page) are left out.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

# Provided in the browser without any package: wasmlit itself and Pyodide's own modules.
PROVIDED = frozenset({"streamlit", "wasmlit", "js", "pyodide", "pyodide_js", "_pyodide"})


@dataclass(frozen=True)
class Import:
    """One imported top-level name and where the first import of it is."""
    name: str
    where: str  # "path:line"


def python_files(entry: Path, folder: Path | None, files: list[str] | None = None) -> list[Path]:
    """The app's Python files: the entry alone, or every .py a folder app ships (files:
    its paths relative to folder, as the site lists them)."""
    if folder is None:
        return [entry]
    return [folder / rel for rel in files or [] if rel.endswith(".py")]


def own_modules(folder: Path | None) -> set[str]:
    """Names an app's `import` finds in the app itself: its root's .py files and folders."""
    if folder is None:
        return set()
    return {p.stem if p.is_file() else p.name for p in folder.iterdir()
            if (p.is_file() and p.suffix == ".py") or (p.is_dir() and p.name.isidentifier())}


def imports_in(source: str, filename: str) -> list[Import]:
    """Top-level names of the absolute imports in source (SyntaxError if it does not parse)."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [Import(alias.name.split(".")[0], f"{filename}:{node.lineno}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(Import(node.module.split(".")[0], f"{filename}:{node.lineno}"))
        elif isinstance(node, ast.Call) and _imports_by_name(node.func) and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and not arg.value.startswith("."):
                found.append(Import(arg.value.split(".")[0], f"{filename}:{node.lineno}"))
    return sorted(found, key=lambda i: int(i.where.rsplit(":", 1)[1]))


def _imports_by_name(func: ast.expr) -> bool:
    """`__import__(...)`, `import_module(...)` or `importlib.import_module(...)`."""
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def app_imports(paths: list[Path], own: set[str], base: Path, notes: list[str]) -> list[Import]:
    """The first import of each name the files at paths make, in file order, without the
    app's own modules and what the browser provides. A file that is not UTF-8 Python that
    parses is skipped with a note in notes (the entry file was checked before)."""
    seen: dict[str, Import] = {}
    for path in paths:
        shown = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        try:
            found = imports_in(path.read_bytes().decode("utf-8-sig"), shown)
        except (UnicodeDecodeError, SyntaxError, ValueError) as e:
            notes.append(f"{shown}: not scanned for imports ({type(e).__name__}: {e})")
            continue
        for imp in found:
            if imp.name not in own and imp.name not in PROVIDED:
                seen.setdefault(imp.name, imp)
    return list(seen.values())

