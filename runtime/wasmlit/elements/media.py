"""Media elements: st.image, st.audio, st.video.

Media bytes travel to the page base64-encoded in the element's props (`data` + `mime`);
the page turns them into Blob URLs (revoked when the element goes). URLs (http, https,
data) are passed through untouched, so the page only fetches what the app itself links.
PIL images and numpy arrays are handled by duck typing; neither library is required.
"""
from __future__ import annotations

import base64
import io
import os
import re
import struct
import zlib
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..durations import parse_duration
from ..errors import StreamlitAPIException
from ..props import container_width, validate_width, width_prop
from ..registry import command
from .status import element_writer

_TIME_ERROR = (
    "Failed to convert '{name}' to a timedelta. Please use a string in a format supported by "
    "[Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas."
    'Timedelta.html), e.g. `"10s"`, `"15 seconds"`, or `"1h23s"`. Got: {value}'
)
_SVG = re.compile(r"(^\s?(<\?xml[\s\S]*<svg\s)|^\s?<svg\s|^\s?<svg>\s)")
_YOUTUBE = re.compile(
    r"^(https?:)?(//)?((www\.|m\.)?youtube(-nocookie)?\.com/((watch)?\?(app=desktop&)?"
    r"(feature=\w*&)?v=|embed/|v/|e/)|youtu\.be/)(?P<code>[\w\-]{10,20})")


# --- shared helpers ------------------------------------------------------------------------
def _is_url(text: str) -> bool:
    """Streamlit's url_util.is_url for http, https and data URLs."""
    from urllib.parse import urlparse  # not at start-up (it imports ipaddress)
    try:
        parsed = urlparse(str(text))
    except ValueError:
        return False
    if parsed.scheme in ("http", "https"):
        return bool(parsed.netloc)
    return parsed.scheme == "data" and bool(parsed.path)


def _is_numpy_array(value: Any) -> bool:
    cls = type(value)
    return cls.__name__ == "ndarray" and cls.__module__ == "numpy"


def _is_pil_image(value: Any) -> bool:
    return any(c.__module__.startswith("PIL.") and c.__name__ == "Image" for c in type(value).__mro__)


def _encoded(data: bytes, mime: str) -> dict:
    return {"data": base64.b64encode(bytes(data)).decode("ascii"), "mime": mime}


class MediaFileStorageError(Exception):
    """Streamlit's error for a media path that cannot be read (shown with its full name)."""


MediaFileStorageError.__module__ = "streamlit.runtime.media_file_storage"


