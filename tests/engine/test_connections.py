"""st.connection and st.connections as in Streamlit 1.50: custom BaseConnection subclasses,
the type from `type`, the name or secrets.toml, caching with st.cache_resource by name and
kwargs, SQLConnection on SQLite (SQLAlchemy on the host; Pyodide ships it in the browser),
and Streamlit's errors, completed with why a page cannot reach Snowflake or a DB server.
The error texts were compared with 1.50 run bare (python -c) on 2026-12-03."""
from __future__ import annotations

import pytest

import wasmlit as st
from helpers import App, markdown_and_errors

SECRETS = '''
[connections.mine]
greeting = "hello"

[connections.local]
type = "sql"
url = "sqlite://"

[connections.by_path]
type = "streamlit.connections.SQLConnection"
url = "sqlite://"
'''

CUSTOM = '''
import streamlit as st
from streamlit.connections import BaseConnection

class Greeter(BaseConnection[dict]):
    def _connect(self, **kwargs):
        st.session_state.connects = st.session_state.get("connects", 0) + 1
        return {"greeting": self._secrets.get("greeting", "none"), **kwargs}

    def greet(self):
        return f"{self._instance['greeting']} from {self._connection_name}"

'''


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_resource.clear()
    st.cache_data.clear()
    st.secrets.load_text(SECRETS)
    yield
    st.secrets.load_text(None)
    st.cache_resource.clear()
    st.cache_data.clear()


def test_custom_connection_is_made_once_and_reads_its_secrets():
    app = App(CUSTOM + '''
a = st.connection("mine", type=Greeter)
b = st.connection("mine", type=Greeter)
other = st.connection("mine", type=Greeter, extra=1)
st.write(f"{a.greet()} | same: {a is b} | other: {a is other} | {other._instance}")
st.write(f"connects: {st.session_state.connects}")
''')
    assert app.texts() == ["hello from mine | same: True | other: False | "
                           "{'greeting': 'hello', 'extra': 1}", "connects: 2"]
    app.rerun()  # cache_resource keeps both connections across runs
    assert app.texts()[1] == "connects: 2"


def test_reset_makes_the_raw_connection_again_and_the_hint_names_instance():
    app = App(CUSTOM + '''
conn = st.connection("nameless", type=Greeter)
conn.reset()
st.write(f"{conn.greet()} / connects: {st.session_state.connects}")
try:
    conn.keys
except AttributeError as e:
    st.write(str(e))
try:
    conn.nothing_here
except AttributeError as e:
    st.write(str(e))
''')
    assert app.texts() == ["none from nameless / connects: 2",
                           "`keys` doesn't exist here, but you can call `._instance.keys` instead",
                           "'Greeter' object has no attribute 'nothing_here'"]


def test_clearing_cache_resource_remakes_connections():
    app = App(CUSTOM + '''
st.connection("mine", type=Greeter)
if st.button("Clear"):
    st.cache_resource.clear()
    st.connection("mine", type=Greeter)
st.write(f"connects: {st.session_state.connects}")
''')
    assert app.texts()[-1] == "connects: 1"
    app.click("Clear")
    assert app.texts()[-1] == "connects: 2"


def test_sql_connection_on_sqlite_from_secrets_and_kwargs():
    pytest.importorskip("sqlalchemy")
    app = App('''
import streamlit as st
from sqlalchemy import text
conn = st.connection("local")
st.write(type(conn).__name__, conn.driver)
with conn.session as s:
    s.execute(text("create table pets (name text, age int)"))
    s.execute(text("insert into pets values ('Rex', 3), ('Tom', 5)"))
    s.commit()
df = conn.query("select name, age from pets where age > :age order by name", params={"age": 1})
st.write(f"{list(df['name'])} {list(df['age'])}")
by_path = st.connection("by_path")
kw = st.connection("kw", type="sql", url="sqlite://")
st.write(f"{type(by_path).__name__} {type(kw).__name__} {st.connection('local') is conn}")
''')
    assert markdown_and_errors(app.session) == ["SQLConnection pysqlite", "['Rex', 'Tom'] [3, 5]",
                                                "SQLConnection SQLConnection True"]


