"""The browser wheel's modules: host-only parts dropped, the rest precompiled to .pyc.

`browser_members(members, pyodide_dir, cache_dir)` takes the wheel's {arcname: bytes} and
returns the members the browser's wheel ships:
  - no `wasmlit/testing/` (AppTest and the pytest plugin run on the host only; the host's
    pip install, from pyproject.toml, keeps them), nor the `wasmlit` command (cli.py,
    __main__.py);
  - every `*.py` replaced by a sourceless `*.pyc` beside it, compiled by the browser's own
    Python (Pyodide's, under Node: see pycompile.mjs) as if installed in site-packages, so
    `import wasmlit` unmarshals code instead of compiling it in the page.
Compiled files are cached in cache_dir under a key of the source, its name, Pyodide's
version and the compiler script, so a rebuild compiles only what changed (and starts Node
only then). Without Node the sources are shipped as they are, with a note on stderr.
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPILER = HERE / "pycompile.mjs"
HOST_ONLY = ("wasmlit/testing/", "wasmlit/cli.py", "wasmlit/__main__.py")
# Where Pyodide installs a wheel's files ("install_dir": "site" in pyodide-lock.json).
SITE_PACKAGES = "/lib/python3.14/site-packages"
OPTIMIZE = 2  # py_compile's optimize: no docstrings (the runtime never reads its own), no asserts


class CompileError(Exception):
    """A module did not compile, or the compiler failed."""


def browser_members(members: dict, pyodide_dir: Path, cache_dir: Path) -> dict:
    """The members of the browser wheel (see the module doc), in the order given."""
    kept = {name: data for name, data in members.items() if not name.startswith(HOST_ONLY)}
    sources = {name: data for name, data in kept.items() if name.endswith(".py")}
    compiled = compile_sources(sources, pyodide_dir, cache_dir)
    if compiled is None:
        return kept
    return {(name + "c" if name in compiled else name): compiled.get(name, data)
            for name, data in kept.items()}


def _key(name: str, source: bytes, salt: bytes) -> str:
    return hashlib.sha256(salt + name.encode() + b"\0" + source).hexdigest()


def compile_sources(sources: dict, pyodide_dir: Path, cache_dir: Path):
    """{name: .pyc bytes} for {name: source bytes}, from cache_dir or compiled now; None
    (and a note) when Node is not installed."""
    salt = (pyodide_dir / "package.json").read_bytes() + COMPILER.read_bytes() + bytes([OPTIMIZE])
    keys = {name: _key(name, data, salt) for name, data in sources.items()}
    out, missing = {}, {}
    for name, key in keys.items():
        cached = cache_dir / f"{key}.pyc"
        if cached.is_file():
            out[name] = cached.read_bytes()
        else:
            missing[name] = sources[name]
    if not missing:
        return out
    node = shutil.which("node")
    if node is None:
        print("build.py: note: Node is not installed, so the wheel ships .py sources "
              "(compiled in the page on first import) instead of .pyc", file=sys.stderr)
        return None
    fresh = _run_compiler(node, missing, pyodide_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for name, data in fresh.items():
        tmp = cache_dir / f".{keys[name]}.tmp"
        tmp.write_bytes(data)
        tmp.replace(cache_dir / f"{keys[name]}.pyc")
    out.update(fresh)
    return out


def _run_compiler(node: str, sources: dict, pyodide_dir: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="wasmlit-pyc-") as tmp:
        job, result = Path(tmp) / "job.json", Path(tmp) / "out.json"
        job.write_text(json.dumps({"prefix": SITE_PACKAGES, "optimize": OPTIMIZE, "files": {
            name: data.decode("utf-8") for name, data in sources.items()}}), "utf-8")
        proc = subprocess.run([node, str(COMPILER), str(pyodide_dir), str(job), str(result)],
                              capture_output=True, text=True)
        if proc.returncode != 0 or not result.is_file():
            raise CompileError(f"compiling the wheel's modules with Pyodide failed:\n{proc.stdout}{proc.stderr}")
        answer = json.loads(result.read_text("utf-8"))
    if answer["errors"]:
        raise CompileError("\n".join(answer["errors"].values()))
    return {name: base64.b64decode(data) for name, data in answer["pyc"].items()}
