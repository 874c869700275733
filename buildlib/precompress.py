"""Precompressed copies of a site's big text and WebAssembly files: NAME.gz (gzip -9) and
NAME.br (brotli quality 11, kept only when smaller than the .gz) beside NAME, for hosts that
serve them as they are (nginx gzip_static/brotli_static, Caddy's `precompressed`, our own
static_server.py) instead of compressing every response, or not compressing at all.

Brotli 11 is slow (about 40 s for Pyodide's 9.6 MB pyodide.asm.wasm), and every site holds
the same dist/ files, so compressed files are cached in CACHE/precompressed under the
sha256 of what they compress: a site build compresses only files it has not seen (its app's
own, a rebuilt wasmlit.js) and copies the rest. Gzip runs in threads; brotli with Python's
`brotli` module when installed, else in one Node process (precompress.mjs), alongside the
gzip; with neither, sites get the .gz files alone.
"""
from __future__ import annotations

import concurrent.futures
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .checkout import CACHE

try:
    import brotli
except ImportError:
    brotli = None

# File types that compress (text, WebAssembly, uncompressed fonts). Not .whl, .zip, .woff2,
# images or .gz: they are compressed already.
COMPRESSIBLE = frozenset({".js", ".mjs", ".cjs", ".css", ".json", ".map", ".wasm", ".html", ".htm",
                          ".svg", ".txt", ".xml", ".csv", ".tsv", ".md", ".py", ".toml", ".ttf",
                          ".otf", ".pfb"})
MIN_SIZE = 8 * 1024  # smaller files gain too little to be worth another request path
WORTH_IT = 0.9  # a .gz must be smaller than this share of the file, or neither is written
CACHE_DIR = CACHE / "precompressed"
KEEP_UNUSED_DAYS = 30  # cached files no build has copied for this long are removed
COMPRESSOR_JS = Path(__file__).resolve().parent / "precompress.mjs"


def candidates(site: Path) -> list[Path]:
    """The site's files worth compressing: compressible types of at least MIN_SIZE."""
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in COMPRESSIBLE
                  and p.is_file() and p.stat().st_size >= MIN_SIZE)


def gzipped(data: bytes) -> bytes:
    """gzip -9 with no name and mtime 0: the same bytes on every build."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def _store(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)


def _digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _compress_in_threads(jobs: dict[Path, Path], compress) -> None:
    """cache file <- compress(source bytes) for each {cache file: source}."""
    def one(item):
        cached, source = item
        _store(cached, compress(source.read_bytes()))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        list(pool.map(one, jobs.items()))


def _start_node_brotli(jobs: dict[Path, Path]):
    """The Node process writing the .br of each {cache file: source}, with its job file;
    None without Node."""
    node = shutil.which("node")
    if node is None:
        return None
    job = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="wasmlit-br-", delete=False)
    with job:
        biggest_first = sorted(jobs.items(), key=lambda item: -item[1].stat().st_size)  # the longest starts first
        json.dump([[str(source), str(cached)] for cached, source in biggest_first], job)
    proc = subprocess.Popen([node, str(COMPRESSOR_JS), job.name], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    return proc, Path(job.name)


def fill_cache(sources: dict[str, Path], cache: Path) -> bool:
    """Compress into cache what it lacks of {sha256: source}; False when brotli is unavailable."""
    cache.mkdir(parents=True, exist_ok=True)
    want_gz = {cache / f"{key}.gz": src for key, src in sources.items() if not (cache / f"{key}.gz").is_file()}
    want_br = {cache / f"{key}.br": src for key, src in sources.items() if not (cache / f"{key}.br").is_file()}
    node = _start_node_brotli(want_br) if brotli is None and want_br else None
    try:
        _compress_in_threads(want_gz, gzipped)
        if brotli is not None:
            _compress_in_threads(want_br, lambda data: brotli.compress(data, quality=11))
    finally:
        if node is not None:
            proc, job = node
            output = proc.communicate()[0]
            job.unlink()
            if proc.returncode != 0:
                print(f"build.py: note: brotli compression with Node failed, sites get .gz files "
                      f"only:\n{output}", file=sys.stderr)
                return False
    return brotli is not None or node is not None or not want_br


def prune(cache: Path, days: int = KEEP_UNUSED_DAYS) -> None:
    """Remove cached files that no build has used for days (builds touch what they copy)."""
    oldest = time.time() - days * 86400
    for path in cache.iterdir():
        if path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)


def precompress_site(site: Path, cache: Path = CACHE_DIR) -> None:
    """Write NAME.gz, and NAME.br when it is smaller, beside each of the site's candidates."""
    files = candidates(site)
    keys = {path: _digest(path) for path in files}
    has_brotli = fill_cache({key: path for path, key in keys.items()}, cache)
    if not has_brotli:
        print("build.py: note: neither Python's brotli module nor Node is installed: "
              "the site gets .gz files but no .br", file=sys.stderr)
    for path, key in keys.items():
        gz, br = cache / f"{key}.gz", cache / f"{key}.br"
        for cached in (gz, br):
            if cached.is_file():
                os.utime(cached)  # in use: prune keeps it
        gz_size = gz.stat().st_size
        if gz_size >= path.stat().st_size * WORTH_IT:
            continue
        shutil.copyfile(gz, path.with_name(path.name + ".gz"))
        if br.is_file() and br.stat().st_size < gz_size:
            shutil.copyfile(br, path.with_name(path.name + ".br"))
    prune(cache)
