import io
import struct
import wave
import zlib

import streamlit as st


def png(width=3, height=2):
    """A tiny red PNG made in memory."""
    raw = b"".join(b"\x00" + bytes([255, 0, 0] * width) for _ in range(height))

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def wav():
    """A tenth of a second of silence as WAV bytes."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 800)
    return buf.getvalue()


st.image(png(), caption="Red square")
st.image([png(), png()], caption=["one", "two"], width=40)
st.audio(wav())
st.video(wav(), format="video/mp4")
st.success("Saved", icon="✅")
st.info("Heads up")
st.warning("Careful", icon="⚠️")
st.error("Broken")

if "step" not in st.session_state:
    st.session_state.step = 0
if st.button("Advance"):
    st.session_state.step += 1
bar = st.progress(0, text="Starting")
bar.progress(min(st.session_state.step * 25, 100), text=f"Step {st.session_state.step}")

status = st.status("Working", expanded=True)
status.write("details")
if st.session_state.step:
    status.update(label="Finished", state="complete")
with st.status("Context"):
    st.write("inside")
st.snow()
st.toast("Toasted", icon="🍞")
st.exception(RuntimeError("Shown, not raised"))
