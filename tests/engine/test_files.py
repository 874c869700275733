"""st.file_uploader and st.camera_input under CPython: the page sends file bytes (base64)
once, then names files by id; values are Streamlit's UploadedFile objects."""
import base64
import io

from helpers import App

from wasmlit.uploaded_file import (DeletedFile, FileURLs, UploadedFile, UploadedFileRec,
                                   normalize_upload_file_type)


def sent(file_id, name, data=None, type="text/csv"):
    """A file as the page sends it: with its bytes the first time, by id afterwards."""
    info = {"file_id": file_id, "name": name, "type": type, "size": len(data or b"")}
    if data is not None:
        info["data"] = base64.b64encode(data).decode()
    return info


UPLOADER = """
    import streamlit as st
    f = st.file_uploader("Pick", type=["csv", "txt"], key="up")
    if f is None:
        st.markdown("none")
    else:
        st.markdown(f"{f.name}|{f.type}|{f.size}|{f.read()!r}|{type(f).__name__}")
"""


def test_no_file_is_none_and_multiple_or_directory_is_an_empty_list():
    app = App("""
        import streamlit as st
        st.markdown(repr(st.file_uploader("One")))
        st.markdown(repr(st.file_uploader("Many", accept_multiple_files=True)))
        st.markdown(repr(st.file_uploader("Dir", accept_multiple_files="directory")))
    """)
    assert app.texts() == ["None", "[]", "[]"]


def test_a_sent_file_is_an_uploaded_file_with_its_bytes():
    app = App(UPLOADER)
    app.set("Pick", [sent("f1", "a.csv", b"x,y\n1,2")])
    assert app.texts() == ["a.csv|text/csv|7|b'x,y\\n1,2'|UploadedFile"]


def test_every_run_reads_the_file_from_the_start():
    app = App(UPLOADER)
    app.set("Pick", [sent("f1", "a.csv", b"abc")])
    app.rerun()
    assert app.texts() == ["a.csv|text/csv|3|b'abc'|UploadedFile"]


def test_later_events_name_a_held_file_by_id_only():
    app = App(UPLOADER)
    app.set("Pick", [sent("f1", "a.csv", b"abc")])
    app.set("Pick", [sent("f1", "a.csv")])
    assert app.texts() == ["a.csv|text/csv|3|b'abc'|UploadedFile"]


def test_removing_the_file_gives_none_again():
    app = App(UPLOADER)
    app.set("Pick", [sent("f1", "a.csv", b"abc")])
    app.set("Pick", [])
    assert app.texts() == ["none"]


def test_a_file_named_without_bytes_that_python_never_had_is_left_out():
    app = App(UPLOADER)
    app.set("Pick", [sent("ghost", "a.csv")])
    assert app.texts() == ["none"]


def test_multiple_files_keep_their_order_and_removal_updates_the_list():
    app = App("""
        import streamlit as st
        files = st.file_uploader("Many", accept_multiple_files=True)
        st.markdown(repr([(f.name, f.getvalue()) for f in files]))
    """)
    app.set("Many", [sent("1", "a.csv", b"A"), sent("2", "b.csv", b"B")])
    assert app.texts() == ["[('a.csv', b'A'), ('b.csv', b'B')]"]
    app.set("Many", [sent("2", "b.csv")])
    assert app.texts() == ["[('b.csv', b'B')]"]


def test_the_session_state_key_holds_the_uploaded_file():
    app = App("""
        import streamlit as st
        st.file_uploader("Pick", key="up")
        f = st.session_state.up
        st.markdown(repr(None if f is None else (f.name, f.read())))
    """)
    assert app.texts() == ["None"]
    app.set("Pick", [sent("f1", "a.csv", b"abc")])
    assert app.texts() == ["('a.csv', b'abc')"]


def test_uploaded_file_is_a_bytesio_equal_by_file_id_with_streamlits_repr():
    urls = FileURLs("S", "f1")
    a = UploadedFile(UploadedFileRec("f1", "a.csv", "text/csv", b"abc"), urls)
    b = UploadedFile(UploadedFileRec("f1", "other.csv", "text/csv", b"zzz"), urls)
    c = UploadedFile(UploadedFileRec("f2", "a.csv", "text/csv", b"abc"), urls)
    assert isinstance(a, io.BytesIO)
    assert a == b and a != c and hash(a) == hash(b)
    assert a.read() == b"abc" and a.getvalue() == b"abc" and a.size == 3
    assert repr(a) == ("UploadedFile(file_id='f1', name='a.csv', type='text/csv', size=3, "
                       "_file_urls=file_id: \"f1\"\nupload_url: \"/_stcore/upload_file/S/f1\"\n"
                       "delete_url: \"/_stcore/upload_file/S/f1\"\n)")
    assert DeletedFile("x").file_id == "x"


