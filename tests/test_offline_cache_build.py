"""build.py --offline-cache (issue 19, point 4; buildlib/offline_cache.py): the site gets
sw.js, a service worker listing every other file of the site with its short sha256 under a
cache name made from that list, and index.html names it on the app's element; without the
flag the site has neither. The browser side: tests/browser/test_offline_cache.py."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import offline_cache  # noqa: E402
from buildlib.hashed_names import site_path  # noqa: E402

APP = 'import streamlit as st\nst.title("Offline")\n'
MARKED = f'{offline_cache.MARKER}="{offline_cache.SW_NAME}"'


def run(*args, module=None):
    command = ["-m", module] if module else [str(ROOT / "build.py")]
    return subprocess.run([sys.executable, *command, *map(str, args)], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)


def listed(sw_text: str) -> tuple[dict, str]:
    """The files sw.js lists and its cache version."""
    files = json.loads(re.search(r"^const FILES = (\{.*?\});$", sw_text, re.S | re.M)[1])
    version = re.search(r'^const VERSION = "([0-9a-f]+)";$', sw_text, re.M)[1]
    return files, version


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    (folder / "app.py").write_text(APP, "utf-8")
    return folder / "app.py"


def test_the_flag_adds_a_service_worker_listing_every_file_with_its_hash(app, tmp_path):
    out = tmp_path / "site"
    proc = run("--app", app, "--out", out, "--offline-cache", "--no-prerender")
    assert proc.returncode == 0, proc.stderr
    files, version = listed((out / offline_cache.SW_NAME).read_text("utf-8"))
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    # not the precompressed NAME.gz / NAME.br a host may send for NAME (buildlib/precompress.py)
    copies = {p for p in on_disk if p.endswith((".gz", ".br")) and p.rsplit(".", 1)[0] in on_disk}
    assert sorted(files) == [p for p in on_disk if p != offline_cache.SW_NAME and p not in copies]
    assert {"index.html", "404.html", "app.py", "wasmlit.js"} | {  # the final, hashed names (hashed_names.py)
        site_path(out, rel).relative_to(out).as_posix() for rel in
        ("wasmlit.js", "python-worker.js", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip")} <= set(files)
    for rel, digest in files.items():
        assert digest == hashlib.sha256((out / rel).read_bytes()).hexdigest()[:16], rel
    assert version == hashlib.sha256(json.dumps(files, indent=0, sort_keys=True).encode()).hexdigest()[:16]
    page = (out / "index.html").read_text("utf-8")
    assert re.search(rf'<div data-wasmlit-app="app.py"[^>]* {re.escape(MARKED)}', page)
    assert (out / "404.html").read_text("utf-8") == page  # a multipage URL's page asks for it too


def test_without_the_flag_the_site_has_none_of_it(app, tmp_path):
    out = tmp_path / "site"
    proc = run("--app", app, "--out", out, "--no-prerender")
    assert proc.returncode == 0, proc.stderr
    assert not (out / offline_cache.SW_NAME).exists()
    assert offline_cache.MARKER not in (out / "index.html").read_text("utf-8")


def test_a_changed_file_changes_the_cache_name():
    files = {"index.html": "00", "app.py": "11"}
    _, before = listed(offline_cache.service_worker(files))
    _, after = listed(offline_cache.service_worker({**files, "app.py": "12"}))
    assert before != after


def test_wasmlit_build_takes_the_flag(app, tmp_path):
    out = tmp_path / "site"
    proc = run("build", app, "-o", out, "--offline-cache", "--no-prerender", module="wasmlit")
    assert proc.returncode == 0, proc.stderr
    assert (out / offline_cache.SW_NAME).is_file()
    assert MARKED in (out / "index.html").read_text("utf-8")
