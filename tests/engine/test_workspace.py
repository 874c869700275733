"""Many apps in one interpreter: each sees its own folder, modules and secrets."""
from __future__ import annotations

import os
import sys
import textwrap

import pytest

from wasmlit import AppSession
from wasmlit.workspace import Workspace

APP = """
import streamlit as st
import app_words
st.write(f"helper: {app_words.NAME}")
st.write(f"data: {open('data.txt').read().strip()}")
"""


def texts(session):
    """The markdown bodies the session sent the page, in order (new and updated)."""
    return [c["props"]["body"] for c in session.host.flushed
            if c.get("op") in ("set", "update") and "body" in c.get("props", {})]


def make_app(tmp_path, name, secrets=None, app=APP):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "app_words.py").write_text(f"NAME = {name!r}\n")
    (folder / "data.txt").write_text(f"{name} data\n")
    session = AppSession(textwrap.dedent(app), "app.py", workspace=Workspace(str(folder), secrets))
    return session, folder


@pytest.fixture(autouse=True)
def restore_interpreter():
    cwd, path = os.getcwd(), list(sys.path)
    yield
    os.chdir(cwd)
    sys.path[:] = path
    sys.modules.pop("app_words", None)


def rerun(session):
    session.enqueue({"kind": "rerun"})
    session.run_pending()


def test_two_apps_import_their_own_module_of_the_same_name(tmp_path):
    one, _ = make_app(tmp_path, "one")
    two, _ = make_app(tmp_path, "two")
    rerun(one)
    rerun(two)
    rerun(one)
    assert "helper: one" in texts(one)[-2:] and "helper: two" in texts(two)
    assert "helper: two" not in texts(one)


def test_each_app_reads_files_from_its_own_folder(tmp_path):
    one, _ = make_app(tmp_path, "one")
    two, _ = make_app(tmp_path, "two")
    rerun(one)
    rerun(two)
    assert "data: one data" in texts(one) and "data: two data" in texts(two)


def test_an_apps_modules_and_folder_leave_the_interpreter_between_runs(tmp_path):
    one, folder = make_app(tmp_path, "one")
    rerun(one)
    assert "app_words" not in sys.modules
    assert str(folder) not in sys.path


def test_secrets_are_per_app(tmp_path):
    app = "import streamlit as st\nst.write(f\"token: {st.secrets['token']}\")\n"
    one, _ = make_app(tmp_path, "one", 'token = "alpha"\n', app=app)
    two, _ = make_app(tmp_path, "two", 'token = "beta"\n', app=app)
    rerun(one)
    rerun(two)
    assert texts(one) == ["token: alpha"] and texts(two) == ["token: beta"]


def test_forgetting_modules_imports_the_changed_file_afresh(tmp_path):
    one, folder = make_app(tmp_path, "one")
    rerun(one)
    (folder / "app_words.py").write_text("NAME = 'edited'\n")
    one.workspace.forget_modules()
    rerun(one)
    assert texts(one)[-1] == "helper: edited"


def test_an_exception_is_reported_to_the_page_as_a_script_error():
    session = AppSession("import streamlit as st\nst.write('before')\nraise ValueError('boom')\n")
    rerun(session)
    errors = [c for c in session.host.flushed if c.get("op") == "script_error"]
    assert errors == [{"op": "script_error", "type": "ValueError", "message": "boom"}]
