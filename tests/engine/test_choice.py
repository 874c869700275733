"""Choice widgets: radio, selectbox, multiselect, pills, segmented_control, feedback.

Values, session state and errors as in Streamlit 1.50 (checked against it with AppTest).
The page sends a radio's option index, a selectbox's option text, a multiselect's texts
and a button group's selected indices.
"""
import pytest

from helpers import App

NOT_IN_OPTIONS = ("The default value '{v}' is not part of the options. Please make sure that "
                  "every default values also exists in the options.")


def shown(app):
    return app.texts()


def errors(app):
    return [(e["type"], e["message"]) for e in app.exceptions()]


def group_id(app, kind, n=0):
    return app.nodes(kind)[n].props["id"]


def send(app, widget_id, value):
    return app._send({"kind": "widgets", "values": {widget_id: value}})


# --- radio ------------------------------------------------------------------------------

def test_radio_returns_the_option_at_its_index_and_follows_the_page():
    app = App("""
        import streamlit as st
        v = st.radio("R", ["a", "b", "c"], index=1)
        st.markdown(repr(v))
    """)
    assert shown(app) == ["'b'"]
    assert app.widget("R").props["value"] == 1
    app.set("R", 2)
    assert shown(app) == ["'c'"]


def test_radio_without_index_is_none_until_chosen():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.radio("R", [10, 20], index=None)))
    """)
    assert shown(app) == ["None"]
    assert app.widget("R").props["value"] is None
    app.set("R", 0)
    assert shown(app) == ["10"]


def test_radio_shows_formatted_options_and_captions():
    app = App("""
        import streamlit as st
        st.radio("R", [1, 2], format_func=lambda n: f"#{n}", captions=["one", None],
                 horizontal=True)
    """)
    props = app.widget("R").props
    assert props["options"] == ["#1", "#2"]
    assert props["captions"] == ["one", ""]
    assert props["horizontal"] is True


@pytest.mark.parametrize("call, message", [
    ('st.radio("R", ["a"], index=3)', "Radio index must be between 0 and length of options"),
    ('st.radio("R", ["a"], index="0")', "Radio Value has invalid type: str"),
    ('st.radio("R", ["a"], captions=[1])', "Radio captions must be strings. Passed type: int"),
    ('st.radio("R", ["a"], width="big")',
     "Invalid width value: 'big'. Width must be either an integer (pixels), 'stretch', or 'content'."),
    ('st.radio("R", ["a"], label_visibility="gone")',
     "Unsupported label_visibility option 'gone'. Valid values are 'visible', 'hidden' or 'collapsed'."),
])
def test_radio_argument_errors(call, message):
    app = App(f"import streamlit as st\n{call}\n")
    assert [e[1] for e in errors(app)] == [message]


def test_radio_with_no_options_is_none():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.radio("R", [])))
    """)
    assert shown(app) == ["None"]


def test_radio_value_set_in_session_state_before_it_is_created():
    app = App("""
        import streamlit as st
        if "r" not in st.session_state:
            st.session_state.r = "b"
        st.markdown(repr(st.radio("R", ["a", "b"], key="r")))
    """)
    assert shown(app) == ["'b'"]
    assert app.widget("R").props["value"] == 1


def test_radio_session_state_none_means_no_selection():
    app = App("""
        import streamlit as st
        st.session_state.r = None
        st.markdown(repr(st.radio("R", ["a", "b"], key="r")))
    """)
    assert shown(app) == ["None"]


def test_radio_session_state_value_not_in_options_is_streamlits_value_error():
    app = App("""
        import streamlit as st
        st.session_state.r = "Z"
        st.radio("R", ["a", "b"], key="r")
    """)
    assert errors(app) == [("ValueError", "Z is not in iterable")]


def test_radio_on_change_gets_args_and_sees_the_new_value():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed(tag, *, n):
            st.session_state.log.append((tag, n, st.session_state.r))
        st.radio("R", ["a", "b"], key="r", on_change=changed, args=("t",), kwargs={"n": 1})
        st.markdown(repr(st.session_state.log))
    """)
    app.set("R", 1)
    assert shown(app) == ["[('t', 1, 'b')]"]
    app.set("R", 1)
    assert shown(app) == ["[('t', 1, 'b')]"]


def test_radio_options_can_be_a_dict_a_string_or_none():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.radio("D", {"x": 1, "y": 2}, index=1)))
        st.markdown(repr(st.radio("S", "abc")))
        st.markdown(repr(st.radio("N", None)))
    """)
    assert shown(app) == ["'y'", "'abc'", "None"]


def test_options_with_numpy_like_items_are_rejected():
    app = App("""
        import streamlit as st
        class Vector:
            def __eq__(self, other):
                raise ValueError("ambiguous")
        st.radio("R", [Vector()])
    """)
    assert errors(app)[0][1].startswith("Invalid option type provided. Options must be comparable")


