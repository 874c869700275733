"""The rules Streamlit 1.50 applies to the layout and label arguments many commands share
(width, height, use_container_width, label_visibility, icon), each written once here, with
1.50's exception classes and texts, so every command raises what 1.50 raises.

A low layer: it imports only `errors`, so any element or widget module can use it.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from .errors import StreamlitAPIException, StreamlitInvalidHeightError, StreamlitInvalidWidthError

# --- width and height ----------------------------------------------------------------------

def validate_width(width: Any, allow_content: bool = False) -> None:
    """A positive int (pixels), "stretch", or (where allowed) "content"; raises
    StreamlitInvalidWidthError otherwise (Streamlit's layout_utils.validate_width)."""
    if not isinstance(width, (int, str)):
        raise StreamlitInvalidWidthError(width, allow_content)
    if isinstance(width, str):
        if width != "stretch" and not (allow_content and width == "content"):
            raise StreamlitInvalidWidthError(width, allow_content)
    elif width <= 0:
        raise StreamlitInvalidWidthError(width, allow_content)


def validate_height(height: Any, allow_content: bool = False, allow_stretch: bool = True,
                    also_allowed: Iterable[str] = ()) -> None:
    """A positive int (pixels), "stretch" (unless not allowed), "content" (where allowed) or
    one of `also_allowed` (st.dataframe's "auto"); raises StreamlitInvalidHeightError
    otherwise, whose text names the choices by `allow_content` only, as 1.50's does."""
    if not isinstance(height, (int, str)):
        raise StreamlitInvalidHeightError(height, allow_content)
    if isinstance(height, str):
        allowed = {*(("stretch",) if allow_stretch else ()),
                   *(("content",) if allow_content else ()), *also_allowed}
        if height not in allowed:
            raise StreamlitInvalidHeightError(height, allow_content)
    elif height <= 0:
        raise StreamlitInvalidHeightError(height, allow_content)


def width_prop(width: Any) -> Any:
    """A valid width as the page applies it: "content", "stretch" or a number of pixels
    (an int, as 1.50's WidthConfig.pixel_width: True is 1 pixel)."""
    return int(width) if isinstance(width, (int, float)) else width


def container_width(use_container_width: bool | None, width: Any, *,
                    keep_pixels: bool = False) -> Any:
    """The width the deprecated `use_container_width` stands for (it overrides `width`
    when given): True is "stretch", False "content". With `keep_pixels` (st.dataframe,
    st.data_editor, the built-in charts, st.image) False keeps a pixel width."""
    if use_container_width is None:
        return width
    if use_container_width:
        return "stretch"
    return width if keep_pixels and isinstance(width, int) else "content"


# --- labels -----------------------------------------------------------------------------

def validate_label_visibility(label_visibility: Any) -> None:
    """"visible", "hidden" or "collapsed" (Streamlit's maybe_raise_label_warnings)."""
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. Valid values are "
            "'visible', 'hidden' or 'collapsed'.")


# --- chart themes ------------------------------------------------------------------------

def validate_theme(theme: Any) -> None:
    """A chart's theme: "streamlit" or None (Plotly, Vega-Lite and Altair charts)."""
    if theme not in ("streamlit", None):
        raise StreamlitAPIException(
            f'You set theme="{theme}" while Streamlit charts only support '
            "theme=\u201dstreamlit\u201d or theme=None to fallback to the default library theme.")


# --- icons -----------------------------------------------------------------------------

_ZWSP = "\u200b"
_MATERIAL = re.compile(r"^\s*:(.+)/(.+):\s*$")
_MATERIAL_NAME = re.compile(r"^[a-z0-9_]+$")

# Code points that start or make up an emoji (pictographs, dingbats, symbols, flags,
# keycaps, skin tones, joiners). Streamlit checks against its full emoji list; this is the
# same test up to emojis Unicode has not assigned.
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF),
    (0x2190, 0x21FF), (0x25A0, 0x25FF), (0x2900, 0x297F), (0x3030, 0x3030),
    (0x303D, 0x303D), (0x3297, 0x3299), (0x00A9, 0x00A9), (0x00AE, 0x00AE),
    (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122), (0x2139, 0x2139),
    (0x24C2, 0x24C2), (0xE0020, 0xE007F),
)
_JOINERS = {0x200D, 0xFE0F, 0x20E3}
_KEYCAP_BASES = set("0123456789#*")


def _is_pictograph(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


def is_emoji(text: str) -> bool:
    """One emoji (a single pictograph, flag, keycap or joined sequence), nothing else."""
    text = text.replace("\ufe0f", "")
    if not text:
        return False
    if len(text) == 2 and text[0] in _KEYCAP_BASES and ord(text[1]) == 0x20E3:
        return True
    parts = text.split("\u200d")
    if any(not part for part in parts):
        return False
    return all(_is_emoji_part(part) for part in parts)


def _is_emoji_part(part: str) -> bool:
    """One pictograph with its modifiers (skin tones, tags), or a flag."""
    first, rest = part[0], part[1:]
    if not _is_pictograph(ord(first)):
        return False
    if 0x1F1E6 <= ord(first) <= 0x1F1FF:  # a flag: exactly two regional indicators
        return len(rest) == 1 and 0x1F1E6 <= ord(rest) <= 0x1F1FF
    return all(0x1F3FB <= ord(ch) <= 0x1F3FF or ord(ch) in _JOINERS or 0xE0020 <= ord(ch) <= 0xE007F
               for ch in rest)


def validate_icon(icon: str | None) -> str | None:
    """The icon as the page shows it (an emoji, or ":material/name:"); None for no icon.

    Raises Streamlit's errors for shortcodes and malformed Material icon names."""
    if icon is None:
        return None
    if icon.startswith(":material"):
        return _material_icon(icon)
    if is_emoji(icon):
        return icon
    raise StreamlitAPIException(
        f'The value "{icon}" is not a valid emoji. Shortcodes are not allowed, please use a '
        "single character instead.")


def _material_icon(icon: str) -> str:
    match = _MATERIAL.match(icon)
    shown = icon.replace("/", _ZWSP + "/")
    if not match:
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material '
            f"icon shortcode like **`:material{_ZWSP}/thumb_up:`**")
    pack, name = match.groups()
    if pack != "material" or not _MATERIAL_NAME.match(name):
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material '
            f"icon shortcode like **`:material{_ZWSP}/thumb_up:`**.")
    return f":{pack}/{name}:"
