"""build.py's shipping options beyond a plain site: an app's requirements.txt turned into
wheels the site ships, the dev server's arguments, and what a one-file page carries."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import build  # noqa: E402
from buildlib.checkout import PYODIDE_NPM  # noqa: E402
from buildlib.serve import collect_apps, site_name  # noqa: E402
from buildlib.single_file import chart_libraries  # noqa: E402
from buildlib import requirements  # noqa: E402

APP = "import streamlit as st\nst.write('hi')\n"


def run_build(*args, timeout=600):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def dist():
    proc = run_build()
    assert proc.returncode == 0, proc.stderr


def test_requirements_become_wheels_in_the_site_with_their_dependencies(dist, tmp_path):
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "requirements.txt").write_text("# slugs\npython-slugify==8.0.4\n")
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((tmp_path / "site" / "wheels" / "requirements.json").read_text())
    assert manifest["requirements"] == ["python-slugify==8.0.4"]
    assert sorted(name.split("-")[0] for name in manifest["wheels"]) == ["python_slugify", "text_unidecode"]
    for name in manifest["wheels"]:
        assert name.endswith("-none-any.whl") and (tmp_path / "site" / "wheels" / name).is_file()
    assert 'data-wasmlit-requirements="wheels/requirements.json"' in (tmp_path / "site" / "index.html").read_text()


def test_a_requirement_without_a_wheel_for_the_browser_exits_2_and_writes_nothing(dist, tmp_path):
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "requirements.txt").write_text("no-such-package-wasmlit-test==1.0\n")
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 2
    assert "requirements.txt:1: cannot ship no-such-package-wasmlit-test==1.0 in the browser" in proc.stderr
    assert not (tmp_path / "site").exists()


def test_an_app_without_requirements_gets_no_wheels(dist, tmp_path):
    (tmp_path / "app.py").write_text(APP)
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "site" / "wheels").exists()
    assert "data-wasmlit-requirements" not in (tmp_path / "site" / "index.html").read_text()


def test_requirements_lines_drop_comments_and_blanks(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text("\ufeffa==1  # pinned\n\n# only a comment\nb>=2\n")
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())
    assert [str(r) for r in requirements.read_requirements(path, lock).requirements] == ["a==1", "b>=2"]


@pytest.mark.parametrize("args", [["--dev"], ["--app", "x.py", "--dev", "--out", "o"],
                                  ["--port", "9000"]])
def test_dev_and_port_are_checked(args):
    with pytest.raises(SystemExit) as exit_info:
        build.parse_args(args)
    assert exit_info.value.code == 2


def test_dev_takes_an_app_and_a_port():
    args = build.parse_args(["--app", "x.py", "--dev", "--port", "0"])
    assert args.dev and args.port == 0 and args.app == Path("x.py")


@pytest.mark.parametrize("code, carried", [
    ("st.write(1)", []),
    ("st.line_chart(data)", ["vega.js"]),
    ("st.map(points)", ["vega.js"]),
    ("st.plotly_chart(fig)\nst.bar_chart(d)", ["vega.js", "plotly.js"]),
])
def test_a_one_file_page_carries_only_the_chart_libraries_its_app_uses(tmp_path, code, carried):
    (tmp_path / "app.py").write_text("import streamlit as st\n" + code + "\n")
    assert chart_libraries(tmp_path) == carried


def test_serve_takes_a_folder_app_as_one_app_and_scans_other_folders(tmp_path):
    (tmp_path / "single.py").write_text(APP)
    folder_app = tmp_path / "multi"
    folder_app.mkdir()
    (folder_app / "app.py").write_text(APP)
    (folder_app / "helpers.py").write_text("X = 1\n")
    (tmp_path / "notes").mkdir()  # no entry file: not an app
    assert collect_apps([folder_app]) == [folder_app]
    assert collect_apps([tmp_path]) == [tmp_path / "single.py", folder_app]
    assert [site_name(a) for a in collect_apps([tmp_path])] == ["single", "multi"]
