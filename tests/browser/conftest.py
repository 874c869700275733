"""Browser tests: pytest-playwright driving Debian's Chromium, and built sites served
from a local static server (one build per test module)."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic",
                  "--no-first-run"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use the system Chromium (Debian's), never a downloaded one, when it is there."""
    executable = os.environ.get("WASMLIT_CHROMIUM") or shutil.which("chromium")
    args = dict(browser_type_launch_args, args=CHROMIUM_FLAGS)
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return dict(browser_context_args, viewport={"width": 1280, "height": 900})


def build_site(app: Path, out: Path) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app),
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript",
                      ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class StaticServer:
    """Serves a folder on 127.0.0.1; `route(url_path)` may name another file to serve."""

    def __init__(self, directory: Path, route=None):
        class Handler(_Quiet):
            def translate_path(self, path):
                other = route(path.split("?", 1)[0]) if route else None
                return str(other) if other is not None else super().translate_path(path)

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def serve():
    servers: list[StaticServer] = []

    def start(directory: Path, route=None) -> StaticServer:
        server = StaticServer(directory, route)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