def _open_file(path: str) -> bytes:
    """A file of the app's (virtual) filesystem; Streamlit's error when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        raise MediaFileStorageError(f"Error opening '{path}'") from None


# --- st.image ------------------------------------------------------------------------------
def _sniff_image_mime(data: bytes) -> str:
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:3] == b"GIF":
        return "image/gif"
    if data[:2] == b"\xff\xd8":
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:2] == b"BM":
        return "image/bmp"
    if _SVG.search(data[:512].decode("utf-8", "ignore")):
        return "image/svg+xml"
    return "image/png"


def _pil_format(image: Any, output_format: str) -> str:
    fmt = output_format.upper()
    if fmt in ("JPEG", "PNG"):
        return fmt
    if fmt == "JPG":
        return "JPEG"
    if getattr(image, "format", None) == "GIF":
        return "GIF"
    return "PNG" if image.mode in ("RGBA", "LA", "P") else "JPEG"


def _pil_bytes(image: Any, output_format: str) -> tuple[bytes, str]:
    fmt = _pil_format(image, output_format)
    if fmt == "JPEG" and image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format=fmt, quality=100)
    return out.getvalue(), f"image/{fmt.lower()}"


def _png_from_rows(rows: list[bytes], width: int, height: int, color_type: int) -> bytes:
    """A minimal PNG (8 bits per channel) made with zlib, for arrays when PIL is absent."""
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + \
            struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + \
        chunk(b"IEND", b"")


def _array_image(array: Any, clamp: bool, channels: str, output_format: str) -> tuple[bytes, str]:
    import numpy as np

    shape = array.shape
    if len(shape) not in (2, 3):
        raise StreamlitAPIException("Numpy shape has to be of length 2 or 3.")
    if len(shape) == 3 and shape[-1] not in (1, 3, 4):
        raise StreamlitAPIException(f"Channel can only be 1, 3, or 4 got {shape[-1]}. Shape is {shape}")
    if len(shape) == 3 and shape[-1] == 1:
        array = array[:, :, 0]
    if issubclass(array.dtype.type, np.floating):
        if clamp:
            array = np.clip(array, 0, 1.0)
        elif np.amin(array) < 0.0 or np.amax(array) > 1.0:
            raise RuntimeError("Data is outside [0.0, 1.0] and clamp is not set.")
        array = array * 255
    elif clamp:
        array = np.clip(array, 0, 255)
    elif np.amin(array) < 0 or np.amax(array) > 255:
        raise RuntimeError("Data is outside [0, 255] and clamp is not set.")
    if channels == "BGR":
        if len(array.shape) != 3:
            raise StreamlitAPIException(
                'When using `channels="BGR"`, the input image should have exactly 3 color channels')
        array = array[:, :, [2, 1, 0]]
    array = array.astype(np.uint8)
    try:
        from PIL import Image
    except ImportError:
        height, width = array.shape[:2]
        color_type = {3: 2, 4: 6}[array.shape[2]] if array.ndim == 3 else 0  # RGB, RGBA, gray
        rows = [array[y].tobytes() for y in range(height)]
        return _png_from_rows(rows, width, height, color_type), "image/png"
    return _pil_bytes(Image.fromarray(array), output_format)


def _image_source(image: Any, clamp: bool, channels: str, output_format: str) -> dict:
    """Where one image comes from: {"url": ...} or {"data": base64, "mime": ...}."""
    if isinstance(image, Path):
        image = str(image)
    if isinstance(image, str):
        if not os.path.isfile(image) and _is_url(image):
            return {"url": image}
        if image.endswith(".svg") and os.path.isfile(image):
            with open(image, encoding="utf-8") as f:
                image = f.read()
        if _SVG.search(image):
            if "xmlns" not in image:
                image = image.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
            return {"url": "data:image/svg+xml;base64," +
                    base64.b64encode(image.encode("utf-8")).decode("ascii")}
        data = _open_file(image)
        return _encoded(data, _sniff_image_mime(data))
    if _is_pil_image(image):
        return _encoded(*_pil_bytes(image, output_format))
    if _is_numpy_array(image):
        return _encoded(*_array_image(image, clamp, channels, output_format))
    if isinstance(image, io.BytesIO):
        image.seek(0)
        image = image.getvalue()
    if isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
        fmt = output_format.upper()
        if fmt in ("PNG", "JPEG", "JPG"):
            try:
                from PIL import Image
            except ImportError:
                return _encoded(data, _sniff_image_mime(data))
            return _encoded(*_pil_bytes(Image.open(io.BytesIO(data)), output_format))
        return _encoded(data, _sniff_image_mime(data))
    raise StreamlitAPIException(f"Unsupported image type: {type(image).__name__}")


@command
def image(dg, image: Any, caption: Any = None, width: Any = "content", use_column_width: Any = None,
          clamp: bool = False, channels: str = "RGB", output_format: str = "auto", *,
          use_container_width: bool | None = None):
    if use_column_width is not None:
        if use_container_width is not None:
            raise StreamlitAPIException(  # two arguments, so the page shows their tuple, as 1.50
                "`use_container_width` and `use_column_width` cannot be set at the same time.",
                "Please utilize `use_container_width` since `use_column_width` is deprecated.")
        dg.session.require_run().active_dg().warning(
            "The `use_column_width` parameter has been deprecated and will be removed in a future "
            "release. Please utilize the `use_container_width` parameter instead.")
        if use_column_width in {"auto", "never"} or use_column_width is False:
            width = "content"
        elif use_column_width == "always" or use_column_width is True:
            width = "stretch"
    if use_container_width is not None:  # only True stretches, as in 1.50
        width = container_width(use_container_width is True, width, keep_pixels=True)
    validate_width(width, allow_content=True)
    channels = channels.upper()
    if isinstance(image, (list, set, tuple)):
        images = list(image)
    elif _is_numpy_array(image) and len(image.shape) == 4:
        images = [image[i] for i in range(image.shape[0])]
    else:
        images = [image]
    if isinstance(caption, list):
        captions = caption
    elif isinstance(caption, str):
        captions = [caption]
    elif _is_numpy_array(caption) and len(caption.shape) == 1:
        captions = caption.tolist()
    elif caption is None:
        captions = [None] * len(images)
    else:
        captions = [str(caption)]
    if len(captions) != len(images):
        raise StreamlitAPIException(f"Cannot pair {len(captions)} captions with {len(images)} images.")
    shown = []
    for one, text in zip(images, captions):
        entry = _image_source(one, clamp, channels, output_format)
        entry["caption"] = None if text is None else str(text)
        shown.append(entry)
    return element_writer(dg, "image", {"images": shown, "width": width_prop(width)})


# --- st.audio / st.video -------------------------------------------------------------------
def _seconds(value: Any, name: str, allow_none: bool) -> int | None:
    if value is None and allow_none:
        return None
    try:
        if isinstance(value, bool) or value is None:
            raise ValueError
        if isinstance(value, timedelta):
            return int(value.total_seconds())
        if isinstance(value, (int, float)):
            return int(value)
        if isinstance(value, str):
            parsed = parse_duration(value)
            if parsed is None:
                raise ValueError
            return int(parsed)
        raise ValueError
    except (ValueError, TypeError, OverflowError):
        raise StreamlitAPIException(_TIME_ERROR.format(name=name, value=value)) from None


def _media_bytes(data: Any) -> bytes | str | None:
    """The media's bytes, or a file path's bytes; None when there is nothing to play."""
    if data is None:
        return None
    if isinstance(data, Path):
        data = str(data)
    if isinstance(data, str):
        return _open_file(data)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, io.BytesIO):
        data.seek(0)
        return data.getvalue()
    if isinstance(data, (io.RawIOBase, io.BufferedReader)):
        data.seek(0)
        return data.read()
    if _is_numpy_array(data):
        return data.tobytes()
    raise RuntimeError(f"Invalid binary data format: {type(data)}")


def _media_source(data: Any, mime: str) -> dict:
    if isinstance(data, Path):
        data = str(data)
    if isinstance(data, str) and _is_url(data):
        return {"url": data}
    raw = _media_bytes(data)
    return {} if raw is None else _encoded(raw, mime)


def _wav_from_array(data: Any, sample_rate: int) -> bytes:
    """Streamlit's numpy audio: 1-D mono or 2-D (channels, samples), scaled to 16-bit."""
    import numpy as np

    samples = np.array(data, dtype=float)
    if samples.ndim == 1:
        nchan = 1
    elif samples.ndim == 2:
        nchan = samples.shape[0]
        samples = samples.T.ravel()
    else:
        raise StreamlitAPIException("Numpy array audio input must be a 1D or 2D array.")
    peak = np.max(np.abs(samples)) if samples.size else 0
    if peak:  # silence stays silence (Streamlit would divide by zero)
        samples = samples / peak * 32767
    import wave  # not at start-up: only numpy audio needs it
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(nchan)
        w.setframerate(sample_rate)
        w.setsampwidth(2)
        w.writeframes(samples.astype(np.int16).tobytes())
    return out.getvalue()


