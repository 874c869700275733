"""Replays a recorded conformance case (app.py, steps.json, expected.json) in a page.

The step kinds are those of the recorder (`shared/tools/conform.py --oracle`); each
returns what a person would see, so the recording from Streamlit 1.50 and our replay can
be compared observation by observation.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sites import RUN_COUNTER_JS

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def load_case(case_dir: Path) -> tuple[list[dict], list[dict]]:
    steps = json.loads((case_dir / "steps.json").read_text())
    expected = json.loads((case_dir / "expected.json").read_text())
    return steps, expected


# The icon font (5 MB) may still be loading when a step observes: icons stay hidden until it
# is in (web/icons.js), and a hidden icon's name is not in innerText, as it is once drawn.
ICON_FONT_IN = "!document.documentElement.classList.contains('wl-icon-font-loading')"


def _texts(page, testid: str) -> list[str]:
    page.wait_for_function(ICON_FONT_IN, timeout=30000)
    loc = page.locator(f"[data-testid='{testid}']").filter(visible=True)
    return [t.strip() for t in loc.all_inner_texts()]


# How long an action that starts no run is given to start one before "wait_idle" takes the
# app as idle (the recorder's own grace). An action that does start a run ends the wait as
# soon as that run ends (the run counter, sites.RUN_COUNTER_JS).
RUN_START_GRACE_MS = 250


def _runs_ended(page) -> int:
    page.evaluate(RUN_COUNTER_JS)
    return page.evaluate("window.__wlRunsEnded")


def _wait_idle(page, runs_before: int, timeout_ms: float) -> None:
    try:
        page.wait_for_function("n => window.__wlRunsEnded > n", arg=runs_before,
                               timeout=RUN_START_GRACE_MS)
    except PlaywrightTimeout:
        pass  # no run started within the grace: the action started none
    page.wait_for_selector(IDLE, timeout=timeout_ms)


def run_steps(page, steps: list[dict]) -> list[dict]:
    observations: list[dict] = []
    last_action = time.time()
    runs_before = _runs_ended(page) - 1  # the run that opened the app counts as started by it
    for step in steps:
        if "wait_idle" not in step and "sleep" not in step and any(
                k in step for k in ("click", "fill", "check", "select", "press", "click_at")):
            runs_before = _runs_ended(page)
        if "wait_idle" in step:
            _wait_idle(page, runs_before, step.get("timeout", 60) * 1000)
        elif "sleep" in step:
            # A recorded wait of wall-clock time (timers, run_every fragments): the behaviour
            # under test, kept as recorded.
            page.wait_for_timeout(int(step["sleep"] * 1000))
        elif "click" in step:
            buttons = page.get_by_role("button", name=step["click"], exact=True).filter(visible=True)
            last_action = time.time()
            buttons.nth(step.get("nth", 0)).click(timeout=15000)
        elif "fill" in step:
            field = page.get_by_label(step["fill"], exact=True).filter(visible=True).first
            last_action = time.time()
            field.fill(step["value"])
            field.press("Enter")
        elif "check" in step:
            last_action = time.time()
            page.get_by_text(step["check"], exact=True).filter(visible=True).first.click()
        elif "select" in step:
            last_action = time.time()
            box = page.locator("[data-testid='stSelectbox']").filter(has_text=step["select"])
            box.filter(visible=True).first.click()
            page.get_by_role("option", name=step["option"], exact=True).first.click(timeout=15000)
        elif "press" in step:
            last_action = time.time()
            box = page.locator("[data-testid='stSlider']").filter(has_text=step["press"])
            knob = box.filter(visible=True).first.get_by_role("slider").first
            knob.focus()
            for _ in range(step.get("times", 1)):
                knob.press(step["key"])
        elif "click_at" in step:
            # A click inside an element at a fraction of its box (a chart's mark), for steps
            # that no role or label reaches. Our own step: shared/tools/conform.py lacks it,
            # so cases using it are recorded with tests/conformance/record.py.
            box = page.locator(f"[data-testid='{step['click_at']}']").nth(step.get("nth", 0))
            size = box.bounding_box()
            last_action = time.time()
            box.click(position={"x": size["width"] * step["x"], "y": size["height"] * step["y"]})
        elif "observe" in step:
            observations.append({"observe": {tid: _texts(page, tid) for tid in step["observe"]}})
        elif "count" in step:
            observations.append({"count": {tid: page.locator(f"[data-testid='{tid}']").count()
                                           for tid in step["count"]}})
        elif "css" in step:
            observations.append({"css": {sel: page.locator(sel).count() for sel in step["css"]}})
        elif "between" in step:
            texts = page.locator(f"[data-testid='{step['between']}']").all_inner_texts()
            numbers = [int(m.group(1)) for t in texts for m in [re.search(step["pattern"], t)] if m]
            value = numbers[-1] if numbers else None
            observations.append({"between": step["pattern"], "value": value,
                                 "ok": value is not None and step["min"] <= value <= step["max"]})
        elif "elapsed_below" in step:
            observations.append({"elapsed_below": step["elapsed_below"],
                                 "ok": time.time() - last_action < step["elapsed_below"]})
        elif "contains" in step:
            texts = page.locator(f"[data-testid='{step['contains']}']").all_inner_texts()
            observations.append({"contains": step["text"], "ok": any(step["text"] in t for t in texts)})
        else:
            raise ValueError(f"unknown step {step}")
    return observations


def comparable(observations: list[dict]) -> list[dict]:
    """Observations without the measured value of range checks (only `ok` must agree)."""
    return [{k: v for k, v in o.items() if k != "value"} for o in observations]


def first_difference(expected: list[dict], observed: list[dict]) -> str | None:
    want, got = comparable(expected), comparable(observed)
    for i, (w, g) in enumerate(zip(want, got)):
        if w != g:
            return f"observation {i}:\n  Streamlit 1.50: {json.dumps(w)}\n  wasmlit:        {json.dumps(g)}"
    if len(want) != len(got):
        return f"{len(got)} observations, Streamlit 1.50 made {len(want)}"
    return None
