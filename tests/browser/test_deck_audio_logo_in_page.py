"""st.pydeck_chart, st.audio_input and st.logo in Chromium.

The page's Pyodide has no numpy offline, so it cannot import pydeck: the deck's JSON is made
here by the real pydeck (CPython), and the app hands st.pydeck_chart an object whose
to_json() gives it, as a Deck's does. The module runs its own
Chromium with a fake microphone (--use-fake-device-for-media-stream, its permission
granted by --use-fake-ui-for-media-stream), so recording really goes through
getUserMedia, MediaRecorder and the WAV encoding."""
from __future__ import annotations

import json
import os
import re
import shutil

import pytest

pdk = pytest.importorskip("pydeck")

from conftest import CHROMIUM_FLAGS
from sites import build_site, click_and_wait_run, fresh_app, open_idle, run_after

# The Deck the app draws, as real pydeck writes it.
DECK_JSON = pdk.Deck(
    layers=[pdk.Layer("ScatterplotLayer", data=[{"lon": 10.0, "lat": 20.0, "name": "only"}], id="pts",
                      get_position="[lon, lat]", get_radius=200000, get_fill_color=[255, 0, 0],
                      pickable=True)],
    initial_view_state=pdk.ViewState(latitude=20, longitude=10, zoom=3), map_style=None).to_json()

