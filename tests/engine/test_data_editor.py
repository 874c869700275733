"""st.data_editor under CPython: the editing state the page sends, applied to the app's
data in the shape it gave, with Streamlit 1.50's (and pandas') value conversions."""
import pytest
from helpers import App

EMPTY = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def edit(edited=None, added=None, deleted=None):
    """An editing state as the page sends it (row keys are JSON text)."""
    return {"edited_rows": {str(k): v for k, v in (edited or {}).items()},
            "added_rows": added or [], "deleted_rows": deleted or []}


def editor_app(data_src, **kwargs):
    args = "".join(f", {k}={v!r}" for k, v in kwargs.items())
    return App(f"""
        import streamlit as st
        result = st.data_editor({data_src}, key="ed"{args})
        st.markdown(repr(result))
        st.markdown(repr(st.session_state.ed))
    """)


def send(app, value):
    [node] = app.nodes("data_editor")
    return app._send({"kind": "widgets", "values": {node.props["id"]: value}})


def props(app):
    [node] = app.nodes("data_editor")
    return node.props


def shown_columns(app):
    p = props(app)
    return [p["columns"][i]["label"] for i in p["order"]]


def test_unedited_data_comes_back_as_given_and_the_state_is_empty():
    app = editor_app('{"name": ["a", "b"], "n": [1, 2], "ok": [True, False]}')
    assert app.texts() == ["{'name': ['a', 'b'], 'n': [1, 2], 'ok': [True, False]}", repr(EMPTY)]


def test_cell_edits_come_back_in_a_dict_of_columns_and_in_session_state():
    app = editor_app('{"name": ["a", "b"], "n": [1, 2], "ok": [True, False]}')
    send(app, edit({1: {"name": "z", "n": 7, "ok": True}}))
    assert app.texts() == [
        "{'name': ['a', 'z'], 'n': [1, 7], 'ok': [True, True]}",
        "{'edited_rows': {1: {'name': 'z', 'n': 7, 'ok': True}}, 'added_rows': [], 'deleted_rows': []}"]


def test_a_list_of_records_gets_edits_deletions_and_additions():
    app = editor_app('[{"city": "Oslo", "pop": 700}, {"city": "Rome", "pop": 2800}]',
                     num_rows="dynamic")
    send(app, edit({0: {"city": "Bergen"}}, [{"city": "Bern", "pop": 130}], [1]))
    # A row added by the page makes the integer column a float column, as pandas does.
    assert app.texts()[0] == "[{'city': 'Bergen', 'pop': 700.0}, {'city': 'Bern', 'pop': 130.0}]"


def test_a_list_tuple_and_set_of_values_keep_their_type():
    for src, want in (("[1, 2, 3]", "[1, 5, 3]"), ("(1, 2, 3)", "(1, 5, 3)"), ("{1, 2, 3}", "{1, 3, 5}")):
        app = editor_app(src)
        send(app, edit({1: {"value": 5}}))
        assert app.texts()[0] == want
        assert shown_columns(app) == ["value"]


def test_missing_values_are_nan_in_number_columns_and_none_elsewhere():
    app = editor_app('{"n": [1, 2], "s": ["x", "y"], "b": [True, False]}', num_rows="dynamic")
    send(app, edit({0: {"n": None, "s": None, "b": None}}, [{}]))
    assert app.texts()[0] == "{'n': [nan, 2.0, nan], 's': [None, 'y', None], 'b': [None, False, None]}"


def test_values_are_converted_to_the_columns_kind():
    app = editor_app('{"n": [1, 2], "f": [0.5, 1.5], "s": ["a", "b"]}')
    send(app, edit({0: {"n": 2.7, "f": 3, "s": 12}, 1: {"n": "12"}}))
    assert app.texts()[0] == "{'n': [2, 12], 'f': [3.0, 1.5], 's': ['12', 'b']}"


def test_a_key_value_dict_shows_its_keys_as_an_index_the_user_can_rename():
    app = editor_app('{"r1": 1, "r2": 2}', num_rows="dynamic")
    assert shown_columns(app) == ["", "value"]
    send(app, edit({1: {"_index": "z"}}, [{"_index": "r3", "value": 3}, {"value": 4}]))
    # A row without an index label cannot be added to a text index: Streamlit skips it.
    assert app.texts()[0] == "{'r1': 1.0, 'z': 2.0, 'r3': 3.0}"


def test_a_list_of_rows_has_numbered_columns():
    app = editor_app('[[1, "x"], [2, "y"]]', num_rows="dynamic")
    assert shown_columns(app) == ["0", "1"]
    send(app, edit({0: {"1": "q"}}, [{"0": 5}]))
    assert app.texts()[0] == "[[1.0, 'q'], [2.0, 'y'], [5.0, None]]"


def test_column_editors_are_inferred_from_the_values():
    app = editor_app('{"s": ["a"], "n": [1], "f": [1.5], "b": [True], "e": [None], "d": [__import__("datetime").date(2024, 1, 2)]}')
    columns = {c["name"]: c for c in props(app)["columns"]}
    assert [(n, columns[n]["editor"], columns[n]["editable"]) for n in "snfbed"] == [
        ("s", "text", True), ("n", "number", True), ("f", "number", True), ("b", "checkbox", True),
        ("e", "text", True), ("d", "text", False)]
    assert props(app)["rows"] == [[0, "a", 1, 1.5, True, None, "2024-01-02"]]


def test_mixed_columns_become_disabled_text_as_in_streamlit():
    app = editor_app('{"m": [1, "a", True]}')
    column = props(app)["columns"][1]
    assert (column["editor"], column["editable"]) == ("text", False)
    assert app.texts()[0] == "{'m': ['1', 'a', 'True']}"


