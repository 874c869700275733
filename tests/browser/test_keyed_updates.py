"""Reruns touch only what changed: a full rerun or a fragment rerun of an app with many
elements leaves every unchanged element's DOM node in place, untouched (no re-render of
the page), and the mutations it makes stay inside the elements whose content changed."""
from __future__ import annotations

import pytest

from sites import build_source_site, fresh_app, settle

APP = """
import streamlit as st
st.session_state.setdefault("full", 0)
st.session_state.setdefault("frag", 0)
for i in range(60):
    st.write(f"static line {i}")
if st.button("Full rerun"):
    st.session_state.full += 1
st.write(f"full runs: {st.session_state.full}")

@st.fragment
def part():
    if st.button("Fragment rerun"):
        st.session_state.frag += 1
    st.write(f"fragment runs: {st.session_state.frag}")

part()
for i in range(20):
    st.write(f"tail line {i}")
"""

WATCH = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  const containers = [...main.querySelectorAll("[data-testid='stElementContainer']")];
  containers.forEach((el, i) => { el.__probe = i; });
  window.__containers = containers;
  window.__mutated = new Set();
  window.__observer?.disconnect();
  window.__observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const box = node && node.closest("[data-testid='stElementContainer']");
      window.__mutated.add(box ? box.innerText.trim().split("\\n")[0] : "(outside any element)");
    }
  });
  window.__observer.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
}"""

REPORT = """() => {
  const now = [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stElementContainer']")];
  return {
    same: now.length === window.__containers.length && now.every((el, i) => el === window.__containers[i] && el.__probe === i),
    mutated: [...window.__mutated].sort(),
  };
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_source_site(tmp_path_factory, "keyed", APP)


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site).url


def test_a_full_rerun_keeps_unchanged_elements_and_changes_only_the_counter(site_url, module_page):
    page = fresh_app(module_page, site_url)
    page.evaluate(WATCH)
    page.get_by_role("button", name="Full rerun").click()
    page.get_by_text("full runs: 1").wait_for()
    settle(page)
    report = page.evaluate(REPORT)
    assert report["same"], "an element container was replaced or re-created"
    changed = [m for m in report["mutated"] if m not in ("Full rerun", "Fragment rerun")]
    assert changed == ["full runs: 1"]


def test_a_fragment_rerun_touches_only_the_fragment(site_url, module_page):
    page = fresh_app(module_page, site_url)
    page.evaluate(WATCH)
    page.get_by_role("button", name="Fragment rerun").click()
    page.get_by_text("fragment runs: 1").wait_for()
    settle(page)
    report = page.evaluate(REPORT)
    assert report["same"], "an element container was replaced or re-created"
    changed = [m for m in report["mutated"] if m != "Fragment rerun"]
    assert changed == ["fragment runs: 1"]
