"""Packages of Pyodide's distribution in the page: which ones an app's code needs, and an
import hook that loads one when it is first imported later (inside a function, on a click).

Browser only (it uses `pyodide`); the engine never imports it. The page (web/packages.js)
hands `install` an object that knows the live lock and loads packages:
`packageFor(import_name)`, `isLoaded(key)`, `failureOf(key)`, `describe(key)` and
`load(key)` (a promise of None, or of why the package could not be loaded).
"""
from __future__ import annotations

import importlib
import importlib.machinery
import os
import site
import sys
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Callable

from pyodide.code import find_imports
from pyodide.ffi import can_run_sync, run_sync

NO_JSPI = ("No module named {name!r}: {package} is in Pyodide's distribution, but could not be "
           "loaded on demand in this browser (it lacks JavaScript Promise Integration). Import "
           "{name} at the top of the script, or list {package} in requirements.txt, so that it "
           "loads before the app runs.")


def missing_imports(sources: list[str], local: list[str]) -> list[str]:
    """Top-level names the sources import that are not importable now: not the app's own
    modules (`local`), the standard library or anything installed."""
    names = {name.split(".")[0] for source in sources for name in find_imports(source)}
    return sorted(name for name in names - set(local) - sys.stdlib_module_names
                  if not _importable(name))


def not_importable(names: list[str]) -> list[str]:
    """Those of the top-level module names that nothing installed provides."""
    return [name for name in names if not _importable(name)]


def _importable(name: str) -> bool:
    return (name in sys.modules or name in sys.builtin_module_names
            or importlib.machinery.PathFinder.find_spec(name) is not None)


class DistributionFinder:
    """On sys.meta_path after every other finder: a top-level module that nothing else
    found, provided by a package of the lock that is not loaded, is loaded now (the run
    waits, JSPI) and then found. An import that fails because its package could not be
    loaded raises ModuleNotFoundError naming the package, the URL and the reason.

    A probe is left to fail as it would without the package: `importlib.util.find_spec`
    (whether a module exists), and a library's import guarded by `except ImportError` (an
    optional dependency, as pandas probes pyarrow). Loading every package a library might
    use would fetch megabytes nobody asked for."""

    def __init__(self, packages: Any, waiting: Callable[[str], AbstractContextManager]) -> None:
        self.packages = packages
        self.waiting = waiting

    def find_spec(self, fullname: str, path: Any = None, target: Any = None):
        if path is not None or "." in fullname:
            return None
        key = self.packages.packageFor(fullname)
        if not key:
            return None
        failure = self.packages.failureOf(key)  # a message, or None
        if not failure:
            if self.packages.isLoaded(key) or _only_probing():
                return None
            if not can_run_sync():
                raise ModuleNotFoundError(NO_JSPI.format(name=fullname, package=key), name=fullname)
            with self.waiting(self.packages.describe(key)):
                failure = run_sync(self.packages.load(key))
            if not failure:
                importlib.invalidate_caches()
                return importlib.machinery.PathFinder.find_spec(fullname)
        raise ModuleNotFoundError(f"No module named {fullname!r}: {failure}", name=fullname)


# Counted as import machinery, which CPython leaves out of an ImportError's traceback: the
# app's error ends at its own import line, as for any other missing module.
DistributionFinder.find_spec.__code__ = DistributionFinder.find_spec.__code__.replace(
    co_filename="<frozen importlib._bootstrap>")


def install(packages: Any, waiting: Callable[[str], AbstractContextManager] | None = None) -> None:
    """Put the DistributionFinder on sys.meta_path (once; a second call replaces its page
    side). `waiting(message)` is entered while a package loads (to show the message)."""
    finder = DistributionFinder(packages, waiting or (lambda message: nullcontext()))
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, DistributionFinder)] + [finder]


# --- is the import an optional dependency a library probes? -----------------------------

_IMPORT_MACHINERY = ("<frozen importlib", os.path.dirname(importlib.__file__), __file__)


def _library_folders() -> tuple[str, ...]:
    return tuple(os.path.join(folder, "") for folder in
                 [os.path.dirname(os.__file__), *site.getsitepackages()])


def _only_probing() -> bool:
    """Whether the module being found is only asked about: by importlib.util.find_spec, or
    by installed code (the standard library or site-packages, not the app) importing it
    inside a `try` whose handler catches ImportError."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename.startswith(_IMPORT_MACHINERY):
        if frame.f_code.co_name == "find_spec" and frame.f_code.co_filename.endswith(("util.py", "util>")):
            return True  # importlib.util.find_spec
        frame = frame.f_back
    if frame is None or not frame.f_code.co_filename.startswith(_library_folders()):
        return False
    return catches_import_error(frame.f_code, frame.f_lasti)


_CATCHES = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def catches_import_error(code, offset: int) -> bool:
    """Whether the innermost handler around the instruction at `offset` of `code` is an
    `except` clause that would catch an ImportError (not a `with` block's exit, nor the
    clean-up around an except clause's body)."""
    import dis  # not at start-up: only a late import of a distribution package needs it
    bytecode = dis.Bytecode(code)
    entry = next((e for e in bytecode.exception_entries if e.start <= offset < e.end), None)
    if entry is None:
        return False
    names: set[str] = set()
    started = False
    for instruction in bytecode:
        if instruction.offset < entry.target:
            continue
        op = instruction.opname
        if not started:
            if op != "PUSH_EXC_INFO":
                return False  # COPY ...; POP_EXCEPT; RERAISE: the clean-up of an except body
            started = True
        elif op in ("LOAD_GLOBAL", "LOAD_NAME", "LOAD_ATTR", "LOAD_FAST_BORROW", "LOAD_FAST"):
            names.add(str(instruction.argval).removeprefix("NULL + ").removesuffix(" + NULL"))
        elif op in ("CHECK_EXC_MATCH", "CHECK_EG_MATCH"):
            return bool(names & _CATCHES)
        elif op == "WITH_EXCEPT_START":
            return False
        elif op == "POP_TOP" and not names:
            return True  # a bare `except:`
        if instruction.offset > entry.target + 200:
            return False
    return False
