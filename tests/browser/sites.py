"""Built sites and a local static server for browser tests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # buildlib
from buildlib.static_server import StaticServer  # noqa: E402,F401  (the tests' server)


def build_site(app: Path, out: Path) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app),
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def build_source_site(tmp_path_factory, name: str, source: str) -> Path:
    """A site for an app given as source text (one per test module)."""
    work = tmp_path_factory.mktemp(name)
    app = work / f"{name}_app.py"
    app.write_text(source)
    return build_site(app, work / "site")


def open_idle(page, url: str):
    """Load the app and wait for its first run to end."""
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60000)
    return page


def settle(page) -> None:
    """Wait for the run an interaction started (if any) to end."""
    page.wait_for_timeout(250)
    page.wait_for_selector(IDLE, timeout=30000)
