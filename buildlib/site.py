"""A site for one app: a copy of dist/ with the app (my_app.py, or a folder's files under app/
with files.json), its secrets, the packages it needs (site_packages.py) and an index.html
that mounts it (its theme in it). `build_site` checks everything it can before it writes,
then builds the site beside its target and swaps it in: nothing is left half-written."""
from __future__ import annotations

import contextlib
import html
import json
import os
import shutil
import sys
from pathlib import Path

from . import app_source, hashed_names, lazy_chunks, offline_cache, prerender, pyodide_lock, site_packages, snapshot, spa
from . import requirements as app_requirements
from .app_source import App
from .checkout import (DIST, PYODIDE_NPM, STDLIB_ZIP, WHEEL_CACHE, build_into, default_packages_url,
                       ensure_node_modules, pinned_lock)
from .dist import build_dist
from .distribution import Distribution, open_distribution
from .errors import BadInput
from .precompress import precompress_site

SITE_MARKER = "data-wasmlit-app"
SECRETS_MARKER = "data-wasmlit-secrets"
SECRETS_NAME = "secrets.toml"  # in a site, beside index.html
FILES_MARKER = "data-wasmlit-files"
FILES_NAME = "files.json"  # in a multi-file site: {"entry": ..., "files": [...]} under app/
APP_DIR = "app"
FIRST_PAINT_ID = "wasmlit-first-paint"  # the JSON of the first run's changes (prerender.py)
PERSIST_MARKER = "data-wasmlit-persist"  # --persist DIR: the folder the browser keeps

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{head}
</head>
<body class="wl-page">
{body}
</body>
</html>
"""


def index_html(title, secrets=False, theme=None, src="app.py", files=False, wheels=None, dev=None,
               first_paint=None, offline_cache_sw=None, persist=None, client=None, preload=""):
    # preload: <link rel="modulepreload"> lines for the chunks the first paint needs (lazy_chunks.py)
    head = '\n<link rel="icon" href="data:,">\n<link rel="stylesheet" href="wasmlit.css">' + preload
    marker = f' {SECRETS_MARKER}="{SECRETS_NAME}"' if secrets else ""
    if wheels:  # wheels/requirements.json: the app's requirements, installed before it runs
        marker += f' data-wasmlit-requirements="{html.escape(wheels)}"'
    if dev:  # the dev server's version URL: the page reruns the app when it changes
        marker += f' data-wasmlit-dev="{html.escape(dev)}"'
    if files:  # a multi-file app: wasmlit.js fetches the files files.json lists
        marker += f' {FILES_MARKER}="{FILES_NAME}"'
    if offline_cache_sw:  # --offline-cache: the service worker the page registers (offline-cache.js)
        marker += f' {offline_cache.MARKER}="{html.escape(offline_cache_sw)}"'
    if persist:  # --persist DIR: a folder whose files the browser keeps across visits
        marker += f' {PERSIST_MARKER}="{html.escape(persist, quote=True)}"'
    if theme:  # the [theme] of .streamlit/config.toml, applied by wasmlit.js
        marker += f' data-wasmlit-theme="{html.escape(json.dumps(theme), quote=True)}"'
    if client:  # the [client] options the page reads (client.toolbarMode: web/app-menu.js)
        marker += f' data-wasmlit-client="{html.escape(json.dumps(client), quote=True)}"'
    # first_paint: {"changes": [...]}, JSON with "<" escaped, drawn before Python starts
    paint = f'\n<script type="application/json" id="{FIRST_PAINT_ID}">{first_paint}</script>' \
        if first_paint is not None else ""
    return PAGE.format(title=html.escape(title), head=head,
                       body=f'<div {SITE_MARKER}="{html.escape(src)}"{marker}></div>{paint}\n'
                            '<script type="module" src="wasmlit.js"></script>')


def check_out_dir(out: Path) -> None:
    """An existing --out must be a previous wasmlit site (or empty) to be replaced."""
    if out.exists() and not out.is_dir():
        raise BadInput(f"--out exists and is not a directory: {out}")
    above = next((p for p in out.absolute().parents if p.exists()), None)
    if above is not None and not above.is_dir():
        raise BadInput(f"--out {out} cannot be created: {above} is not a directory")
    if above is not None and not out.exists() and not os.access(above, os.W_OK | os.X_OK):
        raise BadInput(f"--out {out} cannot be created: {above} is not writable")
    if out.is_dir() and any(out.iterdir()):
        index = out / "index.html"
        if not (index.is_file() and SITE_MARKER in index.read_text("utf-8", "replace")):
            raise BadInput(f"--out {out} is not empty and not a wasmlit site; refusing to replace it")


def check_persist(app: App, persist: str | None) -> None:
    """--persist DIR (checked by commands.checked_persist_dir) must be a folder: not a file
    the app ships (files the app ships inside it are the folder's first contents)."""
    if persist is None or app.folder is None:
        return
    clash = next((rel for rel in app.files() if rel == persist or persist.startswith(rel + "/")), None)
    if clash is not None:
        raise BadInput(f"--persist {persist} cannot be a folder: the app ships a file {clash}")


def write_app(site: Path, app: App) -> str:
    """Put the app into the site: a one-file app at its top (app.site_name), or a folder's
    files under app/ with files.json listing them. Returns the entry's path in the site."""
    if app.folder is None:
        (site / app.site_name).write_bytes(app.data)
        return app.site_name
    manifest = {"entry": app.entry.relative_to(app.folder).as_posix(), "files": app.files()}
    shutil.rmtree(site / APP_DIR, ignore_errors=True)  # files the folder no longer has go too
    for rel in manifest["files"]:
        (site / APP_DIR / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(app.folder / rel, site / APP_DIR / rel)
    (site / FILES_NAME).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    return f"{APP_DIR}/{manifest['entry']}"


def plan_packages(app: App) -> site_packages.SitePackages:
    """What the app needs from Pyodide's distribution and from PyPI (its imports and its
    requirements.txt); BadInput when a requirement cannot be met. Notes go to stderr."""
    ensure_node_modules()  # the pinned lock is in node_modules/pyodide
    try:
        planned = site_packages.plan(app.entry, app.folder, app.files(), pinned_lock(),
                                     STDLIB_ZIP, WHEEL_CACHE / "requirements")
    except app_requirements.RequirementsError as e:
        raise BadInput(str(e)) from None
    for note in planned.notes:
        print(f"build.py: note: {note}", file=sys.stderr)
    return planned


@contextlib.contextmanager
def opened_distribution(source: str | None, needed=()):
    """The --pyodide-packages distribution at source (None without one), checked to be the
    pinned Pyodide's and to hold the packages needed."""
    if source is None:
        yield None
        return
    with open_distribution(source) as distribution:
        distribution.check_version(pinned_lock(), pyodide_lock.pyodide_version(PYODIDE_NPM))
        distribution.check_has(sorted(needed))
        yield distribution


def fill_site(tmp: Path, app: App, packages: site_packages.SitePackages, packages_url: str | None = None,
              distribution: Distribution | None = None, dev: str | None = None,
              prerender_first_run: bool = False, offline: bool = False, persist: str | None = None,
              hashed: bool = False, with_snapshot: bool = True) -> None:
    """Copy dist/ (without sites/, the stamp and temp dirs) and add the app (and its secrets).
    The packages it needs go in as site_packages.write puts them: loaded from packages_url
    (default: Pyodide's CDN), or copied from distribution. dev: the dev server's version URL.
    prerender_first_run: index.html carries the app's first run when it can (prerender.py).
    offline: the site gets a service worker that caches all of it (offline_cache.py).
    persist: a folder of the app's whose files the browser keeps (--persist, checked).
    hashed: the files dist/ gives carry their content's hash in their names (hashed_names.py).
    with_snapshot: the site keeps dist/'s Pyodide snapshot, if it has one (False: --no-snapshot)."""
    left_out = set(lazy_chunks.BUILD_ONLY) | (set() if with_snapshot else {snapshot.NAME})
    shutil.copytree(DIST, tmp, dirs_exist_ok=True, copy_function=_copy_or_link, ignore=lambda d, names: [
        n for n in names if Path(d) == DIST and (n == "sites" or n.startswith(".") or n in left_out)])
    if not with_snapshot:
        snapshot.write_manifest(tmp, False)
    src = write_app(tmp, app)
    secrets = app_source.read_secrets(app.home)
    if secrets is not None:
        (tmp / SECRETS_NAME).write_bytes(secrets)
    wheels = site_packages.write(tmp, packages, packages_url or default_packages_url(), distribution)
    paint = prerender.first_paint(app, src) if prerender_first_run else None
    page = index_html(app.title, secrets is not None, app_source.read_theme(app.home), src,
                      app.folder is not None, wheels, dev, paint, offline_cache.SW_NAME if offline else None,
                      persist, app_source.read_client(app.home), lazy_chunks.preload_links(DIST, paint))
    (tmp / "index.html").write_text(page, "utf-8")
    if hashed:  # before 404.html (a copy of index.html) and the offline cache's list
        hashed_names.hash_names(tmp, sorted(p.name for p in DIST.iterdir() if p.is_file() and p.name not in lazy_chunks.BUILD_ONLY))
    spa.write_404(tmp)  # page URLs of multipage apps (GitHub Pages serves 404.html)
    if offline:  # last: it lists every other file
        offline_cache.write(tmp)


def _copy_or_link(src: str, dst: str) -> str:
    """dist/'s files into a site: the snapshot (6 MB, never rewritten in place) as a hard
    link where the file system allows, every other file as a copy."""
    if Path(src).name == snapshot.NAME:
        with contextlib.suppress(OSError):
            os.link(src, dst)
            return dst
    return shutil.copy2(src, dst)


def build_site(app_path: Path, out: Path, entry: str | None = None, packages_url: str | None = None,
               pyodide_packages: str | None = None, prerender_first_run: bool = True,
               offline: bool = False, precompressed: bool = False, persist: str | None = None,
               hashed: bool = True, with_snapshot: bool = True) -> None:
    """Validate app and out, then write the site for app (a file or a folder) into out (with
    its first run in index.html, unless prerender_first_run is False: --no-prerender; with a
    service worker caching it all when offline: --offline-cache; precompressed: with .gz/.br
    copies of its big files beside them, precompress.py; hashed: with content hashes in the
    names of the files a host may cache for good, hashed_names.py; with_snapshot False:
    without dist/'s Pyodide snapshot, --no-snapshot)."""
    app = app_source.load(app_path, entry)
    check_persist(app, persist)
    app_source.read_secrets(app.home)  # a bad secrets.toml stops the build before anything is written
    app_source.read_theme(app.home)
    packages = plan_packages(app)  # likewise a requirement with no wheel for the browser
    check_out_dir(out)
    with opened_distribution(pyodide_packages, packages.load) as distribution:  # and a bad distribution
        build_dist()
        def fill(tmp: Path) -> None:
            fill_site(tmp, app, packages, packages_url, distribution,
                      prerender_first_run=prerender_first_run, offline=offline, persist=persist, hashed=hashed,
                      with_snapshot=with_snapshot)
            if precompressed:  # after everything is written (the offline cache's list too)
                precompress_site(tmp)
        build_into(out, fill)
