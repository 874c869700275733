"""Files the page read in the browser (st.file_uploader, st.camera_input), as Streamlit's
UploadedFile objects.

Files never leave the browser: the page reads each file once and sends its bytes with
the widget event (base64 in the JSON event). Python keeps the bytes of the files each
widget currently holds (`FileStore`), so later events name a file by its id only, and
every script run gets fresh UploadedFile objects (read position 0), as in Streamlit.
"""
from __future__ import annotations

import base64
import io
import os
from typing import Any, NamedTuple, Sequence

from .errors import StreamlitAPIException
from .per_session import PerSession

# Streamlit's default `server.maxUploadSize`, in megabytes.
MAX_UPLOAD_SIZE_MB = 200

_TYPE_PAIRS = [(".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff"),
               (".htm", ".html")]


class UploadedFileRec(NamedTuple):
    """Metadata and raw bytes of one file. Immutable."""

    file_id: str
    name: str
    type: str
    data: bytes


class DeletedFile(NamedTuple):
    """A file the widget's value names but whose bytes are gone; never returned to apps."""

    file_id: str


class FileURLs:
    """Stands in for Streamlit's FileURLs message (shown in an UploadedFile's repr)."""

    def __init__(self, session_id: str, file_id: str) -> None:
        self.file_id = file_id
        self.upload_url = f"/_stcore/upload_file/{session_id}/{file_id}"
        self.delete_url = self.upload_url

    def __repr__(self) -> str:
        return (f'file_id: "{self.file_id}"\nupload_url: "{self.upload_url}"\n'
                f'delete_url: "{self.delete_url}"\n')

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileURLs) and repr(self) == repr(other)

    __hash__ = None  # type: ignore[assignment]


class UploadedFile(io.BytesIO):
    """A file-like copy of an uploaded file: a BytesIO with name, type, size and file_id.

    Two UploadedFiles are equal when they have the same file_id.
    """

    def __init__(self, record: UploadedFileRec, file_urls: FileURLs) -> None:
        super().__init__(record.data)
        self.file_id = record.file_id
        self.name = record.name
        self.type = record.type
        self.size = len(record.data)
        self._file_urls = file_urls

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        # Streamlit's repr: attributes in order, leaving out falsy-looking ones.
        falsy = [None, "", False, [], set(), {}]
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if v not in falsy)
        return f"{type(self).__name__}({fields})"


def normalize_upload_file_type(file_type: str | Sequence[str]) -> list[str]:
    """Extensions as Streamlit keeps them: with a leading dot, lower case, and the usual
    twins added (.jpg/.jpeg, .mpg/.mpeg, .mp4/.mpeg4, .tif/.tiff, .htm/.html)."""
    types = [file_type] if isinstance(file_type, str) else list(file_type)
    types = [t if t[0] == "." else f".{t}" for t in types]
    types = [t.lower() for t in types]
    for a, b in _TYPE_PAIRS:
        if a in types and b not in types:
            types.append(b)
        if b in types and a not in types:
            types.append(a)
    return types


def enforce_filename_restriction(filename: str, allowed_types: Sequence[str]) -> None:
    """Raise Streamlit's error when a file's name does not end with an allowed extension."""
    if "\0" in filename:
        raise StreamlitAPIException("Filename cannot contain null bytes.")
    extension = os.path.splitext(filename)[1]
    lowered = filename.lower()
    if not any(lowered.endswith(t.lower()) for t in allowed_types):
        raise StreamlitAPIException(
            f"Invalid file extension: `{extension}`. Allowed: {list(allowed_types)}")


class FileStore(PerSession):
    """The bytes of the files each widget of one session holds, by widget id and file id."""

    def __init__(self) -> None:
        import uuid  # not at start-up
        self.session_id = str(uuid.uuid4())
        self._files: dict[str, dict[str, UploadedFileRec]] = {}

    def take(self, widget_id: str, page_value: Any) -> list[UploadedFile | DeletedFile]:
        """The files a page event names, in order; the widget now holds exactly these.

        Each item is {"file_id", "name", "type", "size"} plus "data" (base64) the first
        time the page sends that file. A file named without data that is not held any
        more comes back as a DeletedFile.
        """
        held = self._files.get(widget_id, {})
        now: dict[str, UploadedFileRec] = {}
        files: list[UploadedFile | DeletedFile] = []
        for info in page_value or []:
            file_id = str(info.get("file_id"))
            data = info.get("data")
            if data is not None:
                rec = UploadedFileRec(file_id, str(info.get("name", "")),
                                      str(info.get("type") or ""), base64.b64decode(data))
            else:
                rec = held.get(file_id)
            if rec is None:
                files.append(DeletedFile(file_id))
                continue
            now[file_id] = rec
            files.append(UploadedFile(rec, FileURLs(self.session_id, file_id)))
        self._files[widget_id] = now
        return files

    def fresh(self, widget_id: str, file: Any) -> Any:
        """A new UploadedFile (read position 0) for a file the widget holds; other values
        (None, DeletedFile) as they are."""
        if isinstance(file, UploadedFile):
            rec = self._files.get(widget_id, {}).get(file.file_id)
            if rec is None:
                return DeletedFile(file.file_id)
            return UploadedFile(rec, FileURLs(self.session_id, rec.file_id))
        return file

    def forget_others(self, alive) -> None:
        """Drop the files of widgets for which `alive(widget_id)` is false."""
        for widget_id in [w for w in self._files if not alive(w)]:
            del self._files[widget_id]


def file_info(file: UploadedFile) -> dict:
    """What the page shows of a held file (never its bytes)."""
    return {"file_id": file.file_id, "name": file.name, "size": file.size, "type": file.type}
