"""What a calendar may hold: safe URLs and no control characters.

Calendar applications open an event's URL when it is clicked, so only
``http``, ``https`` and ``mailto`` URLs are written (a ``javascript:`` or
``file:`` URL is left out). Control characters (NUL, ESC, a bare line feed...)
never reach the file: in a text value they are removed; a line break inside a
value is written escaped (``\\n``) as iCalendar requires.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

__all__ = ["SCHEMES", "safe_url", "without_controls"]

#: The URL schemes written to a calendar.
SCHEMES = frozenset({"http", "https", "mailto"})

# C0 and C1 controls and DEL, except the CR LF that end lines and the tab of folded lines.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)|(?<!\r)\n")
_URL_CONTROLS = re.compile("[\x00-\x20\x7f-\x9f]")


def safe_url(url: str) -> str | None:
    """``url`` with control characters and whitespace removed, or ``None`` when its scheme is not safe."""
    cleaned = _URL_CONTROLS.sub("", url)
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:  # such as an unbalanced "[" in the host
        return None
    if scheme not in SCHEMES:
        return None
    return quote(cleaned, safe=":/?#[]@!$&'()*+,;=%~")


def without_controls(ical: str) -> str:
    """A serialised calendar with every control character that is not a line end removed."""
    return _CONTROLS.sub("", ical)
