"""st.chat_input: a text box whose submitted text the script gets for exactly one run.

Written to the main area (not inside a container), it is pinned to the bottom of the page,
as in Streamlit; anywhere else it stays where it is written.
"""
from __future__ import annotations

import base64
from collections.abc import MutableMapping
from typing import Any, Callable, Iterator

from ..registry import command
from ..errors import StreamlitAPIException
from ..uploaded_file import (MAX_UPLOAD_SIZE_MB, FileStore, FileURLs, UploadedFile,
                             UploadedFileRec, normalize_upload_file_type)
from . import ValueCodec, WidgetCallback, WidgetIdentity, add_widget
from ..props import validate_width, width_prop

ACCEPT_FILE_VALUES = (True, False, "multiple", "directory")


class ChatInputValue(MutableMapping):
    """What st.chat_input returns when it accepts files: `.text` and `.files`, also
    readable as a mapping (`value["text"]`), as in Streamlit."""

    def __init__(self, text: str, files: list) -> None:
        self.text = text
        self.files = files

    def __len__(self) -> int:
        return len(vars(self))

    def __iter__(self) -> Iterator[str]:
        return iter(vars(self))

    def __getitem__(self, item: str) -> Any:
        try:
            return getattr(self, item)
        except AttributeError:
            raise KeyError(f"Invalid key: {item}") from None

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        try:
            delattr(self, key)
        except AttributeError:
            raise KeyError(f"Invalid key: {key}") from None

    def to_dict(self) -> dict:
        return vars(self)

    def __repr__(self) -> str:
        return f"ChatInputValue(text={self.text!r}, files={self.files!r})"


def _uploaded_files(session, infos: Any, allowed: list[str] | None) -> list[UploadedFile]:
    """The files sent with a submission (bytes read in the page, base64), as UploadedFiles.
    A file whose extension `file_type` does not allow is left out (the page refuses those)."""
    files = []
    for info in infos or []:
        name = str(info.get("name", ""))
        if allowed and not any(name.lower().endswith(t) for t in allowed):
            continue
        rec = UploadedFileRec(str(info.get("file_id")), name, str(info.get("type") or ""),
                              base64.b64decode(info.get("data") or ""))
        files.append(UploadedFile(rec, FileURLs(FileStore.of(session).session_id, rec.file_id)))
    return files


@command
def chat_input(dg, placeholder: str = "Your message", *, key: Any = None,
               max_chars: int | None = None, accept_file: Any = False, file_type: Any = None,
               disabled: bool = False, on_submit: Callable | None = None, args: Any = None,
               kwargs: Any = None, width: Any = "stretch") -> Any:
    if accept_file not in ACCEPT_FILE_VALUES:
        raise StreamlitAPIException(
            "The `accept_file` parameter must be a boolean or 'multiple' or 'directory'.")
    if dg.form_id is not None:
        raise StreamlitAPIException("`st.chat_input()` can't be used in a `st.form()`.")
    session = dg.session
    run = session.require_run()
    # Streamlit pins it when it is written straight into the main area (no container).
    pinned = (run.is_full and session.bottom is not None
              and dg.block is session.tree.roots["main"])
    writer = session.bottom if pinned else dg
    set_by_app = key is not None and session.state.is_new_value(str(key))
    accepts_files = accept_file in (True, "multiple", "directory")
    types = normalize_upload_file_type(file_type) if file_type else None

    def deserialize(ui: Any) -> Any:
        if ui is None:
            return None
        text = str(ui.get("text", "")) if isinstance(ui, dict) else str(ui)
        if not accepts_files:
            return text
        infos = ui.get("files") if isinstance(ui, dict) else None
        return ChatInputValue(text=text, files=_uploaded_files(session, infos, types))

    def serialize(value: Any) -> Any:
        # The page fills its box only with a text the app put under the key this run; the
        # run number makes each such request new to the page.
        if set_by_app and isinstance(value, str):
            return {"text": value, "seq": session.run_count}
        return None

    identity = {"placeholder": placeholder, "max_chars": max_chars, "accept_file": accept_file,
                "file_type": tuple(file_type) if isinstance(file_type, (list, tuple)) else file_type,
                "width": width}
    validate_width(width)
    wid, value = add_widget(
        writer, WidgetIdentity("chat_input", key, identity, None), default=None,
        explicit_default=None,
        props={"placeholder": str(placeholder), "max_chars": max_chars or None,
               "disabled": bool(disabled), "accept_file": accept_file if accepts_files else False,
               "file_type": types, "max_upload_size_mb": MAX_UPLOAD_SIZE_MB,
               "position": "bottom" if pinned else "inline",
               "width": width_prop(width)},
        callback=WidgetCallback(on_submit, args, kwargs),
        codec=ValueCodec(serialize, deserialize, is_trigger=True, trigger_reset=None))
    if set_by_app:
        # Streamlit shows the text in the box and resets the key to None.
        entry = session.state.widget(wid)
        if entry is not None:
            entry.value = None
        return None
    return value
