"""Record Streamlit 1.50's look of elements_app.py: a viewport screenshot and the boxes of
its elements. Run with the oracle's Python (streamlit==1.50.0 and playwright installed):

    /opt/oracle/bin/python tests/screenshots/record_oracle.py
"""
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from look import BOXES_SCRIPT, VIEWPORT, settle  # noqa: E402


def main() -> None:
    sock = socket.socket(); sock.bind(("127.0.0.1", 0)); port = sock.getsockname()[1]; sock.close()
    exe = shutil.which("streamlit", path=str(Path(sys.executable).parent))
    server = subprocess.Popen([exe, "run", str(HERE / "elements_app.py"), "--server.headless", "true",
                               "--server.port", str(port), "--browser.gatherUsageStats", "false"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(4)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"http://127.0.0.1:{port}/")
            settle(page)
            page.screenshot(path=str(HERE / "streamlit-1.50-elements.png"))
            boxes = page.evaluate(BOXES_SCRIPT)
            (HERE / "streamlit-1.50-elements.boxes.json").write_text(json.dumps(boxes, indent=1) + "\n")
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
