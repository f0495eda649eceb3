"""hrplan.cells: multi-valued cells and the reversible formula-injection rule."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hrplan.cells import join, restore, safe, split


@given(st.text())
def test_safe_is_undone_by_restore(cell: str) -> None:
    assert restore(safe(cell)) == cell
    assert safe(cell)[:1] not in ("=", "+", "-", "@", "\t", "\r")


@given(st.lists(st.text(), min_size=1).filter(lambda values: values != [""]))
def test_join_then_split_gives_the_values_back(values: list[str]) -> None:
    assert split(join(values)) == values


def test_examples() -> None:
    assert safe("=SUM(A1)") == "'=SUM(A1)"
    assert join(["a|b", "c"]) == "a\\|b | c"
    assert split("a | b") == ["a", "b"]
