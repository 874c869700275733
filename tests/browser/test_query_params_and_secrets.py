"""st.secrets, st.query_params and st.context in Chromium: a site built with a
secrets.toml beside its app reads it; the page URL's query string reaches the app, a write
changes the URL without a reload (Back reruns the app with the old one); st.context shows
the browser's locale and timezone; a slow cached function shows Streamlit's cache spinner
while it computes, and none once its value is cached."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from sites import build_site, run_after

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import streamlit as st
st.write(f"greeting: {st.secrets['greeting']}, db user: {st.secrets.db.user}")
st.write(f"a: {st.query_params.get('a', '-')} b: {st.query_params.get('b', '-')}")
if st.button("Set page"):
    st.query_params["page"] = "2"
st.write(f"page: {st.query_params.get('page', 'none')}")
st.write(f"locale: {st.context.locale} timezone: {st.context.timezone}")
st.write(f"url: {st.context.url}")


@st.cache_data
def slow_square(x):
    import time
    time.sleep(1.5)
    return x * x


if st.button("Load slowly"):
    st.write(f"loaded: {slow_square(7)}")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("qp")
    (work / "qp_app.py").write_text(APP)
    (work / ".streamlit").mkdir()
    (work / ".streamlit" / "secrets.toml").write_text('greeting = "bonjour"\n[db]\nuser = "ada"\n')
    return build_site(work / "qp_app.py", work / "site")


def markdown(page, prefix: str) -> str:
    return page.get_by_test_id("stMarkdown").filter(has_text=prefix).first.inner_text()


def test_app_reads_the_sites_secrets(site, serve, page):
    server = serve(site)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    assert markdown(page, "greeting:") == "greeting: bonjour, db user: ada"
    assert requested.count("/secrets.toml") == 1


def test_query_string_reaches_the_app_and_writes_change_the_url_without_reload(site, serve, page):
    server = serve(site)
    page.goto(f"{server.url}?a=1&b=x")
    page.wait_for_selector(IDLE, timeout=60000)
    assert markdown(page, "a:") == "a: 1 b: x"
    assert markdown(page, "page:") == "page: none"
    page.evaluate("window.__notReloaded = true")
    page.get_by_role("button", name="Set page").click()
    page.get_by_text("page: 2").wait_for(timeout=10000)
    page.wait_for_selector(IDLE)
    assert urlsplit(page.url).query == "a=1&b=x&page=2"
    assert page.evaluate("window.__notReloaded") is True
    page.go_back()
    page.get_by_text("page: none").wait_for(timeout=10000)
    assert urlsplit(page.url).query == "a=1&b=x"
    assert page.evaluate("window.__notReloaded") is True


def test_context_shows_the_browsers_locale_timezone_and_url(site, serve, browser):
    server = serve(site)
    context = browser.new_context(locale="fr-FR", timezone_id="Asia/Tokyo")
    try:
        page = context.new_page()
        page.goto(f"{server.url}?a=1#top")
        page.wait_for_selector(IDLE, timeout=60000)
        assert markdown(page, "locale:") == "locale: fr-FR timezone: Asia/Tokyo"
        assert markdown(page, "url:") == f"url: {server.url.rstrip('/')}"
    finally:
        context.close()


def test_cache_spinner_shows_while_computing_only(site, serve, page):
    server = serve(site)
    page.goto(server.url)
    page.wait_for_selector(IDLE, timeout=60000)
    page.get_by_role("button", name="Load slowly").click()
    spinner = page.get_by_test_id("stSpinner")
    spinner.wait_for(timeout=5000)
    assert spinner.inner_text() == "Running slow_square(...)."
    page.get_by_text("loaded: 49").wait_for(timeout=10000)
    page.wait_for_selector(IDLE)
    assert spinner.count() == 0
    page.evaluate("""() => {
        window.__sawSpinner = false;
        new MutationObserver(() => {
            if (document.querySelector("[data-testid='stSpinner']")) window.__sawSpinner = true;
        }).observe(document.body, { subtree: true, childList: true });
    }""")
    started = time.monotonic()
    run_after(page, page.get_by_role("button", name="Load slowly").click)
    assert time.monotonic() - started < 1.4  # the cached value: no 1.5 s sleep
    assert page.get_by_text("loaded: 49").is_visible()
    assert page.evaluate("window.__sawSpinner") is False
