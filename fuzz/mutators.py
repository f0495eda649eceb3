"""How the mutation engine makes new inputs: bytes changed at random, or a JSON document changed value by value.

A target takes :func:`mutate` unless it names its own ``mutator``: the exporter
targets take :func:`mutate_document`, which changes the values of an hrplan JSON
document (a title made 10,000 characters long, a formula, a control character,
a number at its limit, an item repeated or removed) and writes it back as JSON,
so that most inputs are programs the importer accepts and the exporter is
fuzzed, not the JSON syntax checker.
"""

from __future__ import annotations

import json
import random
from typing import Any

__all__ = ["MAX_LEN", "NASTY_TEXT", "mutate", "mutate_document", "mutate_either"]

#: The longest input made, in bytes.
MAX_LEN = 64 * 1024

#: Text values worth trying in every field: formulas, markup, control and direction
#: characters, long and empty text, line breaks, lookalike numbers and dates.
NASTY_TEXT = (
    "", " ", "=cmd|' /C calc'!A0", " @SUM(A1)", "\n=1+1", "+1", "-1", "<script>alert(1)</script>", "]]>",
    "&amp;", "a\u0000b", "\u001b[31m", "\u202eevil", "\ufeff", "\t", "\r\n", "line\nbreak", "javascript:alert(1)",
    "https://example.org/a b", "mailto:a@b", "x" * 10_000, "\u00e9" * 300, "1.1.1.1.1.1.1.1", "0", "999999999",
    "2013-02-30", "9999-12-31", "0001-01-01", "permanently", "annually, 18 May - 18 June", "by mid-2026",
    "Chapter I", "Time-limit: 2012", "\\", '"', "'", ",", ";", "|", "{", "}", "null", "NaN", "\U0001f600",
)  # fmt: skip
_NUMBERS = (0, 1, -1, 2, 9, 10, 99, 999_999_999, 1_000_000_000, 2**31, 2**53, -(2**53), 1.5)


def mutate(rng: random.Random, corpus: list[bytes], words: tuple[bytes, ...]) -> bytes:
    """One mutated input made from the corpus."""
    data = bytearray(rng.choice(corpus))
    for _ in range(rng.choice((1, 1, 2, 3, 5, 8))):
        at = rng.randrange(len(data) + 1)
        op = rng.randrange(9)
        if op == 0 and data:
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[at:at] = bytes([rng.randrange(256)])
        elif op == 2 and data:
            del data[at:at + rng.choice((1, 2, 4, 16, 64))]
        elif op in (3, 4) and words:
            data[at:at] = rng.choice(words)
        elif op == 5 and data:
            end = min(len(data), at + rng.choice((1, 4, 16, 64, 256)))
            data[at:at] = data[at:end] * rng.choice((2, 3, 10, 50))
        elif op == 6:
            other = rng.choice(corpus)
            cut = rng.randrange(len(other) + 1)
            data = data[:at] + bytearray(other[cut:])
        elif op == 7 and data:
            data[min(at, len(data) - 1)] = rng.choice(b"0123456789.-,;:|\"'{}[]\n\r\t ")
        else:
            data[at:at] = str(rng.choice((0, 1, -1, 9999, 10000, 2**31, 2**63, 10**30))).encode()
    return bytes(data[:MAX_LEN])


def mutate_document(rng: random.Random, corpus: list[bytes], words: tuple[bytes, ...]) -> bytes:
    """A JSON document of the corpus with some of its values changed; byte mutations now and
    then, and for inputs that are not JSON (the text seeds)."""
    seed = rng.choice(corpus)
    try:
        document = json.loads(seed)
    except ValueError:
        return mutate(rng, corpus, words)
    for _ in range(rng.choice((1, 1, 2, 3, 5))):
        _change(rng, document)
    data = json.dumps(document, ensure_ascii=rng.random() < 0.3).encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.05:  # the importer's checks of syntax and encoding, now and then
        return mutate(rng, [data], words)
    return data[:MAX_LEN]


def _slots(value: Any, found: list[tuple[Any, Any]]) -> None:
    """Every place in ``value`` that holds a text, a number or a list: (its container, its key or index)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        if not isinstance(child, dict) and key != "format_version":  # an object is changed inside
            found.append((value, key))
        _slots(child, found)


def _change(rng: random.Random, document: Any) -> None:
    slots: list[tuple[Any, Any]] = []
    _slots(document, slots)
    if not slots:
        return
    container, key = rng.choice(slots)
    value = container[key]
    if isinstance(value, list) and value and rng.random() < 0.5:
        at = rng.randrange(len(value))
        if rng.random() < 0.5:
            value.insert(at, json.loads(json.dumps(value[at])))  # an item twice
        else:
            del value[at]
    elif isinstance(container, dict) and rng.random() < 0.1:
        del container[key]
    else:
        container[key] = _new_value(rng, value)


def _new_value(rng: random.Random, old: Any) -> Any:
    if isinstance(old, bool) or old is None:
        return rng.choice((True, False, None, "", 0))
    if isinstance(old, int | float):
        return rng.choice(_NUMBERS) if rng.random() < 0.9 else rng.choice(NASTY_TEXT)
    if isinstance(old, str):
        choice = rng.random()
        if choice < 0.6:
            return rng.choice(NASTY_TEXT)
        if choice < 0.8:
            return old + rng.choice(NASTY_TEXT)
        return "".join(chr(rng.choice((rng.randrange(32, 127), rng.randrange(0x80, 0x2FFF), rng.randrange(0, 32))))
                       for _ in range(rng.randrange(1, 40)))  # fmt: skip
    if isinstance(old, list):
        return [] if rng.random() < 0.5 else old * rng.choice((2, 10))
    return rng.choice(NASTY_TEXT)


def mutate_either(rng: random.Random, corpus: list[bytes], words: tuple[bytes, ...]) -> bytes:
    """Half the time :func:`mutate`, half the time :func:`mutate_document`: the JSON importer's
    syntax checks and its checks of each value."""
    return (mutate if rng.random() < 0.5 else mutate_document)(rng, corpus, words)
