"""A declared custom component, and one instance of it drawn by a call.

A call draws a `component_instance` widget: the page loads the component's frontend in an
iframe and speaks Streamlit's component protocol with it (web/display/components.js). The
arguments travel as 1.50 sends them: JSON ones as `args`, bytes as bytes and DataFrames as
Arrow IPC tables (`dfs`). What the frontend sets with `Streamlit.setComponentValue` comes
back as the widget's value (component_values.py), so it lives in session state, reruns
the app and calls `on_change` like any widget's.
"""
from __future__ import annotations

import base64
import json
import os
from typing import Any, Callable

from ...current import current_session
from ...errors import StreamlitAPIException
from ...widgets import ValueCodec, WidgetCallback, WidgetIdentity, add_widget
from . import component_values
from .frontends import frontend_src
from .iframes import check_tab_index

KIND = "component_instance"


class MarshallComponentException(StreamlitAPIException):
    """Class for exceptions generated during custom component marshalling."""


class CustomComponent:
    """A Custom Component declaration (`declare_component`'s result): call it to draw one."""

    def __init__(self, name: str, path: str | None = None, url: str | None = None,
                 module_name: str | None = None) -> None:
        if path is None and url is None:
            raise StreamlitAPIException("Either 'path' or 'url' must be set.")
        self._name, self._path, self._url, self._module_name = name, path, url, module_name

    name = property(lambda self: self._name)
    path = property(lambda self: self._path)
    url = property(lambda self: self._url)
    module_name = property(lambda self: self._module_name)

    @property
    def abspath(self) -> str | None:
        return None if self._path is None else os.path.abspath(self._path)

    def __call__(self, *args: Any, default: Any = None, key: str | None = None,
                 on_change: Callable | None = None, tab_index: int | None = None,
                 **kwargs: Any) -> Any:
        """An alias for create_instance."""
        return self.create_instance(*args, default=default, key=key, on_change=on_change,
                                    tab_index=tab_index, **kwargs)

    def create_instance(self, *args: Any, default: Any = None, key: str | None = None,
                        on_change: Callable | None = None, tab_index: int | None = None,
                        **kwargs: Any) -> Any:
        """Draw an instance of the component; return its value (`default` until the
        frontend sets one)."""
        if len(args) > 0:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        check_tab_index(tab_index)
        json_args, bytes_args, dataframe_args = _split_args(dict(kwargs, default=default, key=key))
        try:
            serialized_json_args = json.dumps(json_args)
        except Exception as ex:
            raise MarshallComponentException("Could not convert component args to JSON", ex)
        dg = current_session().require_run().active_dg()
        props = {"name": self.name, "src": self._src(), "args": serialized_json_args,
                 "bytes_args": bytes_args, "dfs": dataframe_args, "tab_index": tab_index,
                 "key": None if key is None else str(key)}
        identity = WidgetIdentity(KIND, key, {
            "name": self.name, "url": self.url, "json_args": serialized_json_args,
            "special_args": repr((bytes_args, dataframe_args))}, key_params=("name", "url"))
        _wid, value = add_widget(dg, identity, default=None, props=props,
                                 callback=WidgetCallback(on_change),
                                 codec=component_values.CODEC)
        if value is None:
            return default
        return component_values.as_returned(value)

    def _src(self) -> dict[str, str]:
        """Where the page loads the frontend: {"url": ...} (a url= component) or {"site":
        <path in the site>} (a path= one)."""
        if self.url:
            return {"url": self.url}
        return {"site": frontend_src(self.abspath or "")}

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CustomComponent) and self.name == other.name
                and self.path == other.path and self.url == other.url
                and self.module_name == other.module_name)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.url, self.module_name))

    def __str__(self) -> str:
        return f"'{self.name}': {self.path if self.path is not None else self.url}"

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"


def _split_args(all_args: dict[str, Any]) -> tuple[dict, dict[str, str], list[dict]]:
    """(JSON args, bytes args as base64, DataFrame args as Arrow tables): 1.50 sends bytes
    and DataFrames beside the JSON ("special args")."""
    from ...elements.text import _is_dataframe_like
    json_args: dict[str, Any] = {}
    bytes_args: dict[str, str] = {}
    dataframe_args: list[dict] = []
    for name, value in all_args.items():
        if isinstance(value, (bytes, bytearray)):
            bytes_args[name] = base64.b64encode(bytes(value)).decode("ascii")
        elif _is_dataframe_like(value):
            from . import component_arrow
            dataframe_args.append({"key": name, "value": component_arrow.to_arrow_table(value)})
        else:
            json_args[name] = value
    return json_args, bytes_args, dataframe_args
