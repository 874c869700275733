"""The first paint: the app's first run, performed at build time so the page can draw it
before Pyodide has loaded (issue 19, "Opens instantly"). wasmlit.prerender runs it under the
host's Python with wasmlit's engine; this module runs that in child processes and decides
whether the result may stand for what the page's own first run shows.

It runs twice, at once, each in a fresh copy of what the site ships (a multi-file app's
files; a one-file app in an empty folder, as the page runs it with no files beside it), with
a timeout and without the user's environment (it is the app's own code). Two different
change lists mean the app varies by design (the time, random numbers): no first paint.
Neither does any failure; a build note says why and the site starts as before.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .app_source import App
from .checkout import RUNTIME

PRERENDER_SECONDS = 5.0  # per run: a first paint is for apps whose first run is quick
TIMEOUT_ENV = "WASMLIT_PRERENDER_SECONDS"  # overrides it (tests)
MAX_BYTES = 1_000_000  # index.html is what the page waits for first: no first paint above it
# What the page may not draw before Python runs: one-off ops the live run sends again, or
# that only make sense once it runs (timers tick it; a query goes into the URL).
NOT_DRAWN = frozenset({"toast", "timers", "script_error", "query"})
# All the app's run sees of the environment: where programs and the home folder are, the
# locale and temp folders (never the user's tokens and keys).
KEPT_ENVIRONMENT = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TEMP", "TMP",
                    "SYSTEMROOT", "PYTHONPATH")


class NoFirstPaint(Exception):
    """Why the app gets no first paint; str() is the reason, one line."""


def first_paint(app: App, site_entry: str) -> str | None:
    """The JSON text index.html carries for the app ({"changes": [...]}), or None after a
    build note on stderr saying why it has none. site_entry: the entry's path in the site
    (its name is the one the page gives the script)."""
    try:
        changes = prerendered_changes(app, Path(site_entry).name)
        text = json.dumps({"changes": changes}, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":"))
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise NoFirstPaint(f"it would add {len(text.encode('utf-8')) / 1e6:.1f} MB to index.html "
                               f"(at most {MAX_BYTES / 1e6:g} MB)")
    except NoFirstPaint as e:
        print(f"build.py: no first paint for {app.folder or app.entry}: {e} (it starts as before)",
              file=sys.stderr)
        return None
    return text.replace("<", "\\u003c")  # no "</script" (nor "<!--") inside the script element


def prerendered_changes(app: App, filename: str) -> list[dict]:
    """The first run's changes the page may draw before Python runs; NoFirstPaint unless two
    runs agree on them."""
    seconds = timeout_seconds()
    with tempfile.TemporaryDirectory(prefix="wasmlit-prerender-") as tmp:
        runs = [start_run(app, filename, Path(tmp) / f"run{i}") for i in (1, 2)]
        deadline = time.monotonic() + seconds
        try:
            first, second = (finish_run(run, deadline, seconds) for run in runs)
        finally:
            for process, _result in runs:
                if process.poll() is None:
                    process.kill()
                    process.wait()
    if first != second:
        raise NoFirstPaint("its first run differs from one run to the next (the time, random "
                           "numbers, ...)")
    return [change for change in first if change.get("op") not in NOT_DRAWN]


def timeout_seconds() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV) or PRERENDER_SECONDS)
    except ValueError:
        return PRERENDER_SECONDS


def start_run(app: App, filename: str, where: Path) -> tuple[subprocess.Popen, Path]:
    """Start one build-time run in where/home (a copy of the app's files); (process, where):
    it writes its answer to where/answer.json, its stderr to where/stderr.txt."""
    home = where / "home"
    home.mkdir(parents=True)
    entry = where / "entry.py"
    entry.write_bytes(app.data)
    command = [sys.executable, "-m", "wasmlit.prerender", str(entry), filename, str(where / "answer.json")]
    if app.folder is not None:
        for rel in app.files():
            (home / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(app.folder / rel, home / rel)
        command.append(str(home))
    with open(where / "stderr.txt", "wb") as stderr:  # a file: a chatty app never blocks on it
        process = subprocess.Popen(command, cwd=home, env=run_environment(), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=stderr)
    return process, where


def run_environment() -> dict[str, str]:
    """The child's environment: KEPT_ENVIRONMENT only, with this checkout's wasmlit first on
    its path (installed, wasmlit_build's own wasmlit is already on it)."""
    env = {name: os.environ[name] for name in KEPT_ENVIRONMENT if name in os.environ}
    if (RUNTIME / "__init__.py").is_file():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(RUNTIME.parent), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def finish_run(run: tuple[subprocess.Popen, Path], deadline: float, seconds: float) -> list[dict]:
    """The changes one run wrote; NoFirstPaint for a timeout (its deadline passed: seconds
    after it started), a failure or its reason."""
    process, where = run
    answer_path = where / "answer.json"
    try:
        process.wait(timeout=max(0.01, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        raise NoFirstPaint(f"its first run took more than {seconds:g} s") from None
    if process.returncode != 0 or not answer_path.is_file():
        lines = (where / "stderr.txt").read_text("utf-8", "replace").strip().splitlines()
        raise NoFirstPaint(f"the build-time run failed ({lines[-1] if lines else f'exit code {process.returncode}'})")
    answer = json.loads(answer_path.read_text("utf-8"))
    if "reason" in answer:
        raise NoFirstPaint(answer["reason"])
    return answer["changes"]
