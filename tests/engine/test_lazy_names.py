"""Families imported on first use (wasmlit.lazy_names): the name tables are complete and exact,
every name still resolves (as `st.<name>`, `<container>.<name>` and through `from streamlit
import *`), and `import streamlit` no longer imports the heavy modules.

Each laziness check runs in a fresh interpreter: in this one the other tests have imported
every family already.
"""
from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import wasmlit
from wasmlit import lazy_names
from wasmlit.registry import COMMANDS

PACKAGE = Path(wasmlit.__file__).resolve().parent
# Modules only some apps need: `import streamlit` must not import them.
HEAVY = ["wasmlit.elements.charts", "wasmlit.elements.data", "wasmlit.elements.dataframes",
         "wasmlit.elements.figures", "wasmlit.elements.text", "wasmlit.elements.layout",
         "wasmlit.elements.page", "wasmlit.elements.deck", "wasmlit.elements.graphviz",
         "wasmlit.elements.pdf", "wasmlit.elements.bokeh", "wasmlit.widgets.buttons",
         "wasmlit.widgets.inputs", "wasmlit.widgets.sliders", "wasmlit.widgets.pickers",
         "wasmlit.widgets.data_editor", "wasmlit.widgets.data_editor_table",
         "wasmlit.widgets.files", "wasmlit.widgets.chat", "wasmlit.caching",
         "wasmlit.caching.api", "wasmlit.components", "wasmlit.connections",
         "wasmlit.column_config", "wasmlit.dialogs"]


