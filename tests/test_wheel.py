"""The wasmlit wheel (issue 21): built from the checkout with pip, installed into a fresh
virtual environment (no system site-packages, no npm or Node on its PATH), where `wasmlit
build` writes the todo example's site; the test then serves that site and runs the app in
Chromium. Slow (builds the wheel): marked `wheel`, run once, alone, by scripts/test.sh."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib.static_server import StaticServer  # noqa: E402

pytestmark = pytest.mark.wheel
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MAX_WHEEL_MB = 25  # about 19 MB: mostly Pyodide, plotly.js, the fonts and pdf.js


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


def run_in(env_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the venv's command with only its bin/ on PATH (no node, no npm) and a fresh HOME."""
    env = {"PATH": str(env_dir / "bin"), "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"}
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=600)


def test_the_wheel_carries_the_build_and_not_the_checkout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.stat().st_size < MAX_WHEEL_MB * 1e6, wheel.stat().st_size
    for needed in ("wasmlit/cli.py", "wasmlit/__main__.py", "wasmlit/testing/pytest_plugin.py",
                   "wasmlit_build/site.py", "wasmlit_build/shipped/dist/wasmlit.js",
                   "wasmlit_build/shipped/dist/pyodide/pyodide.asm.wasm",
                   "wasmlit_build/shipped/pyodide/pyodide-lock.json",
                   "wasmlit_build/shipped/web/vendor-entry/inline-assets.js",
                   "wasmlit_build/shipped/examples/todo/app.py"):
        assert needed in names
    assert not [n for n in names if "/test_" in n or n.endswith("conftest.py") or "node_modules" in n]
    (browser_wheel,) = [n for n in names if n.startswith("wasmlit_build/shipped/dist/pyodide/wasmlit-")]
    with zipfile.ZipFile(wheel) as outer, outer.open(browser_wheel) as inner:
        browser = zipfile.ZipFile(inner).namelist()
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
