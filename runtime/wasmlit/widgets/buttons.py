"""Buttons: st.button, st.form_submit_button, st.download_button (triggers: True for the
one run their click starts) and st.link_button (a plain link, no widget)."""
from __future__ import annotations

import base64
import io
from typing import Any, Callable

from ..registry import command
from ..errors import StreamlitAPIException, StreamlitInvalidFormCallbackError
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget
from ..props import container_width, validate_icon, validate_width, width_prop

FORM_DOCS_INFO = """

For more information, refer to the
[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."""

BUTTON_TYPES = ("primary", "secondary", "tertiary")


def _check_type(command_name: str, type: Any) -> None:
    if type not in BUTTON_TYPES:
        raise StreamlitAPIException(
            f'The type argument to st.{command_name} must be "primary", "secondary", or '
            f'"tertiary". \nThe argument passed was "{type}".')


def _button_props(label: Any, help: str | None, type: str, icon: str | None, disabled: bool,
                  width: Any) -> dict:
    """What every button shows (its icon and width checked, in Streamlit's order)."""
    icon_shown = validate_icon(icon)
    validate_width(width, allow_content=True)
    return {"label": str(label), "help": help, "type": type, "icon": icon_shown,
            "disabled": bool(disabled), "width": width_prop(width)}


@command
def button(dg, label: str, key: Any = None, help: str | None = None,
           on_click: Callable | None = None, args: Any = None, kwargs: Any = None, *,
           type: str = "secondary", icon: str | None = None, disabled: bool = False,
           use_container_width: bool | None = None, width: Any = "content") -> bool:
    width = container_width(use_container_width, width)
    _check_type("button", type)
    if dg.form_id is not None:
        if on_click is not None:
            raise StreamlitInvalidFormCallbackError()
        raise StreamlitAPIException(f"`st.button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
    props = dict(_button_props(label, help, type, icon, disabled, width), submit=False)
    identity = _identity(label, icon, help, type, width, is_form_submitter=False)
    return _add_button(dg, WidgetIdentity("button", key, identity), props,
                       WidgetCallback(on_click, args, kwargs))


@command
def form_submit_button(dg, label: str = "Submit", help: str | None = None,
                       on_click: Callable | None = None, args: Any = None, kwargs: Any = None, *,
                       key: Any = None, type: str = "secondary", icon: str | None = None,
                       disabled: bool = False, use_container_width: bool | None = None,
                       width: Any = "content") -> bool:
    width = container_width(use_container_width, width)
    _check_type("form_submit_button", type)
    if dg.form_id is None:
        raise StreamlitAPIException(
            f"`st.form_submit_button()` must be used inside an `st.form()`.{FORM_DOCS_INFO}")
    # Streamlit keys every submit button (it shows in st.session_state).
    key = key if key is not None and str(key) else f"FormSubmitter:{dg.form_id}-{label}"
    props = dict(_button_props(label, help, type, icon, disabled, width), submit=True)
    identity = _identity(label, icon, help, type, width, is_form_submitter=True)
    return _add_button(dg, WidgetIdentity("form_submit_button", key, identity), props,
                       WidgetCallback(on_click, args, kwargs, in_form=True))


def _identity(label: Any, icon: Any, help: Any, type: str, width: Any, **more: Any) -> dict:
    """The parameters in a button's id (Streamlit's, per button command)."""
    return dict(label=str(label), icon=icon, help=help, type=type, width=width, **more)


# A button holds True for the one run its click starts.
_CLICK = ValueCodec(serialize=bool, is_trigger=True)


def _add_button(dg, identity: WidgetIdentity, props: dict, callback: WidgetCallback) -> bool:
    """Register and draw a button; the app cannot set its value."""
    _, value = add_widget(dg, identity, default=False, props=props, callback=callback,
                          codec=_CLICK, writes_allowed=False, explicit_default=None)
    return bool(value)


# --- st.download_button -------------------------------------------------------------------

def _file_bytes(data: Any, mime: str | None) -> tuple[bytes, str]:
    """The file's bytes and its MIME type, as Streamlit reads each kind of `data`."""
    if isinstance(data, str):
        return data.encode(), mime or "text/plain"
    if isinstance(data, io.TextIOWrapper):
        return data.read().encode(), mime or "text/plain"
    if isinstance(data, bytes):
        return data, mime or "application/octet-stream"
    if isinstance(data, io.BytesIO):
        data.seek(0)
        return data.getvalue(), mime or "application/octet-stream"
    if isinstance(data, io.BufferedReader):
        data.seek(0)
        return data.read(), mime or "application/octet-stream"
    if isinstance(data, io.RawIOBase):
        data.seek(0)
        return data.read() or b"", mime or "application/octet-stream"
    raise StreamlitAPIException(f"Invalid binary data format: {type(data)}")


def _default_file_name(mime: str) -> str:
    # The name Streamlit's media server gives a download without `file_name`.
    extension = {"audio/wav": ".wav", "text/vtt": ".vtt"}.get(mime)
    if extension is None:
        import mimetypes  # not at start-up: only download buttons need it
        extension = mimetypes.guess_extension(mime, strict=False) or ""
    return f"streamlit_download{extension}"


@command
def download_button(dg, label: str, data: Any, file_name: str | None = None,
                    mime: str | None = None, key: Any = None, help: str | None = None,
                    on_click: Any = "rerun", args: Any = None, kwargs: Any = None, *,
                    type: str = "secondary", icon: str | None = None, disabled: bool = False,
                    use_container_width: bool | None = None, width: Any = "content") -> bool:
    """The file is made in the page (a Blob) when the button is clicked. `on_click`:
    "rerun" (default) reruns the app, "ignore" does not, a callable runs then reruns."""
    width = container_width(use_container_width, width)
    _check_type("download_button", type)
    callback = None if on_click is None or on_click in ("ignore", "rerun") else on_click
    if dg.form_id is not None:
        if callback is not None:
            raise StreamlitInvalidFormCallbackError()
        raise StreamlitAPIException(
            f"`st.download_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
    content, file_mime = _file_bytes(data, mime)
    props = dict(_button_props(label, help, type, icon, disabled, width),
                 data=base64.b64encode(content).decode("ascii"), mime=file_mime,
                 file_name=file_name or _default_file_name(file_mime),
                 ignore_rerun=on_click == "ignore")
    identity = _identity(label, icon, help, type, width, file_name=file_name, mime=mime)
    return _add_button(dg, WidgetIdentity("download_button", key, identity), props,
                       WidgetCallback(callback, args, kwargs))


# --- st.link_button -----------------------------------------------------------------------

@command
def link_button(dg, label: str, url: str, *, help: str | None = None, type: str = "secondary",
                icon: str | None = None, disabled: bool = False,
                use_container_width: bool | None = None, width: Any = "content"):
    _check_type("link_button", type)
    width = container_width(use_container_width, width)
    props = dict(_button_props(label, help, type, icon, disabled, width), url=str(url))
    return dg.place_element("link_button", props)
