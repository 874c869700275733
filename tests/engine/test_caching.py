"""st.cache_data and st.cache_resource as in Streamlit 1.50: decorator forms, argument
hashing, ttl / max_entries, spinners, clearing, copies vs shared objects, error texts, and
elements replayed on a cache hit."""
from __future__ import annotations

import pytest

import wasmlit as st
from wasmlit.caching import storage
from helpers import App


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(storage, "clock", lambda: now[0])
    return now


COUNTER = '''
import streamlit as st
if "calls" not in st.session_state:
    st.session_state.calls = []
def seen(*what):
    st.session_state.calls.append(what)
'''


def calls(app):
    return app.session.state_proxy["calls"]


def run(source: str) -> App:
    return App(COUNTER + source)


# --- decorator forms and hits -------------------------------------------------------------
@pytest.mark.parametrize("decorator", ["@st.cache_data", "@st.cache_data()",
                                       "@st.cache_data(ttl=60, max_entries=5)",
                                       "@st.cache_resource", "@st.cache_resource()"])
def test_decorator_with_or_without_parentheses_runs_once_per_arguments(decorator):
    app = run(f'''
{decorator}
def double(x):
    seen("double", x)
    return x * 2
st.write(f"{{double(2)}} {{double(2)}} {{double(3)}} {{double.__name__}}")
''')
    app.rerun()
    assert app.texts() == ["4 4 6 double"]
    assert calls(app) == [("double", 2), ("double", 3)]


def test_positional_and_keyword_arguments_share_a_value():
    app = run('''
@st.cache_data
def f(a, b=0):
    seen(a, b)
    return a + b
f(1, 2); f(1, b=2); f(a=1, b=2); f(1)
''')
    assert calls(app) == [(1, 2), (1, 0)]


def test_underscore_parameters_are_not_hashed():
    app = run('''
@st.cache_data
def f(x, _conn):
    seen(x)
    return x
f(1, object()); f(1, object()); f(2, lambda: 0)
''')
    assert calls(app) == [(1,), (2,)]


def test_unhashable_builtins_are_hashed_by_value():
    app = run('''
@st.cache_data
def f(items, options):
    seen(len(items))
    return 1
f([1, 2], {"a": [1]}); f([1, 2], {"a": [1]}); f([1, 2, 3], {"a": [1]}); f((1, 2), {"a": [1]})
''')
    assert calls(app) == [(2,), (3,), (2,)]


def test_equal_values_of_different_types_are_different_keys():
    app = run('''
@st.cache_data
def f(x):
    seen(repr(x))
f(1); f(True); f(1.0); f("1")
''')
    assert calls(app) == [("1",), ("True",), ("1.0",), ("'1'",)]


def test_unhashable_argument_raises_streamlit_text():
    app = run('''
class Thing:
    pass
@st.cache_resource
def make_lock(obj):
    return 1
make_lock(Thing())
''')
    [shown] = app.exceptions()
    assert shown["type"] == "streamlit.runtime.caching.cache_errors.UnhashableParamError"
    assert shown["markdown"] is True
    assert shown["message"] == (
        "Cannot hash argument 'obj' (of type `__main__.Thing`) in 'make_lock'.\n\n"
        "To address this, you can tell Streamlit not to hash this argument by adding a\n"
        "leading underscore to the argument's name in the function signature:\n\n"
        "```\n@st.cache_resource\ndef make_lock(_obj, ...):\n    ...\n```")


def test_hash_funcs_by_type_or_by_name():
    app = run('''
class Point:
    def __init__(self, x):
        self.x = x
@st.cache_data(hash_funcs={Point: lambda p: p.x})
def by_type(p):
    seen("type", p.x)
@st.cache_data(hash_funcs={"__main__.Point": lambda p: p.x % 2})
def by_name(p):
    seen("name", p.x)
by_type(Point(1)); by_type(Point(1)); by_type(Point(2))
by_name(Point(1)); by_name(Point(3))
''')
    assert calls(app) == [("type", 1), ("type", 2), ("name", 1)]


def test_failing_hash_func_raises_user_hash_error():
    app = run('''
class Point:
    pass
def broken(p):
    raise ValueError("no way")
@st.cache_data(hash_funcs={Point: broken})
def f(p):
    return 1
try:
    f(Point())
except Exception as e:
    st.write(type(e).__name__ + " / " + e.alternate_name)
    st.write(str(e).splitlines()[0])
    st.write(str(e).splitlines()[2])
''')
    assert app.texts() == ["UserHashError / ValueError", "no way",
                           "This error is likely due to a bug in `broken()`, which is a"]


