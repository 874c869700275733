"""The wasmlit wheel (issue 21): built from the checkout with pip, installed into a fresh
virtual environment (no system site-packages, no npm or Node on its PATH), where `wasmlit
build` writes the todo example's site (the test serves it and runs the app in Chromium) and
`wasmlit hello` serves the gallery the wheel ships (a page of it renders in Chromium). In a
second venv, the wheel over this Python's pytest and Playwright: the installed pytest plugin
runs examples/todo's own tests. Slow (builds the wheel; about 2.5 min in all): marked
`wheel`, run once, alone, by scripts/test.sh."""
from __future__ import annotations

import gzip
import io
import os
import shutil
import site
import socket
import subprocess
import sys
import threading
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib.static_server import StaticServer  # noqa: E402

pytestmark = pytest.mark.wheel
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MAX_WHEEL_MB = 32  # about 25.5 MB: mostly Pyodide and its snapshot (6.2 MB), plotly.js, the fonts, pdf.js


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("wasmlit-*-py3-none-any.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory, wheel) -> Path:
    """A virtual environment with the wheel installed and nothing else."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    python = env_dir / "bin" / "python"
    result = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return env_dir


@pytest.fixture(scope="module")
def test_venv(tmp_path_factory, wheel) -> Path:
    """A virtual environment with the wheel installed over this Python's packages (pytest,
    pytest-playwright, playwright): where a user runs their app's tests. The wheel's wasmlit
    comes first on its path, before a checkout's editable install among those packages."""
    env_dir = tmp_path_factory.mktemp("testvenv") / "env"
    venv.create(env_dir, with_pip=False, system_site_packages=True)
    python = env_dir / "bin" / "python"
    if sys.prefix != sys.base_prefix:
        # Run from a venv: "system" site-packages would be the base Python's, not this
        # venv's (where pytest-playwright is), so the new venv adds this one's after its own.
        inner = subprocess.run([python, "-c", "import site; print(site.getsitepackages()[0])"],
                               capture_output=True, text=True, check=True).stdout.strip()
        outer = [path for path in site.getsitepackages() if Path(path).is_dir()]
        Path(inner, "outer-venv.pth").write_text(
            "".join(f"import site; site.addsitedir({path!r})\n" for path in outer))
    result = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                             "--ignore-installed", str(wheel)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return env_dir


def clean_env(env_dir: Path, tmp_path: Path) -> dict:
    """Only the venv's bin/ on PATH (no node, no npm), a fresh HOME, Debian's Chromium named."""
    env = {"PATH": str(env_dir / "bin"), "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"}
    if shutil.which("chromium"):
        env["WASMLIT_CHROMIUM"] = shutil.which("chromium")
    return env


def run_in(env_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the venv's command with only its bin/ on PATH (no node, no npm) and a fresh HOME."""
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          env=clean_env(env_dir, tmp_path), cwd=tmp_path, timeout=600)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_wheel_carries_the_build_and_not_the_checkout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.stat().st_size < MAX_WHEEL_MB * 1e6, wheel.stat().st_size
    for needed in ("wasmlit/cli.py", "wasmlit/__main__.py", "wasmlit/testing/pytest_plugin.py",
                   "wasmlit_build/site.py", "wasmlit_build/shipped/dist/wasmlit.js",
                   "wasmlit_build/shipped/dist/pyodide/pyodide.asm.wasm",
                   "wasmlit_build/shipped/pyodide/pyodide-lock.json",
                   "wasmlit_build/shipped/web/vendor-entry/inline-assets.js",
                   "wasmlit_build/shipped/examples/todo/app.py",
                   "wasmlit_build/shipped/examples/hello/app.py",  # `wasmlit hello`'s gallery
                   "wasmlit_build/shipped/examples/hello/demos/widgets.py"):
        assert needed in names
    assert not [n for n in names if "/test_" in n or n.endswith("conftest.py") or "node_modules" in n]
    # The browser's wasmlit: its wheel and the lazy archive of the modules the wheel leaves
    # out (buildlib/wasmlit_split.py).
    shipped = sorted(n for n in names if n.startswith("wasmlit_build/shipped/dist/pyodide/wasmlit-"))
    (browser_wheel,) = [n for n in shipped if n.endswith(".whl")]
    (lazy_archive,) = [n for n in shipped if n.endswith("-lazy.zip.gz")]
    (core_archive,) = [n for n in shipped if n.endswith("-core.zip.gz")]  # the page's copy of the wheel
    assert len(shipped) == 3, shipped
    browser = []
    with zipfile.ZipFile(wheel) as outer:
        browser += zipfile.ZipFile(io.BytesIO(outer.read(browser_wheel))).namelist()
        browser += zipfile.ZipFile(io.BytesIO(gzip.decompress(outer.read(lazy_archive)))).namelist()
    assert "wasmlit/lazy_modules.json" in browser and "wasmlit/elements/charts.pyc" in browser
    assert not [n for n in browser if n.startswith(("wasmlit/cli", "wasmlit/__main__", "wasmlit/testing",
                                                    "wasmlit_build"))]


