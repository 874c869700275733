"""st.logo: an image in the sidebar's header and the app's top-left corner.

Not an element of the tree: each call sends the page a `{"op": "logo", "logo": {...}}`
change (the page draws it: web/page-layout.js). As in Streamlit 1.50, the last call of a
run wins, and a full run that does not call st.logo removes the logo when it ends
(`LogoState.end_full_run`, called by the session through per_session.end_full_run); a
fragment's run leaves it alone.
"""
from __future__ import annotations

from typing import Any

from ..current import running_session
from ..errors import StreamlitAPIException
from ..per_session import PerSession
from ..registry import command
from .media import _image_source

_SIZES = ("small", "medium", "large")
_DOCS = "https://docs.streamlit.io/develop/api-reference/media/st.logo"


class LogoState(PerSession):
    """The logo the page shows, and the run that last set it, per session."""

    def __init__(self) -> None:
        self.shown: dict | None = None
        self.set_in_run = -1  # the session's run_count when st.logo was last called

    def end_full_run(self, session: Any) -> None:
        """After a full run: a logo it did not set again goes away, as in Streamlit."""
        if self.shown is None or self.set_in_run == session.run_count:
            return
        self.shown = None
        session.tree.event("logo", logo=None)


@command
def logo(dg, image: Any, *, size: str = "medium", link: str | None = None,
         icon_image: Any = None) -> None:
    if running_session() is None:
        return None  # Streamlit does nothing outside a script run
    logo_props = {"image": _url_of(image, "image"), "link": None, "icon_image": None}
    if link:
        if not _is_web_url(link):
            raise StreamlitAPIException(
                f"Invalid link: {link} - the link param supports external links only and must "
                f"start with either http:// or https://.")
        logo_props["link"] = link
    if icon_image:
        logo_props["icon_image"] = _url_of(icon_image, "icon_image")
    logo_props["size"] = _validate_size(size)
    session = dg.session
    session.require_run()
    state = LogoState.of(session)
    state.set_in_run = session.run_count
    if logo_props != state.shown:  # an unchanged logo is not sent again
        state.shown = logo_props
        session.tree.event("logo", logo=logo_props)
    return None


def _url_of(image: Any, field: str) -> str:
    """What st.image would show, as a URL; Streamlit's error for anything it cannot show."""
    try:
        source = _image_source(image, False, "RGB", "auto")
    except Exception as err:  # noqa: BLE001 - any failure to read it is Streamlit's one error
        raise _invalid(field) from err
    return source.get("url") or f"data:{source['mime']};base64,{source['data']}"


def _invalid(field: str) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"The {field} passed to st.logo is invalid - See [documentation]({_DOCS}) "
        "for more information on valid types")


def _is_web_url(link: Any) -> bool:
    """Streamlit's url_util.is_url(link, ("http", "https")): a scheme and a host."""
    from urllib.parse import urlparse  # not at start-up (it imports ipaddress)
    try:
        parsed = urlparse(str(link))
    except ValueError:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _validate_size(size: Any) -> str:
    if isinstance(size, str) and size.lower() in _SIZES:
        return size.lower()
    raise StreamlitAPIException(
        'The size argument to st.logo must be "small", "medium", or "large". \n'
        f"The argument passed was {size}.")