def _stretch_width(width: Any) -> Any:
    validate_width(width)
    return width_prop(width)


@command
def audio(dg, data: Any, format: str = "audio/wav", start_time: Any = 0, *,
          sample_rate: int | None = None, end_time: Any = None, loop: bool = False,
          autoplay: bool = False, width: Any = "stretch"):
    start = _seconds(start_time, "start_time", False)
    end = _seconds(end_time, "end_time", True)
    width = _stretch_width(width)
    is_array = _is_numpy_array(data)
    if is_array and sample_rate is None:
        raise StreamlitAPIException("`sample_rate` must be specified when `data` is a numpy array.")
    if not is_array and sample_rate is not None:
        dg.warning("Warning: `sample_rate` will be ignored since data is not a numpy array.")
    if is_array:
        data = _wav_from_array(data, sample_rate)
    props = dict(_media_source(data, format), start_time=start, end_time=end, loop=bool(loop),
                 autoplay=bool(autoplay), width=width)
    return element_writer(dg, "audio", props)


def _vtt(data: Any, label: str) -> bytes:
    """Subtitles as WebVTT bytes (SRT is converted), following Streamlit's rules."""
    srt_time = re.compile(r"\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}")

    def is_srt(raw: bytes) -> bool:
        try:
            lines = raw[:33].decode("utf-8").strip().split("\n")
        except UnicodeDecodeError:
            return False
        return len(lines) >= 2 and lines[0].isdigit() and bool(srt_time.search(lines[1]))

    def to_vtt(raw: bytes) -> bytes:
        text = re.sub(r"(\d{2}:\d{2}:\d{2}),(\d{3})", r"\1.\2", raw.decode("utf-8"))
        return ("WEBVTT\n\n" + text).strip().encode("utf-8")

    try:
        if isinstance(data, (str, Path)):
            if os.path.isfile(data):
                ext = Path(data).suffix.lower()
                if ext not in (".srt", ".vtt"):
                    raise ValueError(ext)
                raw = Path(data).read_bytes()
                return to_vtt(raw) if ext == ".srt" else raw
            if isinstance(data, Path):
                raise ValueError(str(data))
            text = data.strip()
            if text.startswith("WEBVTT") or text == "":
                return text.encode("utf-8")
            if is_srt(text.encode("utf-8")):
                return to_vtt(text.encode("utf-8"))
            raise ValueError("neither VTT nor SRT")
        if isinstance(data, io.BytesIO):
            data = data.getvalue()
        if isinstance(data, bytes):
            return to_vtt(data) if is_srt(data) else data
        raise TypeError(type(data))
    except (TypeError, ValueError, UnicodeDecodeError):
        raise StreamlitAPIException(f"Failed to process the provided subtitle: {label}") from None


