"""The "(upon consent)" marker plans put after bodies the executive cannot order."""

from __future__ import annotations

import re

__all__ = ["has_consent_marker", "split_consent_marker", "strip_consent_marker"]

_PHRASE = r"(?:upon|by|with|subject\s+to)\s+(?:their\s+|its\s+)?consent"
#: In brackets anywhere, or bare at the very end ("Supreme Court, upon consent").
_MARKER = re.compile(
    rf"\s*[(\[]\s*{_PHRASE}\s*[)\]]|[\s,;]*\b{_PHRASE}\s*[.;,]*\s*$",
    re.IGNORECASE,
)


def strip_consent_marker(text: str) -> tuple[str, bool]:
    """``text`` without its consent markers, and whether it had one."""
    stripped, count = _MARKER.subn("", text)
    return (" ".join(stripped.split()), True) if count else (text, False)


def has_consent_marker(text: str) -> bool:
    """Whether ``text`` carries "(upon consent)", "(by consent)" or "(with consent)"."""
    return _MARKER.search(text) is not None


def split_consent_marker(text: str) -> tuple[str, str]:
    """``text`` cut before a consent marker at its end: (name, marker as written, or "")."""
    match = _MARKER.search(text)
    if match is None or text[match.end() :].strip(" .;,"):
        return text, ""
    return text[: match.start()], text[match.start() :]
