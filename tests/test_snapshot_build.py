"""A site's Pyodide snapshot (buildlib/snapshot.py) at build time: in every site by default,
under a name carrying its hash, and left out by build.py --no-snapshot and `wasmlit build
--no-snapshot` (which only a site takes: tests/test_build.py, tests/test_cli.py). The
browser side: tests/browser/test_snapshot.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib.hashed_names import site_path  # noqa: E402
from buildlib.snapshot import MANIFEST, NAME  # noqa: E402

APP = 'import streamlit as st\nst.title("Snapshot")\n'


def run(*args, module=None):
    command = ["-m", module] if module else [str(ROOT / "build.py")]
    return subprocess.run([sys.executable, *command, *map(str, args)], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snapshot")
    (folder / "app.py").write_text(APP, "utf-8")
    return folder / "app.py"


def manifest(site: Path) -> dict:
    return json.loads(site_path(site, MANIFEST).read_text("utf-8"))


def test_a_site_has_the_snapshot_under_a_hashed_name(app, tmp_path):
    out = tmp_path / "site"
    proc = run("--app", app, "--out", out, "--no-prerender")
    assert proc.returncode == 0, proc.stderr
    assert manifest(out)["snapshot"] == NAME  # the page finds its hashed name in its bundle's map
    kept = site_path(out, NAME)
    assert kept.name != NAME and kept.name.startswith("snapshot.bin.")
    assert kept.read_bytes() == (ROOT / "dist" / NAME).read_bytes()


@pytest.mark.parametrize("module", [None, "wasmlit"])
def test_no_snapshot_leaves_it_out(app, tmp_path, module):
    out = tmp_path / "site"
    args = ("build", app, "-o", out) if module else ("--app", app, "--out", out)
    proc = run(*args, "--no-prerender", "--no-snapshot", module=module)
    assert proc.returncode == 0, proc.stderr
    assert manifest(out) == {"snapshot": None}
    assert not [p for p in out.rglob("snapshot*")]