def fresh(code: str) -> dict:
    """Run `code` in a new interpreter; it prints one JSON value, returned here."""
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def registering_modules() -> set[str]:
    """Every wasmlit module whose source registers a command (`@command`)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "testing" in path.relative_to(PACKAGE).parts:
            continue
        if re.search(r"^@command\b", path.read_text("utf-8"), re.M):
            parts = path.relative_to(PACKAGE).with_suffix("").parts
            found.add(".".join(("wasmlit",) + parts))
    return found


def test_the_command_table_names_each_registered_command_with_its_module():
    assert set(lazy_names.COMMAND_MODULES.values()) == registering_modules()
    for module in registering_modules():
        importlib.import_module(module)
    registered = {name: func.__module__ for name, func in dict.items(COMMANDS)}
    assert registered == lazy_names.COMMAND_MODULES


def test_the_attribute_table_gives_the_same_objects_as_the_modules():
    import wasmlit.caching
    import wasmlit.column_config
    import wasmlit.components.v1
    import wasmlit.connections.factory
    import wasmlit.dialogs
    import wasmlit.runtime
    assert wasmlit.cache_data is wasmlit.caching.cache_data
    assert wasmlit.cache_resource is wasmlit.caching.cache_resource
    assert wasmlit.cache is wasmlit.caching.cache
    assert wasmlit.column_config is sys.modules["wasmlit.column_config"]
    assert wasmlit.components is sys.modules["wasmlit.components"]
    assert wasmlit.components.v1 is sys.modules["wasmlit.components.v1"]
    assert wasmlit.connections is sys.modules["wasmlit.connections"]
    assert wasmlit.connection is wasmlit.connections.factory.connection_factory
    assert wasmlit.dialog is wasmlit.dialogs.dialog
    assert wasmlit.runtime is sys.modules["wasmlit.runtime"]


def test_lazy_names_are_exported_and_listed_but_not_shadowed_by_their_modules():
    names = set(lazy_names.COMMAND_MODULES) | set(lazy_names.ATTRIBUTE_SOURCES)
    assert names <= set(wasmlit.__all__)
    assert names <= set(dir(wasmlit))
    # `navigation` and `echo` are functions, though modules of the same names exist.
    assert callable(wasmlit.navigation) and callable(wasmlit.echo)


def test_importing_streamlit_imports_none_of_the_heavy_modules():
    loaded = fresh("""
        import json, sys
        import wasmlit.alias, wasmlit  # as `import streamlit` in an app
        print(json.dumps(sorted(sys.modules)))
    """)
    assert not set(HEAVY) & set(loaded)
    # The engine's own: the run loop ends a run with logo and exception handling, and
    # navigation (logo shows images as st.image does).
    engine = {"wasmlit.elements.logo", "wasmlit.elements.media", "wasmlit.elements.status",
              "wasmlit.navigation"}
    assert not (set(lazy_names.COMMAND_MODULES.values()) - engine) & set(loaded)


def test_a_first_run_imports_only_the_families_it_uses():
    loaded = fresh("""
        import json, sys
        from wasmlit import AppSession
        session = AppSession("import streamlit as st\\nst.write('Hello world')\\n", "app.py")
        session.enqueue({"kind": "rerun"})
        session.run_pending()
        body = [n.props.get("body") for n in session.tree.roots["main"].walk() if n.kind == "markdown"]
        print(json.dumps({"modules": sorted(sys.modules), "body": body}))
    """)
    assert loaded["body"] == ["Hello world"]
    assert "wasmlit.elements.text" in loaded["modules"]
    assert not (set(HEAVY) - {"wasmlit.elements.text"}) & set(loaded["modules"])


def test_every_name_resolves_on_first_use_in_a_fresh_interpreter():
    found = fresh(f"""
        import json
        from wasmlit import AppSession
        names = {sorted(lazy_names.COMMAND_MODULES)!r}
        others = {sorted(lazy_names.ATTRIBUTE_SOURCES)!r}
        app = '''
        import streamlit as st
        col, = st.columns(1)
        st.session_state.on_st = [n for n in NAMES if callable(getattr(st, n, None))]
        st.session_state.on_sidebar = [n for n in NAMES if callable(getattr(st.sidebar, n, None))]
        st.session_state.on_column = [n for n in NAMES if callable(getattr(col, n, None))]
        st.session_state.others = [n for n in OTHERS if hasattr(st, n)]
        st.sidebar.button("In the sidebar")
        col.metric("Metric", 3)
        with col:
            st.line_chart({{"a": [1, 2]}})
        '''.replace("NAMES", repr(names)).replace("OTHERS", repr(others))
        import textwrap
        session = AppSession(textwrap.dedent(app), "app.py")
        session.enqueue({{"kind": "rerun"}})
        session.run_pending()
        kinds = sorted(n.kind for root in session.tree.roots.values() for n in root.walk())
        state = session.state
        print(json.dumps({{"st": state["on_st"], "sidebar": state["on_sidebar"],
                          "column": state["on_column"], "others": state["others"],
                          "kinds": kinds}}))
    """)
    names = sorted(lazy_names.COMMAND_MODULES)
    assert found["st"] == names
    assert found["sidebar"] == names
    assert found["column"] == names
    assert found["others"] == sorted(lazy_names.ATTRIBUTE_SOURCES)
    assert "button" in found["kinds"] and "metric" in found["kinds"]
    assert "exception" not in found["kinds"]


def test_star_import_in_a_fresh_interpreter_gives_every_name():
    found = fresh(f"""
        import json
        namespace = {{}}
        exec("from wasmlit import *", namespace)
        print(json.dumps(sorted(n for n in namespace if not n.startswith("__"))))
    """)
    expected = set(lazy_names.COMMAND_MODULES) | set(lazy_names.ATTRIBUTE_SOURCES)
    assert expected <= set(found)
    assert set(found) == set(wasmlit.__all__)


def test_the_registry_answers_in_and_get_before_the_family_is_imported():
    found = fresh("""
        import json, sys
        import wasmlit
        from wasmlit.registry import COMMANDS
        before = "wasmlit.elements.data" in sys.modules
        has = "dataframe" in COMMANDS
        got = COMMANDS.get("dataframe") is not None
        print(json.dumps([before, has, got, "wasmlit.elements.data" in sys.modules,
                          "nope" in COMMANDS, COMMANDS.get("nope")]))
    """)
    assert found == [False, True, True, True, False, None]
