"""The one static-file server of wasmlit's sites, on 127.0.0.1: `build.py --serve` and
`--dev`, the browser tests (tests/browser/sites.py) and the pytest plugin
(wasmlit.testing.pytest_plugin, which loads this module from the checkout whose build.py
built its site).

It sends the MIME types module scripts and WebAssembly need, answers a multipage app's page
URL with the site's index.html (spa.fallback), adds the headers it is given to every
response, and may route a URL path to another file. A file's precompressed copy beside it
(NAME.br, NAME.gz: precompress.py) goes to a client whose Accept-Encoding takes it.
Standard library only.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Callable, Mapping, Optional

from . import spa

# What a page loads from a site, by file name ending (also the types of a one-file page's assets).
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
              ".json": "application/json", ".zip": "application/zip", ".whl": "application/zip"}

REVALIDATE = {"Cache-Control": "no-cache"}  # build.py --serve / --dev: a rebuilt file shows on reload
# Cross-origin isolation (README "Cross-origin isolation"): with these the page may hand a
# SharedArrayBuffer to its Python worker (Stop interrupts any loop, clicks reach a running
# script at once, time.sleep waits with Atomics.wait). credentialless, not require-corp, so
# images, media and scripts of other origins that send no CORP/CORS headers still load
# (without cookies; another site's iframe does not, unless it sends COEP itself or, in
# Chromium, the iframe is `credentialless`). CORP keeps other origins' pages from
# embedding our files.
ISOLATION = {"Cross-Origin-Opener-Policy": "same-origin",
             "Cross-Origin-Embedder-Policy": "credentialless",
             "Cross-Origin-Resource-Policy": "same-origin"}
SERVED = {**REVALIDATE, **ISOLATION}  # what build.py --serve / --dev and `wasmlit run` send
# Content-Encoding -> the ending of a file's precompressed copy, best first.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


def accepted_codings(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q > 0; `*` stands for the rest)."""
    weights = {}
    for item in accept_encoding.split(","):
        coding, _, params = item.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if coding.strip():
            weights[coding.strip().lower()] = q
    rest = weights.get("*", 0.0)
    return {coding for coding, _ in PRECOMPRESSED if weights.get(coding, rest) > 0}


Route = Callable[[str], Optional[Path]]  # URL path (no query) -> a file to serve instead, or None


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Files under `directory`, with MIME_TYPES and the multipage fallback. A subclass (see
    handler_class) sets the headers, the route and whether requests are logged."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    extra_headers: Mapping[str, str] = {}
    route: Optional[Route] = None
    quiet = False
    vary = False  # this answer depends on Accept-Encoding (the file has a copy): send_head sets it

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        if self.vary:
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self):
        """The file's precompressed copy when there is one the client takes, else as before."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        copies = [(coding, path + ending) for coding, ending in PRECOMPRESSED
                  if os.path.isfile(path) and os.path.isfile(path + ending)]
        self.vary = bool(copies)
        accepted = accepted_codings(self.headers.get("Accept-Encoding", ""))
        for coding, copy in copies:
            if coding in accepted:
                return self.send_copy(copy, coding, self.guess_type(path))
        return super().send_head()

    def send_copy(self, copy: str, coding: str, content_type: str):
        """Start a 200 answer of the precompressed file copy; the open file, to be sent."""
        try:
            handle = open(copy, "rb")
        except OSError:
            self.send_error(http.HTTPStatus.NOT_FOUND, "File not found")
            return None
        stat = os.fstat(handle.fileno())
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return handle

    def translate_path(self, path: str) -> str:
        other = self.route(path.split("?", 1)[0]) if self.route else None
        if other is not None:
            return str(other)
        found = super().translate_path(path)
        return spa.fallback(found) or found  # a multipage app's page URL (site/plotting)

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def handler_class(headers: Mapping[str, str] | None = None, route: Route | None = None,
                  quiet: bool = False, base: type = StaticHandler) -> type:
    """base (StaticHandler or a subclass of it) sending headers, routing with route."""
    return type(base.__name__, (base,), {"extra_headers": dict(headers or {}), "quiet": quiet,
                                         "route": staticmethod(route) if route else None})


def make_server(directory: Path, port: int, handler: type) -> http.server.ThreadingHTTPServer:
    """A server of directory with handler on 127.0.0.1:port, or on any free port if that
    one is taken (port 0: a free one)."""
    bound = functools.partial(handler, directory=str(directory))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), bound)
    except OSError:
        return http.server.ThreadingHTTPServer(("127.0.0.1", 0), bound)


def port_of(server: http.server.HTTPServer) -> int:
    return server.server_address[1]


def serve_until_interrupted(server: http.server.HTTPServer) -> None:
    """Serve until Ctrl+C, then close the server."""
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


class StaticServer:
    """directory served on a free port of 127.0.0.1 from a background thread, quietly and
    with nothing cached (for tests): `url` is its address, `close()` stops it.
    `route(url_path)` may name another file to serve; `headers` (name -> value) are sent
    with every response. `isolated`: also send ISOLATION (as `build.py --serve` does); off
    by default, as a plain static host sends none, so most tests run the page that way."""

    def __init__(self, directory: Path, route: Route | None = None,
                 headers: Mapping[str, str] | None = None, isolated: bool = False) -> None:
        headers = {"Cache-Control": "no-store", **(ISOLATION if isolated else {}), **(headers or {})}
        self.httpd = make_server(directory, 0, handler_class(headers, route, quiet=True))
        self.url = f"http://127.0.0.1:{port_of(self.httpd)}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
