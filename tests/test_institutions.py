"""hrplan.institutions: normalising names, registries, splitting and resolving lists."""

from __future__ import annotations

import re
import string
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hrplan
from hrplan.errors import ModelError
from hrplan.findings import Severity
from hrplan.institutions import (
    JURISDICTION_SUFFIXES,
    Match,
    Registry,
    Resolution,
    guess_kind,
    normalise_name,
    resolve_names,
    slugify,
    split_names,
)
from hrplan.model import Implementer, Institution, InstitutionKind, Program, Role

from .conftest import EXAMPLES

K = InstitutionKind
SEED = "seeds/004_647f682df1893d80.txt"


@pytest.fixture(scope="module")
def program() -> Program:
    return hrplan.read(EXAMPLES / "data" / "az-2012.json")


@pytest.fixture(scope="module")
def registry(program: Program) -> Registry:
    """The 47 institutions of the 2012 program, with the aliases of az-2012.json."""
    return Registry(program.institutions.values(), "AZ")


# --- normalise_name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milli Mejlis of the Republic of Azerbaijan.", "Milli Mejlis"),
        ("  the Cabinet of Ministers of the Republic of Azerbaijan", "Cabinet of Ministers"),
        ("The Bar Association Of the Republic of Azerbaijan", "Bar Association"),
        ("Commissioner for Human Rights\n\n(Ombudsman) of the Republic of Azerbaijan.",
         "Commissioner for Human Rights (Ombudsman)"),
        ("Ministry of Justice of the Republic of Korea", "Ministry of Justice"),
        ("Ombudsman Office of Azerbaijan", "Ombudsman Office"),
        ("- Ministry of Health;", "Ministry of Health"),
        ("\u2022 \u201cSupreme Court\u201d", "Supreme Court"),
        ("Central Bank of the Republic of Azerbaijan", "Central Bank"),
        ("Prosecutor General's Office..", "Prosecutor General's Office"),
        ("ministry of JUSTICE", "ministry of JUSTICE"),  # the case is kept
        # Inner text is kept: a jurisdiction in the middle, an unbalanced bracket is dropped.
        ("State Committee of the Republic of Azerbaijan on the problems of the family, women and children",
         "State Committee of the Republic of Azerbaijan on the problems of the family, women and children"),
        ("Commissioner for Human Rights (Ombudsman", "Commissioner for Human Rights (Ombudsman"),
        ("(Ombudsman", "Ombudsman"),
        ("Council of the republic of the family", "Council of the republic of the family"),
        ("Ombudsman of the Nakhchivan Autonomous Republic", "Ombudsman of the Nakhchivan Autonomous Republic"),
        ("The", "The"),
        ("", ""),
    ],
)  # fmt: skip
def test_normalise_name(text: str, expected: str) -> None:
    assert normalise_name(text) == expected


def test_normalise_name_with_other_suffixes() -> None:
    assert normalise_name("Ministry of Justice of the Republic of Azerbaijan", suffixes=()) == (
        "Ministry of Justice of the Republic of Azerbaijan"
    )
    assert normalise_name("Ministry of Justice of Georgia", suffixes=("of Georgia",)) == "Ministry of Justice"
    assert normalise_name("Ministry of Justice of the Kingdom of the Family", suffixes=("of the Kingdom of *",)) == (
        "Ministry of Justice of the Kingdom of the Family"
    )
    assert normalise_name("Ministry of Justice of the Kingdom of Spain", suffixes=("of the Kingdom of *",)) == (
        "Ministry of Justice"
    )
    assert "of the Republic of *" in JURISDICTION_SUFFIXES


_NAME_PARTS = st.sampled_from(
    ["the", "The", "Ministry", "of", "Justice", "the Republic of Azerbaijan", "Azerbaijan", "(Ombudsman)", "(",
     ")", ",", ".", "..", ";", "-", "\u2022", "\n", "\n\n", " ", "Milli Mejlis", "of Azerbaijan", "\u201c", "Of"]
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(_NAME_PARTS, max_size=12).map(" ".join)))
def test_normalise_name_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once
    assert once == " ".join(once.split())


