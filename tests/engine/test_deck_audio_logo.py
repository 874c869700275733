"""st.pydeck_chart (real pydeck objects), st.audio_input and st.logo under CPython: what
each sends the page, the values the script gets back, and Streamlit 1.50's errors."""
import base64
import io
import json
import struct
import wave

import pytest
from helpers import App

pdk = pytest.importorskip("pydeck")

DECK_APP = """
    import pydeck as pdk
    import streamlit as st
    layer = pdk.Layer("ScatterplotLayer", data=[{"lon": 1.5, "lat": 2.5, "name": "a"}],
                      id="points", get_position="[lon, lat]", get_radius=1000, pickable=True)
    deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=2, longitude=1, zoom=3),
                    tooltip={"text": "{name}"}, map_style=None)
    st.pydeck_chart(deck, height=300)
    event = st.pydeck_chart(deck, on_select="rerun", selection_mode="multi-object", key="sel")
    st.markdown(json.dumps(event))
    st.markdown(repr(event.selection.indices))
"""


def deck_app():
    return App("import json\n" + DECK_APP.replace("\n    ", "\n"))


def test_pydeck_chart_sends_the_decks_json_its_tooltip_and_sizes():
    app = deck_app()
    plain, widget = app.nodes("deck_gl_json_chart")
    spec = json.loads(plain.props["spec"])
    assert spec["layers"][0]["@@type"] == "ScatterplotLayer"
    assert spec["layers"][0]["id"] == "points"
    assert spec["layers"][0]["data"] == [{"lon": 1.5, "lat": 2.5, "name": "a"}]
    assert spec["initialViewState"]["latitude"] == 2
    assert json.loads(plain.props["tooltip"]) == {"text": "{name}"}
    assert plain.props["height"] == 300 and plain.props["use_container_width"] is True
    assert "id" not in plain.props and "selection_mode" not in plain.props
    assert widget.props["selection_mode"] == ["multi-object"]
    assert widget.props["id"]


def test_pydeck_selection_is_empty_until_the_page_sends_one():
    app = deck_app()
    assert app.texts() == ['{"selection": {"indices": {}, "objects": {}}}', "{}"]
    wid = app.nodes("deck_gl_json_chart")[1].props["id"]
    picked = {"selection": {"indices": {"points": [0]},
                            "objects": {"points": [{"lon": 1.5, "lat": 2.5, "name": "a"}]}}}
    app._send({"kind": "widgets", "values": {wid: picked}})
    assert json.loads(app.texts()[0]) == picked
    assert app.texts()[1] == "{'points': [0]}"
    assert app.state.widget(wid) is not None
    # The key holds the selection in session state, and the app cannot write it.
    app2 = App("""
        import streamlit as st
        st.session_state.sel = {"selection": {}}
        st.pydeck_chart(None, on_select="rerun", key="sel")
    """)
    [exc] = app2.exceptions()
    assert "cannot be set using `st.session_state`" in exc["message"]


