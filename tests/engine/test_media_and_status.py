"""Media (st.image, st.audio, st.video) and status elements (alerts, progress, st.status,
snow, toast, spinner) as Streamlit 1.50 builds them: props, in-place updates, error texts."""
from __future__ import annotations

import base64

import pytest

from helpers import App

PNG_APP = '''
import io, struct, wave, zlib
import streamlit as st

def png(w=3, h=2):
    raw = b"".join(b"\\x00" + bytes([255, 0, 0] * w) for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def wav():
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b"\\x00\\x00" * 80)
    return buf.getvalue()
'''


def one(app, kind):
    [node] = app.nodes(kind)
    return node.props


def error_message(app):
    [shown] = app.exceptions()
    return shown["message"]


# --- st.image ---------------------------------------------------------------------------
def test_image_bytes_travel_base64_with_their_sniffed_mime_and_caption():
    app = App(PNG_APP + 'st.image(png(), caption="red")')
    [image] = one(app, "image")["images"]
    assert image["mime"] == "image/png"
    assert base64.b64decode(image["data"]).startswith(b"\x89PNG")
    assert image["caption"] == "red"
    assert one(app, "image")["width"] == "content"


def test_image_url_is_passed_through_and_never_fetched():
    app = App('import streamlit as st\nst.image("https://example.com/a.png", width=120)')
    props = one(app, "image")
    assert props["images"] == [{"url": "https://example.com/a.png", "caption": None}]
    assert props["width"] == 120


def test_image_file_path_reads_the_apps_filesystem(tmp_path):
    path = tmp_path / "pic.gif"
    path.write_bytes(b"GIF89a" + b"\x00" * 20)
    app = App(f'import streamlit as st\nst.image({str(path)!r})')
    assert one(app, "image")["images"][0]["mime"] == "image/gif"


def test_image_missing_file_raises_streamlits_error():
    app = App('import streamlit as st\nst.image("nope.png")')
    [shown] = app.exceptions()
    assert shown["type"] == "streamlit.runtime.media_file_storage.MediaFileStorageError"
    assert shown["message"] == "Error opening 'nope.png'"


def test_image_list_pairs_captions_and_rejects_a_mismatch():
    app = App(PNG_APP + 'st.image([png(), png()], caption=["a", "b"], use_container_width=True)')
    props = one(app, "image")
    assert [i["caption"] for i in props["images"]] == ["a", "b"]
    assert props["width"] == "stretch"
    bad = App(PNG_APP + 'st.image([png(), png()], caption=["a"])')
    assert error_message(bad) == "Cannot pair 1 captions with 2 images."


def test_image_svg_markup_becomes_a_data_url():
    app = App('import streamlit as st\nst.image("<svg width=\'1\' height=\'1\'><rect/></svg>")')
    url = one(app, "image")["images"][0]["url"]
    assert url.startswith("data:image/svg+xml;base64,")
    assert b'xmlns="http://www.w3.org/2000/svg"' in base64.b64decode(url.split(",", 1)[1])


def test_image_invalid_width_error():
    app = App(PNG_APP + 'st.image(png(), width="wide")')
    assert error_message(app) == ("Invalid width value: 'wide'. Width must be either an integer "
                                  "(pixels), 'stretch', or 'content'.")


def test_image_numpy_array_clamp_and_range_error():
    np = pytest.importorskip("numpy")
    app = App('import numpy as np, streamlit as st\n'
              'st.image(np.zeros((4, 5, 3), dtype=np.uint8), output_format="PNG")\n'
              'st.image(np.full((2, 2), 2.0), clamp=True)')
    first, second = app.nodes("image")
    assert first.props["images"][0]["mime"] == "image/png"
    assert second.props["images"][0]["data"]
    bad = App('import numpy as np, streamlit as st\nst.image(np.full((2, 2), 300))')
    [shown] = bad.exceptions()
    assert shown["message"] == "Data is outside [0, 255] and clamp is not set."
    assert np is not None


def test_image_pil_image_is_encoded():
    pil = pytest.importorskip("PIL.Image")
    app = App('from PIL import Image\nimport streamlit as st\nst.image(Image.new("RGBA", (3, 3)))')
    assert one(app, "image")["images"][0]["mime"] == "image/png"
    assert pil is not None


# --- st.audio / st.video ----------------------------------------------------------------
def test_audio_bytes_times_and_flags():
    app = App(PNG_APP + 'st.audio(wav(), start_time="2s", end_time=5, loop=True, autoplay=True)')
    props = one(app, "audio")
    assert props["mime"] == "audio/wav"
    assert base64.b64decode(props["data"]).startswith(b"RIFF")
    assert (props["start_time"], props["end_time"], props["loop"], props["autoplay"]) == (2, 5, True, True)
    assert props["width"] == "stretch"


