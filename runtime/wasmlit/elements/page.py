"""Page-level commands: st.set_page_config, and st.chat_message (a container).

set_page_config sends the page a `{"op": "page_config", ...}` change holding only what the
call set (Streamlit 1.50 allows any number of calls, anywhere; each adds to the last).
"""
from __future__ import annotations

import base64
import os
import random
from typing import Any

from ..errors import (StreamlitAPIException, StreamlitInvalidMenuItemKeyError,
                      StreamlitInvalidPageLayoutError, StreamlitInvalidSidebarStateError,
                      StreamlitInvalidURLError)
from ..props import is_emoji, validate_icon, validate_width
from ..registry import command

_MENU_KEYS = ("get help", "report a bug", "about")
_RANDOM_EMOJIS = "🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🦆🦉🦄🐝🐢🐍🦖🐙🦀🐬🐳🌵🌻🍀🍄🌈🔥🍕🍩🚀🎈🎉"


def image_url(image: Any) -> str | None:
    """A URL the page can show without the network: http(s)/data URLs as given, bytes and
    files (PNG/JPEG/GIF/SVG/WebP) and objects with .save (PIL) as data: URLs; else None."""
    data = None
    if isinstance(image, str):
        if image.startswith(("http://", "https://", "data:", "/")) and not os.path.isfile(image):
            return image
        if os.path.isfile(image):
            with open(image, "rb") as f:
                data = f.read()
        else:
            return None
    elif isinstance(image, os.PathLike):
        with open(image, "rb") as f:
            data = f.read()
    elif isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
    elif hasattr(image, "save"):
        import io
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        data = buf.getvalue()
    elif hasattr(image, "read"):
        data = image.read()
    if data is None:
        return None
    return f"data:{_mime(data)};base64,{base64.b64encode(data).decode('ascii')}"


def _mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if b"<svg" in data[:512]:
        return "image/svg+xml"
    return "image/png"


@command
def set_page_config(dg, page_title: str | None = None, page_icon: Any = None,
                    layout: str | None = None, initial_sidebar_state: str | None = None,
                    menu_items: Any = None):
    config: dict[str, Any] = {}
    if page_title is not None:
        config["title"] = str(page_title)
    if page_icon is not None:
        config["favicon"] = _favicon(page_icon)
    if layout not in (None, "centered", "wide"):
        raise StreamlitInvalidPageLayoutError(layout)
    if layout is not None:
        config["layout"] = layout
    if initial_sidebar_state not in (None, "auto", "expanded", "collapsed"):
        raise StreamlitInvalidSidebarStateError(initial_sidebar_state)
    if initial_sidebar_state is not None:
        config["initial_sidebar_state"] = initial_sidebar_state
    if menu_items is not None:
        _check_menu_items(menu_items)  # validated as Streamlit does, then ignored
    dg.session.require_run().page_config_set.update(config)
    dg.session.tree.event("page_config", config=config)


def _favicon(page_icon: Any) -> str:
    """"emoji:<e>" for an emoji (the page draws it as an SVG), a URL for an image, else text."""
    if page_icon == "random":
        return "emoji:" + random.choice(_RANDOM_EMOJIS)
    if isinstance(page_icon, str) and is_emoji(page_icon):
        return f"emoji:{page_icon}"
    if isinstance(page_icon, str) and page_icon.startswith(":material"):
        return validate_icon(page_icon)
    try:
        url = image_url(page_icon)
    except OSError:
        url = None
    if url is None:
        if isinstance(page_icon, str):
            return page_icon
        raise StreamlitAPIException(f"Unsupported page_icon: {type(page_icon).__name__}")
    return url


def _check_menu_items(menu_items: Any) -> None:
    for raw_key, value in dict(menu_items).items():
        key = str(raw_key).lower().strip()
        if key not in _MENU_KEYS:
            raise StreamlitInvalidMenuItemKeyError(key)
        if value is not None and key != "about" and \
                not str(value).startswith(("http://", "https://", "mailto:")):
            raise StreamlitInvalidURLError(value)


_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}


@command
def chat_message(dg, name: str, *, avatar: Any = None, width: Any = "stretch"):
    if name is None:
        raise StreamlitAPIException(
            "The author name is required for a chat message, please set it via the parameter "
            "`name`.")
    if avatar is None and (name.lower() in _PRESETS or is_emoji(name)):
        avatar = name.lower()
    validate_width(width, allow_content=True)
    if avatar is None:
        kind, shown = "icon", ""
    elif isinstance(avatar, str) and avatar in _PRESETS:
        kind, shown = "icon", _PRESETS[avatar]
    elif isinstance(avatar, str) and is_emoji(avatar):
        kind, shown = "emoji", avatar
    elif isinstance(avatar, str) and avatar.startswith(":material"):
        kind, shown = "icon", validate_icon(avatar)
    else:
        try:
            url = image_url(avatar)
        except OSError:
            url = None
        if url is None:
            raise StreamlitAPIException(
                "Failed to load the provided avatar value as an image.")
        kind, shown = "image", url
    return dg.place_block("chat_message", {"name": name, "avatar": shown, "avatar_type": kind,
                                          "width": width})
