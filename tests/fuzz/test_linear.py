"""Linear cost: doubling an input roughly doubles the time (hrplan.testing.assert_linear)."""

from __future__ import annotations

import contextlib
import io
import json

import attrs
import pytest
from hrplan_ical._safety import safe_url, without_controls

import hrplan
from hrplan import cells, jsonio, limits
from hrplan.model._limits import limit_problems
from hrplan.testing import assert_linear


def _quadratic(n: int) -> int:
    return sum(1 for _ in range(n) for _ in range(n))


def test_assert_linear_catches_a_quadratic_function() -> None:
    assert assert_linear(len, lambda n: "x" * n, n=1000) < 3
    with pytest.raises(AssertionError, match="is not linear"):
        assert_linear(_quadratic, lambda n: n, n=50, repeat=3, attempts=2)


def _json_plan(n: int) -> bytes:
    measures = [{"id": f"1.{i + 1}", "title": f"Measure {i}", "time_limit": "2012-2013"} for i in range(n)]
    document = {"format_version": 1, "id": "p", "title": "P", "chapters": [{"number": 1, "title": "C",
                                                                              "measures": measures}]}
    return json.dumps(document).encode()


def test_json_read_is_linear() -> None:
    assert_linear(jsonio.loads, _json_plan, n=50, repeat=5)


def test_json_write_is_linear() -> None:
    assert_linear(jsonio.dumps, lambda n: jsonio.loads(_json_plan(n)), n=50, repeat=5)


def test_the_limit_walk_is_linear() -> None:
    assert_linear(limit_problems, lambda n: jsonio.loads(_json_plan(n)), n=50, repeat=5)


def test_deep_nesting_check_is_linear() -> None:
    def deep(n: int) -> bytes:
        chain = '{"id": "1", "title": "t", "children": [' * 30 + '{"id": "1", "title": "t"}' + "]}" * 30
        return ('{"format_version": 1, "id": "p", "title": "P", "chapters": [{"number": 1, "title": "C", '
                f'"measures": [{", ".join([chain] * n)}]}}]}}').encode()

    def check(data: bytes) -> None:
        with contextlib.suppress(hrplan.InputError):
            jsonio.loads(data)

    assert_linear(check, deep, n=2, repeat=5)


@pytest.mark.parametrize("make", [
    lambda n: " " * n + "=1",
    lambda n: "'" * n + "=1",
    lambda n: "\n \t" * n + "@x",
])
def test_the_formula_rule_is_linear(make: object) -> None:
    assert_linear(lambda cell: cells.restore(cells.safe(cell)), make, n=1000)  # type: ignore[arg-type]


def test_splitting_cells_is_linear() -> None:
    assert_linear(cells.split, lambda n: cells.join([f"name {i} \\ | x" for i in range(n)]), n=200)


def test_text_checks_are_linear() -> None:
    assert_linear(limits.check_text, lambda n: "é" * n, n=10_000)
    assert_linear(lambda s: limits.parse_number(s) if len(s) < 10 else None, lambda n: "1" * n, n=10_000)


def test_calendar_cleaning_is_linear() -> None:
    assert_linear(without_controls, lambda n: "a\x00b\r\nc\n\x1b" * n, n=1000)
    assert_linear(safe_url, lambda n: "https://example.org/" + "a\n b%" * n, n=1000)


def test_program_nesting_check_is_linear() -> None:
    def program(n: int) -> hrplan.Program:
        measures = tuple(hrplan.Measure(f"{i + 1}", "t") for i in range(n))
        return hrplan.Program("p", "P", chapters=(hrplan.Chapter(1, "C", measures=measures),))

    base = program(10)
    assert_linear(lambda p: attrs.evolve(p), lambda n: program(n) if n != 10 else base, n=200)


def _plan_naming(n: int) -> bytes:
    names = ", ".join(f"Ministry of Affairs Number {chr(65 + i % 26)}{i}" for i in range(n))
    return f"A plan\n\nChapter I. Rights\n\n1.1. Train judges.\nImplementing institutions: {names}\n".encode()


def test_reading_a_long_institution_list_is_linear() -> None:
    assert_linear(lambda data: hrplan.load(io.BytesIO(data), format="text"), _plan_naming, n=25, repeat=3)
