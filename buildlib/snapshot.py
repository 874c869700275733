"""dist/snapshot.bin.gz: a Pyodide memory snapshot taken under Node with wasmlit imported.

The page restores it (web/python-start.js) instead of starting Python and importing
wasmlit: that skips the interpreter's start-up and every import (a repeat visit over a
40 Mbit/s link became interactive in 0.93 s instead of 3.0 s, benchmarks/startup_network.py).
It is never on a first visit's way: the page restores it only when the browser already has
it (its HTTP cache or the site's offline cache), and otherwise starts as without one and,
once the app has run and been idle a while, fetches it for the next visit (not when the
browser asks to save data, nor when the host forbids caching: Cache-Control: no-store).
It is in every site unless `--no-snapshot` (or WASMLIT_SNAPSHOT=0) leaves it out.

It only fits the exact Pyodide it was made with; the page falls back to a normal start when
it is missing or fails (and so does the build: a snapshot that cannot be made is a warning,
not an error, e.g. when importing wasmlit starts holding JS objects). Node 20 has no JSPI,
so snapshot.mjs pretends it has, and the page installs the wasm call trampoline Node could
not make (web/python-start.js installTrampoline): a restored page suspends runs as a
started one does (time.sleep, Stop during a run: tests/browser/test_snapshot.py; packages
loaded at start and mid-run: tests/browser/test_distribution_packages.py), and
runtime/wasmlit/restored.py redoes what it took from the build machine (time zone,
language). Made by snapshot.mjs, cached in cache_dir under a key of the wheel, Pyodide's
version and the script (making one takes a few seconds). Without Node: no snapshot, with a
note on stderr.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAKER = HERE / "snapshot.mjs"
NAME = "snapshot.bin.gz"
MANIFEST = "startup.json"  # in dist/: {"snapshot": NAME or null}, read by web/wasmlit.js
SWITCH = "WASMLIT_SNAPSHOT"  # 0: build dist/ without a snapshot (on by default)


def enabled() -> bool:
    """False when the environment variable WASMLIT_SNAPSHOT is 0 (or no, false, off)."""
    return os.environ.get(SWITCH, "1").strip().lower() not in ("0", "no", "false", "off")


def write_manifest(dist: Path, has_snapshot: bool, pyodide_dir: Path | None = None) -> None:
    """startup.json: tells the page whether to fetch a snapshot (no 404 when there is none)
    and, with one, the wasm call trampoline to install after restoring it (see trampoline)."""
    manifest = {"snapshot": None}
    if has_snapshot:
        manifest = {"snapshot": NAME, "trampoline": trampoline(pyodide_dir)}
    (dist / MANIFEST).write_text(json.dumps(manifest) + "\n")


def trampoline(pyodide_dir: Path) -> str:
    """Hex of the small wasm module CPython calls function pointers through (in
    pyodide.asm.mjs). Pyodide installs it at start-up; a snapshot made under Node 20 holds
    none (Node 20 cannot compile it), so the page installs it after restoring."""
    source = (pyodide_dir / "pyodide.asm.mjs").read_text("utf-8")
    found = re.search(r'function getWasmTrampolineModule\(\)\{return new WebAssembly\.Module\('
                      r'hexStringToUTF8Array\("([0-9a-f]+)"\)\)', source)
    if not found:
        raise SnapshotError("no wasm trampoline found in pyodide.asm.mjs")
    return found[1]


class SnapshotError(Exception):
    """This Pyodide does not fit what the snapshot needs."""


def write_snapshot(out: Path, pyodide_dir: Path, wheel: Path, cache_dir: Path) -> bool:
    """Write the snapshot for `wheel` to `out`; False (and a note on stderr) without Node
    or when Node could not make it."""
    digest = hashlib.sha256()
    for part in (pyodide_dir / "package.json", pyodide_dir / "pyodide.asm.wasm",
                 pyodide_dir / "python_stdlib.zip", wheel, MAKER):
        digest.update(hashlib.sha256(part.read_bytes()).digest())
    try:
        trampoline(pyodide_dir)
    except SnapshotError as e:
        print(f"build.py: warning: no Pyodide snapshot: {e}", file=sys.stderr)
        return False
    cached = cache_dir / f"{digest.hexdigest()}.bin.gz"
    if not cached.is_file():
        node = shutil.which("node")
        if node is None:
            print("build.py: note: Node is not installed, so the site has no Pyodide snapshot "
                  "(it starts Python and imports wasmlit in the page)", file=sys.stderr)
            return False
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f".{cached.name}.tmp")
        proc = subprocess.run([node, str(MAKER), str(pyodide_dir), str(wheel), str(tmp)],
                              capture_output=True, text=True)
        if proc.returncode != 0 or not tmp.is_file():
            print("build.py: warning: no Pyodide snapshot (the site starts Python in the page): "
                  f"snapshot.mjs failed:\n{proc.stdout[-1500:]}{proc.stderr[-1500:]}", file=sys.stderr)
            tmp.unlink(missing_ok=True)
            return False
        tmp.replace(cached)
    shutil.copyfile(cached, out)
    return True
