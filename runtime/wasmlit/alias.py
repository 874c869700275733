"""Make `import streamlit` (and `streamlit.<sub>`) resolve to wasmlit inside an app."""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

ALIAS = "streamlit"
TARGET = "wasmlit"


class _AliasFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        if fullname != ALIAS and not fullname.startswith(ALIAS + "."):
            return None
        real = TARGET + fullname[len(ALIAS):]
        if importlib.util.find_spec(real) is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        return importlib.import_module(TARGET + spec.name[len(ALIAS):])

    def exec_module(self, module):
        pass  # the wasmlit module is already initialised


_FINDER = _AliasFinder()


def install() -> None:
    """Idempotent: put the alias first on the import path, so it wins over a real
    Streamlit that may be installed beside wasmlit."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    for name in [n for n in sys.modules if n == ALIAS or n.startswith(ALIAS + ".")]:
        if not getattr(sys.modules[name], "__name__", "").startswith(TARGET):
            del sys.modules[name]