def test_series_like_options_use_their_values():
    app = App("""
        import streamlit as st
        class Series:
            def __init__(self, items):
                self.items = items
            def to_list(self):
                return list(self.items)
        st.markdown(repr(st.selectbox("S", Series(["p", "q"]), index=1)))
    """)
    assert shown(app) == ["'q'"]


def test_enum_options_keep_their_value_across_reruns_of_a_script_defining_the_enum():
    app = App("""
        import enum
        import streamlit as st
        class Colour(enum.Enum):
            RED = 1
            BLUE = 2
        v = st.radio("R", Colour)
        st.markdown(f"{v!r} {v in Colour}")
    """)
    app.set("R", 1)
    app.rerun()
    assert shown(app) == ["<Colour.BLUE: 2> True"]


def test_two_identical_radios_need_keys():
    app = App("""
        import streamlit as st
        st.radio("R", ["a"])
        st.radio("R", ["a"])
    """)
    assert errors(app)[0][1].startswith("There are multiple `radio` elements with the same auto-generated ID.")


# --- selectbox --------------------------------------------------------------------------

def test_selectbox_page_sends_the_option_text_and_the_script_gets_the_option():
    app = App("""
        import streamlit as st
        v = st.selectbox("S", [1, 2, 3], format_func=lambda n: f"size {n}")
        st.markdown(repr(v))
    """)
    assert shown(app) == ["1"]
    assert app.widget("S").props["value"] == "size 1"
    app.set("S", "size 3")
    assert shown(app) == ["3"]


def test_selectbox_without_index_is_clearable_and_none():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.selectbox("S", ["a", "b"], index=None, placeholder="Pick")))
    """)
    props = app.widget("S").props
    assert shown(app) == ["None"]
    assert (props["value"], props["clearable"], props["placeholder"]) == (None, True, "Pick")
    app.set("S", "b")
    assert shown(app) == ["'b'"]
    app.set("S", None)
    assert shown(app) == ["None"]


def test_selectbox_empty_placeholder_is_kept_apart_from_none():
    app = App("""
        import streamlit as st
        st.selectbox("A", ["a"], placeholder="")
        st.selectbox("B", ["a"])
    """)
    assert app.widget("A").props["placeholder"] == " "
    assert app.widget("B").props["placeholder"] == ""


def test_selectbox_accepts_a_new_option_as_text():
    app = App("""
        import streamlit as st
        v = st.selectbox("S", ["a", "b"], accept_new_options=True)
        st.markdown(repr(v))
    """)
    app.set("S", "typed")
    assert shown(app) == ["'typed'"]
    assert app.widget("S").props["value"] == "typed"


def test_selectbox_two_options_shown_alike_give_the_later_option():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.selectbox("S", ["a", "b"], format_func=lambda o: "same")))
    """)
    assert shown(app) == ["'a'"]
    app.set("S", "same")
    assert shown(app) == ["'b'"]


@pytest.mark.parametrize("call, message", [
    ('st.selectbox("S", ["a"], index=3)',
     "Selectbox index must be greater than or equal to 0 and less than the length of options."),
    ('st.selectbox("S", ["a"], index=1.0)', "Selectbox Value has invalid type: float"),
    ('st.selectbox("S", ["a"], width="content")',
     "Invalid width value: 'content'. Width must be either an integer (pixels) or 'stretch'."),
])
def test_selectbox_argument_errors(call, message):
    app = App(f"import streamlit as st\n{call}\n")
    assert [e[1] for e in errors(app)] == [message]


def test_selectbox_session_state_text_outside_the_options_is_returned():
    app = App("""
        import streamlit as st
        st.session_state.s = "Z"
        st.markdown(repr(st.selectbox("S", ["a", "b"], key="s")))
    """)
    assert shown(app) == ["'Z'"]
    assert app.widget("S").props["value"] == "Z"


def test_selectbox_session_state_non_text_outside_the_options_fails_like_streamlit():
    app = App("""
        import streamlit as st
        st.session_state.s = 5
        st.selectbox("S", ["a", "b"], key="s")
    """)
    assert errors(app) == [("TypeError", "bad argument type for built-in operation")]


def test_selectbox_keeps_its_value_when_only_its_label_changes_with_a_key():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.markdown(repr(st.selectbox(f"S{st.session_state.n}", ["a", "b"], key="s")))
    """)
    send(app, app.nodes("selectbox")[0].props["id"], "b")
    app.rerun()
    assert shown(app) == ["'b'"]


def test_selectbox_with_no_options_is_none():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.selectbox("S", [])))
    """)
    assert shown(app) == ["None"]


