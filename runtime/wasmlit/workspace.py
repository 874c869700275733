"""What one app owns in a Python process that several apps share: its folder (working
directory, first on sys.path), the modules it imported from that folder, and its secrets.

Many apps on one page run in one Pyodide. Their runs never overlap in time, so each app's
workspace is put in place when its run starts (`enter`) and taken out when it ends: app A's
`import helpers` never finds app B's `helpers`, and `open("data.csv")` reads A's file.
"""
from __future__ import annotations

import os
import sys
import weakref
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .secrets import Secrets


_app_folders: set[str] = set()  # every folder an app runs in: their modules are never shared
# The last working directory an app's enter() found that was no app's folder: where an
# app's leave() goes back to (not to another app's folder, which it finds when two folder
# apps interleave because one sleeps).
_outside: str | None = None


class Workspace:
    def __init__(self, folder: str | None = None, secrets_text: str | None = None) -> None:
        self.folder = os.path.normpath(folder) if folder else None
        if self.folder is not None:
            _app_folders.add(self.folder)
        # The app's own secrets.toml text (the page passes one for every app): made into
        # its `secrets` when first read, since most runs never read st.secrets.
        self._secrets_text = secrets_text
        self._secrets: Secrets | None = None
        self._modules: dict[str, ModuleType] = {}  # this app's own modules while it is out

    @property
    def secrets(self) -> Secrets | None:
        """What st.secrets reads in this app's runs; None: the app has no secrets of its own
        (st.secrets reads the shared ones)."""
        if self._secrets is None and self._secrets_text is not None:
            from .secrets import Secrets  # st.secrets' module, imported on first read
            self._secrets = Secrets()
            self._secrets.load_text(self._secrets_text)
        return self._secrets

    @secrets.setter
    def secrets(self, value: Secrets | None) -> None:
        self._secrets = value

    def owns(self, module: ModuleType) -> bool:
        """Whether `module` was loaded from this app's folder."""
        return self.folder is not None and _app_folder(module) == self.folder

    def enter(self) -> None:
        """Put this app's folder, modules and secrets in place (idempotent)."""
        if self.folder is None:
            return
        for name, module in list(sys.modules.items()):  # another app's, left in mid-run
            folder = _app_folder(module)
            if folder is not None and folder != self.folder:
                del sys.modules[name]
        sys.modules.update(self._modules)
        self._modules = {}
        global _outside
        here = _cwd()
        if here != self.folder:
            if here is not None and here not in _app_folders:
                _outside = here
            os.chdir(self.folder)
        if not sys.path or sys.path[0] != self.folder:
            if self.folder in sys.path:
                sys.path.remove(self.folder)
            sys.path.insert(0, self.folder)

    def leave(self) -> None:
        """Take this app's modules and folder out of the shared interpreter."""
        if self.folder is None:
            return
        for name, module in list(sys.modules.items()):
            if self.owns(module):
                self._modules[name] = sys.modules.pop(name)
        if self.folder in sys.path:
            sys.path.remove(self.folder)
        # Back to the directory outside the apps' folders, so that another app (or a session
        # with no folder of its own, whose relative entry file would be looked up there)
        # does not see this one's files, .streamlit/config.toml among them.
        if _outside is not None and _cwd() == self.folder:
            try:
                os.chdir(_outside)
            except OSError:  # it is gone (a test's temporary folder)
                pass

    def forget_modules(self) -> None:
        """Drop the modules this app imported (its files changed: import them afresh)."""
        self._modules = {}
        for name, module in list(sys.modules.items()):
            if self.owns(module):
                del sys.modules[name]


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the working directory was deleted
        return None


# module -> the app folder it was loaded from, or None: worked out once per module, since
# every run of a folder app looks at every loaded module twice (enter and leave).
_folder_of: "weakref.WeakKeyDictionary[ModuleType, str | None]" = weakref.WeakKeyDictionary()


def _app_folder(module: ModuleType) -> str | None:
    try:
        return _folder_of[module]
    except (KeyError, TypeError):  # TypeError: an object in sys.modules that is no module
        pass
    where = getattr(module, "__file__", None) or ""
    if not where:  # a namespace package: look at its search path
        where = next(iter(getattr(module, "__path__", None) or ()), "")
    where = os.path.normpath(where) if isinstance(where, str) and where else ""
    folder = next((f for f in _app_folders if where.startswith(f + os.sep)), None) if where else None
    try:
        _folder_of[module] = folder
    except TypeError:
        pass
    return folder
