"""Record a case's expected.json from Streamlit 1.50 with our own step runner
(tests/browser/replay.py), for cases that use steps shared/tools/conform.py lacks
(`click_at`). Cases using only conform.py's steps are recorded with
`conform.py --oracle` instead.

    /opt/oracle/bin/python tests/conformance/record.py tests/conformance/CASE
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from replay import run_steps  # noqa: E402

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def start_streamlit(app: Path) -> tuple[subprocess.Popen, str]:
    sock = socket.socket(); sock.bind(("127.0.0.1", 0)); port = sock.getsockname()[1]; sock.close()
    exe = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    server = subprocess.Popen([exe, "run", str(app), "--server.headless", "true", "--server.port",
                               str(port), "--browser.gatherUsageStats", "false"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    return server, f"http://127.0.0.1:{port}/"


def record(case: Path) -> list[dict]:
    steps = json.loads((case / "steps.json").read_text())
    server, url = start_streamlit(case / "app.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            page.wait_for_selector("[data-testid='stApp']", timeout=60000)
            observations = run_steps(page, steps)
            browser.close()
    finally:
        server.terminate()
    (case / "expected.json").write_text(json.dumps(observations, indent=1) + "\n")
    return observations


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(arg, json.dumps(record(Path(arg)))[:600])