def test_selectbox_in_a_form_changes_on_submit():
    app = App("""
        import streamlit as st
        with st.form("f"):
            v = st.selectbox("S", ["a", "b"])
            st.form_submit_button("Go")
        st.markdown(repr(v))
    """)
    app.submit("Go", S="b")
    assert shown(app) == ["'b'"]


def test_selectbox_on_change_in_a_form_is_refused():
    app = App("""
        import streamlit as st
        with st.form("f"):
            st.selectbox("S", ["a"], on_change=print)
            st.form_submit_button("Go")
    """)
    assert "callbacks" in errors(app)[0][1]


# --- multiselect ------------------------------------------------------------------------

def test_multiselect_default_may_be_a_single_value():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.multiselect("M", ["a", "b"], default="b")))
    """)
    assert shown(app) == ["['b']"]
    assert app.widget("M").props["value"] == ["b"]


def test_multiselect_page_texts_become_options_in_the_order_chosen():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.multiselect("M", [1, 2, 3], format_func=lambda n: f"n{n}")))
    """)
    app.set("M", ["n3", "n1"])
    assert shown(app) == ["[3, 1]"]


def test_multiselect_new_options_are_texts():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.multiselect("M", ["a"], accept_new_options=True)))
    """)
    app.set("M", ["a", "new"])
    assert shown(app) == ["['a', 'new']"]


def test_multiselect_default_outside_the_options_is_an_error():
    app = App("""
        import streamlit as st
        st.multiselect("M", ["a", "b"], default=["x"])
    """)
    assert errors(app) == [("streamlit.errors.StreamlitAPIException", NOT_IN_OPTIONS.format(v="x"))]


def test_multiselect_too_many_defaults_is_streamlits_selection_count_error():
    app = App("""
        import streamlit as st
        st.multiselect("M", ["a", "b", "c"], default=["a", "b"], max_selections=1)
    """)
    assert errors(app) == [(
        "streamlit.errors.StreamlitSelectionCountExceedsMaxError",
        "Multiselect has 2 options selected but `max_selections` is set to 1. This happened "
        "because you either gave too many options to `default` or you manipulated the widget's "
        "state through `st.session_state`. Note that the latter can happen before the line "
        "indicated in the traceback. Please select at most 1 option.")]
    assert app.nodes("multiselect") == []


def test_multiselect_session_state_values():
    app = App("""
        import streamlit as st
        if "m" not in st.session_state:
            st.session_state.m = ["b", "Z"]
        st.markdown(repr(st.multiselect("M", ["a", "b"], key="m")))
    """)
    assert shown(app) == ["['b', 'Z']"]
    assert app.widget("M").props["value"] == ["b", "Z"]


def test_multiselect_returns_a_copy_of_its_state():
    app = App("""
        import streamlit as st
        v = st.multiselect("M", ["a", "b"], default=["a"], key="m")
        v.append("oops")
        st.markdown(repr(st.session_state.m))
    """)
    assert shown(app) == ["['a']"]


def test_multiselect_props_for_the_page():
    app = App("""
        import streamlit as st
        st.multiselect("M", ["a"], max_selections=2, placeholder="Pick", accept_new_options=True)
    """)
    props = app.widget("M").props
    assert (props["max_selections"], props["placeholder"], props["accept_new_options"]) == (2, "Pick", True)


# --- pills and segmented_control --------------------------------------------------------

def test_pills_single_selection_is_an_option_or_none():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.pills("P", ["a", "b"], default="b")))
    """)
    assert shown(app) == ["'b'"]
    assert app.widget("P").props["value"] == [1]
    app.set("P", [])
    assert shown(app) == ["None"]


