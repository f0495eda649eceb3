"""Tests of the hrplan-azerbaijan plugin, through hrplan's public API (the plugin must be installed)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import hrplan
import pytest
from hrplan.institutions import Registry, resolve_names, split_names
from hrplan.plugins import get_manager

import hrplan_azerbaijan
from hrplan_azerbaijan import AZERBAIJANI, INSTITUTIONS, PROGRAM_2012

PLUGIN = Path(__file__).resolve().parents[1]
ROOT = PLUGIN.parents[1]
EXAMPLE = ROOT / "examples" / "data" / "az-2012.json"
SHARED = ROOT.parent / "shared"
K = hrplan.InstitutionKind


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The registry as hrplan sees it: through the plugin manager."""
    return Registry.collect(get_manager().institution_registries()["AZ"], "AZ")


@pytest.fixture(scope="module")
def example() -> hrplan.Program:
    if not EXAMPLE.is_file():
        pytest.skip(f"hrplan's example {EXAMPLE} is absent")
    return hrplan.read(EXAMPLE)


def _seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.is_file():
        pytest.skip(f"shared seed {path} is absent (it sits beside the project in CI)")
    return path.read_text(encoding="utf-8")


# --- registration ---------------------------------------------------------------------


def test_the_plugin_registers_the_registry_and_the_vocabulary() -> None:
    manager = get_manager()
    registered = manager.institution_registries()["AZ"]
    assert [i for i in registered if i in INSTITUTIONS] == list(INSTITUTIONS)
    assert AZERBAIJANI in manager.vocabularies()


def test_hrplan_plugins_shows_it_loaded() -> None:
    done = subprocess.run([sys.executable, "-m", "hrplan.cli", "plugins", "--json"], capture_output=True, text=True,
                          check=True)  # fmt: skip
    rows = {row["name"]: row for row in json.loads(done.stdout)}
    row = rows["azerbaijan"]
    assert (row["status"], row["version"], row["distribution"]) == ("loaded", "0.1.0", "hrplan-azerbaijan")
    assert row["hooks"] == ["register_institution_registries", "register_time_limit_vocabularies"]
    assert row["problems"] == []
    assert hrplan_azerbaijan.__version__ == "0.1.0"


# --- the registry -----------------------------------------------------------------------


def test_ids_are_unique_and_parents_resolve(registry: Registry) -> None:
    ids = [i.id for i in registry.institutions]
    assert len(ids) == len(set(ids))
    assert {i.parent for i in registry.institutions if i.parent} <= set(ids)


def test_every_institution_of_the_example_is_there_with_the_same_fields(
    registry: Registry, example: hrplan.Program
) -> None:
    assert [i.id for i in PROGRAM_2012] == list(example.institutions)
    for id_, institution in example.institutions.items():
        mine = registry.lookup(institution.name)
        assert mine is not None, id_
        assert (mine.id, mine.name, mine.kind, mine.parent, mine.short_name) == (
            id_, institution.name, institution.kind, institution.parent, institution.short_name
        )
        for alias in institution.aliases:
            assert registry.lookup(alias) == mine, alias


