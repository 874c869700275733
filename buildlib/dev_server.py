"""The dev server (`build.py --app APP --dev`): serves the app's site and, when the app's
files change, copies them into the site and bumps a version number the page polls
(web/dev-reload.js). The page then hands the new code to the running app, which reruns in
the same Pyodide with its session state, as Streamlit's "run on save" does.
"""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

VERSION_PATH = "__wasmlit__/version"  # relative to the site: what the page polls
POLL_SECONDS = 0.25


class Watch:
    """The app's files as last seen; `changed()` says whether any was added, removed or
    rewritten since."""

    def __init__(self, list_files: Callable[[], Iterable[Path]]) -> None:
        self._list_files = list_files
        self._seen = self._snapshot()

    def _snapshot(self) -> dict[Path, tuple[int, int]]:
        snapshot = {}
        for path in self._list_files():
            try:
                stat = path.stat()
            except OSError:
                continue
            snapshot[path] = (stat.st_mtime_ns, stat.st_size)
        return snapshot

    def changed(self) -> bool:
        now = self._snapshot()
        if now == self._seen:
            return False
        self._seen = now
        return True


class DevState:
    def __init__(self) -> None:
        self.version = 1


def handler_class(base: type, state: DevState) -> type:
    """`base` (a static-file handler) that also answers VERSION_PATH with state.version."""

    class DevHandler(base):
        def do_GET(self):
            if self.path.split("?", 1)[0].lstrip("/") == VERSION_PATH:
                body = str(state.version).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

    return DevHandler


def watch_and_sync(watch: Watch, sync: Callable[[], None], state: DevState,
                   stop: threading.Event) -> None:
    """Until `stop`: whenever the app's files change, `sync()` them into the site and bump
    the version (after the copy, so the page never fetches half-copied files)."""
    while not stop.wait(POLL_SECONDS):
        if watch.changed():
            try:
                sync()
            except OSError as e:
                print(f"build.py --dev: could not copy the app's files: {e}", flush=True)
                continue
            state.version += 1
            print(f"build.py --dev: files changed, the page reruns the app (version {state.version})",
                  flush=True)


def serve(site: Path, port: int, base_handler: type, watch: Watch, sync: Callable[[], None]) -> None:
    state = DevState()
    handler = functools.partial(handler_class(base_handler, state), directory=str(site))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_sync, args=(watch, sync, state, stop), daemon=True)
    watcher.start()
    print(f"Serving {site.name} at http://127.0.0.1:{server.server_address[1]}/ "
          "(edits to the app rerun it in the page; Ctrl+C stops)", flush=True)
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            time.sleep(0)