def test_pills_multi_selection_keeps_the_click_order():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.pills("P", ["a", "b", "c"], selection_mode="multi")))
    """)
    assert shown(app) == ["[]"]
    app.set("P", [2, 0])
    assert shown(app) == ["['c', 'a']"]


@pytest.mark.parametrize("call, message", [
    ('st.pills("P", ["a", "b"], default=["a", "b"])',
     "The default argument to `st.pills` must be a single value when `selection_mode='single'`."),
    ('st.segmented_control("P", ["a", "b"], default=["a", "b"])',
     "The default argument to `st.pills` must be a single value when `selection_mode='single'`."),
    ('st.pills("P", ["a"], selection_mode="many")',
     "The selection_mode argument must be one of ['single', 'multi']. The argument passed was 'many'."),
    ('st.pills("P", ["a"], default="x")', NOT_IN_OPTIONS.format(v="x")),
])
def test_button_group_argument_errors(call, message):
    app = App(f"import streamlit as st\n{call}\n")
    assert [e[1] for e in errors(app)] == [message]


def test_pills_session_state_value_must_be_an_option():
    app = App("""
        import streamlit as st
        st.session_state.p = "Z"
        st.pills("P", ["a", "b"], key="p")
    """)
    assert [e[1] for e in errors(app)] == [NOT_IN_OPTIONS.format(v="Z")]


def test_pills_split_a_leading_icon_from_the_text():
    app = App("""
        import streamlit as st
        st.pills("P", [":material/zoom_in: Zoom", "🎉 Party", ":bad/x: Text", "Plain words"])
    """)
    options = app.widget("P").props["options"]
    assert [(o["icon"], o["content"]) for o in options] == [
        (":material/zoom_in:", "Zoom"), ("🎉", "Party"), (None, ":bad/x: Text"), (None, "Plain words")]


def test_segmented_control_multi_with_key_and_session_state():
    app = App("""
        import streamlit as st
        if "s" not in st.session_state:
            st.session_state.s = ["y"]
        st.markdown(repr(st.segmented_control("S", ["x", "y"], selection_mode="multi", key="s")))
    """)
    assert shown(app) == ["['y']"]
    assert app.widget("S").props["value"] == [1]
    app.set("S", [1, 0])
    assert shown(app) == ["['y', 'x']"]


def test_default_and_session_state_warning_names_the_key():
    app = App("""
        import streamlit as st
        st.session_state.p = "b"
        st.markdown(repr(st.pills("P", ["a", "b"], default="a", key="p")))
    """)
    assert shown(app) == ["'b'"]
    bodies = [a["body"] for a in app.alerts()]
    assert bodies == ['The widget with key "p" was created with a default value but also had '
                      "its value set via the Session State API."]


# --- feedback ---------------------------------------------------------------------------

def test_feedback_thumb_up_is_one_and_thumb_down_zero():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.feedback("thumbs")))
    """)
    assert shown(app) == ["None"]
    send(app, group_id(app, "feedback"), [0])
    assert shown(app) == ["1"]
    send(app, group_id(app, "feedback"), [1])
    assert shown(app) == ["0"]
    send(app, group_id(app, "feedback"), [])
    assert shown(app) == ["None"]


def test_feedback_stars_and_faces_count_from_zero():
    app = App("""
        import streamlit as st
        st.markdown(repr((st.feedback("stars"), st.feedback("faces"))))
    """)
    send(app, group_id(app, "feedback", 0), [4])
    send(app, group_id(app, "feedback", 1), [2])
    assert shown(app) == ["(4, 2)"]
    stars = app.nodes("feedback")[0].props
    assert stars["visualization"] == "all_up_to_selected"
    assert stars["options"][0]["selected_icon"] == ":material/star_filled:"


def test_feedback_session_state_value_is_shown_on_its_button():
    app = App("""
        import streamlit as st
        st.session_state.f = 0
        st.markdown(repr(st.feedback("thumbs", key="f")))
    """)
    assert shown(app) == ["0"]
    assert app.nodes("feedback")[0].props["value"] == [1]


@pytest.mark.parametrize("call, message", [
    ('st.session_state.f = 5\nst.feedback("thumbs", key="f")', NOT_IN_OPTIONS.format(v=5)),
    ('st.feedback("hearts")', "The options argument to st.feedback must be one of "
                              "['thumbs', 'faces', 'stars']. The argument passed was 'hearts'."),
])
def test_feedback_errors(call, message):
    app = App(f"import streamlit as st\n{call}\n")
    assert [e[1] for e in errors(app)] == [message]


def test_two_feedbacks_need_keys():
    app = App("""
        import streamlit as st
        st.feedback()
        st.feedback()
    """)
    assert errors(app)[0][1].startswith("There are multiple `feedback` elements with the same")


@pytest.mark.parametrize("call, error", [
    ('st.selectbox("S", [1, 2], format_func=lambda x: x)',
     ("TypeError", "bad argument type for built-in operation")),
    ('st.multiselect("S", [1, 2], format_func=lambda x: x)',
     ("TypeError", "bad argument type for built-in operation")),
    ('st.pills("S", [1, 2], format_func=lambda x: x)',
     ("AttributeError", "'int' object has no attribute 'split'")),
])
def test_format_func_must_give_text_where_streamlit_sends_it_as_is(call, error):
    app = App(f"import streamlit as st\n{call}\n")
    assert errors(app) == [error]


def test_radio_turns_formatted_options_into_text():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.radio("R", [1, 2], format_func=lambda x: x)))
    """)
    assert shown(app) == ["1"]
    assert app.widget("R").props["options"] == ["1", "2"]


def test_radio_with_a_key_starts_afresh_when_its_label_changes():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.markdown(repr(st.radio(f"R{st.session_state.n}", ["a", "b"], key="r")))
    """)
    send(app, app.nodes("radio")[0].props["id"], 1)  # the run it starts has a new label
    assert shown(app) == ["'a'"]
