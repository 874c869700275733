import io

import streamlit as st

# A two-page PDF ("Hello PDF 1", "Hello PDF 2", Helvetica, 200x100 pt), zlib + base64.
PDF = __import__("zlib").decompress(__import__("base64").b64decode(
    "eNqtU0FPwjAYvfdXvAuJHnTtto6ZEA4oxESNBHYjHgorODJX0xWD/nrbDhzJ9KIuTbO97733fa9Le9ObyQW7jAkDhVpuyWCAIHt/lQiuhRGl2iCYio2sEVrCDMMhkVXuiGFH0PCCuyKvsYg8nbv9"
    "yXqpXWWsRSuPvpW7XUtPdfLgQeaFGKk9FtQCIaVglHq/ylhajbjhzWStdnpl2zu/ia02Lwz9w9jNOnaPT7rfy2pjnhEzV6+NluKFjDIvZimytW0LTpHl"
    "OLuVZalgjwzsHNkW48wZHjQHa/4/wZLfBUv+Giz8MVi/E8yPE8x3S+M/HcgQjEQtm4p1fZOmWImTAfdarglFSujXg4TziGONFrtCU6lajKcdjIWsg4Vx"
    "v4NFUVcbJ3EH45y3mNGiKKX2cefFh0Rq/4ZSBux4EWojtPF5kpCTXm/8OCGfMt3b9w=="))

st.write(f"returns {st.pdf(PDF)!r}")
st.pdf(io.BytesIO(PDF), height=300)
for bad in (None, 123, "missing.pdf"):
    try:
        st.pdf(bad)
    except Exception as e:
        # the errno's number is the platform's (2 on Linux, 44 under Pyodide's Emscripten)
        st.write(f"{type(e).__name__}: {str(e).split(' [Errno')[0]}")
try:
    st.pdf(PDF, height="content")
except Exception as e:
    st.write(f"{type(e).__name__}: {e}")
st.pdf(PDF, key="same")
try:
    st.pdf(PDF, key="same")
except Exception as e:
    st.write(type(e).__name__)
st.write("before the uncaught error")
st.pdf(3.5)
st.write("never shown")
