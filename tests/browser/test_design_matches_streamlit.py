"""A page of everyday elements in wasmlit looks like the same app in Streamlit 1.50.

"Looks the same" is judged two ways against a recording from Streamlit 1.50
(tests/screenshots/record_oracle.py): every element kind sits where Streamlit puts it, with
about its size (boxes within a few pixels across, within tolerances down the page, where
small height differences add up); and the two viewport screenshots put ink in mostly the
same places (a map of 20x20 px cells that hold anything drawn; Jaccard overlap at least
0.45, allowing a vertical shift of up to 60 px). Measured on 2026-11-24: wasmlit 0.60; the
same page scrolled by 300 px 0.28; a blank page 0.00, so the limit tells them apart (a
test below keeps that true). The figures are printed so a drift shows before it fails.
"""
from __future__ import annotations

import base64
import json
import sys

import pytest

from sites import ROOT, build_site

# Screenshots and layout measures: run alone (scripts/test.sh's serial pass); beside a
# second Chromium its page once crashed in a CI run.
pytestmark = pytest.mark.serial

SHOTS = ROOT / "tests" / "screenshots"
sys.path.insert(0, str(SHOTS))
from look import BOXES_SCRIPT, VIEWPORT, settle  # noqa: E402

X_TOLERANCE = 8          # px: the column and the centred layout must match closely
WIDTH_TOLERANCE = 16     # px
Y_TOLERANCE = 60         # px: heights that differ a little add up down the page
HEIGHT_TOLERANCE = 0.35  # of Streamlit's height, at least 12 px
MIN_INK_OVERLAP = 0.45  # Jaccard overlap of the ink maps

# Ink maps: each screenshot cut into 64x45 cells of 20x20 px, a cell "inked" where anything
# darker than the background is drawn. The score is the Jaccard overlap of the two maps
# (1 = ink in exactly the same cells, a blank page scores 0), the best over vertical shifts
# of up to 60 px, so small height differences that add up down the page are forgiven.
COMPARE_SCRIPT = """async ([a, b]) => {
  const W = 64, H = 45, CELL = 20, SHIFT = 3;
  const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = src; });
  const inked = (img) => {
    const c = document.createElement("canvas"); c.width = W * CELL; c.height = H * CELL;
    const g = c.getContext("2d"); g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data; const cells = new Uint8Array(W * H);
    for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) {
      const i = (y * c.width + x) * 4;
      if (0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2] < 235) cells[Math.floor(y / CELL) * W + Math.floor(x / CELL)] = 1;
    }
    return cells;
  };
  const [x, y] = [inked(await load(a)), inked(await load(b))];
  let best = 0;
  for (let dy = -SHIFT; dy <= SHIFT; dy++) {
    let both = 0, either = 0;
    for (let r = 0; r < H; r++) {
      const r2 = r + dy;
      for (let col = 0; col < W; col++) {
        const p = x[r * W + col], q = r2 >= 0 && r2 < H ? y[r2 * W + col] : 0;
        both += p & q; either += p | q;
      }
    }
    best = Math.max(best, either ? both / either : 1);
  }
  return best;
}"""


# True once the page (or an element in it) is scrolled and has stayed put for a frame (the
# wheel's scroll may be animated); polled every frame.
SCROLLED_AND_STILL = """() => {
  const y = window.scrollY + Math.max(0, ...[...document.querySelectorAll('*')].map((e) => e.scrollTop));
  const last = window.__wlLastScroll;
  window.__wlLastScroll = y;
  return y > 0 && y === last;
}"""


@pytest.fixture(scope="module")
def ours(tmp_path_factory, serve, browser):
    site = build_site(SHOTS / "elements_app.py", tmp_path_factory.mktemp("design") / "site")
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(serve(site).url)
    settle(page)
    shot = page.screenshot()
    boxes = page.evaluate(BOXES_SCRIPT)
    yield page, shot, boxes
    page.close()


def test_each_element_sits_where_streamlit_puts_it(ours):
    _, _, boxes = ours
    expected = json.loads((SHOTS / "streamlit-1.50-elements.boxes.json").read_text())
    problems = []
    for testid, want_boxes in expected.items():
        got_boxes = boxes.get(testid, [])
        if len(got_boxes) != len(want_boxes):
            problems.append(f"{testid}: {len(got_boxes)} shown, Streamlit shows {len(want_boxes)}")
            continue
        for (x, y, w, h), (gx, gy, gw, gh) in zip(want_boxes, got_boxes):
            print(f"{testid:13} streamlit {x:4} {y:5} {w:4}x{h:<4} wasmlit {gx:4} {gy:5} {gw:4}x{gh}")
            if abs(gx - x) > X_TOLERANCE or abs(gw - w) > WIDTH_TOLERANCE:
                problems.append(f"{testid}: x/width {gx}/{gw}, Streamlit {x}/{w}")
            if abs(gy - y) > Y_TOLERANCE or abs(gh - h) > max(12, HEIGHT_TOLERANCE * h):
                problems.append(f"{testid}: y/height {gy}/{gh}, Streamlit {y}/{h}")
    assert not problems, "\n".join(problems)


def test_the_page_looks_like_streamlits(ours):
    page, shot, _ = ours
    theirs = (SHOTS / "streamlit-1.50-elements.png").read_bytes()
    as_url = lambda png: "data:image/png;base64," + base64.b64encode(png).decode()
    difference = page.evaluate(COMPARE_SCRIPT, [as_url(theirs), as_url(shot)])
    print(f"ink overlap with Streamlit 1.50: {difference:.3f} (at least {MIN_INK_OVERLAP})")
    assert difference >= MIN_INK_OVERLAP


def test_the_measure_tells_a_different_page_apart(ours):
    """The limit means something: a blank page, or the same page out of place, fails it."""
    page, shot, _ = ours
    theirs = (SHOTS / "streamlit-1.50-elements.png").read_bytes()
    as_url = lambda png: "data:image/png;base64," + base64.b64encode(png).decode()
    page.mouse.wheel(0, 300)
    page.wait_for_function(SCROLLED_AND_STILL, timeout=10000)
    shifted = page.screenshot()
    page.mouse.wheel(0, -300)
    blank = page.evaluate("""() => { const c = document.createElement('canvas'); c.width = 1280;
        c.height = 900; const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 1280, 900);
        return c.toDataURL('image/png'); }""")
    for name, other in (("blank page", blank), ("page scrolled by 300px", as_url(shifted))):
        difference = page.evaluate(COMPARE_SCRIPT, [as_url(theirs), other])
        print(f"{name}: ink overlap {difference:.3f}")
        assert difference < MIN_INK_OVERLAP, name
