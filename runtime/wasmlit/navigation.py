"""Multipage apps as Streamlit 1.50 has them: st.Page, st.navigation, st.switch_page,
st.page_link, and the legacy `pages/` folder beside the entry script.

A session keeps one `NavState` (`session.navigation`, nav_state.py, which every run
reads; this module only multipage apps import): the page the page URL (or a click) asks
for, the pages the last st.navigation declared, and whether the app is a `pages/` folder
app. Every full run of the entry script that declares pages sends the page one change
`{"op": "navigation", pages, sections, position, expanded, current, query, not_found}`
(web/display/navigation.js draws the sidebar nav and keeps the URL path in step).

Page events: a "rerun" event may carry "page" (the last segment of the URL path: a page's
url_path, "" for the default page) or "page_hash" (a link click); widget events carry
neither, so they rerun the page shown. Nothing here touches the browser.
"""
from __future__ import annotations

import linecache
import os
import re
from pathlib import Path
from typing import Any, NoReturn

from .registry import command
from .config import option_value
from .current import current_session, running_session
from .errors import (RerunException, StreamlitAPIException, StreamlitMissingPageLabelError,
                     StreamlitPageNotFoundError)
from .magic import compile_script, script_globals
# NavState, request_page_hash and url_hash are also imported from here (AppTest, tests).
from .nav_state import NavState, _md5, main_script_path, request_page_hash, url_hash  # noqa: F401
from .query_params import EMBED_KEYS
from .props import container_width, is_emoji, validate_icon, validate_width

PAGE_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")
_PLAIN = re.compile(r"^[\w\s-]*$", re.ASCII)
POSITIONS = ("sidebar", "hidden", "top")


# --- names, icons and order of page files (1.50's source_util) ---------------------------
def page_sort_key(path: Path) -> tuple[float, str]:
    """Numbered files first by their number, then the rest by name (case-insensitive)."""
    match = PAGE_FILENAME.search(path.name)
    if match is None:
        raise ValueError(f"{path} is not a Python file.")
    number, label = match.groups()
    return (float(number) if number else float("inf"), label.lower())


def extract_leading_emoji(text: str) -> tuple[str, str]:
    """(the emoji the text starts with, the rest minus a separator), or ("", text)."""
    if _PLAIN.match(text):
        return "", text
    for end in range(min(len(text), 12), 0, -1):
        if is_emoji(text[:end]):
            return text[:end], text[end:].lstrip("_ -")
    return "", text


def page_icon_and_name(path: Path) -> tuple[str, str]:
    """"1_📈_Plotting_demo.py" -> ("📈", "Plotting_demo"), as 1.50 derives them."""
    match = PAGE_FILENAME.search(path.name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    return extract_leading_emoji(name)


# --- st.Page ------------------------------------------------------------------------------
class StreamlitPage:
    """A page of a multipage app (made by st.Page): `title`, `icon`, `url_path`, `run()`."""

    def __init__(self, page: Any, *, title: str | None = None, icon: str | None = None,
                 url_path: str | None = None, default: bool = False) -> None:
        self._default = default
        session = running_session()
        if session is None:
            return
        if isinstance(page, str):
            page = Path(page)
        if isinstance(page, Path):
            page = Path(os.path.realpath(main_script_path(session).parent / page))
            if not page.is_file():
                raise StreamlitAPIException(
                    f"Unable to create Page. The file `{page.name}` could not be found.")
        inferred_name, inferred_icon = "", ""
        if isinstance(page, Path):
            inferred_icon, inferred_name = page_icon_and_name(page)
        elif hasattr(page, "__name__"):
            inferred_name = str(page.__name__)
        elif title is None:
            raise StreamlitAPIException(
                "Cannot infer page title for Callable. Set the `title=` keyword argument.")
        self._page = page
        self._title: str = title or inferred_name.replace("_", " ")
        if icon is not None:
            _validate_icon(icon)
        self._icon: str = icon or inferred_icon
        if self._title.strip() == "":
            raise StreamlitAPIException(
                "The title of the page cannot be empty or consist of underscores/spaces only")
        self._url_path: str = inferred_name
        if url_path is not None:
            if url_path.strip() == "" and not default:
                raise StreamlitAPIException(
                    "The URL path cannot be an empty string unless the page is the default page.")
            self._url_path = url_path.strip("/")
            if "/" in self._url_path:
                raise StreamlitAPIException(
                    "The URL path cannot contain a nested path (e.g. foo/bar).")
        if self._icon:
            _validate_icon(self._icon)
        self._can_be_called = False

    @property
    def title(self) -> str:
        return self._title

    @property
    def icon(self) -> str:
        return self._icon

    @property
    def url_path(self) -> str:
        return "" if self._default else self._url_path

    @property
    def _script_hash(self) -> str:
        return _md5(self._url_path)

    @property
    def _script_path(self) -> str:
        return str(self._page) if isinstance(self._page, Path) else ""

    def run(self) -> None:
        """Run the page (only the one st.navigation returned, once per run)."""
        if not self._can_be_called:
            raise StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from "
                "st.navigation can be called once.")
        self._can_be_called = False
        session = running_session()
        if session is None:
            return
        nav = session.navigation
        before, nav.active_page = nav.active_page, self._script_hash
        try:
            if callable(self._page):
                self._page()
                return
            code = _page_code(session, self._page)
            exec(code, script_globals(str(self._page)))
        finally:
            nav.active_page = before

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self.url_path!r})"