def test_audio_url_and_bad_start_time():
    app = App('import streamlit as st\nst.audio("https://example.com/a.mp3", format="audio/mpeg")')
    assert one(app, "audio")["url"] == "https://example.com/a.mp3"
    bad = App('import streamlit as st\nst.audio(b"x", start_time="soon")')
    assert error_message(bad).startswith("Failed to convert 'start_time' to a timedelta.")
    assert error_message(bad).endswith("Got: soon")


def test_audio_sample_rate_rules():
    app = App('import streamlit as st\nst.audio(b"abc", sample_rate=8000)')
    assert [a["body"] for a in app.alerts()] == [
        "Warning: `sample_rate` will be ignored since data is not a numpy array."]
    np = pytest.importorskip("numpy")
    missing = App('import numpy as np, streamlit as st\nst.audio(np.zeros(10))')
    assert error_message(missing) == "`sample_rate` must be specified when `data` is a numpy array."
    made = App('import numpy as np, streamlit as st\nst.audio(np.sin(np.arange(800)), sample_rate=8000)')
    assert base64.b64decode(one(made, "audio")["data"])[:4] == b"RIFF"
    assert np is not None


def test_video_subtitles_become_vtt_and_times_are_checked():
    srt = "1\\n00:00:00,000 --> 00:00:01,000\\nHello"
    app = App(PNG_APP + f'st.video(wav(), muted=True, subtitles={{"English": "{srt}"}})')
    props = one(app, "video")
    assert props["muted"] is True and props["mime"] == "video/mp4"
    [track] = props["subtitles"]
    assert track["label"] == "English"
    assert base64.b64decode(track["data"]).decode() == "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nHello"
    bad = App('import streamlit as st\nst.video(b"x", start_time=5, end_time=3)')
    assert error_message(bad) == "Invalid start_time and end_time combination."


def test_video_youtube_url_is_an_embed():
    app = App('import streamlit as st\nst.video("https://youtu.be/dQw4w9WgXcQ")')
    props = one(app, "video")
    assert props["url"] == "https://www.youtube.com/embed/dQw4w9WgXcQ" and props["youtube"]


# --- alerts, progress, toast, snow -----------------------------------------------------------
def test_alert_icon_width_and_dedented_body():
    app = App('import streamlit as st\nst.success("  Done  ", icon="✅", width=300)\n'
              'st.error("Err", icon=":material/error:")')
    done, err = app.alerts()
    assert (done["body"], done["icon"], done["width"], done["type"]) == ("Done", "✅", 300, "success")
    assert err["icon"] == ":material/error:" and err["width"] == "stretch"


def test_alert_shortcode_icon_is_rejected():
    app = App('import streamlit as st\nst.info("x", icon="smile")')
    assert error_message(app).startswith('The value "smile" is not a valid emoji.')


def test_alert_returned_element_can_be_replaced_and_emptied():
    app = App('import streamlit as st\nmsg = st.info("first")\nmsg.success("second")\nst.write("after")\n'
              'gone = st.warning("temp")\ngone.empty()')
    assert [(a["type"], a["body"]) for a in app.alerts()] == [("success", "second")]
    assert app.texts() == ["after"]


def test_progress_updates_in_place():
    app = App('import streamlit as st\nbar = st.progress(0, text="Start")\nst.write("below")\n'
              'bar.progress(0.5, text="Half")')
    [props] = [n.props for n in app.nodes("progress")]
    assert props == {"value": 50, "text": "Half", "width": "stretch"}
    kinds = [n.kind for n in app.root().children]
    assert kinds == ["progress", "markdown"]


@pytest.mark.parametrize("value, message", [
    (101, "Progress Value has invalid value [0, 100]: 101"),
    (1.5, "Progress Value has invalid value [0.0, 1.0]: 1.5"),
    ("'x'", "Progress Value has invalid type: str"),
])
def test_progress_value_errors(value, message):
    app = App(f'import streamlit as st\nst.progress({value})')
    assert error_message(app) == message


def test_progress_text_must_be_a_string():
    app = App('import streamlit as st\nst.progress(3, text=5)')
    assert error_message(app) == (
        "Progress Text is of type <class 'int'>, which is not an accepted type.Text only accepts: "
        "str. Please convert the text to an accepted type.")


