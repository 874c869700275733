"""What "looks the same" measures: where each element sits, and the page's pixels.

Shared by the recorder (run against Streamlit 1.50) and the test (run against wasmlit).
"""
VIEWPORT = {"width": 1280, "height": 900}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

# One box per element kind, in page order: the first visible element with each testid.
TESTIDS = ["stHeading", "stMarkdown", "stMetric", "stAlert", "stTextInput", "stSlider",
           "stSelectbox", "stCheckbox", "stButton", "stTable", "stCode", "stExpander"]

BOXES_SCRIPT = """() => {
  const ids = %s;
  const out = {};
  for (const id of ids) {
    const all = [...document.querySelectorAll(`[data-testid='${id}']`)]
      .filter((e) => e.getBoundingClientRect().height > 0);
    out[id] = all.map((e) => { const r = e.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y + window.scrollY), Math.round(r.width), Math.round(r.height)]; });
  }
  return out;
}""" % TESTIDS


def settle(page) -> None:
    page.wait_for_selector(IDLE, timeout=60000)
    page.wait_for_timeout(1500)  # fonts, transitions
    page.mouse.move(0, 0)
