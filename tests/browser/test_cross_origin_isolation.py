"""Cross-origin isolation as `build.py --serve`, `--dev` and `wasmlit run` serve it
(buildlib.static_server.ISOLATION; README "Cross-origin isolation"): a page with those
headers is crossOriginIsolated, so it may hand a SharedArrayBuffer to a worker (a file's or
a blob:'s, as a one-file page makes) that waits on it with Atomics.wait; an <img> of another
origin that sends no CORS or CORP header still loads (COEP credentialless, not
require-corp); an iframe of another origin loads only as a `credentialless` iframe (in
Chromium). A page without the headers (a plain static host) has no SharedArrayBuffer.
Scratch pages, no wasmlit app: the headers are what is under test."""
from __future__ import annotations

import struct
import zlib

import pytest

from sites import StaticServer


def one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


# Waits on the buffer it is sent (nobody notifies: "timed-out" after 20 ms) and says whether
# it is isolated itself.
WORKER = ("onmessage = (e) => postMessage([self.crossOriginIsolated, "
          "Atomics.wait(new Int32Array(e.data), 0, 0, 20)]);")

PAGE_STATE = "() => ({ isolated: crossOriginIsolated, sab: typeof SharedArrayBuffer })"

WORKER_WAITS = """async (source) => {
  const url = source === "blob"
    ? URL.createObjectURL(new Blob([await (await fetch("worker.js")).text()], { type: "text/javascript" }))
    : "worker.js";
  const worker = new Worker(url, { type: "module" });  // as wasmlit starts its Python worker
  const reply = await new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => resolve("error: " + e.message);
    worker.postMessage(new SharedArrayBuffer(4));
  });
  worker.terminate();
  return reply;
}"""

IMAGE_LOADS = """(src) => new Promise((resolve) => {
  const img = new Image();
  img.onload = () => resolve(img.naturalWidth);
  img.onerror = () => resolve("error");
  img.src = src;
  document.body.append(img);
})"""

# The iframe's load event fires for Chromium's error page too: the frame's URL tells.
ADD_IFRAME = """([src, credentialless]) => new Promise((resolve) => {
  const frame = document.createElement("iframe");
  if (credentialless) frame.setAttribute("credentialless", "");
  frame.id = credentialless ? "credentialless" : "plain";
  frame.onload = () => resolve();
  frame.src = src;
  document.body.append(frame);
})"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    ours = tmp_path_factory.mktemp("ours")
    (ours / "index.html").write_text("<!doctype html><title>isolated</title><p>scratch</p>")
    (ours / "worker.js").write_text(WORKER)
    other = tmp_path_factory.mktemp("other")  # another origin (port), sending no CORS/CORP
    (other / "dot.png").write_bytes(one_pixel_png())
    (other / "frame.html").write_text("<!doctype html><p>other site</p>")
    started = {"isolated": StaticServer(ours, isolated=True), "plain": StaticServer(ours),
               "other": StaticServer(other)}
    yield started
    for server in started.values():
        server.close()


def test_an_isolated_page_hands_a_shared_buffer_to_its_workers(servers, page):
    page.goto(servers["isolated"].url)
    assert page.evaluate(PAGE_STATE) == {"isolated": True, "sab": "function"}
    assert page.evaluate(WORKER_WAITS, "file") == [True, "timed-out"]
    assert page.evaluate(WORKER_WAITS, "blob") == [True, "timed-out"]


def test_an_isolated_page_still_loads_another_origins_image(servers, page):
    page.goto(servers["isolated"].url)
    assert page.evaluate(IMAGE_LOADS, servers["other"].url + "dot.png") == 1


def test_an_isolated_page_loads_another_origins_iframe_only_credentialless(servers, page):
    page.goto(servers["isolated"].url)
    src = servers["other"].url + "frame.html"
    for credentialless in (False, True):
        page.evaluate(ADD_IFRAME, [src, credentialless])
    plain = page.locator("#plain").element_handle().content_frame()
    anonymous = page.locator("#credentialless").element_handle().content_frame()
    assert plain.url.startswith("chrome-error://"), plain.url  # blocked by COEP
    assert anonymous.url == src and anonymous.evaluate("document.body.innerText") == "other site"


def test_a_page_without_the_headers_has_no_shared_buffer(servers, page):
    page.goto(servers["plain"].url)
    assert page.evaluate(PAGE_STATE) == {"isolated": False, "sab": "undefined"}
    assert page.evaluate(IMAGE_LOADS, servers["other"].url + "dot.png") == 1
