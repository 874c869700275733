"""Built sites and a local static server for browser tests."""
from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # buildlib
from buildlib import spa  # noqa: E402


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
    """Serves a folder on 127.0.0.1; `route(url_path)` may name another file to serve;
    `headers` (name -> value) are sent with every response."""

    def __init__(self, directory: Path, route=None, headers=None):
        class Handler(_Quiet):
            def end_headers(self):
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                super().end_headers()

            def translate_path(self, path):
                other = route(path.split("?", 1)[0]) if route else None
                if other is not None:
                    return str(other)
                found = super().translate_path(path)
                return spa.fallback(found) or found  # a multipage app's page URL

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def build_source_site(tmp_path_factory, name: str, source: str) -> Path:
    """A site for an app given as source text (one per test module)."""
    work = tmp_path_factory.mktemp(name)
    app = work / f"{name}_app.py"
    app.write_text(source)
    return build_site(app, work / "site")


def open_idle(page, url: str):
    """Load the app and wait for its first run to end."""
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60000)
    return page


def settle(page) -> None:
    """Wait for the run an interaction started (if any) to end."""
    page.wait_for_timeout(250)
    page.wait_for_selector(IDLE, timeout=30000)