def test_pydeck_chart_of_none_is_streamlits_empty_map():
    app = App("""
        import streamlit as st
        st.pydeck_chart()
        st.pydeck_chart()  # no element id without selections: identical charts are fine
    """)
    specs = [json.loads(n.props["spec"]) for n in app.nodes("deck_gl_json_chart")]
    assert specs == [{"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}] * 2
    assert app.exceptions() == []


MODES = {"single-object", "multi-object"}


def test_pydeck_chart_errors_are_streamlits():
    app = App("""
        import streamlit as st
        for kwargs in ({"on_select": "sometimes"}, {"on_select": "rerun", "selection_mode": "many"},
                       {"on_select": "rerun", "selection_mode": ["single-object"]}):
            try:
                st.pydeck_chart(None, **kwargs)
            except Exception as e:
                st.markdown(type(e).__name__ + ": " + str(e))
    """)
    assert app.texts() == [
        "StreamlitAPIException: You have passed sometimes to `on_select`. But only 'ignore', "
        "'rerun', or a callable is supported.",
        # Streamlit prints its set of modes (their order is the set's)
        f"StreamlitAPIException: Invalid selection mode: many. Valid options are: {MODES}",
        # two arguments, as Streamlit passes them: str() shows the tuple
        "StreamlitAPIException: " + str(("Invalid selection mode: ['single-object']. ",
                                         "Selection mode must be a single value, but got a set instead.")),
    ]


def test_pydeck_callback_runs_on_selection():
    app = App("""
        import streamlit as st
        def picked():
            st.session_state.log = st.session_state.get("log", 0) + 1
        st.pydeck_chart(None, on_select=picked, key="deck")
        st.markdown(str(st.session_state.get("log", 0)))
    """)
    wid = app.nodes("deck_gl_json_chart")[0].props["id"]
    app._send({"kind": "widgets", "values": {wid: {"selection": {"indices": {"x": [1]}, "objects": {"x": [{}]}}}}})
    assert app.texts() == ["1"]


# --- st.audio_input -----------------------------------------------------------------------

def wav_bytes(rate=16000, frames=160, channels=1):
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(struct.pack(f"<{frames * channels}h", *([100] * frames * channels)))
    return buf.getvalue()


def sent(file_id, name, data=None, type="audio/wav"):
    info = {"file_id": file_id, "name": name, "type": type, "size": len(data or b"")}
    if data is not None:
        info["data"] = base64.b64encode(data).decode()
    return info


AUDIO_APP = """
    import io, wave
    import streamlit as st
    rec = st.audio_input("Speak", help="Say it", key="mic")
    if rec is None:
        st.markdown("none")
    else:
        w = wave.open(io.BytesIO(rec.read()))
        st.markdown(f"{rec.name}|{rec.type}|{rec.size}|{w.getframerate()}|{type(rec).__name__}")
"""


def test_audio_input_is_none_then_the_recorded_wav_then_none_when_cleared():
    app = App(AUDIO_APP)
    node = app.widget("Speak")
    assert node.kind == "audio_input"
    assert node.props["sample_rate"] == 16000 and node.props["help"] == "Say it"
    assert app.texts() == ["none"]
    data = wav_bytes()
    name = "2025-01-31T09-05_audio.wav"
    app.set("Speak", [sent("a1", name, data)])
    assert app.texts() == [f"{name}|audio/wav|{len(data)}|16000|UploadedFile"]
    assert app.widget("Speak").props["value"] == [
        {"file_id": "a1", "name": name, "size": len(data), "type": "audio/wav"}]
    app.rerun()  # each run reads the file from its start
    assert app.texts() == [f"{name}|audio/wav|{len(data)}|16000|UploadedFile"]
    app.set("Speak", [])
    assert app.texts() == ["none"]


def test_audio_input_takes_only_wav_and_valid_sample_rates():
    app = App("""
        import streamlit as st
        st.audio_input("Speak")
    """)
    app.set("Speak", [sent("a1", "clip.webm", b"webm", type="audio/webm")])
    [exc] = app.exceptions()
    assert exc["message"] == "Invalid file extension: `.webm`. Allowed: ['.wav']"
    app = App("""
        import streamlit as st
        for rate in (12345, None):
            try:
                st.audio_input(f"Rate {rate}", sample_rate=rate)
            except Exception as e:
                st.markdown(str(e))
    """)
    assert app.texts() == [
        "Invalid sample_rate: 12345. Must be one of [8000, 11025, 16000, 22050, 24000, 32000, "
        "44100, 48000] Hz, or None for browser default."]
    assert app.widget("Rate None").props["sample_rate"] is None


def test_audio_input_id_ignores_the_sample_rate_and_state_cannot_be_set():
    app = App("""
        import streamlit as st
        rate = st.session_state.get("rate", 16000)
        st.audio_input("Speak", sample_rate=rate)
        st.session_state.rate = 48000
    """)
    first = app.widget_id("Speak")
    app.rerun()
    assert app.widget_id("Speak") == first
    app = App("""
        import streamlit as st
        st.session_state.mic = None
        st.audio_input("Speak", key="mic")
    """)
    [exc] = app.exceptions()
    assert "cannot be set using `st.session_state`" in exc["message"]


# --- st.logo ------------------------------------------------------------------------------

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def logo_changes(app):
    return [c["logo"] for c in app.session.host.flushed if c["op"] == "logo"]


def test_logo_sends_image_link_icon_and_size_once_per_change():
    app = App(f"""
        import streamlit as st
        st.logo({PNG!r}, link="https://example.com/", icon_image="https://example.com/i.png", size="LARGE")
        st.button("Again")
    """)
    [logo] = logo_changes(app)
    assert logo["image"].startswith("data:image/png;base64,")
    assert logo["icon_image"] == "https://example.com/i.png"
    assert logo["link"] == "https://example.com/" and logo["size"] == "large"
    app.click("Again")
    assert len(logo_changes(app)) == 1  # unchanged: not sent again


def test_logo_goes_away_after_a_full_run_without_it_but_not_after_a_fragment_run():
    app = App("""
        import streamlit as st
        if st.session_state.setdefault("show", True):
            st.logo("https://example.com/logo.png")
        @st.fragment
        def part():
            st.button("Fragment")
        part()
        if st.button("Hide"):
            st.session_state.show = False
            st.rerun()
    """)
    assert [c and c["image"] for c in logo_changes(app)] == ["https://example.com/logo.png"]
    app.click("Fragment")
    assert len(logo_changes(app)) == 1
    app.click("Hide")
    assert logo_changes(app)[-1] is None


def test_logo_errors_are_streamlits():
    app = App("""
        import streamlit as st
        for args, kwargs in (((123,), {}), (("https://x.io/a.png",), {"link": "ftp://x"}),
                             (("https://x.io/a.png",), {"size": "huge"}),
                             (("https://x.io/a.png",), {"icon_image": "no/such/file.png"})):
            try:
                st.logo(*args, **kwargs)
            except Exception as e:
                st.markdown(type(e).__name__ + ": " + str(e))
    """)
    docs = ("See [documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) "
            "for more information on valid types")
    assert app.texts() == [
        f"StreamlitAPIException: The image passed to st.logo is invalid - {docs}",
        "StreamlitAPIException: Invalid link: ftp://x - the link param supports external links "
        "only and must start with either http:// or https://.",
        'StreamlitAPIException: The size argument to st.logo must be "small", "medium", or '
        '"large". \nThe argument passed was huge.',
        f"StreamlitAPIException: The icon_image passed to st.logo is invalid - {docs}",
    ]