# --- ttl and max_entries ------------------------------------------------------------------
@pytest.mark.parametrize("ttl", ["10", "timedelta(seconds=10)", '"10s"', '"0.1m 4s"'])
def test_ttl_expires_entries(ttl, clock):
    app = run(f'''
from datetime import timedelta
@st.cache_data(ttl={ttl})
def f():
    seen("f")
f()
''')
    clock[0] += 9.9
    app.rerun()
    assert len(calls(app)) == 1
    clock[0] += 0.2
    app.rerun()
    assert len(calls(app)) == 2


def test_resource_ttl_string_like_1h(clock):
    app = run('''
@st.cache_resource(ttl="1h")
def f():
    seen("f")
f()
''')
    clock[0] += 3599
    app.rerun()
    clock[0] += 2
    app.rerun()
    assert len(calls(app)) == 2


def test_bad_ttl_string_fails_at_decoration_for_cache_data():
    app = run('''
try:
    @st.cache_data(ttl="1 flecond")
    def f():
        return 1
except Exception as e:
    st.write(type(e).__name__)
    st.write(str(e))
''')
    assert app.texts() == ["StreamlitBadTimeStringError",
                           "Time string doesn't look right. It should be formatted as`'1d2h34m'` "
                           "or `2 days`, for example. Got: 1 flecond"]


def test_max_entries_drops_the_least_recently_used():
    app = run('''
@st.cache_data(max_entries=2)
def f(n):
    seen(n)
for n in (1, 2, 1, 3, 1, 2):
    f(n)
''')
    # 1, 2 computed; 1 used; 3 pushes out 2; 1 used; 2 computed again (pushes out 3).
    assert calls(app) == [(1,), (2,), (3,), (2,)]


# --- spinner --------------------------------------------------------------------------------
def spinners(app):
    return [c["props"] for c in app.session.host.flushed
            if c.get("op") == "set" and c.get("kind") == "spinner"]


def test_spinner_shows_while_computing_only():
    app = run('''
@st.cache_data
def none():
    return 1
@st.cache_resource
def some(x):
    return 1
@st.cache_data(show_spinner="Loading data...")
def custom():
    return 1
@st.cache_data(show_spinner=False)
def quiet():
    return 1
none(); some(1); custom(); quiet(); none()
''')
    texts = [p["text"] for p in spinners(app)]
    assert texts == ["Running `none()`.", "Running `some(...)`.", "Loading data..."]
    assert all(p["cache"] for p in spinners(app))
    app.session.host.flushed.clear()
    app.rerun()
    assert spinners(app) == []


def test_nested_cached_functions_show_only_the_outer_spinner():
    app = run('''
@st.cache_data
def inner():
    return 1
@st.cache_data
def outer():
    return inner() + 1
outer()
''')
    assert [p["text"] for p in spinners(app)] == ["Running `outer()`."]


# --- clearing -----------------------------------------------------------------------------
def test_clear_one_function_one_value_or_everything():
    app = run('''
@st.cache_data
def f(x):
    seen("f", x)
@st.cache_resource
def g():
    seen("g")
f(1); f(2); g()
mode = st.session_state.get("mode")
if mode == "one value":
    f.clear(1)
elif mode == "function":
    f.clear()
elif mode == "data":
    st.cache_data.clear()
elif mode == "resource":
    st.cache_resource.clear()
st.session_state.mode = None
''')
    for mode in ("one value", "function", "data", "resource"):
        app.session.state_proxy["mode"] = mode
        app.rerun()
        app.rerun()
    assert calls(app) == [("f", 1), ("f", 2), ("g",),
                          ("f", 1),              # after f.clear(1)
                          ("f", 1), ("f", 2),    # after f.clear()
                          ("f", 1), ("f", 2),    # after st.cache_data.clear()
                          ("g",)]                # after st.cache_resource.clear()


# --- values -------------------------------------------------------------------------------
def test_cache_data_returns_a_copy_and_cache_resource_the_same_object():
    app = run('''
@st.cache_data
def data():
    return {"items": [1]}
@st.cache_resource
def resource():
    return {"items": [1]}
first = data()
first["items"].append("changed")
st.write(f"{data()} {data() is data()}")
shared = resource()
shared["items"].append("changed")
st.write(f"{resource()} {resource() is shared}")
''')
    assert app.texts() == ["{'items': [1]} False", "{'items': [1, 'changed']} True"]


def test_cache_data_keeps_instances_of_classes_defined_in_the_app():
    app = run('''
from dataclasses import dataclass
@dataclass
class Row:
    name: str
@st.cache_data
def rows():
    return [Row("a")]
st.write(repr(rows()))
''')
    app.rerun()
    assert app.texts() == ["[Row(name='a')]"]
    assert app.exceptions() == []