def _validate_icon(icon: str) -> str:
    return validate_icon(icon) or ""


def _page_code(session, path: Path) -> Any:
    """The page file's code; the entry script itself is the session's compiled source."""
    if os.path.realpath(main_script_path(session)) == str(path):
        if session.compile_error is not None:
            raise session.compile_error
        return session.code
    source = path.read_text(encoding="utf-8")
    linecache.cache[str(path)] = (len(source), None, source.splitlines(True), str(path))
    return compile_script(source, str(path), session.config_file_options)


def Page(page: Any, *, title: str | None = None, icon: str | None = None,  # noqa: N802
         url_path: str | None = None, default: bool = False) -> StreamlitPage:
    """st.Page: configure a page for st.navigation."""
    return StreamlitPage(page, title=title, icon=icon, url_path=url_path, default=default)


# --- the pages/ folder -------------------------------------------------------------------
def run_pages_folder(session) -> None:
    """Run the entry script as the main page of a `pages/` folder app (script_run.py)."""
    main = main_script_path(session)
    folder = main.parent / "pages"
    files = sorted((p for p in folder.glob("*.py")
                    if not p.name.startswith(".") and p.name != "__init__.py"),
                   key=page_sort_key)
    pages = [StreamlitPage(main, default=True)] + [StreamlitPage(folder / p.name) for p in files]
    # client.showSidebarNavigation = false hides a pages/ folder's navigation, as in 1.50
    # (an st.navigation app hides its own with position="hidden").
    position = "hidden" if option_value("client.showSidebarNavigation") is False else "sidebar"
    page, announce = _navigation(pages, position=position, expanded=False, defer=True)
    try:
        page.run()
    finally:
        # An entry that calls st.navigation itself declared its own pages (1.50 then
        # leaves the pages/ folder alone): its page request was answered there.
        if session.navigation.uses_pages_directory:
            announce()


# --- st.navigation ------------------------------------------------------------------------
def _to_page(page: Any) -> StreamlitPage:
    if isinstance(page, StreamlitPage):
        return page
    if isinstance(page, (str, Path)) or callable(page):
        return StreamlitPage(page)
    raise StreamlitAPIException(
        f"Invalid page type: {type(page)}. Must be either a string path, a pathlib.Path, a "
        "callable function, or a st.Page object.")


def navigation(pages: Any, *, position: str = "sidebar", expanded: bool = False) -> StreamlitPage:
    """st.navigation: declare the app's pages; returns the page to `.run()`."""
    if not isinstance(position, str) or position not in POSITIONS:
        raise StreamlitAPIException(
            f'Invalid position "{position}". '
            'The position parameter must be one of "sidebar", "hidden", or "top".')
    session = running_session()
    if session is not None:
        session.navigation.uses_pages_directory = False
    return _navigation(pages, position=position, expanded=expanded)


