# ruff: noqa: RUF001, RUF002, RUF003  (this module is about typographic characters and their mojibake)
"""Bytes to text, for every format that reads text files: encoding, mojibake and line endings.

Files come from many hands: UTF-8 (with or without a byte-order mark),
Windows-1252, Mac Roman, and Mac Roman text that was read as Windows-1252 once
and saved again (``Council’s`` stored as ``CouncilÕs``). :func:`decode` tries
UTF-8 first; when the bytes are not UTF-8 it decodes them as Windows-1252 and as
Mac Roman, repairs mojibake in each (:func:`repair_mojibake`) and keeps the
decoding whose text looks most like text (:func:`plausibility`). The
:class:`Decoded` it returns says what it did (:meth:`Decoded.describe`), so that
an importer can report it.

Every built-in format decodes through this module: the UPR recommendations file,
``csv-table`` and the events spreadsheet with full detection and repair, the CSV
format (hrplan's own, always UTF-8) with :func:`decode_utf8`, and every
``encoding=`` option a user gives with :func:`decode_as`.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

import attrs

from hrplan.errors import FormatError, InputError, Problem

__all__ = [
    "CANDIDATES",
    "REPAIRS",
    "UTF8",
    "Decoded",
    "decode",
    "decode_as",
    "decode_utf8",
    "describe_error",
    "file_bytes",
    "line_endings",
    "line_of",
    "normalise_newlines",
    "plausibility",
    "repair_mojibake",
]

_BOM = b"\xef\xbb\xbf"

#: The values of :attr:`Decoded.encoding` that mean the bytes were UTF-8.
UTF8: tuple[str, ...] = ("utf-8", "utf-8-sig")

#: Single-byte encodings tried, in the order that wins a tie.
CANDIDATES: tuple[str, ...] = ("cp1252", "mac_roman")

#: Re-codings tried on each run of non-ASCII characters: (encode with, decode with).
#: ``("cp1252", "mac_roman")`` undoes "Mac Roman bytes read as Windows-1252"...
REPAIRS: tuple[tuple[str, str], ...] = (
    ("cp1252", "mac_roman"),
    ("mac_roman", "cp1252"),
    ("cp1252", "utf-8"),
    ("mac_roman", "utf-8"),
)

#: Punctuation and signs that real text uses.
_OPENING = frozenset("‘“„«")
_CLOSING = frozenset("’”»")
_DASHES = frozenset("–—")
_SIGNS = frozenset("…°€£§©®\u00a0")
#: How much more plausible a re-coded run must be for a local repair.
_LOCAL_MARGIN = 2
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@attrs.frozen
class Decoded:
    """A file's text and how it was decoded.

    :ivar text: the text, newlines not yet normalised.
    :ivar encoding: ``utf-8``, ``utf-8-sig`` (with a byte-order mark), ``cp1252``
        (Windows-1252) or ``mac_roman``.
    :ivar repaired: how many runs of mojibake were repaired (``Õ`` -> ``’``).
    :ivar mojibake: the systematic mis-decoding found and undone, as
        ``"<encoding> read as <encoding>"`` (``"mac_roman read as cp1252"``),
        else ``None`` (isolated runs may still have been repaired).
    :ivar line_endings: ``LF``, ``CRLF``, ``CR``, ``mixed`` or ``none``.
    :ivar score: the plausibility of ``text`` (see :func:`plausibility`).
    :ivar bad_line: ``None`` when the bytes are UTF-8; else the line (from 1) of
        the first byte that is not UTF-8, for a finding that points at it.
    """

    text: str
    encoding: str
    repaired: int = 0
    mojibake: str | None = None
    line_endings: str = "none"
    score: int = 0
    bad_line: int | None = None

    def describe(self) -> str:
        """One line: ``mac_roman, CR line endings, 495 runs of mojibake repaired (mac_roman read as cp1252)``."""
        text = f"{self.encoding}, {self.line_endings} line endings"
        if self.repaired:
            text += f", {self.repaired} run(s) of mojibake repaired"
            if self.mojibake:
                text += f" ({self.mojibake})"
        return text


def _char_score(char: str, before: str, after: str) -> int:
    """How plausible one non-ASCII character is between ``before`` and ``after``.

    Positive for what real text has (accented letters inside words, an
    apostrophe between letters, quotes and dashes at word boundaries); negative
    for mojibake (control characters, an accented capital inside a lower-case
    word, symbols such as ``™`` or ``ˆ`` glued to letters, the replacement
    character). The table is in ``docs/treaty-reports.md``.
    """
    if char == "\ufffd":
        return -10
    category = unicodedata.category(char)
    if category.startswith("C"):  # C1 controls, unassigned, private use
        return -10
    if char in _OPENING or char in _CLOSING:
        if char == "’" and before.isalpha() and after.isalpha():
            return 3  # an apostrophe: Council’s
        if char in _CLOSING and not after.isalnum() and (before.isalnum() or before in ".!?"):
            return 2
        if char in _OPENING and after.isalnum() and not before.isalnum():
            return 2
        return 0
    if char in _DASHES:
        return 2 if before in " 0123456789" and after in " 0123456789" else 1
    if char in _SIGNS:
        return 1
    if category == "Ll":
        if char in "ƒıµ":  # lower-case letters of Mac Roman that Latin-script text hardly uses
            return -2
        if before.isalpha() and after.isalpha():
            return 2
        return 1
    if category == "Lu":
        inside_lower_word = before.islower() or (before.isalpha() and after.islower())
        return -3 if inside_lower_word else 1
    if char in "ªº":  # ordinal indicators: after a digit (1º) they are real
        return 0 if before.isdigit() else -2
    if category == "Lm":  # modifier letters: ˆ ˜ ˇ
        return -2
    if category.startswith(("L", "M")):  # other scripts and combining marks
        return 0
    # symbols and other punctuation: ™ ¬ √ ∆ ◊ ‡ † ¡ ¿ ...
    return -2 if before.isalpha() or after.isalpha() else -1


def _run_score(text: str, before: str, after: str) -> int:
    total = 0
    for i, char in enumerate(text):
        left = text[i - 1] if i else before
        right = text[i + 1] if i + 1 < len(text) else after
        if ord(char) > 0x7F:
            total += _char_score(char, left, right)
    return total


def plausibility(text: str) -> int:
    """A score of how much ``text`` looks like real text rather than mojibake.

    The sum, over every non-ASCII character, of a score that depends on the
    character and its neighbours (see ``docs/treaty-reports.md``). ASCII text
    scores 0.
    """
    return sum(run.score for run in _runs(text))


@attrs.frozen
class _Run:
    """A maximal run of non-ASCII characters, with its neighbours."""

    start: int
    end: int
    text: str
    before: str
    after: str
    score: int

    def rescored(self, text: str) -> int:
        return _run_score(text, self.before, self.after)


def _runs(text: str) -> list[_Run]:
    if text.isascii():
        return []  # no run to find, without scanning the text with the regex
    runs = []
    for match in _NON_ASCII.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        runs.append(_Run(start, end, match.group(), before, after, _run_score(match.group(), before, after)))
    return runs


def _recode(run: str, recoding: tuple[str, str]) -> str | None:
    encode, decode = recoding
    try:
        return run.encode(encode).decode(decode)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _systematic(runs: list[_Run]) -> tuple[str, str] | None:
    """The re-coding that makes more runs more plausible than less, the most of them; else ``None``."""
    best: tuple[int, tuple[str, str] | None] = (0, None)
    for recoding in REPAIRS:
        better = worse = 0
        for run in runs:
            candidate = _recode(run.text, recoding)
            if candidate is None:
                continue
            change = run.rescored(candidate) - run.score
            better += change > 0
            worse += change < 0
        if better > worse and better > best[0]:
            best = (better, recoding)
    return best[1]


def repair_mojibake(text: str) -> tuple[str, int]:
    """``text`` with its mojibake repaired, and how many runs of characters were replaced.

    Mojibake is text decoded with the wrong single-byte encoding, perhaps more
    than once: ``Council’s`` in Mac Roman read as Windows-1252 is ``CouncilÕs``.
    Each maximal run of non-ASCII characters can be re-encoded with one encoding
    and decoded with another (:data:`REPAIRS`); a candidate is scored in its
    context with the same table as :func:`plausibility`.

    1. **Systematic**: when one re-coding makes more runs of the text more
       plausible than less, the whole text was mis-decoded that way; it is
       applied to every run, except where it would give an implausible run
       (score below 0) out of a better one (``Hissène`` stays).
    2. **Local**: every run not re-coded so is replaced by its most plausible
       re-coding when that scores at least 2 more than the run itself.
    """
    repaired, count, _ = _repair(text)
    return repaired, count


def _repair(text: str) -> tuple[str, int, tuple[str, str] | None]:
    """:func:`repair_mojibake`, also returning the systematic re-coding applied, if any."""
    runs = _runs(text)
    systematic = _systematic(runs)
    parts: list[str] = []
    last = 0
    repaired = 0
    for run in runs:
        best = run.text
        candidate = _recode(run.text, systematic) if systematic else None
        if candidate is not None:
            score = run.rescored(candidate)
            if score >= 0 or score > run.score:
                best = candidate
        if best == run.text:
            best_score = run.score
            for recoding in REPAIRS:
                candidate = _recode(run.text, recoding)
                if candidate is not None and (score := run.rescored(candidate)) > best_score:
                    best, best_score = candidate, score
            if best_score < run.score + _LOCAL_MARGIN:
                best = run.text
        repaired += best != run.text
        parts += (text[last : run.start], best)
        last = run.end
    parts.append(text[last:])
    return "".join(parts), repaired, systematic


def line_endings(text: str) -> str:
    """``LF``, ``CRLF``, ``CR`` (old Mac), ``mixed`` or ``none`` (a single line)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if count]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