def test_unpicklable_return_value_raises_streamlit_text():
    app = run('''
import threading
@st.cache_data
def make_lock():
    return threading.Lock()
make_lock()
''')
    [shown] = app.exceptions()
    assert shown["type"] == "streamlit.runtime.caching.cache_errors.UnserializableReturnValueError"
    assert shown["markdown"] is True
    assert shown["message"] == (
        "Cannot serialize the return value (of type `_thread.lock`)\n"
        "            in `make_lock()`. `st.cache_data` uses\n"
        "            [pickle](https://docs.python.org/3/library/pickle.html) to serialize the\n"
        "            function's return value and safely store it in the cache\n"
        "            without mutating the original object. Please convert the return value to a\n"
        "            pickle-serializable type. If you want to cache unserializable objects such\n"
        "            as database connections or Tensorflow sessions, use `st.cache_resource`\n"
        "            instead (see [our docs](https://docs.streamlit.io/develop/concepts/"
        "architecture/caching) for differences).")


def test_unsupported_persist_option():
    app = run('''
@st.cache_data(persist="cloud")
def f():
    return 1
''')
    assert app.exceptions()[0]["message"] == \
        "Unsupported persist option 'cloud'. Valid values are 'disk' or None."


def test_resource_validate_recomputes_a_rejected_value():
    app = run('''
@st.cache_resource(validate=lambda conn: conn["open"])
def connect():
    seen("connect")
    return {"open": True}
conn = connect()
if st.session_state.get("close"):
    conn["open"] = False
    st.session_state.close = False
''')
    app.rerun()
    app.session.state_proxy["close"] = True
    app.rerun()
    app.rerun()
    assert calls(app) == [("connect",), ("connect",)]


def test_cached_method_hashes_self_unless_named_underscore():
    app = run('''
class Repo:
    @st.cache_data
    def load(_self, n):
        seen(n)
        return n
repo = Repo()
repo.load(1); Repo().load(1); repo.load(2)
repo.load.clear(1)
repo.load(1)
''')
    assert calls(app) == [(1,), (2,), (1,)]


def test_caches_are_shared_by_sessions():
    source = '''
@st.cache_resource
def shared():
    return []
shared().append(1)
st.write(f"length {len(shared())}")
'''
    first = run(source)
    second = run(source)
    assert first.texts() == ["length 1"] and second.texts() == ["length 2"]


def test_a_changed_function_body_is_a_new_cache():
    first = run('''
@st.cache_data
def f():
    seen("old")
f()
''')
    second = run('''
@st.cache_data
def f():
    seen("new")
f()
''')
    assert calls(first) == [("old",)] and calls(second) == [("new",)]


# --- elements written in a cached function ----------------------------------------------
def test_elements_written_inside_are_replayed_on_a_hit():
    app = run('''
@st.cache_data
def load():
    st.write("loading")
    with st.container(border=True):
        st.write("inside")
    left, right = st.columns(2)
    right.write("right column")
    st.sidebar.write("in the sidebar")
    return 1
with st.expander("Details"):
    load()
st.write("after")
''')
    first = app.texts(), app.texts("sidebar")
    app.rerun()
    assert (app.texts(), app.texts("sidebar")) == first
    assert first == (["loading", "inside", "right column", "after"], ["in the sidebar"])
    expander = [n for n in app.nodes() if n.kind == "expander"][0]
    assert app.texts(within=expander) == ["loading", "inside", "right column"]


def test_element_on_a_block_from_outside_cannot_be_replayed():
    app = run('''
box = st.container()
@st.cache_data
def load():
    box.write("written outside")
    return 1
try:
    load()
    st.write("first call fine")
    load()
except Exception as e:
    st.write(type(e).__name__)
    st.write(str(e).splitlines()[0])
''')
    assert app.texts() == ["written outside", "first call fine", "CacheReplayClosureError",
                           "While running `load()`, a streamlit element is called on some layout block"]


def test_widget_in_a_cached_function_shows_the_cached_widget_warning():
    app = run('''
@st.cache_data
def pick():
    return st.checkbox("Inside")
pick()
''')
    kinds = [n.kind for n in app.nodes()]
    assert kinds.index("exception") < kinds.index("checkbox")
    [warning] = app.exceptions()
    assert warning["type"] == "CachedWidgetWarning" and warning["is_warning"]
    assert warning["message"].startswith("Your script uses a widget command in a cached function")


def test_legacy_st_cache_warns_and_dispatches():
    app = run('''
@st.cache
def f(x):
    return [x]
@st.cache(allow_output_mutation=True)
def g():
    return []
st.write(f"{f(1) is f(1)} {g() is g()}")
''')
    assert app.texts() == ["False True"]
    bodies = [a["body"] for a in app.alerts()]
    assert len(bodies) == 2 and bodies[0] == bodies[1]
    assert bodies[0].startswith("`st.cache` is deprecated and will be removed soon.")
    assert bodies[0].endswith("or unexpected behavior in certain edge cases.")
