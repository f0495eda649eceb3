"""The label vocabulary: labels with their meanings, and finding them in text and headers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

from hrplan.labels._meaning import Meaning
from hrplan.labels._normalise import key, words
from hrplan.labels._table import TABLE

__all__ = ["Label", "LabelMatch", "Labels", "as_labels"]

#: A word of a label as written: letters and digits with the punctuation inside them.
_TOKEN = re.compile(r"[^\s:/]+")
#: A colon that ends a label: not in ``http://`` and not between digits (``10:30``).
_COLON = re.compile(r"(?<!\d):(?!//)|(?<=\d):(?!\d)")
_BULLET = re.compile(r"[ \t]*(?:[-\u2013\u2014\u2022*\u00b7\u25aa][ \t]*)?")
#: How far before a colon a label may start (in characters).
_REACH = 160
#: How many words may follow the label before its colon at the start of a line
#: (``Time-frame (2019-2022):``, ``Compliance with National Strategy/ SDGs:``).
_QUALIFIER_WORDS = 6


def _meaning(value: object) -> Meaning:
    return Meaning.parse(value)


@attrs.frozen
class Label:
    """One spelling of a label and what it means.

    :ivar text: the label as written (``"Partnership agencies"``).
    :ivar meaning: the part of a measure it introduces.
    """

    text: str
    meaning: Meaning = attrs.field(converter=_meaning)


@attrs.frozen
class LabelMatch:
    """A label found in a text or a table header.

    :ivar label: the vocabulary's label it matched.
    :ivar written: the label as written in the text (its qualifier included, colon excluded).
    :ivar qualifier: what follows the label's words before the colon (``"(2019-2022)"``), if anything.
    :ivar start: where the label starts in the text searched.
    :ivar end: where its value starts: after the colon (and blanks) in a text, the end of a header.
    """

    label: Label
    written: str
    qualifier: str
    start: int
    end: int

    @property
    def meaning(self) -> Meaning:
        """What the label means."""
        return self.label.meaning


class Labels:
    """An immutable label vocabulary: which labels a plan may use and what they mean.

    ``Labels.default()`` is the vocabulary that ships with hrplan (``docs/text-format.md``
    lists it); :meth:`extended` adds labels (from plugins, through the
    ``register_labels`` hook, or for one import, through the ``labels`` option).
    Labels are compared after normalisation: case, punctuation, blanks, plurals and
    ``(s)`` do not matter, and the longest label wins.
    """

    __slots__ = ("_by_key", "_labels", "_longest")

    def __init__(self, labels: Iterable[Label] = ()) -> None:
        self._labels: tuple[Label, ...] = tuple(labels)
        self._by_key: dict[str, Label] = {}
        self._longest = 1
        for label in self._labels:  # a later label wins: extensions override
            label_key = key(label.text)
            if label_key:
                self._by_key[label_key] = label
                self._longest = max(self._longest, len(words(label.text)))

    @classmethod
    def default(cls) -> Labels:
        """The vocabulary that ships with hrplan."""
        return cls(Label(text, meaning) for meaning, texts in TABLE for text in texts)

    def extended(self, extra: object) -> Labels:
        """This vocabulary and ``extra`` (which wins where both have a label): anything
        :func:`as_labels` reads.

        :raises ValueError: when ``extra`` holds no labels it can read.
        """
        return Labels((*self._labels, *as_labels(extra)))

    def __iter__(self) -> Iterator[Label]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __repr__(self) -> str:
        return f"Labels({len(self._labels)} labels)"

    def meaning(self, text: str) -> Meaning | None:
        """The meaning of ``text`` taken whole as a label (``"Partner(s):"`` -> ``PARTNER``)."""
        label = self._by_key.get(key(text))
        return label.meaning if label is not None else None

    def labels_of(self, meaning: Meaning) -> list[str]:
        """The labels that carry ``meaning``, as written, in order."""
        return [label.text for label in self._labels if label.meaning is meaning]

    def header(self, text: str) -> LabelMatch | None:
        """The label a table header (or cell) starts with: the longest one, whole words;
        what follows is its qualifier (``"Time-frame (2019-2022)"``)."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        return self._prefix(text, tokens, 0, len(text))

    def at(self, text: str, position: int) -> LabelMatch | None:
        """The label that starts exactly at ``position`` and ends with a colon, in any case
        (a qualifier allowed, as at the start of a line)."""
        if not _starts_label(text[position : position + 1]):
            return None
        colon = _COLON.search(text, position, position + _REACH)
        if colon is None or "\n" in text[position : colon.start()]:
            return None
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, position, colon.start())]
        found = self._prefix(text, tokens, position, colon.start())
        return None if found is None else self._after_colon(text, found, colon.end())

    def find(self, text: str, *, any_case: bool = False) -> Iterator[LabelMatch]:
        """Every ``Label:`` in ``text``, in order, in linear time.

        At the start of a line (after an optional bullet) a label may be in any case
        and carry a qualifier before its colon; inside a line it must start with a
        capital letter and be followed by its colon. A backslash before a label makes
        it text. ``any_case`` finds what an exporter must escape: labels in any case,
        those after a backslash included.
        """
        end = 0
        for colon in _COLON.finditer(text):
            if colon.start() < end:
                continue
            found = self._before(text, max(end, colon.start() - _REACH), colon.start(), any_case)
            if found is not None:
                match = self._after_colon(text, found, colon.end())
                end = match.end
                yield match

    def _before(self, text: str, floor: int, colon: int, any_case: bool) -> LabelMatch | None:
        """The label that ends at ``colon`` (the longest), if any."""
        line_start = text.rfind("\n", floor, colon) + 1 or floor
        if line_start == floor and floor > 0 and text[floor - 1] != "\n":
            line_start = -1  # the window does not reach the start of the line
        if line_start >= 0:
            head = _BULLET.match(text, line_start)
            first = head.end() if head is not None else line_start
            found = self._line_start(text, first, colon, any_case)
            if found is not None:
                return found
        tokens = [m.start() for m in _TOKEN.finditer(text, max(line_start, floor), colon)][-self._longest :]
        for begin in tokens:  # the longest suffix first
            if text[begin] == "\\" and any_case:
                begin += 1
            if begin >= colon or not (text[begin].isupper() or (any_case and _starts_label(text[begin]))):
                continue
            label = self._by_key.get(key(text[begin:colon]))
            if label is not None:
                return LabelMatch(label, text[begin:colon].strip(), "", begin, colon)
        return None

    def _line_start(self, text: str, first: int, colon: int, any_case: bool) -> LabelMatch | None:
        """The label that starts a line at ``first`` and ends at ``colon``, qualifier allowed."""
        if text[first : first + 1] == "\\":
            if not any_case:
                return None
            first += 1
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, first, colon)]
        if not tokens or len(tokens) > self._longest + _QUALIFIER_WORDS:
            return None
        return self._prefix(text, tokens, first, colon)

    def _prefix(self, text: str, tokens: list[tuple[int, int]], first: int, stop: int) -> LabelMatch | None:
        """The longest label made of the first tokens; the rest is its qualifier."""
        if not tokens or not _starts_label(text[tokens[0][0]]):
            return None
        for count in range(min(self._longest, len(tokens)), 0, -1):
            end = tokens[count - 1][1]
            label = self._by_key.get(key(text[first:end]))
            if label is None:
                continue
            rest = text[end:stop].strip()
            if rest and not _qualifies(label, rest):
                continue
            return LabelMatch(label, text[tokens[0][0] : stop].strip(), rest, tokens[0][0], stop)
        return None

    @staticmethod
    def _after_colon(text: str, found: LabelMatch, after: int) -> LabelMatch:
        while after < len(text) and text[after] in " \t":
            after += 1
        return attrs.evolve(found, end=after)