# --- slugify and guess_kind -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ministry of Justice", "ministry-of-justice"),
        ("Prosecutor General's Office", "prosecutor-general-s-office"),
        ("Milli Məclis", "milli-meclis"),
        ("Ədliyyə Nazirliyi", "edliyye-nazirliyi"),
        ("İnsan Hüquqları üzrə Müvəkkil", "insan-huquqlari-uzre-muvekkil"),  # noqa: RUF001
        ("!!!", "institution"),
        ("State Committee of the Republic of Azerbaijan on the problems of the family, women and children",
         "state-committee-of-the-republic-of-azerbaijan-on-the"),
    ],
)  # fmt: skip
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
    Institution(slug, name)  # a valid id


@given(st.text())
def test_slugify_always_gives_a_valid_id(name: str) -> None:
    slug = slugify(name)
    assert len(slug) <= 60
    Institution(slug, "x")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ministry of Magic", K.MINISTRY),
        ("State Committee for Youth Affairs", K.STATE_COMMITTEE),
        ("Constitutional Court", K.COURT),
        ("Prosecutor's Office of Baku", K.PROSECUTION),
        ("Ombudsman of the Nakhchivan Autonomous Republic", K.OMBUDSMAN),
        ("Commissioner for Human Rights", K.OMBUDSMAN),
        ("Bar Association of Baku", K.BAR),
        ("Police Academy of the Ministry of Internal Affairs", K.ACADEMIC),
        ("Institute of Law", K.ACADEMIC),
        ("Baku State University", K.ACADEMIC),
        ("Parliament", K.PARLIAMENT),
        ("Milli Mejlis", K.PARLIAMENT),
        ("Cabinet of Ministers", K.GOVERNMENT),
        ("Government", K.GOVERNMENT),
        ("Administration of the President", K.PRESIDENTIAL_ADMINISTRATION),
        ("State Migration Service", K.AGENCY),
        ("State Agency for Public Service", K.AGENCY),
        ("Anti-corruption Commission", K.AGENCY),
        ("Press Council", K.AGENCY),
        ("Youth Fund", K.AGENCY),
        ("executive authorities of cities and districts", K.LOCAL_AUTHORITY),
        ("Red Crescent Society", K.OTHER),
    ],
)
def test_guess_kind(name: str, kind: InstitutionKind) -> None:
    assert guess_kind(name) is kind


# --- Registry -----------------------------------------------------------------------

MOJ = Institution("moj", "Ministry of Justice", K.MINISTRY, short_name="MoJ", aliases=("Justice Ministry",))
MOE = Institution("moe", "Ministry of Education", K.MINISTRY, aliases=("Ministry Education",))


def test_lookup_by_name_short_name_and_alias_in_any_case() -> None:
    registry = Registry((MOJ, MOE), "AZ")
    for name in ("Ministry of Justice", "MINISTRY OF JUSTICE", "moj", "justice ministry",
                 "the Ministry of Justice of the Republic of Azerbaijan.", "Ministry of\n  Justice"):  # fmt: skip
        assert registry.lookup(name) == MOJ, name
        assert registry.knows(name)
    assert registry.lookup("Ministry of Health") is None
    assert not registry.knows("Ministry of Health")


def test_registry_refuses_repeated_ids() -> None:
    with pytest.raises(ModelError, match="repeated: moj"):
        Registry((MOJ, attrs.evolve(MOE, id="moj")))


def test_registry_accepts_any_iterable_and_compares_by_value() -> None:
    assert Registry([MOJ, MOE]) == Registry((MOJ, MOE))
    assert hash(Registry([MOJ])) == hash(Registry((MOJ,)))
    assert Registry([MOJ]).ids == frozenset({"moj"})


def test_with_institution_returns_a_copy() -> None:
    registry = Registry((MOJ,), "AZ")
    more = registry.with_institution(MOE)
    assert more.institutions == (MOJ, MOE)
    assert more.country == "AZ"
    assert registry.lookup("Ministry of Education") is None
    assert more.lookup("Ministry of Education") == MOE
    with pytest.raises(ModelError):
        more.with_institution(MOE)