APP = '''
import io, json, wave
import streamlit as st

class Deck:
    """What st.pydeck_chart takes of a pydeck.Deck: its JSON and its tooltip."""
    _tooltip = {"text": "{name}"}
    def to_json(self):
        return DECK_JSON

LOGO = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIHdpZHRoPSc4MCcgaGVpZ2h0PScyMCc+PHJlY3Qgd2lkdGg9JzgwJyBoZWlnaHQ9JzIwJyBmaWxsPSdyZWQnLz48L3N2Zz4="
ICON = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIHdpZHRoPScyMCcgaGVpZ2h0PScyMCc+PHJlY3Qgd2lkdGg9JzIwJyBoZWlnaHQ9JzIwJyBmaWxsPSdibHVlJy8+PC9zdmc+"
if not st.checkbox("No logo"):
    st.logo(LOGO, link="https://example.com/", icon_image=ICON, size="large")
if st.checkbox("Sidebar"):
    st.sidebar.write("In the sidebar")

event = st.pydeck_chart(Deck(), on_select="rerun", key="deck", height=400)
st.write("selection: " + json.dumps(event.selection, sort_keys=True))

rec = st.audio_input("Speak")
if rec is None:
    st.write("audio: none")
else:
    w = wave.open(io.BytesIO(rec.getvalue()))
    st.write(f"audio: {rec.name}|{rec.type}|{w.getframerate()}|{w.getsampwidth()}|{w.getnchannels()}|"
             f"{w.getnframes() / w.getframerate():.1f}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("deck_audio_logo")
    app = work / "deck_audio_logo_app.py"
    app.write_text(f"DECK_JSON = {DECK_JSON!r}\n" + APP)
    return build_site(app, work / "site")


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture(scope="module")
def mic_browser(playwright):
    """A Chromium whose microphone is a fake one (a beeping tone)."""
    executable = os.environ.get("WASMLIT_CHROMIUM") or shutil.which("chromium")
    browser = playwright.chromium.launch(
        executable_path=executable, args=CHROMIUM_FLAGS + [
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"])
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def mic_page(mic_browser):
    return mic_browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


@pytest.fixture
def app_page(site_url, mic_page):
    return fresh_app(mic_page, site_url)


def texts(page):
    return page.get_by_test_id("stMarkdown").all_inner_texts()


def text_starting(page, prefix):
    return next(t for t in texts(page) if t.startswith(prefix))


def has_webgl2(page):
    return page.evaluate("() => !!document.createElement('canvas').getContext('webgl2')")


# --- st.pydeck_chart ----------------------------------------------------------------------

def test_pydeck_chart_draws_its_layers_or_says_webgl_is_missing(app_page):
    chart = app_page.get_by_test_id("stDeckGlJsonChart")
    assert chart.evaluate("e => e.getBoundingClientRect().height") == 400
    if has_webgl2(app_page):
        app_page.wait_for_selector("[data-testid='stDeckGlJsonChart'][data-wl-drawn='true'] canvas")
        assert chart.locator("canvas").count() >= 1
        assert chart.get_attribute("data-wl-error") is None
    else:
        note = chart.get_by_role("note")
        assert "needs WebGL 2" in note.inner_text()
    # deck.gl is its own bundle, fetched only because the app draws a deck
    assert app_page.evaluate(
        "() => performance.getEntriesByType('resource').some(r => /\\/deckgl(\\.[0-9a-f]{8})?\\.js$/.test(r.name))")


def test_hovering_a_point_shows_its_tooltip_and_clicking_selects_it(app_page):
    if not has_webgl2(app_page):
        pytest.skip("this Chromium gives no WebGL 2: no layer is drawn to click")
    app_page.wait_for_selector("[data-testid='stDeckGlJsonChart'][data-wl-drawn='true'] canvas")
    chart = app_page.get_by_test_id("stDeckGlJsonChart")
    box = chart.bounding_box()
    centre = {"x": box["width"] / 2, "y": box["height"] / 2}  # the view is centred on the point
    assert text_starting(app_page, "selection:") == 'selection: {"indices": {}, "objects": {}}'
    chart.hover(position=centre)  # the Deck's tooltip, "{name}" filled from the point
    tooltip = chart.locator(".deck-tooltip")
    app_page.wait_for_function("t => t.style.display !== 'none'", arg=tooltip.element_handle())
    assert tooltip.inner_text() == "only"
    run_after(app_page, lambda: chart.click(position=centre))
    picked = json.loads(text_starting(app_page, "selection:")[len("selection: "):])
    assert picked == {"indices": {"pts": [0]}, "objects": {"pts": [{"lat": 20.0, "lon": 10.0, "name": "only"}]}}
    assert chart.get_by_role("button", name="Clear selection").is_visible()
    click_and_wait_run(chart.get_by_role("button", name="Clear selection"))
    assert text_starting(app_page, "selection:") == 'selection: {"indices": {}, "objects": {}}'


def test_without_webgl2_the_chart_says_it_cannot_draw(mic_browser, site_url):
    context = mic_browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script("""(() => {
          const real = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
            return /webgl/.test(kind) ? null : real.call(this, kind, ...rest);
          };
        })()""")
        open_idle(page, site_url)
        chart = page.get_by_test_id("stDeckGlJsonChart")
        assert chart.get_by_role("note").inner_text() == (
            "This chart needs WebGL 2, which this browser does not provide, so its layers cannot be drawn.")
        assert chart.locator("canvas").count() == 0
        assert chart.evaluate("e => e.getBoundingClientRect().height") == 400
        assert text_starting(page, "audio:") == "audio: none"  # the rest of the app is there
    finally:
        context.close()


# --- st.audio_input -----------------------------------------------------------------------

def test_recording_from_the_microphone_gives_a_16khz_wav_upload(app_page):
    widget = app_page.get_by_test_id("stAudioInput")
    assert widget.get_by_test_id("stAudioInputWaveformTimeCode").inner_text() == "00:00"
    assert text_starting(app_page, "audio:") == "audio: none"
    widget.get_by_role("button", name="Record", exact=True).click()
    stop = widget.get_by_role("button", name="Stop recording")
    stop.wait_for()
    app_page.wait_for_function(  # about a second and a half of sound
        "() => document.querySelector(\"[data-testid='stAudioInputWaveformTimeCode']\").textContent >= '00:01'")
    app_page.wait_for_timeout(500)
    run_after(app_page, stop.click)
    shown = text_starting(app_page, "audio:")
    name, mime, rate, width, channels, seconds = shown[len("audio: "):].split("|")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d-\d\d_audio\.wav", name)
    assert (mime, rate, width) == ("audio/wav", "16000", "2")
    assert int(channels) in (1, 2)
    assert 1.0 <= float(seconds) <= 4.0
    # Now there is something to play, download and clear
    assert widget.get_by_role("button", name="Play").is_visible()
    assert widget.get_by_role("button", name="Record", exact=True).is_visible()
    assert widget.get_by_test_id("stAudioInputWaveSurfer").locator("canvas").count() == 1
    widget.hover()
    with app_page.expect_download() as download:
        widget.get_by_role("button", name="Download as WAV").click()
    assert download.value.suggested_filename == "recording.wav"
    click_and_wait_run(widget.get_by_role("button", name="Clear recording"))
    assert text_starting(app_page, "audio: ") == "audio: none"
    assert widget.get_by_role("button", name="Play").count() == 0


# --- st.logo ------------------------------------------------------------------------------

def test_logo_is_in_the_header_without_a_sidebar_and_in_the_sidebar_with_one(app_page):
    header = app_page.get_by_test_id("stHeaderLogo")
    assert header.is_visible()
    assert header.get_attribute("src").startswith("data:image/svg+xml")  # the icon image
    assert header.evaluate("i => i.getBoundingClientRect().height") == 32  # size="large"
    link = app_page.get_by_test_id("stLogoLink")
    assert link.get_attribute("href") == "https://example.com/"
    assert link.get_attribute("target") == "_blank"
    assert app_page.get_by_test_id("stSidebarLogo").count() == 0

    click_and_wait_run(app_page.get_by_text("Sidebar", exact=True))
    assert app_page.get_by_test_id("stSidebarLogo").is_visible()
    assert app_page.get_by_test_id("stHeaderLogo").count() == 0
    app_page.get_by_test_id("stSidebar").hover()
    app_page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    assert app_page.get_by_test_id("stHeaderLogo").is_visible()  # collapsed: the header shows it

    click_and_wait_run(app_page.get_by_text("No logo", exact=True))
    assert app_page.locator("img[alt='Logo']").count() == 0