def test_the_installed_command_builds_a_site_that_runs(fresh_venv, tmp_path, page):
    assert not (fresh_venv / "bin" / "node").exists()
    version = run_in(fresh_venv, tmp_path, fresh_venv / "bin" / "wasmlit", "version")
    assert version.returncode == 0 and "Streamlit 1.50.0" in version.stdout, version.stderr
    out = tmp_path / "site"
    built = run_in(fresh_venv, tmp_path, fresh_venv / "bin" / "python", "-m", "wasmlit", "build",
                   ROOT / "examples" / "todo", "-o", out)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (out / "index.html").is_file() and (out / "app" / "app.py").is_file()
    bad = run_in(fresh_venv, tmp_path, fresh_venv / "bin" / "wasmlit", "build", tmp_path / "missing.py")
    assert bad.returncode == 2 and "missing.py" in bad.stderr
    server = StaticServer(out)
    try:
        page.goto(server.url)
        page.wait_for_selector(IDLE, timeout=120_000)
        assert page.get_by_role("heading", name="Todo").is_visible()
        page.get_by_label("New task").fill("milk")
        page.get_by_label("New task").press("Enter")
        page.get_by_text("milk", exact=True).wait_for(timeout=30_000)
    finally:
        server.close()


def test_the_installed_hello_serves_the_gallery(fresh_venv, tmp_path, page):
    port = free_port()
    server = subprocess.Popen([str(fresh_venv / "bin" / "wasmlit"), "hello", "--server.headless", "true",
                               "--server.port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
                              env=clean_env(fresh_venv, tmp_path))
    watchdog = threading.Timer(300, server.kill)  # a build that never ends fails the test
    watchdog.start()
    try:
        said = []
        for line in server.stdout:
            said.append(line)
            if line.startswith("Serving "):
                break
        assert said and said[-1].strip() == f"Serving wasmlit hello at http://127.0.0.1:{port}/", "".join(said)
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector(IDLE, timeout=120_000)
        assert page.get_by_role("heading", name="Welcome to wasmlit!").is_visible()
        page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Charts").click()
        page.wait_for_url(f"http://127.0.0.1:{port}/charts")
        page.locator("[data-testid='stGraphVizChart'] svg").wait_for(timeout=30_000)
        page.wait_for_selector(IDLE)
        assert page.locator("[data-testid='stVegaLiteChart']").count() == 5
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        watchdog.cancel()
        server.terminate()
        server.wait(timeout=30)


def test_the_installed_plugin_runs_the_todo_examples_tests(test_venv, tmp_path):
    python = test_venv / "bin" / "python"
    where = run_in(test_venv, tmp_path, python, "-c",
                   "import wasmlit, wasmlit_build; print(wasmlit.__file__); print(wasmlit_build.__file__)")
    assert where.returncode == 0, where.stderr
    assert all(line.startswith(str(test_venv)) for line in where.stdout.split()), where.stdout
    tests = run_in(test_venv, tmp_path, python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                   ROOT / "examples" / "todo")
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "4 passed" in tests.stdout, tests.stdout