def test_sql_query_is_cached_by_text_and_arguments():
    pytest.importorskip("sqlalchemy")
    app = App('''
import streamlit as st
from sqlalchemy import text
conn = st.connection("local")
if "made" not in st.session_state:
    with conn.session as s:
        s.execute(text("create table t (v int)"))
        s.execute(text("insert into t values (1)"))
        s.commit()
    st.session_state.made = True
first = conn.query("select count(*) as n from t", ttl=60)
with conn.session as s:
    s.execute(text("insert into t values (2)"))
    s.commit()
again = conn.query("select count(*) as n from t", ttl=60)
fresh = conn.query("select count(*) as n from t where 1 = 1", ttl=60)
st.write(f"{first['n'][0]} {again['n'][0]} {fresh['n'][0]}")
''')
    assert app.texts() == ["1 1 2"]


ERRORS = [
    ('st.connection("unknown_name")', "KeyError",
     'st.secrets has no key "unknown_name".'),
    ('st.connection("x", type="nope")', "StreamlitAPIException",
     "Invalid connection 'nope'. Supported connection classes: {'snowflake': <class "
     "'streamlit.connections.snowflake_connection.SnowflakeConnection'>, 'snowpark': <class "
     "'streamlit.connections.snowpark_connection.SnowparkConnection'>, 'sql': <class "
     "'streamlit.connections.sql_connection.SQLConnection'>}"),
    ('st.connection("x", type=int)', "StreamlitAPIException",
     "<class 'int'> is not a subclass of BaseConnection!"),
    ('st.connection("snowflake")', "ModuleNotFoundError",
     "No module named 'snowflake'. You need to install the 'snowflake-connector-python' package "
     "to use this connection. A page running in the browser cannot reach Snowflake"),
    ('st.connection("sql")', "StreamlitAPIException",
     "Missing SQL DB connection configuration. Did you forget to set this in `secrets.toml` or "
     "as kwargs to `st.connection`?"),
    ('st.connection("x", type="sql", dialect="postgresql", username="u")', "StreamlitAPIException",
     "Missing SQL DB connection param: host"),
]


@pytest.mark.parametrize("call, kind, text", ERRORS)
def test_errors_as_streamlit_shows_them(call, kind, text):
    if "sql" in call:
        pytest.importorskip("sqlalchemy")
    app = App(f'''
import streamlit as st
try:
    {call}
except Exception as e:
    st.write(f"{{type(e).__name__}}: {{e}}")
st.write("still running")
''')
    shown = app.texts()
    assert shown[0].startswith(f"{kind}: ") and text in shown[0], shown
    assert shown[-1] == "still running"


def test_no_secrets_file_raises_streamlits_error():
    st.secrets.load_text(None)
    app = App('''
import streamlit as st
try:
    st.connection("foo")
except Exception as e:
    st.write(type(e).__name__)
''')
    assert app.texts() == ["StreamlitSecretNotFoundError"]


def test_connections_module_names():
    import wasmlit.connections as connections
    assert connections.ExperimentalBaseConnection is connections.BaseConnection
    assert sorted(connections.__all__) == ["BaseConnection", "ExperimentalBaseConnection",
                                           "SQLConnection", "SnowflakeConnection", "SnowparkConnection"]
    assert st.connections is connections


def test_the_pages_longer_missing_module_message_still_names_the_package():
    app = App('''
import streamlit as st
from streamlit.connections import BaseConnection

class NeedsSqlalchemy(BaseConnection):
    def _connect(self, **kwargs):
        raise ModuleNotFoundError("No module named 'sqlalchemy': the package sqlalchemy could "
                                  "not be loaded (the page's Content-Security-Policy may not allow it)")

try:
    st.connection("x", type=NeedsSqlalchemy)
except ModuleNotFoundError as e:
    st.write(str(e).split(". ")[-1])
''')
    assert app.texts() == ["You need to install the 'sqlalchemy' package to use this connection."]


def test_a_database_server_driver_is_explained_as_out_of_reach():
    app = App('''
import streamlit as st
from streamlit.connections import BaseConnection

class Direct(BaseConnection):
    def _connect(self, **kwargs):
        raise ModuleNotFoundError("No module named 'psycopg2'")

try:
    st.connection("x", type=Direct)
except ModuleNotFoundError as e:
    st.write(str(e))
''')
    assert app.texts() == [
        "No module named 'psycopg2'. You need to install the 'psycopg2-binary' package to use this "
        "connection. A page running in the browser cannot reach a database server; SQLite "
        "databases (a file the app ships, or sqlite:// in memory) work."]