@command
def video(dg, data: Any, format: str = "video/mp4", start_time: Any = 0, *, subtitles: Any = None,
          end_time: Any = None, loop: bool = False, autoplay: bool = False, muted: bool = False,
          width: Any = "stretch"):
    start = _seconds(start_time, "start_time", False)
    end = _seconds(end_time, "end_time", True)
    width = _stretch_width(width)
    if start < 0 or (end is not None and end <= start):
        raise StreamlitAPIException("Invalid start_time and end_time combination.")
    if isinstance(data, Path):
        data = str(data)
    youtube = _YOUTUBE.match(data) if isinstance(data, str) and _is_url(data) else None
    if youtube:
        source = {"url": f"https://www.youtube.com/embed/{youtube.group('code')}", "youtube": True}
        if subtitles:
            raise StreamlitAPIException("Subtitles are not supported for YouTube videos.")
    else:
        source = _media_source(data, format)
    tracks = []
    if subtitles:
        if isinstance(subtitles, (str, bytes, io.BytesIO, Path)):
            items = [("default", subtitles)]
        elif isinstance(subtitles, dict):
            items = list(subtitles.items())
        else:
            raise StreamlitAPIException(
                f"Unsupported data type for subtitles: {type(subtitles)}. "
                "Only str (file paths) and dict are supported.")
        for label, sub in items:
            tracks.append(dict(_encoded(_vtt(sub, label), "text/vtt"), label=label or ""))
    props = dict(source, start_time=start, end_time=end, loop=bool(loop), autoplay=bool(autoplay),
                 muted=bool(muted), width=width, subtitles=tracks)
    return element_writer(dg, "video", props)
