"""hrplan.options: plugin options from Python values or command-line strings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hrplan import FormatError
from hrplan.options import as_date, check_names, choice, days, flag


def test_check_names_lists_valid_options() -> None:
    check_names("fmt", {"a": 1}, {"a", "b"})
    with pytest.raises(FormatError, match=r"fmt: unknown option 'c' \(valid options: a, b\)"):
        check_names("fmt", {"c": 1}, {"a", "b"})


@pytest.mark.parametrize(
    ("value", "expected"), [(True, True), ("yes", True), ("0", False), (" Off ", False), (1, True)]
)
def test_flag(value: object, expected: bool) -> None:
    assert flag("fmt", "bom", value) is expected


@pytest.mark.parametrize("value", ["maybe", 2, None])
def test_flag_refuses(value: object) -> None:
    with pytest.raises(FormatError, match="option 'bom' must be true or false"):
        flag("fmt", "bom", value)


def test_choice() -> None:
    assert choice("fmt", "layout", "long", ("measures", "long")) == "long"
    with pytest.raises(FormatError, match="must be one of 'measures', 'long', got 'wide'"):
        choice("fmt", "layout", "wide", ("measures", "long"))


def test_as_date() -> None:
    assert as_date("fmt", "as_of", "2013-01-01") == date(2013, 1, 1)
    assert as_date("fmt", "as_of", datetime(2013, 1, 1, 9)) == date(2013, 1, 1)
    assert as_date("fmt", "as_of", None) == date.today()
    with pytest.raises(FormatError, match="option 'as_of' must be a date"):
        as_date("fmt", "as_of", "01/01/2013")


def test_days() -> None:
    assert days("fmt", "due", "30") == 30
    assert days("fmt", "due", timedelta(days=2)) == timedelta(days=2)
    with pytest.raises(FormatError, match="number of days"):
        days("fmt", "due", -1)
