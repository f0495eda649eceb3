"""Words, word limits, and making text safe for CSV, Markdown and HTML."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

import hrplan
from hrplan.cells import safe

__all__ = [
    "DOCUMENTS",
    "TREATY_PREFIXES",
    "WORD_LIMITS",
    "csv_bytes",
    "md",
    "safe_cell",
    "sentence",
    "word_count",
    "word_limit",
]

#: Word limits of documents submitted to the UN (General Assembly res. 68/268; OHCHR guidance).
WORD_LIMITS: Mapping[str, int] = hrplan.FrozenMap(
    {
        "common-core": 42_400,
        "initial": 31_800,
        "periodic": 21_200,
        "loi-replies": 10_700,
        "upr-national": 10_700,
        "upr-stakeholder": 2_815,
        "upr-stakeholder-joint": 5_630,
    }
)

#: What each document type is, in words (for messages and the report footers).
DOCUMENTS: Mapping[str, str] = hrplan.FrozenMap(
    {
        "common-core": "common core document",
        "initial": "initial report",
        "periodic": "periodic report",
        "loi-replies": "replies to a list of issues",
        "upr-national": "UPR national report",
        "upr-stakeholder": "UPR stakeholder submission",
        "upr-stakeholder-joint": "joint UPR stakeholder submission",
    }
)

#: Treaty prefixes a document type may carry (``crc-periodic``, ``cat-initial``...): they do not change the limit.
TREATY_PREFIXES: tuple[str, ...] = (
    "crc", "cat", "ccpr", "iccpr", "cescr", "icescr", "cedaw", "cerd", "icerd", "cmw", "icmw", "crpd", "ced", "cped",
)  # fmt: skip

_WORD = re.compile(r"\S+")


def word_count(text: str) -> int:
    """The number of words in ``text``, as the UN counts them (roughly as a word processor does).

    A word is a run of non-space characters holding at least one letter or digit:
    ``human-rights`` and ``44(6)`` are one word each, while Markdown markup that
    stands alone (``#``, ``|``, ``---``, ``**``) and lone punctuation are not words.
    """
    return sum(1 for token in _WORD.findall(text) if any(char.isalnum() for char in token))


def document_key(document: str) -> str:
    """``CRC-Periodic`` -> ``periodic``: the document type without its treaty prefix, in lower case.

    :raises ValueError: when it names no known document type.
    """
    key = document.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in WORD_LIMITS:
        prefix, _, rest = key.partition("-")
        if prefix in TREATY_PREFIXES and rest in WORD_LIMITS:
            key = rest
    if key not in WORD_LIMITS:
        known = ", ".join(WORD_LIMITS)
        raise ValueError(f"unknown document type {document!r} (known: {known}, optionally after a treaty "
                         f"such as crc-periodic)")
    return key


def word_limit(document: str) -> int:
    """The word limit of a document type: ``periodic`` or ``crc-periodic`` -> 21,200.

    :raises ValueError: when it names no known document type.
    """
    return WORD_LIMITS[document_key(document)]


#: The shared formula-injection rule of every CSV hrplan writes (:func:`hrplan.cells.safe`).
safe_cell = safe


def csv_bytes(rows: Iterable[Iterable[str]]) -> bytes:
    """RFC 4180 CSV (CRLF line endings, minimal quoting), UTF-8, every cell through :func:`safe_cell`."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return text.getvalue().encode("utf-8")


_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_SPACES = re.compile(r"\s+")


def md(text: str) -> str:
    """``text`` as inline Markdown that renders as the text itself, on one line.

    Whitespace (line breaks included) collapses to single spaces; every character
    that Markdown or HTML could read as inline markup (``\\ ` * _ [ ] < > | ~ &``)
    is escaped with a backslash, and so is a leading ``#``, ``+``, ``-``, ``=``
    or ``1.`` that would start a heading or a list. Links, images, HTML and
    entities cannot form (their ``[``, ``<`` and ``&`` are escaped). The result
    is safe inside a table cell and after a list marker.
    """
    flat = _SPACES.sub(" ", text).strip()
    escaped = _INLINE.sub(r"\\\1", flat)
    if escaped[:1] in ("#", "+", "-", "="):
        escaped = "\\" + escaped
    return _BLOCK_START.sub(r"\1\\\2", escaped)


def sentence(text: str) -> str:
    """``text`` ending with a full stop (or the ``.``, ``!``, ``?`` or ``:`` it ends with), stripped."""
    stripped = text.strip()
    return stripped if not stripped or stripped[-1] in ".!?:" else stripped + "."
