"""Findings that scale: one per kind of problem, with a count and the first places."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hrplan.findings import Severity
from hrplan.tally import FindingTally


def test_one_finding_per_kind_in_the_order_first_seen() -> None:
    tally = FindingTally("f.csv", shown=2)
    tally.add(Severity.ERROR, "A001", "bad", "row 3")
    for row in range(5, 9):
        tally.add(Severity.WARNING, "B002", "odd", f"row {row}", detail=str(row))
    first, second = tally.findings()
    assert (first.code, first.message, first.location, first.source) == ("A001", "bad", "row 3", "f.csv")
    assert second.message == "odd: 4 rows (row 5 (5), row 6 (6), and 2 more)"
    assert tally.count() == 5
    assert tally.count("B002") == 4


@given(st.lists(st.sampled_from(["X1", "X2", "X3"]), max_size=300))
def test_counts_add_up_and_findings_stay_few(codes: list[str]) -> None:
    tally = FindingTally()
    for i, code in enumerate(codes):
        tally.add(Severity.INFO, code, f"problem {code}", f"row {i}")
    assert len(tally.findings()) == len(set(codes))
    assert tally.count() == len(codes)