def normalise_newlines(text: str) -> str:
    """Every CRLF and lone CR turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, *, repair: bool = True) -> Decoded:
    """Decode the bytes of a text file, detecting its encoding.

    1. UTF-8 with a byte-order mark, then UTF-8: taken when the bytes decode.
    2. Otherwise Windows-1252 (undefined bytes become U+FFFD) and Mac Roman are
       both decoded and repaired (:func:`repair_mojibake`); the one with the
       higher :func:`plausibility` wins, then the one with fewer repairs, then
       Windows-1252. :attr:`Decoded.bad_line` says where the first byte that is
       not UTF-8 stands.

    UTF-8 text is repaired too (it may hold mojibake that was saved as UTF-8),
    unless ``repair`` is false: then UTF-8 text is returned as it is, which is
    what a format that writes and reads back its own files wants. Newlines are
    left as they are; :func:`normalise_newlines` turns them into LF.
    """
    if data.startswith(_BOM):
        try:
            return _decoded(data[len(_BOM) :].decode("utf-8"), "utf-8-sig", repair)
        except UnicodeDecodeError:
            data = data[len(_BOM) :]
    try:
        return _decoded(data.decode("utf-8"), "utf-8", repair)
    except UnicodeDecodeError as exc:
        bad_line = line_of(data, exc.start)
    options = [_decoded(data.decode(name, errors="replace"), name, True) for name in CANDIDATES]
    best = max(options, key=lambda d: (d.score, -d.repaired, -CANDIDATES.index(d.encoding)))
    return attrs.evolve(best, bad_line=bad_line)


def decode_as(data: bytes, encoding: str, *, fmt: str, source: str, detects: bool = False) -> str:
    """The text of ``data`` in the ``encoding`` a user named (a byte-order mark dropped,
    newlines as they are): the one rule of every importer's ``encoding`` option.

    :param detects: whether the format detects the encoding when the option is left
        out (the message then says so).
    :raises FormatError: for an encoding Python does not know or cannot decode text
        with, naming the format ``fmt``.
    :raises InputError: for bytes that are not in that encoding, naming ``source`` and the line.
    """
    try:
        codecs.lookup(encoding)  # also for empty data, which Python decodes without looking
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        advice = "give the right encoding= option" + (", or leave it out to detect it" if detects else "")
        message = f"not {encoding} text: {exc.reason} (byte {exc.start}); {advice}"
        raise InputError(source, [Problem(f"line {line_of(data, exc.start)}", message, "encoding")]) from None
    except UnicodeError as exc:  # a codec that is not for text files (punycode, idna)
        raise FormatError(f"{fmt}: option 'encoding': {encoding!r} cannot decode a file: {exc}") from None
    except (LookupError, ValueError):  # no such codec, not a text codec (base64), a name Python refuses
        raise FormatError(f"{fmt}: option 'encoding': unknown encoding {encoding!r}") from None
    return text.removeprefix("\ufeff")


def decode_utf8(data: bytes) -> str:
    """The text of UTF-8 bytes (a byte-order mark is dropped), newlines as they are.

    :raises UnicodeDecodeError: when the bytes are not UTF-8; :func:`describe_error`
        says where, for a message to the user.
    """
    return data.decode("utf-8-sig")


def describe_error(data: bytes, error: UnicodeDecodeError) -> str:
    """Where the first byte that is not UTF-8 stands: ``line 3 (byte 41)``."""
    return f"line {line_of(data, error.start)} (byte {error.start})"


def file_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``, for a format that reads a second file.

    :raises FormatError: when the file cannot be read (``cannot read plan.json: No such file or directory``).
    """
    try:
        with open(path, "rb") as fp:
            return fp.read()
    except OSError as exc:
        raise FormatError(f"cannot read {os.fspath(path)}: {exc.strerror}") from exc


def line_of(data: bytes, offset: int) -> int:
    """The line (from 1) of the byte at ``offset``, whatever the line endings."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _decoded(raw: str, encoding: str, repair: bool) -> Decoded:
    if not repair:
        return Decoded(raw, encoding, 0, None, line_endings(raw), plausibility(raw))
    text, repaired, systematic = _repair(raw)
    mojibake = f"{systematic[1]} read as {systematic[0]}" if systematic else None
    return Decoded(text, encoding, repaired, mojibake, line_endings(text), plausibility(text))