def test_toast_icon_duration_and_errors():
    app = App('import streamlit as st\nst.toast("Hi", icon="🍞", duration=7)')
    toast = one(app, "toast")
    assert {k: toast[k] for k in ("body", "icon", "seconds")} == {"body": "Hi", "icon": "🍞", "seconds": 7}
    blank = App('import streamlit as st\nst.toast("")')
    assert error_message(blank) == "Toast body cannot be blank - please provide a message."
    bad = App('import streamlit as st\nst.toast("x", duration=0)')
    [shown] = bad.exceptions()
    assert shown["type"] == "streamlit.errors.StreamlitValueError"
    assert shown["message"] == ("Invalid `duration` value. Supported values: short, long, infinite, "
                                "a positive integer.")


def test_snow_is_an_element_and_each_call_launches_again():
    app = App('import streamlit as st\nst.snow()')
    first = one(app, "snow")["launch"]
    app.rerun()
    assert one(app, "snow")["launch"] != first


def test_spinner_shows_during_the_block_only():
    app = App('import streamlit as st\nwith st.spinner("Wait", show_time=True):\n    st.write("in")\n')
    spins = [c for c in app.session.host.flushed if c.get("op") == "set" and c.get("kind") == "spinner"]
    assert spins[0]["props"] == {"text": "Wait", "show_time": True, "width": "content"}
    assert app.nodes("spinner") == []


# --- st.status --------------------------------------------------------------------------
def status_props(app):
    return [n.props for n in app.nodes("status")]


def test_status_completes_when_its_with_block_ends():
    app = App('import streamlit as st\nwith st.status("Working", expanded=True) as s:\n'
              '    st.write("inside")\n')
    [props] = status_props(app)
    assert props["state"] == "complete" and props["icon"] == ":material/check:"
    assert props["label"] == "Working"
    [block] = app.nodes("status")
    assert app.texts(within=block) == ["inside"]


def test_status_becomes_error_when_an_exception_leaves_it():
    app = App('import streamlit as st\nwith st.status("Risky"):\n    raise ValueError("boom")\n')
    [props] = status_props(app)
    assert props["state"] == "error" and props["icon"] == ":material/error:"
    assert app.exceptions()[0]["message"] == "boom"


def test_status_update_changes_label_state_and_expansion():
    app = App('import streamlit as st\ns = st.status("Start")\ns.update(label="Done", state="complete", '
              'expanded=True)\nt = st.status("Kept", state="error")\nwith t:\n    pass\n')
    first, second = status_props(app)
    assert (first["label"], first["state"], first["expanded"]) == ("Done", "complete", True)
    assert second["state"] == "error"  # only a running status changes on exit


def test_status_unknown_state_error():
    app = App('import streamlit as st\nst.status("x", state="paused")')
    assert error_message(app) == "Unknown state (paused). Must be one of 'running', 'complete', or 'error'."


def test_image_use_column_width_is_deprecated_and_exclusive():
    app = App(PNG_APP + 'st.image(png(), use_column_width=True)')
    assert [a["body"] for a in app.alerts()] == [
        "The `use_column_width` parameter has been deprecated and will be removed in a future "
        "release. Please utilize the `use_container_width` parameter instead."]
    assert one(app, "image")["width"] == "stretch"
    both = App(PNG_APP + 'st.image(png(), use_column_width=True, use_container_width=True)')
    assert error_message(both) == (
        "('`use_container_width` and `use_column_width` cannot be set at the same time.', "
        "'Please utilize `use_container_width` since `use_column_width` is deprecated.')")


def test_image_numpy_without_pil_is_encoded_as_png(monkeypatch):
    pytest.importorskip("numpy")
    import builtins
    real_import = builtins.__import__

    def no_pil(name, *args, **kwargs):
        if name == "PIL" or name.startswith("PIL."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pil)
    app = App('import numpy as np, streamlit as st\n'
              'st.image(np.full((2, 3, 4), 255, dtype=np.uint8))')
    data = base64.b64decode(one(app, "image")["images"][0]["data"])
    assert data.startswith(b"\x89PNG") and data[16:24] == b"\x00\x00\x00\x03\x00\x00\x00\x02"
    assert data[25] == 6  # RGBA


def test_audio_and_video_return_writers_for_their_slot():
    app = App('import streamlit as st\na = st.audio(b"1")\na.video(b"2")\n')
    assert [n.kind for n in app.root().children] == ["video"]


def test_a_toast_is_an_element_each_call_new_and_gone_from_a_run_without_it():
    """As in 1.50: st.toast takes a slot in the tree; calling it again on a rerun is a new
    toast (the page replaces the old one), and a run that does not call it removes it."""
    app = App('import streamlit as st\nif st.session_state.setdefault("on", True):\n    st.toast("Saved")\n'
              'st.write("end")')
    first = one(app, "toast")["launch"]
    app.rerun()
    assert one(app, "toast")["launch"] != first
    app.state["on"] = False
    app.rerun()
    assert [n.kind for n in app.nodes()] == ["markdown"]
