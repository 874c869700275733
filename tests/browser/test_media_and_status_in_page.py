"""Media and status elements in Chromium: what the conformance steps cannot check - images
from bytes really decode, audio/video play from Blob URLs (freed when the element goes),
a progress bar and an st.status container change in place, the spinner's half-second delay,
and st.snow."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import io, struct, time, wave, zlib
import streamlit as st

def png(width=3, height=2):
    raw = b"".join(b"\\x00" + bytes([255, 0, 0] * width) for _ in range(height))
    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)
    return (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def wav():
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b"\\x00\\x00" * 800)
    return buf.getvalue()

st.session_state.setdefault("step", 0)
if st.button("Advance"):
    st.session_state.step += 1
hide = st.checkbox("Hide media")
if not hide:
    st.image(png(), caption="Red")
    st.audio(wav())
    st.video(wav(), format="video/mp4", subtitles="WEBVTT\\n\\n00:00.000 --> 00:01.000\\nHi")
bar = st.progress(0, text="Start")
bar.progress(st.session_state.step * 10, text=f"Step {st.session_state.step}")
box = st.status("Working")
box.write("details")
if st.session_state.step:
    box.update(label="Finished", state="complete", expanded=True)
st.snow()
if st.button("Spin"):
    with st.spinner("Spinning", show_time=True):
        time.sleep(1.5)
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "media_status", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


@pytest.fixture
def app_page(site_url, module_page):
    page = fresh_app(module_page, site_url)
    page.wait_for_selector("[data-testid='stImage'] img")
    return page


def test_image_from_bytes_decodes_with_its_natural_size(app_page):
    img = app_page.locator("[data-testid='stImage'] img")
    app_page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stImage'] img\").complete")
    assert img.evaluate("i => [i.naturalWidth, i.naturalHeight]") == [3, 2]
    assert img.get_attribute("src").startswith("blob:")
    assert app_page.get_by_test_id("stImageCaption").inner_text() == "Red"


def test_audio_and_video_play_from_blob_urls_that_are_freed_when_they_go(app_page):
    audio = app_page.locator("audio[data-testid='stAudio']")
    video = app_page.locator("video[data-testid='stVideo']")
    assert audio.get_attribute("src").startswith("blob:")
    assert video.get_attribute("src").startswith("blob:")
    track = app_page.locator("video track[data-testid='stVideoSubtitle']")
    assert track.get_attribute("src").startswith("blob:")
    src = audio.get_attribute("src")
    assert app_page.evaluate("u => fetch(u).then(r => r.ok)", src) is True
    app_page.get_by_text("Hide media").click()
    app_page.wait_for_selector(IDLE)
    assert app_page.locator("audio[data-testid='stAudio']").count() == 0
    freed = app_page.evaluate("u => fetch(u).then(() => false, () => true)", src)
    assert freed is True


def test_progress_and_status_change_in_place(app_page):
    bar = app_page.get_by_test_id("stProgress")
    assert bar.get_by_role("progressbar").get_attribute("aria-valuenow") == "0"
    bar.evaluate("e => { e.dataset.marker = 'kept'; }")
    status = app_page.get_by_test_id("stExpander")
    status.evaluate("e => { e.dataset.marker = 'kept'; }")
    assert status.get_by_test_id("stExpanderIconSpinner").count() == 1
    assert status.locator("details").evaluate("d => d.open") is False
    app_page.get_by_role("button", name="Advance").click()
    app_page.wait_for_selector(IDLE)
    app_page.wait_for_selector("[data-testid='stProgress'] [aria-valuenow='10']")
    assert app_page.locator("[data-testid='stProgress'][data-marker='kept']").count() == 1
    assert bar.inner_text() == "Step 1"
    assert app_page.locator("[data-testid='stExpander'][data-marker='kept']").count() == 1
    assert status.get_by_test_id("stExpanderIconCheck").count() == 1
    assert status.locator("summary").inner_text().endswith("Finished")
    assert status.locator("details").evaluate("d => d.open") is True


def test_snow_is_shown(app_page):
    assert app_page.get_by_test_id("stSnow").count() == 1


# Notes the time of the next click and of the spinner's showing (in the page's clock).
TIME_SPINNER = """() => {
  window.__spin = { clicked: null, shown: null };
  document.addEventListener("click", () => { window.__spin.clicked ??= performance.now(); },
                            { capture: true, once: true });
  const shown = new MutationObserver(() => {
    if (document.querySelector("[data-testid='stSpinner']")) {
      window.__spin.shown = performance.now();
      shown.disconnect();
    }
  });
  shown.observe(document.body, { subtree: true, childList: true, attributes: true,
                                 attributeFilter: ["data-testid"] });
}"""


def test_spinner_waits_half_a_second_then_counts_time(app_page):
    app_page.evaluate(TIME_SPINNER)
    app_page.get_by_role("button", name="Spin").click()
    spinner = app_page.get_by_test_id("stSpinner")
    spinner.wait_for(timeout=3000)
    # It did not show in its first half second (timed in the page, from the click).
    timing = app_page.evaluate("window.__spin")
    assert timing["shown"] - timing["clicked"] >= 500, timing
    spinner.filter(has_text="seconds)").wait_for(timeout=3000)  # the time it counts
    assert "Spinning" in spinner.inner_text()
    assert "seconds)" in spinner.inner_text()
    app_page.wait_for_selector(IDLE)
    assert app_page.get_by_test_id("stSpinner").count() == 0
