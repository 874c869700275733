"""wasmlit.testing.AppTest: Streamlit's AppTest API over wasmlit's engine (no browser)."""
from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wasmlit.testing import AppTest

ROOT = Path(__file__).resolve().parents[2]
ORACLE = Path("/opt/oracle/bin/python")


def test_seed_counts_matches_the_browser_recording():
    """Two clicks on the fragment's button then one on the app's: the texts the browser
    recording of Streamlit 1.50 shows after each step (a fragment click reruns only it)."""
    case = ROOT / "tests/conformance/seed2_counts"
    expected = [step["observe"]["stMarkdown"]
                for step in json.loads((case / "expected.json").read_text())]
    at = AppTest.from_file(case / "app.py").run()
    seen = [at.markdown.values]
    for label in ("Rerun fragment", "Rerun fragment", "Rerun full app", "Rerun fragment"):
        next(b for b in at.button if b.label == label).click().run()
        seen.append(at.markdown.values)
    assert seen == expected


def test_fragment_interaction_reruns_only_the_fragment():
    at = AppTest.from_string("""
        import streamlit as st
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        @st.fragment
        def part():
            v = st.text_input("inside")
            st.write(f"inside={v}")
        part()
        st.write(f"full runs={st.session_state.full}")
    """).run()
    at.text_input[0].input("x").run()
    assert at.markdown.values == ["inside=x", "full runs=1"]
    at.run()
    assert at.markdown.values == ["inside=x", "full runs=2"]


def test_advance_fires_run_every_timers_without_waiting():
    at = AppTest.from_string("""
        import streamlit as st
        st.session_state.setdefault("ticks", 0)
        @st.fragment(run_every=2)
        def clock():
            st.session_state.ticks += 1
            st.write(f"ticks={st.session_state.ticks}")
        clock()
    """, default_timeout=5).run()
    assert at.markdown.values == ["ticks=1"]
    at.advance(1.5)
    assert at.markdown.values == ["ticks=1"]
    at.advance(0.5)
    assert at.markdown.values == ["ticks=2"]
    at.advance(10)
    assert at.markdown.values == ["ticks=7"]


def test_a_full_run_restarts_the_timers_as_the_page_does():
    at = AppTest.from_string("""
        import streamlit as st
        st.session_state.setdefault("ticks", 0)
        @st.fragment(run_every=3)
        def clock():
            st.session_state.ticks += 1
        clock()
        st.button("again")
        st.write(f"ticks={st.session_state.ticks}")
    """).run()
    at.advance(2)
    at.button[0].click().run()   # ticks=2 (the full run calls the fragment)
    at.advance(2)                # 4 s since start but only 2 since the restart
    at.run()
    assert at.markdown.values == ["ticks=3"]


def test_form_values_wait_for_the_submit_button():
    at = AppTest.from_string("""
        import streamlit as st
        with st.form("f"):
            name = st.text_input("Name")
            st.form_submit_button("Save")
        st.write(f"name={name!r}")
    """).run()
    at.text_input[0].input("Ada").run()
    assert at.markdown.values == ["name=''"]
    at.button[0].click().run()
    assert at.markdown.values == ["name='Ada'"]
    assert at.button[0].key == "FormSubmitter:f-Save"


def test_clear_on_submit_shows_defaults_and_sends_them_next_submit():
    """As the page: the field shows its default after a submit; the script keeps the
    submitted value until the next submit sends the default."""
    at = AppTest.from_string("""
        import streamlit as st
        with st.form("f", clear_on_submit=True):
            name = st.text_input("Name")
            st.form_submit_button("Save")
        st.write(f"name={name!r}")
    """).run()
    at.text_input[0].input("Ada")
    at.button[0].click().run()
    assert at.markdown.values == ["name='Ada'"] and at.text_input[0].value == ""
    at.run()
    assert at.markdown.values == ["name='Ada'"]
    at.button[0].click().run()
    assert at.markdown.values == ["name=''"]


def test_button_value_is_true_only_in_the_run_it_caused():
    at = AppTest.from_string("""
        import streamlit as st
        st.write(f"{st.button('b')}")
    """).run()
    assert at.button[0].value is False
    at.button[0].click().run()
    assert at.button[0].value is True and at.markdown.values == ["True"]
    at.run()
    assert at.button[0].value is False and at.markdown.values == ["False"]


def test_query_params_and_secrets():
    at = AppTest.from_string("""
        import streamlit as st
        st.write(st.query_params.get("page", "none"))
        st.write(st.secrets["token"])
        if st.button("go"):
            st.query_params["page"] = "two"
    """)
    at.query_params["page"] = "one"
    at.secrets["token"] = "s3"
    at.run()
    assert at.markdown.values == ["one", "s3"]
    at.button[0].click().run()
    assert at.query_params == {"page": ["two"]}