def _navigation(pages: Any, *, position: str, expanded: bool, defer: bool = False) -> Any:
    """Declare the pages and pick the one to run (returned). With `defer`, return
    (page, announce) instead: announce() records the choice and sends the navigation."""
    if isinstance(pages, dict):
        sections = {str(header): [_to_page(p) for p in group] for header, group in pages.items()}
    else:
        sections = {"": [_to_page(p) for p in pages]}
    page_list = [p for group in sections.values() for p in group]
    if not page_list:
        raise StreamlitAPIException("`st.navigation` must be called with at least one `st.Page`.")
    default = _default_page(page_list)
    session = running_session()
    if session is None:
        default._can_be_called = True
        return (default, lambda: None) if defer else default
    nav = session.navigation
    nav.pages = _page_infos(page_list)
    found = nav.find(default._script_hash)
    chosen = next((p for p in page_list if found and p._script_hash == found["page_script_hash"]),
                  None)
    not_found = chosen is None
    if not_found:
        chosen = default
    nav.current = chosen._script_hash
    chosen._can_be_called = True
    asked = (nav.intended_hash, nav.intended_name)

    def announce() -> None:
        """Take the page as shown (the URL's request is answered) and tell the page."""
        if not_found:
            # 1.50 runs the main page at the app's root URL, without the query string.
            session.query_params.query_string = _embed_only(session.query_params.query_string)
            session.query_params.begin_run()
        if (nav.intended_hash, nav.intended_name) == asked:  # (st.switch_page may have asked anew)
            nav.intended_hash, nav.intended_name = chosen._script_hash, None
        if nav.shown is not None and nav.shown != chosen._script_hash:
            _drop_old_page(session)
        nav.shown = chosen._script_hash
        _send_navigation(session, sections, chosen, not_found,
                         position=position, expanded=expanded)

    if defer:
        return chosen, announce
    announce()
    return chosen


def _default_page(page_list: list) -> StreamlitPage:
    """The page marked `default=True` (at most one), else the first."""
    default = None
    for page in page_list:
        if page._default:
            if default is not None:
                raise StreamlitAPIException(
                    "Multiple Pages specified with `default=True`. "
                    "At most one Page can be set to default.")
            default = page
    if default is None:
        default = page_list[0]
        default._default = True
    return default


def _page_infos(page_list: list) -> dict[str, dict[str, Any]]:
    """Each page by its script hash, as Streamlit's pages manager lists them (URL paths
    must be unique)."""
    infos: dict[str, dict[str, Any]] = {}
    for page in page_list:
        if page._script_hash in infos:
            raise StreamlitAPIException(
                f"Multiple Pages specified with URL pathname {page.url_path}. "
                "URL pathnames must be unique. The url pathname may be "
                "inferred from the filename, callable name, or title.")
        infos[page._script_hash] = {"page_script_hash": page._script_hash,
                                    "page_name": page.title, "icon": page.icon,
                                    "script_path": page._script_path,
                                    "url_pathname": page.url_path}
    return infos


def _send_navigation(session, sections: dict[str, list], chosen: StreamlitPage,
                     not_found: bool, *, position: str, expanded: bool) -> None:
    """Tell the page the pages, the one shown, and its title and favicon (unless
    st.set_page_config set them in this run)."""
    session.tree.event(
        "navigation",
        pages=[{"hash": p._script_hash, "title": p.title,
                "icon": f"emoji:{p.icon}" if is_emoji(p.icon) else p.icon,
                "url_path": p.url_path, "default": p._default, "section": header}
               for header, group in sections.items() for p in group],
        sections=list(sections), position=position, expanded=bool(expanded),
        current=chosen._script_hash, query=session.query_params.query_string,
        not_found=not_found,
        title=None if _config_set_this_run(session, "title") else chosen.title,
        favicon=None if _config_set_this_run(session, "favicon") else
        f"emoji:{chosen.icon}" if is_emoji(chosen.icon) else "")


def _drop_old_page(session) -> None:
    """Another page than the last run's: what that page drew below the elements this run
    wrote so far goes now, not at the run's end (a slow page never shows the old one's)."""
    run = session.current_run
    if run is None or not run.is_full or not run.dg_stack:
        return
    for writer in (run.dg_stack[0], session.sidebar):
        if writer is not None:
            session.tree.trim(writer.block, writer.cursor)


