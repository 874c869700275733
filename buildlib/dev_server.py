"""The dev server (`build.py --app APP --dev`): serves the app's site and, when the app's
files change, copies them into the site and bumps a version number the page polls
(web/dev-reload.js). The page then hands the new code to the running app, which reruns in
the same Pyodide with its session state, as Streamlit's "run on save" does.
"""
from __future__ import annotations

import dataclasses
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

from . import app_source, static_server
from .checkout import build_lock
from .dist import build_dist
from .site import fill_site, opened_distribution, plan_packages, write_app

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


def handler_class(state: DevState) -> type:
    """The sites' static-file handler, also answering VERSION_PATH with state.version."""

    class DevHandler(static_server.handler_class(static_server.SERVED)):
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


def serve(site: Path, port: int, watch: Watch, sync: Callable[[], None],
          on_serving: Callable[[str], None] | None = None) -> None:
    """Serve site on port (a free one if taken) until Ctrl+C, syncing the app's files into
    it whenever watch sees them change. on_serving(url) is called once the server listens."""
    state = DevState()
    server = static_server.make_server(site, port, handler_class(state))
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_sync, args=(watch, sync, state, stop), daemon=True)
    watcher.start()
    url = f"http://127.0.0.1:{static_server.port_of(server)}/"
    print(f"Serving {site.name} at {url} (edits to the app rerun it in the page; Ctrl+C stops)",
          flush=True)
    if on_serving is not None:
        on_serving(url)
    try:
        static_server.serve_until_interrupted(server)
    finally:
        stop.set()
        time.sleep(0)


def run(app_path: Path, entry: str | None, port: int, packages_url: str | None = None,
        pyodide_packages: str | None = None, on_serving: Callable[[str], None] | None = None,
        persist: str | None = None) -> None:
    """Serve the app's site from a temp folder and rerun it in the page when its files change.
    Packages the app starts importing while it is served load from packages_url (the page
    loads an import it meets first at run time); with --pyodide-packages only those found
    when the server starts are there."""
    app = app_source.load(app_path, entry)
    packages = plan_packages(app)
    site = Path(tempfile.mkdtemp(prefix="wasmlit-dev-")) / app.title
    with build_lock(), opened_distribution(pyodide_packages, packages.load) as distribution:
        build_dist()
        fill_site(site, app, packages, packages_url, distribution, dev=VERSION_PATH, persist=persist)

    def watched() -> list[Path]:
        return [app.entry] if app.folder is None else [app.folder / rel for rel in app.files()]

    def sync() -> None:
        write_app(site, dataclasses.replace(app, data=app.entry.read_bytes()))

    try:
        serve(site, port, Watch(watched), sync, on_serving)
    finally:
        shutil.rmtree(site.parent, ignore_errors=True)
