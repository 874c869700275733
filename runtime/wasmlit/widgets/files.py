"""File widgets: st.file_uploader and st.camera_input.

The page reads the chosen files (or the photo) in the browser and sends their bytes with
the widget event; values are Streamlit's UploadedFile objects (see ..uploaded_file).
Both widgets refuse values set through st.session_state, as Streamlit does.
"""
from __future__ import annotations

from typing import Any, Callable

from ..registry import command
from ..uploaded_file import (MAX_UPLOAD_SIZE_MB, DeletedFile, FileStore, UploadedFile,
                             enforce_filename_restriction, file_info, normalize_upload_file_type)
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget, label_props
from ..props import validate_width, width_prop


@command
def file_uploader(dg, label: str, type: Any = None, accept_multiple_files: Any = False,
                  key: Any = None, help: str | None = None, on_change: Callable | None = None,
                  args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                  label_visibility: str = "visible", width: Any = "stretch") -> Any:
    directory = accept_multiple_files == "directory"
    multiple = accept_multiple_files is True or directory
    allowed = normalize_upload_file_type(type) if type else None
    identity = {"label": label, "type": _hashable(type),
                "accept_multiple_files": accept_multiple_files, "help": help,
                "width": width}

    def shape(files: list) -> Any:
        if multiple:
            return files
        return files[0] if files else None

    def serialize(value: Any) -> list[dict]:
        files = [f for f in _as_list(value) if isinstance(f, UploadedFile)]
        if allowed:
            for f in files:
                enforce_filename_restriction(f.name, allowed)
        return [file_info(f) for f in files]

    props = dict(label_props(label, help, disabled, label_visibility),
                 type=allowed or [], multiple=multiple, directory=directory,
                 max_upload_size_mb=MAX_UPLOAD_SIZE_MB)
    value = _add_file_widget(dg, WidgetIdentity("file_uploader", key, identity, None), props,
                             WidgetCallback(on_change, args, kwargs), width, serialize, shape,
                             default=[] if multiple else None)
    if isinstance(value, DeletedFile):
        return None
    if isinstance(value, list):
        return [f for f in value if not isinstance(f, DeletedFile)]
    return value


@command
def camera_input(dg, label: str, key: Any = None, help: str | None = None,
                 on_change: Callable | None = None, args: Any = None, kwargs: Any = None, *,
                 disabled: bool = False, label_visibility: str = "visible",
                 width: Any = "stretch") -> Any:
    identity = {"label": label, "help": help, "width": width}
    props = label_props(label, help, disabled, label_visibility)
    return add_recording_widget(dg, WidgetIdentity("camera_input", key, identity, None), props,
                                WidgetCallback(on_change, args, kwargs), width, ".jpg")


def add_recording_widget(dg, identity: WidgetIdentity, props: dict, callback: WidgetCallback,
                         width: Any, extension: str) -> Any:
    """A widget whose value is one file the browser recorded (camera_input's photo,
    audio_input's WAV): an UploadedFile, or None before a recording and after a clear."""

    def shape(files: list) -> Any:
        return files[0] if files else None

    def serialize(value: Any) -> list[dict]:
        if not isinstance(value, UploadedFile):
            return []
        enforce_filename_restriction(value.name, [extension])
        return [file_info(value)]

    value = _add_file_widget(dg, identity, props, callback, width, serialize, shape)
    return None if isinstance(value, DeletedFile) else value


def _add_file_widget(dg, identity: WidgetIdentity, props: dict, callback: WidgetCallback,
                     width: Any, serialize: Callable, shape: Callable,
                     default: Any = None) -> Any:
    """Register a file widget and return its value as fresh UploadedFile objects.

    With `key=`, Streamlit still identifies these widgets by all their parameters
    (and their form and root: `key_params=None`), so the key does not replace the identity.
    """
    validate_width(width)
    session = dg.session
    store = FileStore.of(session)
    holder: dict[str, str] = {}

    def deserialize(page_value: Any) -> Any:
        return shape(store.take(holder["id"], page_value))

    wid, value = add_widget(
        dg, identity, default=default, props=dict(props, width=width_prop(width)),
        callback=callback, codec=ValueCodec(serialize, deserialize), writes_allowed=False)
    holder["id"] = wid
    store.forget_others(lambda w: session.state.widget(w) is not None)
    # Each run reads its files from the start, as in Streamlit (values are rebuilt per run).
    if isinstance(value, list):
        value = [store.fresh(wid, f) for f in value]
    else:
        value = store.fresh(wid, value)
    entry = session.state.widget(wid)
    if entry is not None:
        entry.value = value
    return value


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _hashable(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(value)
    return value
