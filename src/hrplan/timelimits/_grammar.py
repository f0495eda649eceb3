"""A vocabulary compiled for parsing: normalised phrases and regular expressions.

Text and phrases go through the same :func:`normalise`, so a vocabulary can be
written naturally ("before the end of", "Mar.") and still match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

from hrplan.timelimits._model import Precision
from hrplan.timelimits._vocabulary import Vocabulary

__all__ = ["Grammar", "grammar_for", "normalise", "without_prefix", "without_suffix"]

_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_ABBREVIATION_DOT = re.compile(r"(?<=[^\W\d_])\.|(?<=\d)\.(?=\s)")
_SEPARATORS = re.compile(r"[,;:()\[\]]")
_HYPHEN = re.compile(r"\s*-\s*")
#: The hyphen of "end-2026": a blank (the hyphen of "mid-2025" is the vocabulary's, see Grammar).
_WORD_YEAR_HYPHEN = re.compile(r"(?<=\bend)-(?=\d)")
_EDGES = " .!?'\"()[]{}«»\u201c\u201d\u2018\u2019"
_ROMAN = "xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i"

#: Roman numerals as the parser reads them (I to XII).
ROMAN_NUMERALS = {r: n for n, r in enumerate(reversed(_ROMAN.split("|")), start=1)}


def normalise(text: str, articles: Iterable[str] = ()) -> str:
    """Lower-case ``text``, unify dashes and spaces, drop abbreviation dots
    ("Mar.", "12. März"), commas, surrounding punctuation and the ``articles``
    (single words)."""
    s = unicodedata.normalize("NFKC", text).casefold().replace("i\u0307", "i")
    s = _DASHES.sub("-", s)
    s = _ABBREVIATION_DOT.sub(" ", s)
    s = _SEPARATORS.sub(" ", s)
    s = _HYPHEN.sub("-", s)
    s = _WORD_YEAR_HYPHEN.sub(" ", s)
    dropped = set(articles)
    return " ".join(word for word in s.split() if word not in dropped).strip(_EDGES)


def without_prefix(s: str, phrases: Iterable[str]) -> list[str]:
    """What follows each of ``phrases`` that ``s`` starts with (as whole words)."""
    return [s[len(p) + 1 :] for p in phrases if s.startswith(p + " ")]


def without_suffix(s: str, phrases: Iterable[str]) -> list[str]:
    """What precedes each of ``phrases`` that ``s`` ends with (as whole words)."""
    return [s[: -len(p) - 1] for p in phrases if s.endswith(" " + p)]


@attrs.frozen(eq=False)
class Grammar:
    """A :class:`Vocabulary` ready for parsing (build with :func:`grammar_for`).

    Phrase tuples are normalised and longest first; ``pieces`` are the patterns
    of one unit ("March 2012", "IV quarter", "12") with the precision each
    gives (``None`` for a bare number, which only starts a range: "12-15 March").
    """

    vocabulary: Vocabulary
    articles: tuple[str, ...]
    ongoing: frozenset[str]
    lead_ins: tuple[str, ...]
    deadline_prefixes: tuple[str, ...]
    from_prefixes: tuple[str, ...]
    from_suffixes: tuple[str, ...]
    fillers: tuple[str, ...]
    range_leads: tuple[str, ...]
    months: Mapping[str, int]
    ordinals: Mapping[str, int]
    recurring: re.Pattern[str]
    connector: re.Pattern[str]
    pieces: tuple[tuple[Precision | None, re.Pattern[str]], ...]
    cardinals: Mapping[str, int]
    durations: Mapping[str, str]
    relative: re.Pattern[str]
    months_of: re.Pattern[str]
    era: re.Pattern[str] | None
    era_offset: int
    era_years_from: int
    two_digit_range: re.Pattern[str]
    year_part: re.Pattern[str]
    year_parts: Mapping[str, str]
    year_part_hyphen: re.Pattern[str]

    def normalise(self, text: str) -> str:
        """``text`` normalised for this vocabulary: two-digit year ranges written in
        full (``2019-20`` -> ``2019-2020``), a part of a year apart from its year
        (``mid-2025`` -> ``mid 2025``) and years of another era made Gregorian."""
        s = self.two_digit_range.sub(_full_range, normalise(text, self.articles))
        s = self.year_part_hyphen.sub(r"\1 ", s)  # "mid-2025" as "mid 2025"
        if self.era is not None and self.era.search(s):
            s = " ".join(self.era.sub(" ", s).split())
            s = _YEAR.sub(lambda m: str(int(m.group(0)) + self.era_offset), s)
        elif self.era_years_from:
            s = _YEAR.sub(self._era_year, s)
        return s

    def _era_year(self, match: re.Match[str]) -> str:
        """A year without a marker: of the era when it is late enough, else as written."""
        year = int(match.group(0))
        return str(year + self.era_offset) if year >= self.era_years_from else match.group(0)


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


#: The longest range written with a two-digit end (``2010-60``); past it (``2025-13``,
#: which would be 2025-2113) the text is left as written, and refused.
MAX_SHORT_RANGE_YEARS = 50


def _full_range(match: re.Match[str]) -> str:
    """``2019-2020`` for ``2019-20`` (``1999-2001`` for ``1999-01``); the text unchanged when
    the two digits are a month, or would end the range more than 50 years on."""
    start, separator, digits = int(match[1]), match[2], int(match[3])
    if separator == "-" and digits <= 12:
        return match[0]
    end = start // 100 * 100 + digits
    if end < start:
        end += 100
    return f"{start}-{end}" if start < end <= start + MAX_SHORT_RANGE_YEARS else match[0]


@functools.cache
def grammar_for(vocabulary: Vocabulary) -> Grammar:
    """The compiled grammar of ``vocabulary`` (built once per vocabulary)."""
    v = vocabulary
    articles = tuple(normalise(a) for a in v.articles)
    phrases = functools.partial(_phrases, articles=articles)
    months = {normalise(name, articles): i for i, names in enumerate(v.months, 1) for name in names}
    ordinals = {normalise(word, articles): number for word, number in v.ordinals}
    return Grammar(
        vocabulary=v,
        articles=articles,
        ongoing=frozenset(phrases(v.ongoing)),
        lead_ins=phrases(v.lead_ins),
        deadline_prefixes=phrases(v.deadline_prefixes),
        from_prefixes=phrases(v.from_prefixes),
        from_suffixes=phrases(v.from_suffixes),
        fillers=phrases(v.fillers),
        range_leads=phrases(v.range_leads),
        months=months,
        ordinals=ordinals,
        recurring=re.compile(rf"(?<![\w-]){_alt(phrases(v.recurring))}(?![\w-])"),
        connector=re.compile(rf"-|/|\s+{_alt(phrases(v.range_connectors))}\s+"),
        pieces=_piece_patterns(v, articles),
        cardinals={normalise(word, articles): number for word, number in v.cardinals},
        durations={normalise(word, articles): unit for word, unit in v.durations},
        relative=_relative_pattern(v, articles),
        months_of=_months_of_pattern(v, articles),
        era=_era_pattern(v, articles),
        era_offset=v.era_offset,
        era_years_from=v.era_years_from,
        two_digit_range=_two_digit_pattern(v, articles),
        year_part=_year_part_pattern(v, articles),
        year_parts={normalise(word, articles): part for word, part in v.year_parts},
        year_part_hyphen=re.compile(
            rf"(?<![\w-])({_alt(_phrases((word for word, _ in v.year_parts), articles))})-(?=\d{{4}}(?!\d))"
        ),
    )


def _year_part_pattern(v: Vocabulary, articles: tuple[str, ...]) -> re.Pattern[str]:
    """A loose part of a year: ``mid 2025`` (``mid-2025`` once normalised), ``beginning of 2026``."""
    f = _fragments(v, articles)
    words = _alt(_phrases((word for word, _ in v.year_parts), articles))
    return re.compile(rf"(?P<part>{words}){f.of}\s+{f.year}")


def _two_digit_pattern(v: Vocabulary, articles: tuple[str, ...]) -> re.Pattern[str]:
    """``2019-20`` or ``2019/20``, not followed by a month (``12 March 2012-15 April``);
    a hyphen before 01-12 stays an ISO month (``2012-03``), see :func:`_full_range`."""
    phrases = functools.partial(_phrases, articles=articles)
    month = _alt(phrases(name for names in v.months for name in names))
    after = rf"(?:{_alt(phrases(v.day_suffixes))})?\s*(?:{_alt(phrases(v.of_words))}\s+)?{month}(?![^\W\d_])"
    return re.compile(rf"(?<![\d./-])(\d{{4}})([-/])(\d{{2}})(?![\d./-])(?!{after})")


def _count(v: Vocabulary, articles: tuple[str, ...]) -> str:
    """A count written in digits or words: ``6``, ``six``."""
    return rf"(?P<count>\d{{1,3}}|{_alt(normalise(word, articles) for word, _ in v.cardinals)})"


def _relative_pattern(v: Vocabulary, articles: tuple[str, ...]) -> re.Pattern[str]:
    """A length of time from the adoption: ``within 6 months``, ``within two years of adoption``."""
    phrases = functools.partial(_phrases, articles=articles)
    units = _alt(normalise(word, articles) for word, _ in v.durations)
    return re.compile(
        rf"{_alt(phrases(v.relative_prefixes))}\s+{_count(v, articles)}\s+(?P<unit>{units})"
        rf"(?:\s+{_alt(phrases(v.relative_suffixes))})?"
    )


def _months_of_pattern(v: Vocabulary, articles: tuple[str, ...]) -> re.Pattern[str]:
    """The first months of a year: ``nine months of 2025``, ``first 6 months of 2024``."""
    phrases = functools.partial(_phrases, articles=articles)
    months = _alt(normalise(word, articles) for word, unit in v.durations if unit == "month")
    year = rf"(?:{_alt(phrases(v.year_prefixes))}\s+)?(?P<year>\d{{4}})"
    return re.compile(
        rf"(?:{_alt(phrases(v.first_words))}\s+)?{_count(v, articles)}\s+{months}"
        rf"(?:(?:\s+{_alt(phrases(v.of_words))})?\s+{year})?"
    )


def _era_pattern(v: Vocabulary, articles: tuple[str, ...]) -> re.Pattern[str] | None:
    """The era markers as whole words (next to letters of other scripts too)."""
    markers = _phrases(v.era_markers, articles)
    if not markers:
        return None
    return re.compile(rf"(?<![a-z0-9]){_alt(markers)}(?![a-z0-9])")


def _phrases(values: Iterable[str], articles: tuple[str, ...]) -> tuple[str, ...]:
    """``values`` normalised, without duplicates, longest first."""
    normalised = {normalise(v, articles) for v in values} - {""}
    return tuple(sorted(normalised, key=lambda p: (-len(p), p)))


def _alt(phrases: Iterable[str]) -> str:
    """A regex group matching any of ``phrases`` (longest first); never matches if none."""
    escaped = [re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)]
    return f"(?:{'|'.join(escaped)})" if escaped else "(?!)"


@attrs.frozen
class _Fragments:
    """Regex fragments of one vocabulary, with the named groups pieces are read from."""

    year: str
    of: str
    month: str
    day: str
    number: str


def _fragments(v: Vocabulary, articles: tuple[str, ...]) -> _Fragments:
    phrases = functools.partial(_phrases, articles=articles)
    suffix = _alt(phrases(v.day_suffixes))
    prefix = _alt(phrases(v.year_prefixes))
    ordinals = _alt(normalise(word, articles) for word, _ in v.ordinals)
    return _Fragments(
        year=rf"(?:{prefix}\s+)?(?P<year>\d{{4}})(?:\s*{_alt(phrases(v.year_suffixes))})?",
        of=rf"(?:\s+{_alt(phrases(v.of_words))})?",
        month=rf"(?P<month>{_alt(phrases(name for names in v.months for name in names))})",
        day=rf"(?P<day>\d{{1,2}})(?:{suffix})?",
        number=rf"(?P<num>\d{{1,2}}(?:{suffix})?|{_ROMAN}|{ordinals})",
    )


def _piece_patterns(
    v: Vocabulary, articles: tuple[str, ...]
) -> tuple[tuple[Precision | None, re.Pattern[str]], ...]:
    f = _fragments(v, articles)
    phrases = functools.partial(_phrases, articles=articles)
    forms: dict[Precision | None, list[str]] = {
        Precision.YEAR: [f.year],
        Precision.MONTH: _month_forms(f),
        Precision.DAY: _day_forms(f),
        Precision.QUARTER: _subyear_forms(f, phrases(v.quarter_words), phrases(v.quarter_prefixes)),
        Precision.HALF: _subyear_forms(f, phrases(v.half_words), phrases(v.half_prefixes)),
        None: [f.number],
    }
    return tuple((p, re.compile(form)) for p, group in forms.items() for form in group)


def _month_forms(f: _Fragments) -> list[str]:
    """Months: "March 2012", "March of 2012", "March", "03.2012", "2012-03", "2012 March"."""
    return [
        rf"{f.month}(?:{f.of}\s+{f.year})?",
        r"(?P<month>\d{1,2})[./](?P<year>\d{4})",
        r"(?P<year>\d{4})-(?P<month>\d{2})",
        rf"{f.year}\s+{f.month}",
    ]


def _day_forms(f: _Fragments) -> list[str]:
    """Days: "12 March 2012", "12th of March", "March 12 2012", "12.03.2012", "2012-03-12"."""
    return [
        rf"{f.day}{f.of}\s*{f.month}(?:{f.of}\s+{f.year})?",
        rf"{f.month}\s+{f.day}(?:\s+{f.year})?",
        r"(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})",
        r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
    ]


def _subyear_forms(f: _Fragments, words: Iterable[str], prefixes: Iterable[str]) -> list[str]:
    """Quarters or halves: "IV quarter 2016", "Q1 2015", "2015 Q1", "2015-ci ilin I rübü"."""
    word, prefix, digits = _alt(words), _alt(prefixes), r"(?P<num>\d{1,2})"
    return [
        rf"{f.number}\s*{word}(?:{f.of}\s+{f.year})?",
        rf"{prefix}\s*{digits}(?:(?:{f.of}\s+|\s*[/-]\s*){f.year})?",
        rf"{word}\s+{digits}(?:(?:{f.of}\s+|\s*[/-]\s*){f.year})?",
        rf"{f.year}(?:\s+|-)?{f.number}\s*{word}",
        rf"{f.year}(?:\s+|-){prefix}\s*{digits}",
    ]
