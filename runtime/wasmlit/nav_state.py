"""A session's page state (`session.navigation`): the page the URL (or a click) asks for,
the pages the last st.navigation declared, the page running, and whether the app is a
`pages/` folder app.

Every run reads it, so it lives apart from st.navigation, st.Page, st.switch_page and
st.page_link (navigation.py), which only multipage apps import.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def url_hash(url_path: str) -> str:
    """A page's hash: 1.50's md5 of its (inferred or given) url_path."""
    return _md5(url_path)


def main_script_path(session) -> Path:
    """The entry script's absolute path (in the app's folder when it has one)."""
    folder = getattr(getattr(session, "workspace", None), "folder", None)
    return Path(os.path.abspath(os.path.join(folder, session.filename) if folder
                                else session.filename))


class NavState:
    """One session's navigation: made with the session, as `AppSession.navigation`."""

    def __init__(self, session) -> None:
        self.intended_name: str | None = None   # from the URL path
        self.intended_hash: str | None = None   # from a click or st.switch_page
        self.pages: dict[str, dict[str, Any]] | None = None  # hash -> page info
        self.active_page = ""                   # hash of the page running ("" the entry)
        self.current: str | None = None         # hash of the page st.navigation picked
        self.shown: str | None = None           # hash of the page the last navigation sent
        # A pages/ folder counts beside an entry file on disk (not beside an app given
        # as text, e.g. AppTest.from_string run from a project that has one).
        main = main_script_path(session)
        self.uses_pages_directory = main.is_file() and (main.parent / "pages").is_dir()

    def from_page(self, event: dict) -> None:
        if event.get("page_hash"):
            self.intended_hash, self.intended_name = str(event["page_hash"]), None
        elif event.get("page") is not None:
            self.intended_hash, self.intended_name = None, str(event["page"])

    def find(self, fallback_hash: str) -> dict[str, Any] | None:
        """The page to run (1.50's PagesManager.get_page_script); None: not found."""
        pages = self.pages or {}
        if self.intended_hash:
            return pages.get(self.intended_hash, pages.get(fallback_hash))
        if self.intended_name:
            return next((p for p in pages.values()
                         if p["url_pathname"] == self.intended_name), None)
        return pages.get(fallback_hash)


def request_page_hash(session, page_hash: str) -> None:
    """The next runs run the page with this hash (AppTest.switch_page)."""
    session.navigation.from_page({"page_hash": page_hash})
