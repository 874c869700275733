"""What a run has written reaches the page while the run goes on (AppSession.show_progress):
Python runs beside the page, so an element written before a long computation shows
during it, as each of Streamlit's deltas does; an element rewritten over and over in a
loop is sent at most once a frame (the latest), not once per write."""
import textwrap

from wasmlit import AppSession
from wasmlit.hosts import RecordingHost


class CountingHost(RecordingHost):
    """Counts flushes, and lets the script look at what the page had been sent."""

    def __init__(self) -> None:
        super().__init__()
        self.flushes = 0

    def flush(self, changes):
        self.flushes += 1
        super().flush(changes)


def session_for(source: str, host: CountingHost) -> AppSession:
    session = AppSession(textwrap.dedent(source), host=host)
    session.enqueue({"kind": "rerun"})
    return session


def shown_texts(changes: list[dict]) -> list[str]:
    return [change["props"].get("body") for change in changes if change["op"] in ("set", "update")
            and change["props"].get("body")]


def test_an_element_is_on_the_page_before_the_script_goes_on():
    host = CountingHost()
    seen_during_the_run = []
    import builtins
    builtins._wl_progress_probe = lambda: seen_during_the_run.extend(shown_texts(host.flushed))
    try:
        session_for("""
            import builtins
            import streamlit as st
            st.markdown("Loading the data…")
            builtins._wl_progress_probe()  # a long computation, with no st call
            st.markdown("done")
        """, host).run_pending()
    finally:
        del builtins._wl_progress_probe
    assert "Loading the data…" in seen_during_the_run
    assert "done" not in seen_during_the_run
    assert "done" in shown_texts(host.flushed)


def test_an_element_rewritten_in_a_loop_is_sent_once_a_frame_not_once_a_write():
    host = CountingHost()
    session_for("""
        import streamlit as st
        spot = st.empty()
        for i in range(2000):
            spot.markdown(f"tick {i}")
        st.markdown("end")
    """, host).run_pending()
    # 2,000 writes in far less than a second: a few flushes (one per 16 ms), not 2,000.
    assert host.flushes < 200, host.flushes
    texts = shown_texts(host.flushed)
    assert texts[-2:] == ["tick 1999", "end"]  # the latest value always arrives


def test_a_rewritten_element_is_first_sent_at_once():
    """The run's first write of an element the previous run showed (an update) is sent at
    once; only the rewrites after it wait for the next frame."""
    host = CountingHost()
    session = session_for("""
        import builtins
        import streamlit as st
        st.markdown(f"run {st.session_state.setdefault('n', 0)}")
        st.session_state.n += 1
        builtins._wl_progress_probe()
    """, host)
    seen = []
    import builtins
    builtins._wl_progress_probe = lambda: seen.append(shown_texts(host.flushed)[-1])
    try:
        session.run_pending()
        session.enqueue({"kind": "rerun"})
        session.run_pending()
    finally:
        del builtins._wl_progress_probe
    assert seen == ["run 0", "run 1"]


def document_title(changes: list[dict]) -> str | None:
    """The document title after the page applied `changes` in order (web/page-layout.js
    and display/navigation.js: a navigation change without a title leaves it)."""
    title = None
    for change in changes:
        if change["op"] == "navigation" and change.get("title"):
            title = change["title"]
        if change["op"] == "page_config" and "title" in change["config"]:
            title = change["config"]["title"]
    return title


def test_a_page_title_set_by_set_page_config_wins_though_elements_were_sent_before(tmp_path):
    """A pages/ app's page that calls st.set_page_config after writing: its title stays,
    though the page's elements (and so the run's changes) were sent before the navigation
    change that ends the run."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("import streamlit as st\nst.write('home')\n")
    (tmp_path / "pages" / "1_Plot.py").write_text(
        "import streamlit as st\nst.write('plot first')\nst.set_page_config(page_title='Plot title')\n"
        "st.write('plot after')\n")
    host = CountingHost()
    session = AppSession((tmp_path / "app.py").read_text(), filename=str(tmp_path / "app.py"), host=host)
    session.enqueue({"kind": "rerun", "page": "Plot"})
    session.run_pending()
    assert host.flushes > 1
    assert "plot after" in shown_texts(host.flushed)
    assert document_title(host.flushed) == "Plot title"