def test_type_is_normalised_as_streamlit_does():
    assert normalize_upload_file_type("CSV") == [".csv"]
    assert normalize_upload_file_type(["jpg", ".PNG"]) == [".jpg", ".png", ".jpeg"]
    app = App("""
        import streamlit as st
        st.file_uploader("Pick", type=["TIFF", "htm"])
    """)
    assert app.widget("Pick").props["type"] == [".tiff", ".htm", ".tif", ".html"]


def test_a_file_of_a_type_not_allowed_raises_streamlits_error():
    app = App(UPLOADER)
    app.set("Pick", [sent("f1", "pic.png", b"png", type="image/png")])
    [exc] = app.exceptions()
    assert exc["type"].endswith("StreamlitAPIException")
    assert exc["message"] == "Invalid file extension: `.png`. Allowed: ['.csv', '.txt']"


def test_on_change_runs_with_args_and_kwargs_when_the_files_change():
    app = App("""
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed(tag, suffix=""):
            st.session_state.log.append(tag + suffix)
        st.file_uploader("Pick", on_change=changed, args=("changed",), kwargs={"suffix": "!"})
        st.markdown(repr(st.session_state.log))
    """)
    app.set("Pick", [sent("f1", "a.csv", b"abc")])
    app.set("Pick", [sent("f1", "a.csv")])  # the same file again: no change
    assert app.texts() == ["['changed!']"]
    app.set("Pick", [])
    assert app.texts() == ["['changed!', 'changed!']"]


def test_values_cannot_be_set_through_session_state():
    app = App("""
        import streamlit as st
        st.session_state.up = None
        st.file_uploader("Pick", key="up")
    """)
    [exc] = app.exceptions()
    assert exc["message"] == "Values for the widget with `key` 'up' cannot be set using `st.session_state`."


def test_props_carry_what_the_page_shows():
    app = App("""
        import streamlit as st
        st.file_uploader("Pick", type="csv", accept_multiple_files="directory", help="Help!",
                         disabled=True, label_visibility="collapsed")
    """)
    props = app.widget("Pick").props
    assert props["multiple"] is True and props["directory"] is True
    assert props["max_upload_size_mb"] == 200
    assert (props["help"], props["disabled"], props["label_visibility"]) == ("Help!", True, "collapsed")
    assert props["value"] == []


def test_with_a_key_the_other_parameters_still_identify_the_widget():
    app = App("""
        import streamlit as st
        label = "Second" if st.session_state.get("flip") else "Pick"
        f = st.file_uploader(label, key="up")
        st.markdown(repr(None if f is None else f.name))
        st.session_state.flip = True
    """)
    app.set("Pick", [sent("f1", "a.csv", b"abc")])
    app.rerun()
    assert app.texts() == ["None"]


def test_camera_input_is_none_until_a_photo_is_sent_and_clear_makes_it_none():
    app = App("""
        import streamlit as st
        photo = st.camera_input("Snap")
        st.markdown(repr(None if photo is None else (photo.name, photo.type, photo.read())))
    """)
    assert app.texts() == ["None"]
    name = "camera-input-2026-01-01T10_00_00.000Z.jpg"
    app.set("Snap", [sent("p1", name, b"\xff\xd8jpeg", type="image/jpeg")])
    assert app.texts() == [repr((name, "image/jpeg", b"\xff\xd8jpeg"))]
    app.set("Snap", [])
    assert app.texts() == ["None"]


def test_camera_input_only_takes_jpg_files():
    app = App("""
        import streamlit as st
        st.camera_input("Snap")
    """)
    app.set("Snap", [sent("p1", "photo.png", b"png", type="image/png")])
    [exc] = app.exceptions()
    assert exc["message"] == "Invalid file extension: `.png`. Allowed: ['.jpg']"


def test_invalid_width_and_label_visibility_raise_streamlits_errors():
    app = App("""
        import streamlit as st
        for call in (lambda: st.file_uploader("A", width="content"),
                     lambda: st.camera_input("B", label_visibility="gone")):
            try:
                call()
            except Exception as e:
                st.markdown(str(e))
    """)
    assert app.texts() == [
        "Invalid width value: 'content'. Width must be either an integer (pixels) or 'stretch'.",
        "Unsupported label_visibility option 'gone'. Valid values are 'visible', 'hidden' or 'collapsed'.",
    ]
