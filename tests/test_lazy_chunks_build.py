"""The page's JS split by esbuild (buildlib/lazy_chunks.py): dist/ holds the entry and
chunks/ (the element builder families of web/lazy-builders.js, loaded on first need), a
site carries chunks/ under esbuild's names and not the build-only files, its entry imports
them relatively (so the stub wasmlit.js and a renamed entry reach them), an offline-cache
site lists them in sw.js, a first paint preloads the chunks of the kinds it draws, and a
one-file page carries the JS as one bundle with no chunk to fetch. The browser side:
tests/browser/test_lazy_builders.py."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import hashed_names, lazy_builders, lazy_chunks, offline_cache  # noqa: E402
from buildlib.checkout import DIST  # noqa: E402

APP = '''
import datetime
import streamlit as st
st.title("Chunks")
st.date_input("Day", datetime.date(2024, 1, 2))
'''
CHUNK = re.compile(r"chunks/[\w-]+-[A-Z0-9]{8}\.js")


def build(*args) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("chunks")
    (work / "app.py").write_text(APP)
    build("--app", work / "app.py", "--out", work / "site", "--offline-cache")
    build("--app", work / "app.py", "--single-file", work / "one.html")
    return work / "site", work / "one.html"


def test_dist_has_the_entry_its_chunks_and_a_chunk_per_lazily_loaded_kind():
    manifest = json.loads((DIST / lazy_chunks.MANIFEST).read_text())
    kinds = {kind for kinds in lazy_builders.read_family_kinds().values() for kind in kinds}
    assert set(manifest["kinds"]) == kinds
    for kind, chunks in manifest["kinds"].items():
        assert chunks and all(CHUNK.fullmatch(c) and (DIST / c).is_file() for c in chunks), kind
        assert not set(chunks) & set(manifest["start"]), kind
    entry = (DIST / "wasmlit.js").read_text()
    imported = re.findall(r'from"\./(chunks/chunk-[A-Z0-9]{8}\.js)"', entry)  # shared code, imported at once
    assert imported and set(imported) <= set(manifest["start"])
    assert 'import("./chunks/pickers-' in (entry + "".join(p.read_text() for p in (DIST / "chunks").glob("*.js")))
    single = (DIST / lazy_chunks.SINGLE_FILE_BUNDLE).read_text()
    assert "./chunks/" not in single and "wl-date-field" in single


def test_a_site_keeps_the_chunk_names_and_leaves_the_build_only_files_out(built):
    site, _ = built
    copied = sorted(p.name for p in (site / "chunks").iterdir() if not p.name.endswith((".gz", ".br")))  # precompressed
    assert copied == sorted(p.name for p in (DIST / "chunks").iterdir())
    for name in lazy_chunks.BUILD_ONLY:
        assert not (site / name).exists()
    names = hashed_names.read_names(site)
    entry = site / names["wasmlit.js"]
    assert entry.parent == site and (site / "wasmlit.js").read_text() == f'export * from "./{entry.name}";\n'
    assert "__WASMLIT_ASSET_NAMES__" not in "".join(p.read_text() for p in (site / "chunks").glob("*.js"))


def test_an_offline_cache_lists_the_chunks(built):
    site, _ = built
    files = json.loads(re.search(r"^const FILES = (\{.*?\});$", (site / offline_cache.SW_NAME).read_text(),
                                 re.S | re.M)[1])
    assert {p.relative_to(site).as_posix() for p in (site / "chunks").glob("*.js")} <= set(files)


def test_a_first_paint_preloads_its_chunks(built):
    site, _ = built
    index = (site / "index.html").read_text()
    preloaded = re.findall(r'<link rel="modulepreload" href="([^"]+)">', index)
    manifest = json.loads((DIST / lazy_chunks.MANIFEST).read_text())
    assert preloaded == manifest["start"] + manifest["kinds"]["date_input"]
    assert all((site / p).is_file() for p in preloaded)
    assert (site / "404.html").read_text().count("modulepreload") == len(preloaded)


def test_a_one_file_page_carries_one_bundle_and_preloads_nothing(built):
    _, page = built
    text = page.read_text()
    assert "modulepreload" not in text and "./chunks/" not in text
    assert "wl-date-field" in text