def test_merge_keeps_the_first_and_adds_the_others_names_as_aliases() -> None:
    other = Institution("moj", "Ministry of Justice of Azerbaijan", K.OTHER, aliases=("Ədliyyə Nazirliyi",))
    merged = Registry.merge(Registry((MOJ,)), Registry((other, MOE), "AZ"))
    assert merged.country == "AZ"
    assert [i.id for i in merged.institutions] == ["moj", "moe"]
    moj = merged.lookup("Ədliyyə Nazirliyi")
    assert moj is not None
    assert moj.kind is K.MINISTRY
    assert moj.aliases == ("Justice Ministry", "Ədliyyə Nazirliyi")  # the other name normalises to a known one
    assert Registry.merge() == Registry(())


def test_collect_accepts_repeated_ids() -> None:
    again = Institution("moj", "Ədliyyə Nazirliyi", K.MINISTRY)
    registry = Registry.collect([MOJ, MOE, again], "AZ")
    assert [i.id for i in registry.institutions] == ["moj", "moe"]
    assert registry.country == "AZ"
    assert registry.lookup("Ədliyyə Nazirliyi") == attrs.evolve(MOJ, aliases=("Justice Ministry", "Ədliyyə Nazirliyi"))


def test_match_exact_then_near_miss_then_nothing() -> None:
    registry = Registry((MOJ, MOE))
    assert registry.match("Ministry of Justice") == Match(MOJ, 1.0, True)
    near = registry.match("Ministry of Justise")
    assert near is not None
    assert near.institution == MOJ
    assert not near.exact
    assert 0.88 <= near.score < 1
    assert registry.match("Ministry of Justise", cutoff=0.99) is None
    assert registry.match("Ministry of Health") is None
    assert registry.match("Ministry of Defence") is None


def test_a_near_miss_needs_every_word_to_be_close() -> None:
    north = Institution("north", "North Regional Centre", K.OMBUDSMAN)
    northwest = Institution("northwest", "Northwest Regional Centre", K.OMBUDSMAN)
    west = Institution("west", "West Regional Centre", K.OMBUDSMAN)
    registry = Registry((north, northwest, west))
    assert registry.match("South Regional Centre") is None
    assert registry.match("East Regional Centre") is None
    match = registry.match("Nort Regional Center")
    assert match is not None
    assert match.institution == north


def test_an_ambiguous_near_miss_is_refused() -> None:
    one = Institution("one", "Regional Centre Alpha", K.OTHER)
    two = Institution("two", "Regional Centre Alphb", K.OTHER)
    assert Registry((one, two)).match("Regional Centre Alphc") is None
    assert Registry((one,)).match("Regional Centre Alphc") is not None


def test_no_two_institutions_of_the_2012_program_are_near_misses_of_each_other(registry: Registry) -> None:
    for institution in registry.institutions:
        for name in institution.names:
            match = registry.match(name)
            assert match == Match(institution, 1.0, True), name
            typo = re.sub(r"(\w)(\w)(\w*)$", r"\2\1\3", name)  # swap two letters of the last word
            found = registry.match(typo)
            assert found is None or found.institution == institution, (name, typo, found)


