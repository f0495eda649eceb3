"""Thai time-limits and Buddhist-era years (the examples are made up)."""

from __future__ import annotations

from datetime import date

import hrplan
import pytest
from hrplan.timelimits import parse_time_limit
from hypothesis import given
from hypothesis import strategies as st

import hrplan_thai
from hrplan_thai import BUDDHIST_ERA_OFFSET, THAI


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("B.E. 2559", "2016"),
        ("พ.ศ. 2559", "2016"),
        ("พ.ศ. ๒๕๕๙", "2016"),  # Thai digits
        ("2559-2562 B.E.", "2016-2019"),
        ("ปี พ.ศ. 2559-2562", "2016-2019"),
        ("ภายในปี พ.ศ. 2560", "by 2017"),
        ("มีนาคม พ.ศ. 2560", "March 2017"),
        ("ต.ค. 2559 - ก.ย. 2560", "October 2016 - September 2017"),
        ("ไตรมาสที่ 3 ปี พ.ศ. 2560", "Q3 2017"),
        ("ตั้งแต่ปี พ.ศ. 2560", "from 2017"),
        ("ทุกปี", "annually"),
        ("ต่อเนื่อง", "permanently"),
        ("มีนาคม 2017", "March 2017"),  # a Gregorian year in a Thai text stays one
    ],
)
def test_thai_phrasings(text: str, canonical: str) -> None:
    assert str(parse_time_limit(text, vocabularies=[THAI])) == canonical


def test_a_length_of_time_counts_from_the_adoption() -> None:
    found = parse_time_limit("ภายใน 6 เดือน", vocabularies=[THAI], adopted=date(2017, 1, 10))
    assert found.end == date(2017, 7, 10)


def test_a_plain_year_is_read_by_english_first() -> None:
    assert parse_time_limit("2559", vocabularies=[THAI]).start == date(2559, 1, 1)


def test_the_plugin_registers_the_vocabulary() -> None:
    manager = hrplan.plugins.PluginManager(load_entry_points=False)
    manager.register(hrplan_thai, "thai")
    assert THAI in manager.vocabularies()
    assert hrplan_thai.__version__ == "0.1.0"


@given(st.integers(2000, 2600), st.integers(0, 5))
def test_buddhist_era_years_are_543_more_than_gregorian_ones(year: int, length: int) -> None:
    found = parse_time_limit(f"พ.ศ. {year + 543}-{year + 543 + length}", vocabularies=[THAI])
    assert (found.start, found.end) == (date(year, 1, 1), date(year + length, 12, 31))
    assert str(parse_time_limit(f"B.E. {year - BUDDHIST_ERA_OFFSET}", vocabularies=[THAI])) == str(year)
