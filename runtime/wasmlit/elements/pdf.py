"""st.pdf: a PDF document shown page by page in a scrollable viewer.

Streamlit 1.50 shows PDFs through the `streamlit-pdf` component (pdf.js in an iframe) when
`streamlit[pdf]` is installed. Here the page draws them itself with pdf.js
(dist/pdf.js, loaded the first time a page shows a PDF), so no package is needed; the
arguments and their errors are 1.50's. The bytes travel base64-encoded in the element's
props, as media do; an http(s) URL is passed through for the page to fetch.
"""
from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import StreamlitAPIException, StreamlitDuplicateElementId, StreamlitDuplicateElementKey
from ..props import validate_height, width_prop
from ..registry import command
from ..widgets import root_of, widget_id
from .status import element_writer

# Streamlit's st.pdf calls the component, whose elements carry this type.
_ELEMENT_TYPE = "component_instance"


def _is_http_url(text: str) -> bool:
    """Streamlit's url_util.is_url with its default http/https schemas."""
    try:
        parsed = urlparse(text)
    except ValueError:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _pdf_source(data: Any) -> dict:
    """{"url": ...} for an http(s) URL, else {"data": base64, "mime": "application/pdf"}."""
    if isinstance(data, (str, Path)):
        text = str(data).strip()
        if _is_http_url(text):
            return {"url": text}
        try:
            with open(text, "rb") as file:
                raw = file.read()
        except (FileNotFoundError, PermissionError) as e:
            raise StreamlitAPIException(f"Unable to read file '{text}': {e}") from None
    elif isinstance(data, bytes):
        raw = data
    elif hasattr(data, "read") and hasattr(data, "getvalue"):
        raw = data.getvalue()
    elif hasattr(data, "read"):
        raw = data.read()
    else:
        raise StreamlitAPIException(
            f"Unsupported data type for PDF: {type(data).__name__}. "
            f"Please provide a file path (str or Path), URL (str), bytes data, "
            f"or file-like object (such as BytesIO or UploadedFile).")
    return {"data": base64.b64encode(bytes(raw)).decode("ascii"), "mime": "application/pdf"}


def _register_element_id(dg, key: Any, identity: dict) -> None:
    """A component instance's id: one key used twice, or the same URL and height twice
    without a key, raise Streamlit's duplicate-element errors. (1.50 stores bytes under
    each call's own media URL, so PDFs given as bytes never collide without a key.)"""
    run = dg.session.require_run()
    user_key = None if key is None else str(key)
    if user_key is not None and user_key in run.user_keys:
        raise StreamlitDuplicateElementKey(user_key)
    if "url" in identity:
        wid = widget_id(_ELEMENT_TYPE, user_key, dict(identity, form_id=dg.form_id, root=root_of(dg)))
        if wid in run.element_ids:
            raise StreamlitDuplicateElementId(_ELEMENT_TYPE)
        run.element_ids.add(wid)
    if user_key is not None:
        run.user_keys.add(user_key)


@command
def pdf(dg, data: Any, *, height: Any = 500, key: str | None = None) -> None:
    if data is None:
        raise StreamlitAPIException(
            "The PDF data cannot be None. Please provide a valid PDF file path, URL, "
            "bytes data, or file-like object.")
    validate_height(height, allow_content=False)
    source = _pdf_source(data)
    _register_element_id(dg, key, {"url": source["url"], "height": str(height)} if "url" in source else {})
    element_writer(dg, "pdf", dict(source, height=width_prop(height)))
    # 1.50 returns what the component returns: None (not a writer)
