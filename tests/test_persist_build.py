"""`--persist DIR` (files that last, issue 21): build.py and `wasmlit build` / `wasmlit run`
take a folder relative to the app's working directory; an empty, absolute or escaping one
exits 2 with a message naming the problem, before anything is written. A site's index.html
names the folder (data-wasmlit-persist), which the page keeps in IndexedDB."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "runtime"))
import build  # noqa: E402
from buildlib.commands import checked_persist_dir  # noqa: E402
from buildlib.site import index_html  # noqa: E402
from wasmlit import cli  # noqa: E402

BAD = [  # (DIR, what the message says)
    ("", "needs a folder name"),
    ("   ", "needs a folder name"),
    ("/data", "not an absolute path"),
    ("/", "not an absolute path"),
    ("C:/data", "not an absolute path"),
    ("data\\sub", "with / between names"),
    ("..", "must not leave"),
    ("../data", "must not leave"),
    ("data/../../x", "must not leave"),
    (".", "working directory itself"),
    ("./", "working directory itself"),
    ("data\nx", "control character"),
]


@pytest.mark.parametrize("folder, problem", BAD)
def test_bad_folders_are_refused_with_the_reason(folder, problem):
    with pytest.raises(ValueError, match=problem):
        checked_persist_dir(folder)


@pytest.mark.parametrize("folder, plain", [("data", "data"), ("./data/", "data"), ("a//b/./c", "a/b/c"),
                                           ("my data", "my data"), ("c:d", "c:d")])
def test_good_folders_are_made_plain(folder, plain):
    assert checked_persist_dir(folder) == plain


def run_build_py(tmp_path, *args):
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\nst.write('hi')\n")
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("folder, problem", [("/abs", "not an absolute path"), ("../up", "must not leave"),
                                             ("", "needs a folder name")])
def test_build_py_exits_2_and_writes_nothing(tmp_path, folder, problem):
    for output in (["--out", tmp_path / "site"], ["--single-file", tmp_path / "one.html"]):
        result = run_build_py(tmp_path, *output, "--persist", folder)
        assert result.returncode == 2, result.stderr
        assert "--persist" in result.stderr and problem in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]  # nothing written


def test_build_py_takes_persist_with_app_only(capsys):
    assert build.parse_args(["--app", "a.py", "--out", "o", "--persist", "./data/"]).persist == "data"
    assert build.parse_args(["--app", "a.py", "--single-file", "o.html", "--persist", "d"]).persist == "d"
    assert build.parse_args(["--app", "a.py", "--dev", "--persist", "d"]).persist == "d"
    assert build.parse_args(["--app", "a.py", "--out", "o"]).persist is None
    with pytest.raises(SystemExit) as exit_info:
        build.parse_args(["--serve", "--persist", "data"])
    assert exit_info.value.code == 2
    assert "--persist needs --app" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["build", "app.py", "--persist", "/abs"],
    ["build", "app.py", "--single-file", "a.html", "--persist", "../x"],
    ["build", "app.py", "--persist", ""],
    ["run", "app.py", "--persist", "/abs"],
])
def test_wasmlit_command_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.parse_args(argv)
    assert exit_info.value.code == 2
    assert "--persist" in capsys.readouterr().err


def test_wasmlit_command_takes_persist():
    assert cli.parse_args(["build", "app.py", "--persist", "data/"]).persist == "data"
    assert cli.parse_args(["run", "app.py", "--persist", "data"]).persist == "data"
    assert cli.parse_args(["build", "app.py"]).persist is None


def test_index_html_names_the_folder_escaped():
    page = index_html("t", persist='say "hi" <b>')
    assert 'data-wasmlit-persist="say &quot;hi&quot; &lt;b&gt;"' in page
    assert "data-wasmlit-persist" not in index_html("t")


def test_a_folder_that_is_a_file_the_app_ships_exits_2(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "app.py").write_text("import streamlit as st\n")
    (tmp_path / "app" / "notes.txt").write_text("x")
    for folder in ("notes.txt", "notes.txt/inner"):
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(tmp_path / "app"),
                                 "--out", str(tmp_path / "site"), "--persist", folder],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 2, result.stderr
        assert "the app ships a file notes.txt" in result.stderr
        assert not (tmp_path / "site").exists()