def _config_set_this_run(session, field: str) -> bool:
    """Whether st.set_page_config set this ("title", "favicon") earlier in this run: it then
    stays; else the page's title and emoji icon are the document's (as in 1.50)."""
    run = session.current_run
    return run is not None and field in run.page_config_set


# --- st.switch_page and st.page_link ------------------------------------------------------
def _requested_path(session, page: str) -> str:
    return os.path.realpath(os.path.join(main_script_path(session).parent, page))


def _all_pages(session) -> list[dict[str, Any]]:
    """The pages st.navigation declared, or (before any) the entry script alone."""
    nav = session.navigation
    if nav.pages is not None:
        return list(nav.pages.values())
    main = main_script_path(session)
    return [{"page_script_hash": _md5(str(main)), "page_name": main.stem, "icon": "",
             "script_path": os.path.realpath(main), "url_pathname": ""}]


def switch_page(page: Any) -> NoReturn:
    """st.switch_page: stop this run and run the given page (a path or a StreamlitPage)."""
    session = current_session()
    session.require_run()
    if isinstance(page, StreamlitPage):
        page_hash = page._script_hash
    else:
        if isinstance(page, Path):
            page = str(page)
        requested = _requested_path(session, page)
        matched = [p for p in _all_pages(session) if p["script_path"] == requested]
        if not matched:
            directory = os.path.basename(str(main_script_path(session).parent))
            raise StreamlitAPIException(
                f"Could not find page: `{page}`. Must be the file path relative to the main "
                f"script, from the directory: `{directory}`. Only the main app file "
                "and files in the `pages/` directory are supported.")
        page_hash = matched[0]["page_script_hash"]
    nav = session.navigation
    session.query_params.query_string = _embed_only(session.query_params.query_string)
    nav.intended_hash, nav.intended_name = page_hash, None
    raise RerunException("app")


def _embed_only(query: str) -> str:
    """A new page starts without query params, except `embed` / `embed_options`."""
    if not query:
        return query
    from urllib import parse  # imported on first use: slow at start-up (ipaddress)
    pairs = parse.parse_qsl(query, keep_blank_values=True)
    return parse.urlencode([(k, v) for k, v in pairs if k.lower() in EMBED_KEYS])


def _is_url(text: str) -> bool:
    return bool(re.match(r"^https?://[^\s/$.?#].[^\s]*$", text, re.IGNORECASE))


@command
def page_link(dg, page: Any, *, label: str | None = None, icon: str | None = None,
              help: str | None = None, disabled: bool = False,
              use_container_width: bool | None = None, width: Any = "content"):
    width = container_width(use_container_width, width)
    if dg.block.path[0] == 1:  # in the sidebar page links always stretch
        width = "stretch"
    validate_width(width, allow_content=True)
    session = dg.session
    session.require_run()
    props: dict[str, Any] = {"label": "" if label is None else str(label), "icon": "",
                             "help": help, "disabled": bool(disabled), "width": width,
                             "page": "", "page_hash": "", "external": False}
    if icon is not None:
        props["icon"] = _validate_icon(icon)
    if isinstance(page, StreamlitPage):
        props.update(page_hash=page._script_hash, page=page.url_path)
        if label is None:
            props["label"] = page.title
        if icon is None:
            props["icon"] = page.icon
    else:
        if isinstance(page, Path):
            page = str(page)
        if _is_url(page):
            if label is None or label == "":
                raise StreamlitMissingPageLabelError()
            props.update(page=page, external=True)
            return dg.place_element("page_link", props)
        requested = _requested_path(session, page)
        for info in _all_pages(session):
            if info["script_path"] == requested:
                if label is None:
                    props["label"] = info["page_name"]
                props.update(page_hash=info["page_script_hash"], page=info["url_pathname"])
                break
        if not props["page_hash"]:
            directory = os.path.basename(str(main_script_path(session).parent))
            raise StreamlitPageNotFoundError(page, directory,
                                             session.navigation.uses_pages_directory)
    props["current"] = props["page_hash"] == session.navigation.current
    return dg.place_element("page_link", props)
