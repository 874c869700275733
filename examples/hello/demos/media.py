import io
import math
import struct
import wave

import streamlit as st

st.title(":material/image: Media")

SUNSET = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" width="320" height="160">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#6a5acd"/><stop offset="1" stop-color="#ff8c69"/></linearGradient></defs>
  <rect width="320" height="160" fill="url(#sky)"/>
  <circle cx="160" cy="120" r="42" fill="#ffd166"/>
  <rect y="120" width="320" height="40" fill="#264653"/>
</svg>"""


def tone(frequency: float, seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A sine tone as WAV bytes, made with the standard library alone."""
    frames = b"".join(struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * i / rate)))
                      for i in range(int(seconds * rate)))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return out.getvalue()


st.subheader("Image")
st.image(SUNSET, caption="An SVG the script drew")

st.subheader("Audio")
note = st.radio("Note", ["A4 (440 Hz)", "C5 (523 Hz)"], horizontal=True)
st.audio(tone(440 if note.startswith("A") else 523), format="audio/wav")
st.caption("`st.video` plays files and URLs the same way.")
