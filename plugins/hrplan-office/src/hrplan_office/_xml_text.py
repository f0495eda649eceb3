"""Text that XML cannot hold, escaped the way Office escapes it (``_xHHHH_``).

An XML 1.0 document cannot hold most control characters nor U+FFFE and U+FFFF.
Office Open XML writes such a character as ``_xHHHH_`` (its code in hex), and a
literal ``_x0041_`` in the text as ``_x005F_x0041_`` (the underscore escaped), so
that every string survives; Excel and Word undo it when they read.
"""

from __future__ import annotations

import re

__all__ = ["escape_text", "unescape_text"]

_NEEDS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _code(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def escape_text(text: str) -> str:
    """``text`` with the characters XML cannot hold, and literal escapes, written ``_xHHHH_``."""
    return _NEEDS.sub(_code, text) if "_" in text or not text.isprintable() else text


def unescape_text(text: str) -> str:
    """Undo :func:`escape_text` (and Excel's own escapes)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text