# --- split_names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Milli Mejlis of the Republic of Azerbaijan, Administration of the President of the Republic of Azerbaijan",
         ["Milli Mejlis of the Republic of Azerbaijan",
          "Administration of the President of the Republic of Azerbaijan"]),
        ("Ministries of Justice, Internal Affairs, National Security of the Republic of Azerbaijan",
         ["Ministry of Justice", "Ministry of Internal Affairs", "Ministry of National Security"]),
        ("Ministries of Justice and Foreign Affairs", ["Ministry of Justice", "Ministry of Foreign Affairs"]),
        ("Ministries of Culture and Tourism, Education", ["Ministry of Culture and Tourism", "Ministry of Education"]),
        ("Ministries of Labor and Social Protection of the Population, Emergency Situations and Health",
         ["Ministry of Labor and Social Protection of the Population", "Ministry of Emergency Situations",
          "Ministry of Health"]),
        ("State Committee of the Republic of Azerbaijan on the problems of the family, women and children",
         ["State Committee of the Republic of Azerbaijan on the problems of the family, women and children"]),
        ("State Committee for Standardization, Metrology and Patents",
         ["State Committee for Standardization, Metrology and Patents"]),
        ("Ministries of the Republic of Azerbaijan of Education, Justice",
         ["Ministry of Education", "Ministry of Justice"]),
        ("the Ministries of Foreign Affairs, Economic Development, Health of the Republic of Azerbaijan, Commissioner "
         "for Human Rights (Ombudsman) of the\n\nRepublic of Azerbaijan.",
         ["Ministry of Foreign Affairs", "Ministry of Economic Development", "Ministry of Health",
          "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan"]),
        ("Cabinet of Ministers of the Republic of Azerbaijan, Ministry of Foreign Affairs of the Republic of "
         "Azerbaijan and other relevant government agencies.",
         ["Cabinet of Ministers of the Republic of Azerbaijan",
          "Ministry of Foreign Affairs of the Republic of Azerbaijan", "other relevant government agencies"]),
        ("Cabinet of Ministers of the Republic of Azerbaijan, State\n\nCommittee for Property Issues of the Republic "
         "of Azerbaijan, executive authorities of cities and districts of the Republic of Azerbaijan.",
         ["Cabinet of Ministers of the Republic of Azerbaijan",
          "State Committee for Property Issues of the Republic of Azerbaijan",
          "executive authorities of cities and districts of the Republic of Azerbaijan"]),
        ("Ministry of Justice of the Republic of Azerbaijan, Scientific\n\nResearch Institute for Human Rights of the "
         "Azerbaijan National Academy of Sciences.",
         ["Ministry of Justice of the Republic of Azerbaijan",
          "Scientific Research Institute for Human Rights of the Azerbaijan National Academy of Sciences"]),
        ("Azerbaijan Press Council, National Television and Radio Council of the Republic of Azerbaijan",
         ["Azerbaijan Press Council", "National Television and Radio Council of the Republic of Azerbaijan"]),
    ],
)  # fmt: skip
def test_split_names(text: str, names: list[str], registry: Registry) -> None:
    assert split_names(text, registry) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # No registry: only head nouns tell where a name ends.
        ("Ministries of Culture and Tourism, Education",
         ["Ministry of Culture", "Ministry of Tourism", "Ministry of Education"]),
        ("State Committee for Standardization, Metrology and Patents",
         ["State Committee for Standardization, Metrology and Patents"]),
        ("State Committee of the Republic of Azerbaijan on the problems of the family, women and children, "
         "Milli Mejlis",
         ["State Committee of the Republic of Azerbaijan on the problems of the family, women and children",
          "Milli Mejlis"]),
        ("National Television and Radio Council, UNICEF, UNDP",
         ["National Television and Radio Council", "UNICEF", "UNDP"]),
        ("Ministry of Labor and Social Protection of Population",
         ["Ministry of Labor and Social Protection of Population"]),
        ("Ministry of Justice; Supreme Court", ["Ministry of Justice", "Supreme Court"]),
        ("Ministry of Justice / Supreme Court", ["Ministry of Justice", "Supreme Court"]),
        ("HIV/AIDS Centre, Supreme Court", ["HIV/AIDS Centre", "Supreme Court"]),
        ("Ministry of Justice, as well as the Supreme Court", ["Ministry of Justice", "the Supreme Court"]),
        ("Commissioner for Human Rights (Ombudsman, NPM), Bar Association",
         ["Commissioner for Human Rights (Ombudsman, NPM)", "Bar Association"]),
        ("Ədliyyə Nazirliyi, Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi və Ombudsman Aparatı",  # noqa: RUF001
         ["Ədliyyə Nazirliyi", "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi", "Ombudsman Aparatı"]),  # noqa: RUF001
        ("Ministries of Justice", ["Ministries of Justice"]),  # a plural head with one member is left as written
        ("MoJ, MoI, NGOs", ["MoJ", "MoI", "NGOs"]),
        ("Police, Prosecutors", ["Police", "Prosecutors"]),
        ("Ministry of Education, Municipalities", ["Ministry of Education", "Municipalities"]),
        ("Ministry of Culture, Youth and Sports", ["Ministry of Culture, Youth and Sports"]),
        ("Ministry of Culture, Youth & Sports", ["Ministry of Culture, Youth & Sports"]),
        ("Azersu, Azerishig", ["Azersu", "Azerishig"]),
        ("", []),
        (" ,; . ", []),
    ],
)  # fmt: skip
def test_split_names_without_a_registry(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "- Ministry of Justice\n- Supreme Court (upon consent)\n- State Committee for Standardization, Metrology and "
        "Patents",
        "\u2022 Ministry of Justice\n\u2022 Supreme Court (upon consent)\n\u2022 State Committee for Standardization,\n"
        "  Metrology and Patents",
        "1. Ministry of Justice\n2. Supreme Court (upon consent)\n3. State Committee for Standardization, Metrology "
        "and Patents",
        "Ministry of Justice\nSupreme Court (upon consent)\nState Committee for Standardization, Metrology and Patents",
        "Ministry of Justice\n\nSupreme Court\n(upon consent)\n\nState Committee for Standardization, Metrology and "
        "Patents\n",
        "Ministry of Justice,\nSupreme Court (upon consent),\nState Committee for Standardization, Metrology and "
        "Patents.",
    ],
)
def test_split_names_reads_bullets_and_one_name_per_line(text: str) -> None:
    expected = ["Ministry of Justice", "Supreme Court (upon consent)",
                "State Committee for Standardization, Metrology and Patents"]  # fmt: skip
    assert split_names(text) == expected