def test_elements_and_containers():
    at = AppTest.from_string("""
        import streamlit as st
        st.title("T"); st.header("H"); st.subheader("S"); st.caption("C")
        st.code("x = 1"); st.text("plain"); st.json({"a": 1})
        st.error("e"); st.warning("w"); st.info("i"); st.success("ok")
        st.sidebar.button("side")
        a, b = st.columns(2)
        a.write("left"); b.write("right")
        t1, t2 = st.tabs(["One", "Two"])
        t2.write("in two")
        with st.expander("More"):
            st.write("hidden")
        st.toast("hello")
    """).run()
    assert [at.title[0].value, at.header[0].value, at.subheader[0].value] == ["T", "H", "S"]
    assert at.caption[0].value == "C" and at.code[0].value == "x = 1"
    assert at.text[0].value == "plain" and json.loads(at.json[0].value) == {"a": 1}
    assert [at.error[0].value, at.warning[0].value, at.info[0].value,
            at.success[0].value] == ["e", "w", "i", "ok"]
    assert at.sidebar.button[0].label == "side" and len(at.main.button) == 0
    assert [c.markdown[0].value for c in at.columns] == ["left", "right"]
    assert [t.label for t in at.tabs] == ["One", "Two"] and at.tabs[1].markdown[0].value == "in two"
    assert at.expander[0].label == "More" and at.expander[0].markdown[0].value == "hidden"
    assert at.get("title")[0].value == "T"
    assert at.toast[0].value == "hello"


def test_pickers_chat_and_button_groups():
    at = AppTest.from_string("""
        import datetime
        import streamlit as st
        d = st.date_input("Day", datetime.date(2024, 1, 1))
        t = st.time_input("At", datetime.time(9, 0))
        c = st.color_picker("Color", "#000000")
        n = st.number_input("Count", 0, 5, 5)
        p = st.pills("Pick", ["a", "b"])
        msg = st.chat_input("Say")
        st.write(f"{d}|{t}|{c}|{n}|{p}|{msg}")
    """).run()
    at.date_input[0].set_value(datetime.date(2024, 2, 3))
    at.time_input[0].increment()
    at.color_picker[0].pick("#ff0000")
    at.number_input[0].increment()     # already at max: stays 5
    at.button_group[0].select("b")
    at.chat_input[0].set_value("hi")
    at.run()
    assert at.markdown[0].value == "2024-02-03|09:15:00|#ff0000|5|b|hi"
    assert at.chat_input[0].value == "hi"
    at.run()
    assert at.markdown[0].value == "2024-02-03|09:15:00|#ff0000|5|b|None"


def test_timeout_raises():
    at = AppTest.from_string("""
        import time
        time.sleep(2)
    """)
    with pytest.raises(RuntimeError, match="timed out"):
        at.run(timeout=0.2)


def test_key_lookup_missing_raises_key_error():
    at = AppTest.from_string("import streamlit as st\nst.checkbox('c', key='k')").run()
    assert at.checkbox(key="k").value is False
    with pytest.raises(KeyError):
        at.checkbox(key="nope")


@pytest.mark.skipif(not ORACLE.exists(), reason="needs Streamlit 1.50 at /opt/oracle")
def test_docs_examples_pass_under_streamlit_too(tmp_path):
    """The same tests, with only the import changed, pass under real Streamlit 1.50."""
    for src in (Path(__file__).parent / "apptest_docs").glob("*.py"):
        text = src.read_text().replace("from wasmlit.testing import AppTest",
                                       "from streamlit.testing.v1 import AppTest")
        (tmp_path / src.name).write_text(text)
    runner = ("import importlib, sys\nsys.path.insert(0, '.')\n"
              "m = importlib.import_module('test_docs_examples')\nfailed = []\n"
              "for n in sorted(x for x in dir(m) if x.startswith('test_')):\n"
              "    try: getattr(m, n)()\n"
              "    except Exception as e: failed.append(f'{n}: {e!r}')\n"
              "print('FAILED', failed)\n")
    env = dict(os.environ, PYTHONPATH="")
    out = subprocess.run([str(ORACLE), "-c", runner], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300, env=env)
    assert "FAILED []" in out.stdout, out.stdout + out.stderr[-2000:]


def test_plugin_finds_the_app_from_marker_module_variable_or_option(tmp_path):
    import types

    from wasmlit.testing import pytest_plugin

    class Config:
        rootpath = tmp_path

        def __init__(self, option=None, ini=""):
            self.option, self.ini = option, ini

        def getoption(self, name, default=None):
            return self.option

        def getini(self, name):
            return self.ini

    def request(module_vars, config):
        module = types.SimpleNamespace(__file__=str(tmp_path / "t" / "test_x.py"), **module_vars)
        return types.SimpleNamespace(module=module, config=config)

    mark = types.SimpleNamespace(name="wasmlit_app", args=("marked.py",))
    assert pytest_plugin._app_path(request({"pytestmark": [mark], "wasmlit_app": "var.py"},
                                           Config())) == tmp_path / "t" / "marked.py"
    assert pytest_plugin._app_path(request({"wasmlit_app": "var.py"}, Config("opt.py"))) \
        == tmp_path / "t" / "var.py"
    assert pytest_plugin._app_path(request({}, Config(str(tmp_path / "opt.py"), "ini.py"))) \
        == tmp_path / "opt.py"
    assert pytest_plugin._app_path(request({}, Config(None, "ini.py"))) == tmp_path / "ini.py"
    assert pytest_plugin._checkout(Config(), tmp_path / "a.py") == ROOT
