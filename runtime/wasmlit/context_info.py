"""What the page tells about itself (timezone, locale, url, theme, headers, cookies): kept
per session (`session.context_info`) from the first rerun event on.

Every session has one; st.context's classes (context.py) read it, and are imported only
when an app first reads st.context.
"""
from __future__ import annotations

from typing import Any


class ContextInfo:
    """What the page sent about itself (kept per session; None until the page says)."""

    def __init__(self) -> None:
        self.info: dict[str, Any] | None = None

    def from_page(self, info: dict[str, Any] | None) -> None:
        if info is not None:
            self.info = dict(info)

    def get(self, name: str) -> Any:
        return None if self.info is None else self.info.get(name)