def test_split_names_joins_names_broken_across_lines() -> None:
    text = "Ministry of Justice of the Republic\nof Azerbaijan\nCommissioner\n\nfor Human Rights\n(Ombudsman)"
    assert split_names(text) == ["Ministry of Justice of the Republic of Azerbaijan",
                                 "Commissioner for Human Rights (Ombudsman)"]  # fmt: skip


def test_split_names_keeps_consent_markers_on_the_name_they_follow() -> None:
    text = "Ministries of Justice, Health (upon consent), Supreme Court (by consent) and Bar Association (with consent)"
    assert split_names(text) == ["Ministry of Justice", "Ministry of Health (upon consent)",
                                 "Supreme Court (by consent)", "Bar Association (with consent)"]  # fmt: skip


def test_every_known_name_stays_whole(registry: Registry) -> None:
    for institution in registry.institutions:
        for name in institution.names:
            assert split_names(name, registry) == [name], name


_GLUE = {"and", "as", "well", "və", "the"}
_PLURALS = {"ministries": "ministry", "committees": "committee", "agencies": "agency", "services": "service",
            "commissions": "commission", "councils": "council", "departments": "department", "courts": "court",
            "institutes": "institute", "universities": "university", "academies": "academy"}  # fmt: skip
_JURISDICTION = re.compile(r"\bof\s+the\s+republic\s+of\s+azerbaijan\b|\bof\s+azerbaijan\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _lost_words(text: str, names: list[str]) -> set[str]:
    """The words of ``text`` (but glue and jurisdictions) that no name holds."""
    kept = set().union(*map(_words, names)) if names else set()
    wanted = _words(_JURISDICTION.sub(" ", text)) - _GLUE
    return {w for w in wanted if w not in kept and _PLURALS.get(w) not in kept}


_WORD = st.text(alphabet=string.ascii_letters + "əöüğışçƏ", min_size=1, max_size=8)
_PIECE = st.one_of(
    _WORD.map(str.capitalize),
    _WORD,
    st.sampled_from([
        "Ministry of Justice", "Ministries of Justice", "Ministries of", "State Committee for", "Council", "Labor",
        "Social Protection of the Population", "of the Republic of Azerbaijan", "Culture and Tourism", "Education",
        "other relevant government agencies", "(upon consent)", "(Ombudsman)", "the", "UNICEF", "of", "family",
        "Milli Mejlis", "Ministries of the Republic of Azerbaijan of", "Scientific", "Research Institute",
    ]),
)  # fmt: skip
_GLUE_TEXT = st.sampled_from([" ", ", ", "; ", " / ", " and ", ", and ", " as well as ", " və ", ",\n", "\n", "\n\n",
                              "\n- ", "\n\u2022 ", ".\n", ",\n\n"])  # fmt: skip


@st.composite
def _lists(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(_PIECE, min_size=1, max_size=10))
    glue = draw(st.lists(_GLUE_TEXT, min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue, strict=True))


@given(_lists(), st.booleans())
def test_split_names_never_loses_a_word(text: str, with_registry: bool) -> None:
    registry = Registry((MOJ, MOE, Institution("mlsp", "Ministry of Labor and Social Protection of the Population")))
    names = split_names(text, registry if with_registry else None)
    assert not _lost_words(text, names), (text, names)
    assert all(name and name == name.strip() for name in names)


@given(st.text())
def test_split_names_reads_any_text(text: str) -> None:
    names = split_names(text)
    assert all(name and name == " ".join(name.split()) for name in names)


# --- resolve_names ------------------------------------------------------------------


def test_resolve_exact_names_and_aliases(registry: Registry) -> None:
    resolution = resolve_names("Milli Meilis of the Republic of Azerbaijan, Ministry Education", registry)
    assert [(r.institution.id, r.how, r.role) for r in resolution.resolved] == [
        ("milli-mejlis", "exact", Role.LEAD),
        ("min-education", "exact", Role.LEAD),
    ]
    assert resolution.resolved[0].written == "Milli Meilis of the Republic of Azerbaijan"
    assert resolution.findings == ()
    assert resolution.registry == registry


def test_resolve_a_near_miss_with_a_warning(registry: Registry) -> None:
    resolution = resolve_names("Ministry Educaton, Mili Mejlis", registry, location="measure 4.9", source="plan.txt")
    assert [(r.institution.id, r.how) for r in resolution.resolved] == [
        ("min-education", "near-miss"),
        ("milli-mejlis", "near-miss"),
    ]
    first = resolution.findings[0]
    assert (first.severity, first.code, first.location, first.source) == (
        Severity.WARNING, "IN001", "measure 4.9", "plan.txt"
    )
    assert re.fullmatch(r"'Ministry Educaton' read as 'Ministry of Education' \(near miss, 0\.\d\d\)", first.message)
    assert str(first).startswith("plan.txt:measure 4.9: IN001 [warning] 'Ministry Educaton' read as")


def test_typos_without_an_alias_are_near_misses() -> None:
    mejlis = Institution("milli-mejlis", "Milli Mejlis", K.PARLIAMENT)
    registry = Registry((mejlis, MOE, MOJ))
    resolution = resolve_names("Milli Meilis of the Republic of Azerbaijan, Ministry Education", registry)
    assert [(r.institution.id, r.how) for r in resolution.resolved] == [("milli-mejlis", "near-miss"), ("moe", "exact")]
    education = Institution("min-education", "Ministry of Education", K.MINISTRY)
    assert resolve_names("Ministry Educaton", Registry((education,))).findings[0].message == (
        "'Ministry Educaton' read as 'Ministry of Education' (near miss, 0.93)"
    )


def test_two_translations_of_one_ministry_are_one_institution(registry: Registry) -> None:
    text = ("Ministry of Labor and Social Protection of the Population of the Republic of Azerbaijan, "
            "Ministries of Health, Labor and Social Security of the Population")  # fmt: skip
    resolution = resolve_names(text, registry)
    assert [r.institution.id for r in resolution.resolved] == ["min-labour-social-protection", "min-health"]


def test_the_same_institution_named_twice_appears_once(registry: Registry) -> None:
    text = "Ministry of Justice, Ministries of Education and Justice, Ministry of Justice of the Republic of Azerbaijan"
    resolution = resolve_names(text, registry)
    assert [r.institution.id for r in resolution.resolved] == ["min-justice", "min-education"]


def test_unknown_names_are_kept_as_new_institutions(registry: Registry) -> None:
    text = "Ministry of Magic of the Republic of Azerbaijan, Supreme Court, Ministry of Magic, Red Crescent Society"
    resolution = resolve_names(text, registry, location="line 12")
    magic, court, red = resolution.resolved
    assert magic.how == "new"
    assert magic.institution == Institution("ministry-of-magic", "Ministry of Magic", K.MINISTRY,
                                            aliases=("Ministry of Magic of the Republic of Azerbaijan",))  # fmt: skip
    assert (court.institution.id, court.how) == ("supreme-court", "exact")
    assert (red.institution.id, red.institution.kind) == ("red-crescent-society", K.OTHER)
    assert [(f.code, f.location) for f in resolution.findings] == [("IN002", "line 12"), ("IN002", "line 12")]
    assert resolution.findings[0].message == (
        "unknown institution 'Ministry of Magic' kept as new institution 'ministry-of-magic'"
    )
    assert resolution.registry.institutions == (*registry.institutions, magic.institution, red.institution)
    again = resolve_names("Ministry of Magic", resolution.registry)
    assert again.resolved[0].institution == magic.institution
    assert again.findings == ()


def test_new_ids_are_unique_in_the_registry() -> None:
    taken = Institution("ministry-of-magic", "Ministry of Sorcery", K.MINISTRY)
    resolution = resolve_names("Ministry of Magic", Registry((taken,)))
    assert resolution.resolved[0].institution.id == "ministry-of-magic-2"


@pytest.mark.parametrize("marker", ["(upon consent)", "(by consent)", "(with consent)", "(Upon Consent)",
                                    "[upon consent]", "upon consent"])  # fmt: skip
def test_consent_markers_give_the_upon_consent_role(registry: Registry, marker: str) -> None:
    resolution = resolve_names(f"Ministry of Justice, Supreme Court {marker}", registry)
    assert [(r.institution.id, r.role) for r in resolution.resolved] == [
        ("min-justice", Role.LEAD),
        ("supreme-court", Role.UPON_CONSENT),
    ]
    assert resolution.resolved[1].written.startswith("Supreme Court")
    assert resolution.implementers == (Implementer("min-justice"), Implementer("supreme-court", Role.UPON_CONSENT))


def test_resolve_one_name_per_line_with_markers(registry: Registry) -> None:
    text = "- Ministry of Justice\n- Prosecutor General's Office (upon consent)\n- Bar Association (by consent)\n"
    resolution = resolve_names(text, registry)
    assert [(r.institution.id, r.role) for r in resolution.resolved] == [
        ("min-justice", Role.LEAD),
        ("prosecutor-general", Role.UPON_CONSENT),
        ("bar-association", Role.UPON_CONSENT),
    ]


def test_resolve_nothing() -> None:
    assert resolve_names(" ", Registry(())) == Resolution((), (), Registry(()))


# --- the 2012 program (seed 004) ----------------------------------------------------


def _implementer_lists(text: str) -> list[tuple[str, str]]:
    """(measure number, list) for every "Implementing institution(s):" of the program."""
    numbers = [(m.start(), m.group(1)) for m in re.finditer(r"(?m)^(?:- )?(\d+(?:\.\d+)+)\.\s", text)]
    lists = []
    for found in re.finditer(r"Implementing institutions?:(.*?)Time-limit:", text, re.DOTALL):
        number = [n for position, n in numbers if position < found.start()][-1]
        lists.append((number, found.group(1)))
    return lists


def test_every_list_of_the_2012_program_resolves_to_the_example_ids(
    shared_dir: Path, program: Program, registry: Registry
) -> None:
    lists = _implementer_lists((shared_dir / SEED).read_text(encoding="utf-8"))
    expected = {str(m.id): m.institutions for m in program.iter_measures() if m.implementers}
    assert [number for number, _ in lists] == list(expected)  # 70 lists, in document order
    for number, text in lists:
        resolution = resolve_names(text, registry, location=f"measure {number}")
        assert [f for f in resolution.findings if f.code == "IN002"] == [], number
        assert tuple(r.institution.id for r in resolution.resolved) == expected[number], number
        assert resolution.registry == registry


def test_the_2012_program_lists_without_a_registry_lose_nothing(shared_dir: Path) -> None:
    for number, text in _implementer_lists((shared_dir / SEED).read_text(encoding="utf-8")):
        names = split_names(text)
        assert not _lost_words(text, names), number
        assert len(names) >= len(split_names(text, Registry(()))), number


def test_the_package_imports_only_model_findings_and_errors() -> None:
    import ast

    package = Path(hrplan.__file__).parent / "institutions"
    allowed = {"hrplan.model", "hrplan.findings", "hrplan.errors"}
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith("hrplan") and not name.startswith("hrplan.institutions"):
                    assert name in allowed, f"{module.name} imports {name}"


def test_a_word_that_only_contains_another_is_no_near_miss() -> None:
    """"Agriculture" contains "culture": two ministries, not a typo of one."""
    result = resolve_names("Ministries of Culture, Agriculture", Registry(()))
    assert [r.institution.id for r in result.resolved] == ["ministry-of-culture", "ministry-of-agriculture"]
    assert not [f for f in result.findings if f.code == "IN001"]


# names with commas and "and" inside, in every list form; linear time


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Office of the Securities and Exchange Commission, Ministry of Finance and Central Bank",
            ["Office of the Securities and Exchange Commission", "Ministry of Finance", "Central Bank"],
        ),
        ("Public Procurement Agency; Office of the Securities and Exchange Commission",
         ["Public Procurement Agency", "Office of the Securities and Exchange Commission"]),
        ("Office of the Prime Minister and State Committee for Youth",
         ["Office of the Prime Minister", "State Committee for Youth"]),
        ("- Office of the Securities and Exchange Commission\n- Bar Association\n"
         "- Ministry of Labour, Employment and Social Protection",
         ["Office of the Securities and Exchange Commission", "Bar Association",
          "Ministry of Labour, Employment and Social Protection"]),
        ("Ministry of Labour, Employment and Social Protection\nOffice of the Securities and Exchange Commission",
         ["Ministry of Labour, Employment and Social Protection", "Office of the Securities and Exchange Commission"]),
    ],
)  # fmt: skip
def test_names_with_commas_and_and_inside_stay_whole(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_a_registry_name_with_and_inside_is_kept_whole_in_any_list_form() -> None:
    registry = Registry((Institution("sec", "Securities and Exchange Board", InstitutionKind.AGENCY),))
    texts = (
        "Securities and Exchange Board, Ministry of Justice",
        "- Securities and Exchange Board\n- Ministry of Justice",
    )
    for text in texts:
        assert split_names(text, registry) == ["Securities and Exchange Board", "Ministry of Justice"]


def _best_times(*texts: str) -> list[float]:
    """The least processor time each text takes to split, over nine rounds taken in turn
    (so that a busy machine slows every text alike)."""
    best = [float("inf")] * len(texts)
    for _ in range(9):
        for k, text in enumerate(texts):
            start = time.process_time()
            split_names(text)
            best[k] = min(best[k], time.process_time() - start)
    return best


_LIST_FORMS = {
    "commas": ", ",
    "semicolons": "; ",
    "lines": "\n",
    "bullets": "\n- ",
}


@pytest.mark.parametrize("form", sorted(_LIST_FORMS))
@settings(max_examples=3, deadline=None)
@given(size=st.integers(min_value=100, max_value=200))
def test_splitting_takes_linear_time(form: str, size: int) -> None:
    """Doubling the list roughly doubles the time (generous factor: 5, least of nine runs)."""
    separator = _LIST_FORMS[form]
    kinds = ("Ministry of", "State Committee for", "Office of the", "Agency for")

    def text(n: int) -> str:
        names = [f"{kinds[i % 4]} {string.ascii_uppercase[i % 26]}{'x' * (i % 7)} Affairs" for i in range(n)]
        return separator.join(names)

    small, large = _best_times(text(size), text(2 * size))
    assert large < 5 * max(small, 1e-3)
    assert len(split_names(text(size))) == size


def test_resolving_a_long_list_of_new_names_takes_linear_time() -> None:
    """New names are found again in the same list without rebuilding the registry each time."""

    def text(n: int) -> str:
        return ", ".join(f"Ministry of {string.ascii_uppercase[i % 26]}{'y' * (i % 9)} Affairs" for i in range(n))

    small, large = text(150), text(300)
    best = [float("inf"), float("inf")]
    for _ in range(5):
        for k, value in enumerate((small, large)):
            start = time.process_time()
            resolve_names(value, Registry(()))
            best[k] = min(best[k], time.process_time() - start)
    assert best[1] < 5 * max(best[0], 1e-3)
    again = resolve_names("Ministry of Water, Ministry of Roads, Ministry of Water", Registry(()))
    assert [r.institution.name for r in again.resolved] == ["Ministry of Water", "Ministry of Roads"]
    assert [i.name for i in again.registry.institutions] == ["Ministry of Water", "Ministry of Roads"]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Ministry of Justice (lead), Bar Association (partner)", [Role.LEAD, Role.PARTNER]),
        ("Ombudsman (as partner); Police (co-implementer)", [Role.PARTNER, Role.CO_IMPLEMENTER]),
        ("Ministry of Justice, Supreme Court (upon consent)", [None, None]),
    ],
)
def test_a_role_in_brackets_after_a_name_is_read_and_dropped(text: str, roles: list[Role | None]) -> None:
    resolution = resolve_names(text, Registry(()))
    assert [r.marked for r in resolution.resolved] == roles
    assert not any("(" in r.institution.name and "partner" in r.institution.name for r in resolution.resolved)