@pytest.mark.parametrize(
    ("name", "id_"),
    [
        ("Milli Məclis", "milli-mejlis"),
        ("Azərbaycan Respublikasının Milli Məclisi", "milli-mejlis"),
        ("Milli Meilis", "milli-mejlis"),
        ("Ədliyyə Nazirliyi", "min-justice"),
        ("Ombudsman Aparatı", "ombudsman"),
        ("Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman)", "ombudsman"),
        ("Ombudsman Office of Azerbaijan", "ombudsman"),
        ("Commissioner for Human Rights (Ombudsman) of Azerbaijan", "ombudsman"),
        ("the Ombudsman's North Regional Center", "ombudsman-north-regional-centre"),
        ("Northwest Regional Center of the Ombudsman", "ombudsman-northwest-regional-centre"),
        ("Nakhchivan Ombudsman Office", "nakhchivan-ombudsman"),
        ("Ombudsman Office of the Nakhchivan Autonomous Republic", "nakhchivan-ombudsman"),
        ("Ministry of Science and Education", "min-science-education"),
        ("Ministry of Labor and Social Protection of Population", "min-labour-social-protection"),
        ("Ministry of Labor and Social Security of the Population", "min-labour-social-protection"),
        ("Management Union of Medical Territorial Divisions", "tabib"),
        ("Police Academy", "police-academy"),
        ("Justice Academy", "justice-academy"),
        ("Academy of Public Administration", "academy-public-administration"),
        ("Academy of Labor and Social Relations", "academy-labour-social-relations"),
        ("Science and Training Center of the Prosecutor General's Office", "prosecutor-general-training-centre"),
        ("Commission on Minors and Protection of the Rights of Minors", "minors-commission"),
        ("ENNHRI", "ennhri"),
        ("European Network of National Human Rights Institutions", "ennhri"),
        ("GANHRI", "ganhri"),
        ("UN Council for Human Rights", "un-human-rights-council"),
    ],
)
def test_names_from_the_documents(registry: Registry, name: str, id_: str) -> None:
    found = registry.lookup(name)
    assert found is not None, name
    assert found.id == id_


def test_the_ombudsman_documents_name_these_bodies() -> None:
    text = " ".join(_seed(f) for f in ("000_4827e97c9da6ddf5.txt", "001_0cfbeaabb5ab22eb.txt",
                                       "002_1d0f647371ed8d45.txt", "003_50b3a2563d89f8ac.txt"))  # fmt: skip
    for phrase in ("Police Academy", "Justice Academy", "Academy of Public Administration",
                   "Nakhchivan Ombudsman Office", "Ministry of Science and Education",
                   "Management Union of Medical Territorial Divisions",
                   "Ministry of Labor and Social Protection of Population", "ENNHRI", "Northwest Regional Centers",
                   "Child Rights Protection Unit"):  # fmt: skip
        assert phrase in text, phrase


def test_no_two_institutions_are_near_misses_of_each_other(registry: Registry) -> None:
    for institution in registry.institutions:
        for name in institution.names:
            assert registry.match(name) == hrplan.institutions.Match(institution, 1.0, True), name
            typo = re.sub(r"(\w)(\w)(\w*)$", r"\2\1\3", name)  # two letters of the last word swapped
            found = registry.match(typo)
            assert found is None or found.institution == institution, (name, typo, found)


def test_an_azerbaijani_list(registry: Registry) -> None:
    text = "Ədliyyə Nazirliyi, Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi və Ombudsman Aparatı"
    assert split_names(text, registry) == ["Ədliyyə Nazirliyi", "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi",
                                           "Ombudsman Aparatı"]  # fmt: skip
    resolution = resolve_names(text, registry)
    assert [r.institution.id for r in resolution.resolved] == ["min-justice", "min-labour-social-protection",
                                                               "ombudsman"]  # fmt: skip


def test_every_list_of_the_2012_program_resolves(registry: Registry, example: hrplan.Program) -> None:
    text = _seed("004_647f682df1893d80.txt")
    numbers = [(m.start(), m.group(1)) for m in re.finditer(r"(?m)^(?:- )?(\d+(?:\.\d+)+)\.\s", text)]
    expected = {str(m.id): m.institutions for m in example.iter_measures() if m.implementers}
    seen = []
    for found in re.finditer(r"Implementing institutions?:(.*?)Time-limit:", text, re.DOTALL):
        number = [n for position, n in numbers if position < found.start()][-1]
        resolution = resolve_names(found.group(1), registry, location=f"measure {number}")
        assert resolution.findings == (), number
        assert tuple(r.institution.id for r in resolution.resolved) == expected[number], number
        seen.append(number)
    assert seen == list(expected)


# --- time-limits ------------------------------------------------------------------------

