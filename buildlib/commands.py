"""What build.py (the checkout's command) and `wasmlit` (the installed one, wasmlit/cli.py)
both do: check the package options, build a site or a one-file page, serve, and turn the
build's errors into a message and an exit code (2 bad input, 1 build failure)."""
from __future__ import annotations

import re
import sys
import urllib.parse
from pathlib import Path, PurePosixPath
from typing import Callable

from . import dev_server, serve, single_file, site
from .checkout import build_lock
from .dist import build_dist
from .distribution import DistributionError
from .errors import BadInput, BuildError


def checked_packages_url(url: str) -> str:
    """url as packages.json holds it (ending in /); ValueError unless it is http(s) or a path."""
    parts = urllib.parse.urlsplit(url)
    is_web = parts.scheme in ("http", "https") and parts.netloc
    is_path = not parts.scheme and not parts.netloc and parts.path and not url.startswith("//")
    if not (is_web or is_path) or any(c.isspace() or c in "\"'<>" for c in url):
        raise ValueError(f"--packages-url {url!r} is not an http(s) URL or a relative path")
    return url if url.endswith("/") else url + "/"


def checked_package_options(packages_url: str | None, pyodide_packages: str | None) -> dict:
    """The package options as the builders take them; ValueError when they do not go together."""
    if packages_url and pyodide_packages:
        raise ValueError("--packages-url and --pyodide-packages cannot be combined "
                         "(with --pyodide-packages the site loads packages from itself)")
    if packages_url is not None:
        packages_url = checked_packages_url(packages_url)
    return {"packages_url": packages_url, "pyodide_packages": pyodide_packages}


def checked_persist_dir(text: str) -> str:
    """--persist DIR as the page takes it ("./data/" is "data"): a folder inside the app's
    working directory; ValueError naming the problem for an empty, absolute or escaping one."""
    if not text or not text.strip():
        raise ValueError("--persist needs a folder name (e.g. --persist data)")
    if text.startswith("/") or "\\" in text or re.match(r"[A-Za-z]:(/|$)", text):
        raise ValueError(f"--persist {text!r} must be a folder relative to the app's working directory, "
                         "with / between names (not an absolute path)")
    parts = [part for part in PurePosixPath(text).parts if part != "."]
    if ".." in parts:
        raise ValueError(f"--persist {text!r} must not leave the app's working directory (..)")
    if not parts:
        raise ValueError(f"--persist {text!r} names the app's working directory itself; name a folder in it")
    if not text.isprintable():
        raise ValueError(f"--persist {text!r} holds a control character")
    return "/".join(parts)


def build_dist_only() -> None:
    with build_lock():
        build_dist()


def build_site(app: Path, out: Path, entry: str | None = None, prerender: bool = True,
               offline_cache: bool = False, persist: str | None = None, snapshot: bool = True,
               **packages) -> None:
    """prerender: index.html carries the app's first run (False: --no-prerender);
    offline_cache: the site gets a service worker that caches all of it (--offline-cache);
    persist: the app's folder kept in the browser across visits (--persist, checked);
    snapshot: the site has the Pyodide snapshot repeat visits restore (False: --no-snapshot)."""
    with build_lock():
        site.build_site(app, out.resolve(), entry, prerender_first_run=prerender, offline=offline_cache,
                        precompressed=True, persist=persist, with_snapshot=snapshot, **packages)


def build_single_file(app: Path, out: Path, entry: str | None = None, prerender: bool = True,
                      persist: str | None = None, **packages) -> None:
    with build_lock():
        single_file.build_single_file(app, out.resolve(), entry, prerender_first_run=prerender,
                                      persist=persist, **packages)


def serve_apps(apps: list, port: int, on_serving: Callable[[str], None] | None = None,
               prerender: bool = True, **packages) -> None:
    serve.serve(apps, port, on_serving=on_serving, prerender_first_run=prerender, **packages)


def hello(port: int, on_serving: Callable[[str], None] | None = None, **packages) -> None:
    """Serve the gallery (examples/hello, also shipped in the wheel) with its first run drawn."""
    if not (serve.HELLO / "app.py").is_file():
        raise BuildError(f"the hello gallery is missing ({serve.HELLO}); reinstall wasmlit")
    serve.serve_app(serve.HELLO, port, on_serving=on_serving, prerender_first_run=True,
                    label="wasmlit hello", **packages)


def dev(app: Path, entry: str | None, port: int, on_serving: Callable[[str], None] | None = None,
        persist: str | None = None, **packages) -> None:
    dev_server.run(app, entry, port, on_serving=on_serving, persist=persist, **packages)


def exit_code(prog: str, action: Callable[[], None]) -> int:
    """Run action; 0, or the error on stderr and 2 (bad input) or 1 (the build failed)."""
    try:
        action()
    except (BadInput, DistributionError) as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        return 2
    except (BuildError, OSError) as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        return 1
    return 0