def _starts_label(char: str) -> bool:
    return char.isalnum() or char in ("#", "\u2116")


def _qualifies(label: Label, rest: str) -> bool:
    """Whether ``rest`` may follow ``label`` before the colon: a bracket, a slash, or
    anything short after a label that is kept as written."""
    if rest[0] in "([/":
        return True
    return label.meaning is Meaning.KEEP and len(rest.split()) <= _QUALIFIER_WORDS


def as_labels(value: object) -> list[Label]:
    """Labels from a vocabulary, a Label, a ``(label, meaning)`` pair, a mapping of label
    to meaning, Label objects, or the
    option string ``"meaning:Label,meaning:Label"`` (``"partner:Focal points"``).

    :raises ValueError: for an unknown meaning or a value of another sort.
    """
    if isinstance(value, Labels):
        return list(value)
    if isinstance(value, Label):
        return [value]
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and not isinstance(value[1], Label):
        return [Label(value[0], Meaning.parse(value[1]))]
    if isinstance(value, str):
        pairs = [piece.partition(":") for piece in value.split(",") if piece.strip()]
        bad = [f"{m}{c}{t}" for m, c, t in pairs if not c or not t.strip()]
        if bad:
            raise ValueError(f"labels: expected meaning:Label pairs separated by commas, got {bad[0]!r}")
        return [Label(text.strip(), Meaning.parse(meaning)) for meaning, _, text in pairs]
    if isinstance(value, Mapping):
        return [Label(str(text), Meaning.parse(meaning)) for text, meaning in value.items()]
    if not isinstance(value, Iterable):
        raise ValueError(f"labels: expected Label objects, a mapping or a string, got {value!r}")
    labels = list(value)
    if not all(isinstance(label, Label) for label in labels):
        raise ValueError(f"labels: expected Label objects, a mapping or a string, got {labels!r}")
    return labels