D = date


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "canonical"),
    [
        ("daimi", "ongoing", None, None, "permanently"),
        ("daimi olaraq", "ongoing", None, None, "permanently"),
        ("Daimi olaraq.", "ongoing", None, None, "permanently"),
        ("mütəmadi olaraq", "ongoing", None, None, "permanently"),
        ("2012-ci il", "interval", D(2012, 1, 1), D(2012, 12, 31), "2012"),
        ("2013-cü il", "interval", D(2013, 1, 1), D(2013, 12, 31), "2013"),
        ("2016-cı il", "interval", D(2016, 1, 1), D(2016, 12, 31), "2016"),
        ("2013-cü il ərzində", "interval", D(2013, 1, 1), D(2013, 12, 31), "2013"),
        ("2012-2015-ci illər", "interval", D(2012, 1, 1), D(2015, 12, 31), "2012-2015"),
        ("2012-2013-cü illər", "interval", D(2012, 1, 1), D(2013, 12, 31), "2012-2013"),
        ("2015-ci ilin I rübü", "interval", D(2015, 1, 1), D(2015, 3, 31), "Q1 2015"),
        ("2016-cı ilin IV rübü", "interval", D(2016, 10, 1), D(2016, 12, 31), "Q4 2016"),
        ("2015-ci ilin birinci rübü", "interval", D(2015, 1, 1), D(2015, 3, 31), "Q1 2015"),
        ("2015-ci ilin II yarısı", "interval", D(2015, 7, 1), D(2015, 12, 31), "H2 2015"),
        ("2015-ci ilin ikinci yarısı", "interval", D(2015, 7, 1), D(2015, 12, 31), "H2 2015"),
        ("hər il", "recurring", None, None, "annually"),
        ("hər il, 2012-2015-ci illər", "recurring", D(2012, 1, 1), D(2015, 12, 31), "annually, 2012-2015"),
        ("2013-cü ildən başlayaraq", "ongoing", D(2013, 1, 1), None, "from 2013"),
        ("mart 2012", "interval", D(2012, 3, 1), D(2012, 3, 31), "March 2012"),
        ("2012-ci ilin mart-aprel ayları", "interval", D(2012, 3, 1), D(2012, 4, 30), "March-April 2012"),
        ("12 sentyabr 2012", "interval", D(2012, 9, 12), D(2012, 9, 12), "12 September 2012"),
    ],
)
def test_azerbaijani_time_limits(text: str, kind: str, start: date | None, end: date | None, canonical: str) -> None:
    limit = hrplan.parse_time_limit(text)
    assert (limit.kind.value, limit.start, limit.end, str(limit), limit.text) == (kind, start, end, canonical, text)


MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
          "dekabr")  # fmt: skip


@pytest.mark.parametrize(("number", "month"), list(enumerate(MONTHS, start=1)))
def test_azerbaijani_month_names(number: int, month: str) -> None:
    assert hrplan.parse_time_limit(f"{month} 2013").start == date(2013, number, 1)
    assert hrplan.parse_time_limit(f"2013-cü ilin {month} ayı").start == date(2013, number, 1)


def test_the_vocabulary_is_not_used_when_english_alone_is_asked_for() -> None:
    with pytest.raises(hrplan.TimeLimitError, match=r"\(en\)"):
        hrplan.parse_time_limit("daimi", vocabularies=())
    with pytest.raises(hrplan.TimeLimitError, match=r"\(en, az[,)]"):
        hrplan.parse_time_limit("tezliklə")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2012-ci il - 2015-ci il", date(2012, 1, 1), date(2015, 12, 31)),
        ("2015-ci il-2016-cı il", date(2015, 1, 1), date(2016, 12, 31)),
        ("2015-ci ilin I rübü - 2016-ci ilin II rübü", date(2015, 1, 1), date(2016, 6, 30)),
    ],
)
def test_ranges_of_azerbaijani_years_keep_their_hyphen(text: str, start: date, end: date) -> None:
    limit = hrplan.parse_time_limit(text)
    assert (limit.start, limit.end) == (start, end)