def test_index_is_hidden_for_plain_python_data_and_dynamic_rows():
    app = editor_app('{"a": [1]}', hide_index=False)
    assert shown_columns(app) == ["", "a"]
    index = props(app)["columns"][0]
    assert index["editable"] is False  # a range index is never edited


def test_hide_index_column_order_disabled_list_and_column_config():
    app = editor_app('{"k": ["p", "q"], "v": [10, 20], "w": [1, 2]}', hide_index=True,
                     column_order=["w", "k"], disabled=["k"],
                     column_config={"w": "Weight", "k": {"label": "Key", "help": "The key"}})
    assert shown_columns(app) == ["Weight", "Key"]
    columns = {c["name"]: c for c in props(app)["columns"]}
    assert columns["k"]["editable"] is False and columns["w"]["editable"] is True
    assert columns["k"]["help"] == "The key"


def test_column_config_none_hides_and_positions_count_the_index_first():
    app = editor_app('{"a": [1], "b": [2], "c": [3]}', column_config={"b": None, 3: "Third"})
    assert shown_columns(app) == ["a", "Third"]


def test_disabled_true_makes_every_column_read_only():
    app = editor_app('{"a": [1], "b": ["x"]}', disabled=True, num_rows="dynamic")
    assert props(app)["disabled"] is True
    assert not any(c["editable"] for c in props(app)["columns"])


def test_on_change_runs_with_args_when_the_state_changes():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed(tag):
            st.session_state.log.append((tag, st.session_state.ed["edited_rows"]))
        st.data_editor({"a": [1, 2]}, key="ed", on_change=changed, args=("edit",))
        st.markdown(repr(st.session_state.log))
    """)
    [node] = app.nodes("data_editor")
    app._send({"kind": "widgets", "values": {node.props["id"]: edit({0: {"a": 5}})}})
    app._send({"kind": "widgets", "values": {node.props["id"]: edit({0: {"a": 5}})}})
    assert app.texts() == ["[('edit', {0: {'a': 5}})]"]


def test_new_data_is_a_new_widget_whose_edits_start_afresh():
    app = App("""
        import streamlit as st
        data = {"a": [1, 2]} if not st.session_state.get("more") else {"a": [1, 2, 3]}
        st.markdown(repr(st.data_editor(data, key="ed")))
        st.session_state.more = st.session_state.get("edited", False)
    """)
    send(app, edit({0: {"a": 9}}))
    assert app.texts() == ["{'a': [9, 2]}"]
    app.session.state["edited"] = True
    app.rerun()
    app.rerun()
    assert app.texts() == ["{'a': [1, 2, 3]}"]


def test_streamlits_errors_for_bad_arguments():
    app = App("""
        import streamlit as st
        calls = [
            lambda: st.data_editor(42),
            lambda: st.data_editor({"_index": [1]}),
            lambda: st.data_editor({"a": [1]}, height="stretch"),
            lambda: st.data_editor({"a": [1]}, column_config={"a": {"type_config": {"type": "text"}}}),
            lambda: st.data_editor({"a": [1]}, column_config={"a": 5}),
            lambda: st.data_editor({"a": [1]}, width="wide"),
        ]
        for call in calls:
            try:
                call()
            except Exception as e:
                st.markdown(str(e))
    """)
    assert app.texts() == [
        "The data type (int) or format is not supported by the data editor. Please convert "
        "your data into a Pandas Dataframe or another supported data format.",
        "The column name '_index' is reserved for the index column and can't be used for data "
        "columns. Please rename the column in the provided data.",
        "Invalid height value: 'stretch'. Height must be either an integer (pixels) or 'stretch'.",
        "The configured column type `text` for column `a` is not compatible for editing the "
        "underlying data type `ColumnDataKind.INTEGER`.\n\nYou have following options to fix this: "
        "1) choose a compatible type 2) disable the column 3) convert the column into a "
        "compatible data type.",
        "Invalid column config for column `a`. Expected `None`, `str` or `dict`, but got `<class 'int'>`.",
        "Invalid width value: 'wide'. Width must be either an integer (pixels), 'stretch', or 'content'.",
    ]


def test_values_cannot_be_set_through_session_state():
    app = App("""
        import streamlit as st
        st.session_state.ed = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
        st.data_editor({"a": [1]}, key="ed")
    """)
    [exc] = app.exceptions()
    assert exc["message"] == "Values for the widget with `key` 'ed' cannot be set using `st.session_state`."


def test_a_pandas_dataframe_is_edited_with_pandas():
    pd = pytest.importorskip("pandas")
    app = App("""
        import streamlit as st
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r1", "r2"])
        out = st.data_editor(df, key="ed", num_rows="dynamic")
        st.markdown(repr(type(out).__name__))
        st.markdown(repr(out.to_dict("split")))
    """)
    assert shown_columns(app) == ["", "a", "b"]
    send(app, edit({0: {"b": "q"}}, [{"_index": "r3", "a": 5, "b": "z"}], [1]))
    assert app.texts()[0] == "'DataFrame'"
    # Streamlit 1.50 (_apply_dataframe_edits) edits with `df.iat`, then drops the deleted
    # rows, then adds rows with `df.loc[label, :] = row`: the dtypes are what the installed
    # pandas makes of that (pandas 2 turns "a" into floats, pandas 3 keeps integers).
    expected = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r1", "r2"])
    expected.iat[0, 1] = "q"
    expected = expected.drop(expected.index[[1]])
    expected.loc["r3", :] = [5, "z"]
    assert app.texts()[1] == repr(expected.to_dict("split"))


def test_nan_never_reaches_the_page():
    app = editor_app('{"f": [1.5, float("nan")]}')
    assert props(app)["rows"] == [[0, 1.5], [1, None]]
