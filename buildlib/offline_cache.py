"""build.py --app APP --out DIR --offline-cache (and `wasmlit build --offline-cache`): the
site gets a service worker, sw.js at its root, that keeps every file of the site in the
browser's Cache Storage, for instant repeat visits and use with no network.

sw.js embeds the list of the site's files with a short sha256 of each, and a cache name
made from the hash of that list: a rebuild that changes any file changes sw.js, so the
browser installs the new worker, which caches the new files; it takes over once no tab of
the site is open any more (so a page never mixes files of two builds), and then deletes the
caches of older builds of this site. The page registers it (web/offline-cache.js) when the
app's element carries MARKER.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

SW_NAME = "sw.js"  # at the site's root: its scope is the site's folder
MARKER = "data-wasmlit-offline-cache"  # on the app's element in index.html: the worker's URL
HASH_CHARS = 16  # hex digits of sha256 kept per file: enough to tell two builds apart
CHUNK = 8  # files fetched at once while installing

# A classic service worker script; __FILES__ and __VERSION__ are filled in by write().
# Cache-first for GET and HEAD requests of the listed files (by path, ignoring the query
# string); a navigation to the site's folder, index.html or a multipage app's page URL (a
# name without a dot in the site's folder, which buildlib/spa.py answers with index.html)
# gets the cached index.html. Everything else goes to the network untouched.
TEMPLATE = """\
// wasmlit's offline cache (build.py --offline-cache): every file of this site, cached.
"use strict";
const FILES = __FILES__;
const VERSION = "__VERSION__";
const CHUNK = __CHUNK__;
const SCOPE = new URL(self.registration.scope);
const PREFIX = "wasmlit-offline " + SCOPE.href + " ";  // this site's caches (others share the origin)
const CACHE = PREFIX + VERSION;

function urlOf(path) {
  return new URL(path.split("/").map(encodeURIComponent).join("/"), SCOPE).href;
}

async function cacheAll() {
  const cache = await caches.open(CACHE);
  const paths = Object.keys(FILES);
  for (let i = 0; i < paths.length; i += CHUNK) {
    // cache: "reload": this build's files from the server, never older copies of the HTTP cache
    await cache.addAll(paths.slice(i, i + CHUNK).map((path) => new Request(urlOf(path), { cache: "reload" })));
  }
}

async function dropOlderCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
}

// The listed file a request asks for (index.html for a navigation to one of the site's
// pages), or null: not ours to answer.
function listedPath(request) {
  const url = new URL(request.url);
  if (!["GET", "HEAD"].includes(request.method) || url.origin !== SCOPE.origin) return null;
  if (!url.pathname.startsWith(SCOPE.pathname)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  } catch {
    return null;
  }
  if (Object.hasOwn(FILES, path)) return path;
  if (request.mode === "navigate" && !path.includes("/") && !path.includes(".")) return "index.html";
  return null;
}

// A HEAD request (the page checks that pyodide.asm.wasm is there) gets the cached headers.
async function answer(request, path) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(urlOf(path)));
  if (!cached) return fetch(request);
  if (request.method === "HEAD") {
    return new Response(null, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
  }
  return cached;
}

self.addEventListener("install", (event) => event.waitUntil(cacheAll()));
// Claimed at once: the page of a first visit (and its Python worker) is served from the
// cache from then on, as later visits are.
self.addEventListener("activate", (event) => event.waitUntil(dropOlderCaches().then(() => self.clients.claim())));
self.addEventListener("fetch", (event) => {
  const path = listedPath(event.request);
  if (path !== null) event.respondWith(answer(event.request, path));
});
"""


def short_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:HASH_CHARS]


def site_files(site: Path) -> dict[str, str]:
    """Every file of the site but sw.js (the browser keeps that itself), by its path
    relative to the site (with /), to its short sha256."""
    return {path.relative_to(site).as_posix(): short_hash(path)
            for path in sorted(site.rglob("*")) if path.is_file() and path.relative_to(site).as_posix() != SW_NAME}


def service_worker(files: dict[str, str]) -> str:
    """sw.js's text for these files; its cache name is the hash of the list."""
    listing = json.dumps(files, indent=0, sort_keys=True)
    version = hashlib.sha256(listing.encode()).hexdigest()[:HASH_CHARS]
    # the list last: a file's name cannot hold a placeholder that is still to be filled
    return (TEMPLATE.replace("__VERSION__", version).replace("__CHUNK__", str(CHUNK))
            .replace("__FILES__", listing))


def write(site: Path) -> None:
    """Write sw.js for the site as it is now: call it once every other file is there (but
    before precompress.py adds NAME.gz / NAME.br copies, which the worker must not fetch)."""
    (site / SW_NAME).write_text(service_worker(site_files(site)), "utf-8")


__all__ = ["MARKER", "SW_NAME", "service_worker", "site_files", "write"]
