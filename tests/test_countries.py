"""The country registry: one identity per State, whatever the spelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrplan.countries import Country, CountryRegistry, canonical_name, lookup, name_key, registry


def test_registry_holds_every_un_member_and_observer_state_once() -> None:
    countries = list(registry())
    assert sum(not c.observer for c in countries) == 193
    assert {c.name for c in countries if c.observer} == {"Holy See", "State of Palestine"}
    assert len({c.alpha2 for c in countries}) == len({c.alpha3 for c in countries}) == 195


@pytest.mark.parametrize(
    ("spellings", "code"),
    [
        (["United Kingdom of Great Britain and Northern Ireland", "United Kingdom", "UK", "GB", "GBR"], "GB"),
        (["Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)", "Venezuela"], "VE"),
        (["DPR Korea", "Democratic People's Republic of Korea", "Korea, Democratic People's Republic of"], "KP"),
        (["Republic of Korea", "Korea, Republic of", "South Korea"], "KR"),
        (["Côte d'Ivoire", "Cote d\u2019Ivoire", "COTE D'IVOIRE"], "CI"),
        (["St Vincent & the Grenadines", "Saint Vincent and the Grenadines"], "VC"),
        (["Macedonia FYR", "North Macedonia", "The former Yugoslav Republic of Macedonia"], "MK"),
        (["Turkey", "Türkiye"], "TR"),
        (["Palestine", "State of Palestine"], "PS"),
    ],
)
def test_spellings_of_one_state_meet(spellings: list[str], code: str) -> None:
    assert {lookup(s).alpha2 for s in spellings if lookup(s)} == {code}
    assert all(lookup(s) is not None for s in spellings)


def test_unknown_names_are_kept_as_written() -> None:
    assert lookup("&#40;Unknown&#41;") is None
    assert canonical_name("  Atlantis  ") == "Atlantis"
    assert canonical_name("&#40;Unknown&#41;") == "(Unknown)"


def test_a_spelling_shared_by_two_states_is_refused() -> None:
    with pytest.raises(ValueError, match="names both"):
        CountryRegistry([Country("AA", "AAA", "Avalon", variants=("X",)), Country("BB", "BBB", "Brigadoon",
                                                                               variants=("x",))])


@given(st.sampled_from(list(registry())), st.sampled_from([str.upper, str.lower, str.title]))
def test_every_name_and_variant_finds_its_country_in_any_case(country: Country, case: object) -> None:
    for name in (country.name, *country.variants):
        assert lookup(case(name)) is country  # type: ignore[operator]
        assert name_key(name) == name_key(f"  {name.upper()} ")
