"""Every display element of issue 5 once (charts are issue 6)."""
import io
import struct
import time
import wave
import zlib

import streamlit as st

st.set_page_config(page_title="All elements", page_icon="📊")


def tiny_png() -> bytes:
    raw = b"".join(b"\x00" + bytes([200, 40, 40] * 4) for _ in range(3))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tiny_wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


st.title("All elements")
st.header("A header")
st.subheader("A subheader")
st.markdown("Some **bold**, a [link](https://example.com), :red[red text], an emoji :smile: and $x^2$.")
st.markdown("| a | b |\n|---|---|\n| 1 | 2 |")
st.caption("A caption")
st.text("Fixed width text")
st.code("def f(x):\n    return x + 1", language="python", line_numbers=True)
st.latex(r"\int_0^1 x\,dx = \frac{1}{2}")
st.json({"a": 1, "b": [1, 2, 3]})
st.divider()
st.badge("New", color="green")
st.html("<p>Some <em>html</em></p>")
st.write("st.write of a string")
st.write({"k": "v"})
st.write_stream(iter(["streamed ", "words"]))
st.dataframe({"x": [1, 2, 3], "y": ["a", "b", "c"]})
st.table({"x": [1, 2], "y": ["a", "b"]})
st.metric("Temperature", "70 °F", "1.2 °F")
st.image(tiny_png(), caption="A tiny image")
st.audio(tiny_wav(), format="audio/wav")
st.success("Success")
st.info("Info")
st.warning("Warning")
st.error("Error")
st.exception(ValueError("An example exception"))
st.progress(40, text="Progress")
with st.status("Working", expanded=True) as status:
    st.write("inside status")
    status.update(label="Done", state="complete")
cols = st.columns([2, 1], gap="medium")
cols[0].write("left column")
cols[1].write("right column")
tab1, tab2 = st.tabs(["First", "Second"])
tab1.write("in tab one")
tab2.write("in tab two")
with st.expander("An expander"):
    st.write("inside expander")
with st.container(border=True):
    st.write("in a bordered container")
with st.container(height=120):
    for i in range(6):
        st.write(f"scroll line {i}")
with st.popover("A popover"):
    st.write("inside popover")
slot = st.empty()
slot.write("in an empty slot")
with st.chat_message("user"):
    st.write("Hello from the user")
with st.chat_message("assistant"):
    st.write("Hello from the assistant")
st.sidebar.write("In the sidebar")
st.toast("A toast")
