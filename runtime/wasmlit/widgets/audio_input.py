"""st.audio_input: a recording from the microphone, as an UploadedFile holding a WAV file.

The page records (getUserMedia + MediaRecorder), turns the recording into 16-bit PCM WAV
at `sample_rate` (web/widgets/audio_input.js) and sends its bytes as camera_input sends a
photo: the value travels and is kept like a file_uploader's (see files.py).
"""
from __future__ import annotations

from typing import Any, Callable

from ..errors import StreamlitAPIException
from ..registry import command
from . import WidgetCallback, WidgetIdentity, label_props
from .files import add_recording_widget

# The rates Streamlit 1.50 accepts (None: the browser's own rate).
ALLOWED_SAMPLE_RATES = {8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000}


@command
def audio_input(dg, label: str, *, sample_rate: int | None = 16000, key: Any = None,
                help: str | None = None, on_change: Callable | None = None, args: Any = None,
                kwargs: Any = None, disabled: bool = False, label_visibility: str = "visible",
                width: Any = "stretch") -> Any:
    if sample_rate is not None and sample_rate not in ALLOWED_SAMPLE_RATES:
        raise StreamlitAPIException(
            f"Invalid sample_rate: {sample_rate}. "
            f"Must be one of {sorted(ALLOWED_SAMPLE_RATES)} Hz, or None for browser default.")
    # As in Streamlit, the id hashes the label, help and width only (not the sample rate).
    identity = {"label": label, "help": help, "width": width}
    props = dict(label_props(label, help, disabled, label_visibility), sample_rate=sample_rate)
    return add_recording_widget(dg, WidgetIdentity("audio_input", key, identity, None), props,
                                WidgetCallback(on_change, args, kwargs), width, ".wav")
