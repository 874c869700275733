"""`declare_component`: a custom component named after the module that declares it (the
script's file name for the script itself), its frontend at `path` (a folder, checked to
exist as 1.50 does) or at `url` (frontends.py says where the page finds a `path=` one)."""
from __future__ import annotations

import inspect
import os
from pathlib import Path
from types import FrameType

from ...current import running_session
from ...errors import StreamlitAPIException
from .custom_component import CustomComponent


def _module_name(caller: FrameType) -> str:
    """The calling module's name; for the script itself, its file name without `.py`."""
    name = caller.f_globals.get("__name__", "__main__")
    if name == "__main__":
        return os.path.splitext(os.path.basename(caller.f_code.co_filename))[0]
    return name


def declare_component(name: str, path: str | Path | None = None,
                      url: str | None = None) -> CustomComponent:
    """Create a custom component; calling it draws an instance and returns its value."""
    if path is not None and isinstance(path, Path):
        path = str(path)
    caller = inspect.currentframe().f_back  # type: ignore[union-attr]
    module_name = _module_name(caller)
    component = CustomComponent(name=f"{module_name}.{name}", path=path, url=url,
                                module_name=module_name)
    if running_session() is not None and component.abspath is not None \
            and not os.path.isdir(component.abspath):
        raise StreamlitAPIException(f"No such component directory: '{component.abspath}'")
    return component
