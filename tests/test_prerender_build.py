"""build.py's first paint (issue 19, "Opens instantly", buildlib/prerender.py): a site's
index.html carries the app's first run, performed at build time, right after the app's
element; an app whose first run cannot stand for the page's gets a build note instead, and
the build goes on as before (exit code 0)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import app_source, prerender, serve  # noqa: E402
from buildlib.hashed_names import read_names  # noqa: E402
from buildlib.site import FIRST_PAINT_ID  # noqa: E402

OPENING = f'<script type="application/json" id="{FIRST_PAINT_ID}">'
TAG = re.compile(rf'</div>\n{OPENING}(.*?)</script>\n<script', re.S)  # right after the app's element
PLAIN = '''
import streamlit as st
st.title("Hello")
st.toast("toasted")
st.query_params["tab"] = "one"
st.text_input("Name", "Ada")
st.write("Text with </script><!-- in it")
'''


def run_build(*args, env=None, timeout=600):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env=None if env is None else {**os.environ, **env})


@pytest.fixture(scope="module")
def dist():
    proc = run_build()
    assert proc.returncode == 0, proc.stderr


def write_app(folder: Path, source: str, name: str = "app.py") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(source), "utf-8")
    return path


def first_paint_of(page: str) -> dict | None:
    found = TAG.search(page)
    assert found or OPENING not in page
    return json.loads(found[1]) if found else None


def notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "no first paint" in line]


def test_a_plain_app_carries_its_first_run(dist, tmp_path):
    app = write_app(tmp_path / "src", PLAIN)
    out = tmp_path / "site"
    proc = run_build("--app", app, "--out", out)
    assert proc.returncode == 0 and notes(proc.stderr) == [], proc.stderr
    page = (out / "index.html").read_text("utf-8")
    assert "</script><!--" not in TAG.search(page)[1] and "\\u003c/script>\\u003c!--" in page
    paint = first_paint_of(page)
    assert list(paint) == ["changes"]
    sets = [c for c in paint["changes"] if c["op"] == "set"]
    # st.toast is an element (as in 1.50): the first paint shows its toast too.
    assert [c["kind"] for c in sets] == ["heading", "toast", "text_input", "markdown"]
    assert sets[3]["props"]["body"] == "Text with </script><!-- in it"
    assert {c["op"] for c in paint["changes"]} == {"set"}  # no query nor timers
    assert [c["id"] for c in sets] == ["n1", "n2", "n3", "n4"]


@pytest.mark.parametrize("source, reason", [
    ("import streamlit as st\nst.write('hi')\nraise ValueError('broken at start')\n",
     "its first run raised ValueError: broken at start"),
    ("import streamlit as st\nimport not_on_this_host_pkg\n",
     "its first run raised ModuleNotFoundError: No module named 'not_on_this_host_pkg'"),
    ("import random, streamlit as st\nst.write(f'lucky {random.random()}')\n",
     "its first run differs from one run to the next (the time, random numbers, ...)"),
    ("import time, streamlit as st\nst.write(f'now {time.time()}')\n",
     "its first run differs from one run to the next (the time, random numbers, ...)"),
    ("import streamlit as st\nst.write(st.secrets['token'])\n",
     "it reads st.secrets, which are not read at build time"),
    ("import time, streamlit as st\nst.write('slow')\ntime.sleep(10)\n",
     "its first run waits (time.sleep): the page would show how it ends before how it starts"),
    ("import streamlit as st\nst.write('busy')\nwhile True:\n    pass\n",
     "its first run took more than 1.5 s"),
])
def test_an_app_that_cannot_be_prerendered_gets_a_note_and_starts_as_before(dist, tmp_path, source, reason):
    app = write_app(tmp_path / "src", source)
    out = tmp_path / "site"
    proc = run_build("--app", app, "--out", out, env={prerender.TIMEOUT_ENV: "1.5"})
    assert proc.returncode == 0, proc.stderr
    assert notes(proc.stderr) == [f"build.py: no first paint for {app}: {reason} (it starts as before)"]
    page = (out / "index.html").read_text("utf-8")
    assert OPENING not in page
    bundle = read_names(out)["wasmlit.js"]  # its hashed name (hashed_names.py)
    assert f'<div data-wasmlit-app="app.py"></div>\n<script type="module" src="{bundle}"></script>' in page


def test_no_prerender_leaves_it_out(dist, tmp_path):
    app = write_app(tmp_path / "src", PLAIN)
    proc = run_build("--app", app, "--out", tmp_path / "site", "--no-prerender")
    assert proc.returncode == 0 and notes(proc.stderr) == [], proc.stderr
    assert OPENING not in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_wasmlit_build_takes_no_prerender(dist, tmp_path):
    app = write_app(tmp_path / "src", PLAIN)
    for extra, carries in (([], True), (["--no-prerender"], False)):
        out = tmp_path / f"site{len(extra)}"
        proc = subprocess.run([sys.executable, "-m", "wasmlit", "build", str(app), "-o", str(out), *extra],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        assert (OPENING in (out / "index.html").read_text("utf-8")) == carries


def test_no_prerender_does_not_go_with_dev():
    proc = run_build("--app", "examples/seed_counts.py", "--dev", "--no-prerender")
    assert proc.returncode == 2
    assert "--no-prerender needs --out, --single-file or --serve" in proc.stderr


def test_a_folder_app_runs_in_a_copy_of_what_the_site_ships(dist, tmp_path):
    folder = tmp_path / "proj"
    write_app(folder, "WORD = 'helpers'\n", "helpers.py")
    (folder / "data.txt").write_text("from data.txt")
    (folder / ".env").write_text("not shipped")
    write_app(folder / "src", '''
        import os, pathlib, streamlit as st, helpers
        pathlib.Path("written.txt").write_text("a side effect")
        st.write(helpers.WORD, open("data.txt").read(), os.path.exists(".env"))
        st.write(f"token={os.environ.get('WASMLIT_TEST_TOKEN')}")
    ''', "main.py")
    out = tmp_path / "site"
    proc = run_build("--app", folder, "--entry", "src/main.py", "--out", out,
                     env={"WASMLIT_TEST_TOKEN": "s3cret"})
    assert proc.returncode == 0 and notes(proc.stderr) == [], proc.stderr
    page = (out / "index.html").read_text("utf-8")
    assert 'data-wasmlit-files="files.json"></div>\n<script type="application/json" id="wasmlit-first-paint">' in page
    bodies = [c["props"]["body"] for c in first_paint_of(page)["changes"] if c["op"] == "set"]
    assert bodies == ["helpers from data.txt `False`", "token=None"]  # no user environment
    assert not (folder / "written.txt").exists() and not list(out.rglob("written.txt"))


def test_the_one_file_page_carries_it(dist, tmp_path):
    app = write_app(tmp_path / "src", PLAIN)
    page = tmp_path / "app.html"
    proc = run_build("--app", app, "--single-file", page)
    assert proc.returncode == 0, proc.stderr
    assert first_paint_of(page.read_text("utf-8"))["changes"][0]["kind"] == "heading"
    proc = run_build("--app", app, "--single-file", page, "--no-prerender")
    assert proc.returncode == 0, proc.stderr
    assert OPENING not in page.read_text("utf-8")


def test_served_sites_carry_it(dist, tmp_path):
    apps = {"plain": app_source.load(write_app(tmp_path / "src", PLAIN))}
    serve.fill_sites(tmp_path / "sites", apps)
    assert first_paint_of((tmp_path / "sites" / "plain" / "index.html").read_text("utf-8"))
    serve.fill_sites(tmp_path / "off", apps, prerender_first_run=False)
    assert OPENING not in (tmp_path / "off" / "plain" / "index.html").read_text("utf-8")


def test_a_first_paint_too_big_for_index_html_is_left_out(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(prerender, "MAX_BYTES", 100)
    app = app_source.load(write_app(tmp_path / "src", PLAIN))
    assert prerender.first_paint(app, "app.py") is None
    assert re.fullmatch(r"build.py: no first paint for .*app.py: it would add 0.0 MB to index.html "
                        r"\(at most 0.0001 MB\) \(it starts as before\)\n", capsys.readouterr().err)
