"""Checks Streamlit makes on the layout and icon arguments widgets share (width, height,
icon), with its error texts."""
from __future__ import annotations

import re
from typing import Any

from ..errors import StreamlitAPIException, StreamlitInvalidHeightError, StreamlitInvalidWidthError

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
    for part in parts:
        first, rest = part[0], part[1:]
        if not _is_pictograph(ord(first)):
            return False
        if 0x1F1E6 <= ord(first) <= 0x1F1FF:  # a flag: exactly two regional indicators
            if len(rest) != 1 or not 0x1F1E6 <= ord(rest) <= 0x1F1FF:
                return False
            continue
        for ch in rest:
            cp = ord(ch)
            if not (0x1F3FB <= cp <= 0x1F3FF or cp in _JOINERS or 0xE0020 <= cp <= 0xE007F):
                return False
    return True


def validate_icon(icon: str | None) -> str | None:
    """The icon as the page shows it (an emoji, or ":material/name:"); None for no icon.

    Raises Streamlit's errors for shortcodes and malformed Material icon names."""
    if icon is None:
        return None
    if icon.startswith(":material"):
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
    if is_emoji(icon):
        return icon
    raise StreamlitAPIException(
        f'The value "{icon}" is not a valid emoji. Shortcodes are not allowed, please use a '
        "single character instead.")


def validate_width(width: Any, allow_content: bool = False) -> None:
    """Streamlit's width rule: a positive int (pixels), "stretch", or ("content")."""
    if not isinstance(width, (int, str)):
        raise StreamlitInvalidWidthError(width, allow_content)
    if isinstance(width, str):
        if width != "stretch" and not (allow_content and width == "content"):
            raise StreamlitInvalidWidthError(width, allow_content)
    elif width <= 0:
        raise StreamlitInvalidWidthError(width, allow_content)


def validate_height(height: Any, allow_content: bool = False) -> None:
    """Streamlit's height rule: a positive int (pixels), "stretch", or ("content")."""
    if not isinstance(height, (int, str)):
        raise StreamlitInvalidHeightError(height, allow_content)
    if isinstance(height, str):
        if height != "stretch" and not (allow_content and height == "content"):
            raise StreamlitInvalidHeightError(height, allow_content)
    elif height <= 0:
        raise StreamlitInvalidHeightError(height, allow_content)


def width_prop(width: Any) -> Any:
    """The width as the page uses it: "content", "stretch" or a number of pixels."""
    return int(width) if isinstance(width, int) and not isinstance(width, bool) else width
