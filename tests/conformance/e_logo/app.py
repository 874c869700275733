import struct
import zlib

import streamlit as st


def png(rgb, width, height):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


if not st.checkbox("No logo"):
    returned = st.logo(png((255, 0, 0), 8, 4), link="https://example.com/home",
                       icon_image=png((0, 0, 255), 4, 4), size="small")
    st.write(f"logo returns {returned!r}")
if st.checkbox("Plain logo"):
    st.logo(png((0, 128, 0), 6, 3))  # the last call of a run wins: no link any more
if st.checkbox("Sidebar"):
    st.sidebar.write("In the sidebar")

for label, call in [
    ("bad image", lambda: st.logo(42)),
    ("bad link", lambda: st.logo(png((1, 2, 3), 2, 2), link="example.com")),
    ("ftp link", lambda: st.logo(png((1, 2, 3), 2, 2), link="ftp://example.com/x")),
    ("bad size", lambda: st.logo(png((1, 2, 3), 2, 2), size="huge")),
    ("bad icon", lambda: st.logo(png((1, 2, 3), 2, 2), icon_image=[1, 2])),
]:
    try:
        call()
        st.write(f"{label}: no error")
    except Exception as e:
        st.write(f"{label}: {type(e).__name__}: {e}")
