"""The renderer's JS (web/) type-checks: `tsc -p web` (web/tsconfig.json: checkJs, noEmit)
against web/protocol.d.ts and the DOM's types. Nothing is built; typescript is a dev
dependency in package.json, installed with the others by `npm ci` (build.py does it)."""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TSC = ROOT / "node_modules" / ".bin" / "tsc"


def test_web_type_checks():
    if not TSC.exists() or shutil.which("node") is None:
        pytest.skip("typescript is not installed (npm ci, or python3 build.py, installs it)")
    proc = subprocess.run([str(TSC), "-p", str(ROOT / "web"), "--noEmit", "--pretty", "false"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"tsc -p web found type errors:\n{proc.stdout}{proc.stderr}"
