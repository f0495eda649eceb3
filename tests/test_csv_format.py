"""The built-in CSV format: columns, options, injection rule, round trip, findings."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import (
    Chapter,
    DateSpan,
    Event,
    EventKind,
    Implementer,
    Institution,
    InstitutionKind,
    Measure,
    Program,
    Progress,
    ProgressUpdate,
    Role,
    Severity,
    Tags,
    parse_time_limit,
)
from hrplan.plugins import ImportResult, get_manager
from hrplan.testing import programs

AS_OF = date(2013, 1, 1)
HEADER = (
    "id,parent,chapter,chapter_label,chapter_title,title,description,institutions,"
    "institution_names,roles,time_limit,kind,precision,start,end,window,edtf,status,"
    "themes,target_groups,treaties,sdgs,indicators"
)
#: The header the exporter writes: ``HEADER`` (what older files have) and the columns added since.
FULL_HEADER = HEADER + ",expected_results,funding,budget"


def sample() -> Program:
    """A small program touching every column."""
    t = parse_time_limit
    registry = [
        Institution("moj", "Ministry of Justice", InstitutionKind.MINISTRY, short_name="MoJ", aliases=("MJ",)),
        Institution("mej", "Milli Mejlis", InstitutionKind.PARLIAMENT),
        Institution("omb", "Ombudsman | Commissioner", InstitutionKind.OMBUDSMAN, parent="mej"),
        Institution("unused", "Nobody's office"),
    ]
    chapters = (
        Chapter(1, "Legal framework", "I", intro="Not carried by CSV", measures=(
            Measure("1.1", "Ratify the protocol", implementers=(Implementer("mej"),), time_limit=t("2012")),
            Measure(
                "1.2", "Detention reform", description="Why, and \"how\"\nacross lines",
                implementers=(Implementer("moj"), Implementer("omb", Role.PARTNER)),
                time_limit=t("2012-2015"),
                children=(
                    Measure("1.2.1", "=SUM(A1:A2)", implementers=(Implementer("moj"),),
                            time_limit=t("March-April 2012"),
                            tags=Tags(themes=("detention", "a|b", "back\\slash"), treaties=("CAT",), sdgs=(16, 5)),
                            indicators=("law adopted", "-2 cases")),
                    Measure("1.2.2", "-Training", time_limit=t("annually")),
                    Measure("1.2.3", "Inherits its parent's time-limit"),
                ),
            ),
        )),
        Chapter(2, "Education", "II", measures=(
            Measure("2.1", "@Teach human rights", implementers=(Implementer("moj", Role.CO_IMPLEMENTER),),
                    time_limit=t("permanently")),
        )),
        Chapter(3, "Coordination", "III"),
    )  # fmt: skip
    events = (
        Event("ev-1", "Training for judges", EventKind.TRAINING, DateSpan(date(2012, 3, 1), date(2012, 3, 2)),
              organiser="moj", participants=("omb", "mej"), audiences=("judges", "=prosecutors"),
              participant_count=40, location="Baku", measures=("1.2.1", "1.1")),
    )  # fmt: skip
    progress = (ProgressUpdate("1.1", date(2012, 6, 1), Progress.COMPLETED),)
    return Program("demo", "Demo plan", chapters=chapters, institutions=registry, events=events, progress=progress)


def export(program: Program, **options: object) -> bytes:
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="csv", **options)
    return buffer.getvalue()


def load(data: bytes, name: str = "plan.csv", **options: object) -> ImportResult:
    stream = io.BytesIO(data)
    stream.name = name  # type: ignore[attr-defined]
    return hrplan.load(stream, format="csv", **options)


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def projection(program: Program) -> Program:
    """What the measures table carries of ``program``: chapters without intro, the
    measure tree, and the institutions measures name, with their ids and names only."""
    used: dict[str, None] = {}
    for measure in program.iter_measures():
        used.update(dict.fromkeys(measure.institutions))
    registry = [Institution(key, program.institutions[key].name) for key in used if key in program.institutions]
    chapters = tuple(attrs.evolve(c, intro=None) for c in program.chapters)
    return attrs.evolve(
        program, id="imported", title="Imported program", country=None, adoption=None, period=None,
        chapters=chapters, provisions=(), institutions=registry, events=(), campaigns=(),
        recommendations=(), progress=(), language="en", source=None,
    )  # fmt: skip


def tables_projection(program: Program) -> Program:
    """What the measures, institutions and events tables together carry of ``program``:
    :func:`projection` with the whole registry and the events as they are. Events keep
    their links to recommendations and campaigns, which the tables do not carry, so the
    result is built leniently, as the importer builds it."""
    with hrplan.lenient():
        return attrs.evolve(projection(program), institutions=program.institutions, events=program.events)


def read_tables(program: Program, **options: object) -> ImportResult:
    """Export the three tables of ``program`` and read them back together."""
    return read_back(
        export(program, as_of=AS_OF, **options),
        institutions=io.BytesIO(export(program, table="institutions")),
        events=io.BytesIO(export(program, table="events")),
    )


def read_back(data: bytes, **options: object) -> ImportResult:
    return hrplan.plugins.get_manager().importers()["csv"].read(io.BytesIO(data), **options)  # type: ignore[return-value]


class TestRoundTrip:
    @given(programs(), st.sampled_from(["measures", "long"]), st.booleans())
    def test_generated_programs(self, program: Program, layout: str, bom: bool) -> None:
        result = read_back(export(program, as_of=AS_OF, layout=layout, bom=bom))
        assert result.findings == ()
        assert result.program == projection(program)

    @given(programs(), st.sampled_from(["measures", "long"]))
    def test_generated_programs_through_the_three_tables(self, program: Program, layout: str) -> None:
        result = read_tables(program, layout=layout)
        assert result.findings == ()
        assert result.program == tables_projection(program)
        assert result.program.broken_references() == ()

    def test_sample_through_the_three_tables(self) -> None:
        result = read_tables(sample())
        assert result.findings == ()
        assert result.program == tables_projection(sample())
        assert result.program.events[0].audiences == ("judges", "=prosecutors")  # un-neutralised

    def test_event_links_the_tables_do_not_carry_are_kept(self) -> None:
        with hrplan.lenient():
            program = attrs.evolve(sample(), events=(
                attrs.evolve(sample().events[0], recommendations=("rec-1", "a|b"), campaign="=camp",
                             remote_participants=("Ganja", "-Sheki"), source_url="https://x.org/a",
                             notes="line\nbreak"),
            ))  # fmt: skip
        result = read_tables(program)
        assert result.findings == ()
        assert result.program == tables_projection(program)
        assert {p.kind for p in result.program.broken_references()} == {"unknown-recommendation", "unknown-campaign"}

    def test_huge_cells(self) -> None:
        text = "x" * 300_000
        program = Program("p", "P", chapters=(Chapter(1, "c", measures=(Measure("1.1", "t", description=text),)),))
        assert read_back(export(program, as_of=AS_OF)).program.measure("1.1").description == text

    @given(programs())
    def test_status_column(self, program: Program) -> None:
        table = rows(export(program, as_of=AS_OF))
        measures = list(program.iter_measures())
        assert [r[0] for r in table[1:] if r[0]] == [str(m.id) for m in measures]
        expected = [hrplan.status(m, AS_OF, program=program).value for m in measures]
        assert [r[17] for r in table[1:] if r[0]] == expected

    def test_sample(self) -> None:
        result = read_back(export(sample(), as_of=AS_OF))
        assert result.findings == ()
        assert result.program == projection(sample())
        assert result.program.broken_references() == ()

    def test_through_paths_and_sniffing(self, tmp_path: Path) -> None:
        target = tmp_path / "My Plan 2012.csv"
        hrplan.export(sample(), target, as_of=AS_OF)
        program = hrplan.read(target)
        assert program.id == "my-plan-2012"
        assert program.title == "My Plan 2012"
        assert program.chapters == projection(sample()).chapters
        anonymous = io.BytesIO(target.read_bytes())
        assert hrplan.read(anonymous).id == "imported"
        named = hrplan.read(target, program_id="az-2012", title="National Program")
        assert (named.id, named.title) == ("az-2012", "National Program")

    def test_full_registry_from_the_institutions_table(self) -> None:
        program = sample()
        institutions = io.BytesIO(export(program, table="institutions"))
        result = read_back(export(program, as_of=AS_OF), institutions=institutions)
        assert result.program.institutions == program.institutions

    def test_institutions_table_alone(self) -> None:
        result = read_back(export(sample(), table="institutions"))
        assert result.program.chapters == ()
        assert result.program.institutions == sample().institutions

    def test_lines_are_kept(self) -> None:
        program = read_back(export(sample(), as_of=AS_OF)).program
        # The description of 1.2 holds a line break, so 1.2.1 starts a line later than its row.
        assert program.measure("1.1").line == 2
        assert program.measure("1.2").line == 3
        assert program.measure("1.2.1").line == 5


class TestLayout:
    def test_header_and_crlf(self) -> None:
        data = export(sample(), as_of=AS_OF)
        assert data.startswith(FULL_HEADER.encode() + b"\r\n")
        assert data.endswith(b"\r\n")
        # The only bare LF is the one inside the quoted description.
        assert data.replace(b"\r\n", b"").count(b"\n") == 1
        assert b'"Why, and ""how""\nacross lines"' in data

    def test_one_row_per_measure_in_document_order(self) -> None:
        table = rows(export(sample(), as_of=AS_OF))
        assert [r[0] for r in table[1:]] == ["1.1", "1.2", "1.2.1", "1.2.2", "1.2.3", "2.1", ""]
        assert all(len(r) == 26 for r in table)
        by_id = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
        one = by_id["1.2.1"]
        assert one["parent"] == "1.2"
        assert (one["chapter"], one["chapter_label"], one["chapter_title"]) == ("1", "I", "Legal framework")
        assert one["institutions"] == "moj"
        assert one["themes"] == "detention | a\\|b | back\\\\slash"
        assert one["sdgs"] == "16 | 5"
        assert one["indicators"] == "law adopted | -2 cases"
        assert (one["time_limit"], one["kind"], one["precision"]) == ("March-April 2012", "interval", "month")
        assert (one["start"], one["end"], one["edtf"]) == ("2012-03-01", "2012-04-30", "2012-03/2012-04")
        two = by_id["1.2"]
        assert two["institutions"] == "moj | omb"
        assert two["institution_names"] == "Ministry of Justice | Ombudsman \\| Commissioner"
        assert two["roles"] == "lead | partner"
        assert by_id["1.2.2"]["window"].lstrip("'").startswith("--")
        inherited = by_id["1.2.3"]
        assert inherited["time_limit"] == inherited["kind"] == ""
        assert inherited["status"] == by_id["1.2"]["status"] == "in-progress"
        assert by_id["1.1"]["status"] == "completed"  # its progress update says so
        empty = by_id[""]
        assert (empty["chapter"], empty["chapter_label"], empty["chapter_title"]) == ("3", "III", "Coordination")

    def test_status_follows_as_of(self) -> None:
        def status(as_of: object) -> str:
            return rows(export(sample(), as_of=as_of))[3][17]  # measure 1.2.1

        assert status("2012-01-15") == "not-started"
        assert status(date(2012, 4, 20)) == "due-soon"
        assert status("2013-01-01") == "overdue"

    def test_long_layout(self) -> None:
        data = export(sample(), as_of=AS_OF, layout="long")
        table = rows(data)
        assert table[0][7:10] == ["institution", "institution_name", "role"]
        pairs = [(r[0], r[7], r[9]) for r in table[1:]]
        assert pairs[:4] == [("1.1", "mej", "lead"), ("1.2", "moj", "lead"), ("1.2", "omb", "partner"),
                             ("1.2.1", "moj", "lead")]  # fmt: skip
        assert ("1.2.2", "", "") in pairs
        assert table[3][8] == "Ombudsman | Commissioner"  # one value per cell: nothing to escape
        assert read_back(data).program == projection(sample())

    def test_institutions_table(self) -> None:
        table = rows(export(sample(), table="institutions"))
        assert table[0] == ["id", "name", "kind", "short_name", "aliases", "parent"]
        assert table[1] == ["moj", "Ministry of Justice", "ministry", "MoJ", "MJ", ""]
        assert table[3] == ["omb", "Ombudsman | Commissioner", "ombudsman", "", "", "mej"]
        assert len(table) == 5

    def test_events_table(self) -> None:
        table = rows(export(sample(), table="events"))
        assert table[0] == [
            "id", "title", "kind", "start", "end", "organiser", "participants", "audiences",
            "participant_count", "location", "remote_participants", "measures", "recommendations",
            "campaign", "source_url", "notes",
        ]  # fmt: skip
        assert table[1] == [
            "ev-1", "Training for judges", "training", "2012-03-01", "2012-03-02", "moj", "omb | mej",
            "judges | =prosecutors", "40", "Baku", "", "1.2.1 | 1.1", "", "", "", "",
        ]  # fmt: skip

    def test_events_table_is_not_a_main_input(self) -> None:
        with pytest.raises(hrplan.InputError, match="events table cannot be the main input"):
            read_back(export(sample(), table="events"))

    def test_bom(self) -> None:
        assert not export(sample(), as_of=AS_OF).startswith(b"\xef\xbb\xbf")
        data = export(sample(), as_of=AS_OF, bom="yes")
        assert data.startswith(b"\xef\xbb\xbf" + FULL_HEADER.encode())
        assert data[3:] == export(sample(), as_of=AS_OF)
        assert read_back(data).program == projection(sample())
        assert get_manager().importers()["csv"].sniff(data[:100])  # type: ignore[attr-defined]

    def test_any_writable_object(self) -> None:
        class Sink:
            def __init__(self) -> None:
                self.data = b""

            def write(self, data: bytes) -> int:
                self.data += data
                return len(data)

        sink = Sink()
        get_manager().exporters()["csv"].export(sample(), sink, as_of=AS_OF, bom=True)  # type: ignore[arg-type]
        assert sink.data == export(sample(), as_of=AS_OF, bom=True)

    def test_deterministic(self) -> None:
        first = export(sample(), as_of="2013-01-01")
        assert export(sample(), as_of=AS_OF) == first
        again = io.BytesIO()
        hrplan.export(sample(), again, format="csv", as_of=AS_OF)
        assert again.getvalue() == first

    def test_chosen_by_extension_and_media_type(self, tmp_path: Path) -> None:
        exporter = get_manager().exporters()["csv"]
        assert (exporter.extensions, exporter.media_type) == ((".csv",), "text/csv")
        hrplan.export(sample(), tmp_path / "plan.csv", as_of=AS_OF)
        assert (tmp_path / "plan.csv").read_bytes() == export(sample(), as_of=AS_OF)


DANGEROUS = ("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=already quoted", "''+x")


class TestInjection:

    def program(self, titles: list[str]) -> Program:
        measures = tuple(Measure(f"1.{i + 1}", title) for i, title in enumerate(titles))
        return Program("p", "P", chapters=(Chapter(1, "=chapter", measures=measures),))

    def test_neutralised_and_restored(self) -> None:
        titles = [*DANGEROUS, "'just a quote", "safe", "a = b", "''"]
        data = export(self.program(titles), as_of=AS_OF)
        cells = [r[5] for r in rows(data)[1:]]
        assert cells[: len(DANGEROUS)] == ["'" + t for t in DANGEROUS]
        assert cells[len(DANGEROUS):] == ["'just a quote", "safe", "a = b", "''"]
        assert rows(data)[1][4] == "'=chapter"
        back = read_back(data).program
        assert [m.title for m in back.iter_measures()] == titles
        assert back.chapters[0].title == "=chapter"

    def test_off(self) -> None:
        data = export(self.program(list(DANGEROUS)), as_of=AS_OF, sanitize="false")
        assert [r[5] for r in rows(data)[1:]] == list(DANGEROUS)
        back = read_back(data, sanitize=False).program
        assert [m.title for m in back.iter_measures()] == list(DANGEROUS)

    @given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
    def test_any_title(self, title: str) -> None:
        data = export(self.program([title]), as_of=AS_OF)
        cell = rows(data)[1][5]
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
        assert read_back(data).program.measure("1.1").title == title


class TestMultiValuedCells:
    @given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8), max_size=4))
    def test_values_survive(self, values: list[str]) -> None:
        measure = Measure("1.1", "t", tags=Tags(themes=tuple(values)), indicators=tuple(values))
        program = Program("p", "P", chapters=(Chapter(1, "c", measures=(measure,)),))
        back = read_back(export(program, as_of=AS_OF)).program.measure("1.1")
        assert back.tags.themes == tuple(values)
        assert back.indicators == tuple(values)


def malformed() -> bytes:
    lines = [
        HEADER,
        "1.1,,1,I,Legal,Good measure,,moj,Ministry of Justice,lead,2012,interval,year,2012-01-01,2012-12-31,,,,,,,,",
        "1.2,,1,I,Legal,Bad date,,,,,2012,interval,year,2012-13-01,2012-12-31,,,,,,,,",
        "1.3,,1,I,Legal,Unknown kind,,,,,soonish,someday,,,,,,,,,,,",
        "1.4,9.9,1,I,Legal,Orphan,,,,,,,,,,,,,,,,,",
        "1.5,,1,I,Legal,Too few cells",
        "x.y,,1,I,Legal,Bad number,,,,,,,,,,,,,,,,,",
        "1.6,,one,I,Legal,Bad chapter,,moj | mej,Ministry of Justice,boss,,,,,,,,,,,,42 | 16,",
        "1.7,1.8,1,I,Legal,Cycle A,,,,,,,,,,,,,,,,,",
        "1.8,1.7,1,I,Legal,Cycle B,,,,,,,,,,,,,,,,,",
        "1.1,,1,I,Legal,Numbered twice,,moj,Other name,lead,,,,,,,,,,,,,",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


class TestMalformed:
    def test_findings_with_rows_and_columns(self) -> None:
        result = load(malformed(), "broken.csv")
        found = {(f.code, f.location) for f in result.findings}
        assert found == {
            ("CSV005", "row 3, column start"),
            ("CSV005", "row 4, column kind"),
            ("CSV003", "row 5, column parent"),
            ("CSV001", "row 6"),
            ("CSV002", "row 7, column id"),
            ("CSV004", "row 8, column chapter"),
            ("CSV006", "row 8, column institution_names"),
            ("CSV006", "row 8, column roles"),
            ("CSV007", "row 8, column sdgs"),
            ("CSV003", "row 10, column parent"),
            ("CSV008", "row 11, column id"),
            ("CSV008", "row 11, column institution_names"),
        }
        assert all(f.source == "broken.csv" for f in result.findings)
        numbers = [int(f.location.split(",")[0].removeprefix("row ")) for f in result.findings]
        assert numbers == sorted(numbers)
        errors = [f for f in result.findings if f.severity is Severity.ERROR]
        assert {f.code for f in errors} == {f"CSV00{i}" for i in range(1, 8)}
        bad_date = next(f for f in result.findings if f.location == "row 3, column start")
        assert "'2012-13-01' is not an ISO date" in bad_date.message
        assert "read from the time_limit text instead" in bad_date.message
        assert str(bad_date).startswith("broken.csv:row 3, column start: CSV005 [error]")

    def test_rows_are_kept_as_far_as_possible(self) -> None:
        program = load(malformed()).program
        numbers = [str(m.id) for m in program.iter_measures()]
        assert numbers == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.8", "1.7", "1.1"]
        assert program.measure("1.2").time_limit == parse_time_limit("2012")  # from its text
        assert program.measure("1.3").time_limit == hrplan.TimeLimit.unparsed("soonish")
        assert program.measure("1.5").title == "Too few cells"
        bad = program.measure("1.6")
        assert bad.implementers == (Implementer("moj"), Implementer("mej"))
        assert bad.tags.sdgs == (16,)
        # 1.7 (read first) goes under 1.8; 1.8 cannot then go under 1.7 and stays at the top.
        assert [str(m.id) for m in program.measure("1.8").children] == ["1.7"]
        assert program.measure("1.7").children == ()
        assert program.institutions["moj"].name == "Ministry of Justice"
        assert {p.kind for p in program.broken_references()} == {"duplicate-id", "unknown-institution"}

    def test_not_an_hrplan_table(self) -> None:
        with pytest.raises(hrplan.InputError, match="missing column") as caught:
            load(b"id,title,due\r\n1,Something,2012\r\n")
        assert "missing column(s) parent, chapter, chapter_label, chapter_title, description," in str(caught.value)

    def test_empty_file(self) -> None:
        with pytest.raises(hrplan.InputError):
            load(b"")

    def test_not_utf8(self) -> None:
        with pytest.raises(hrplan.InputError, match="UTF-8"):
            load(HEADER.encode() + b"\r\n1.1,,1,1,\xff\xfe,,,,,,,,,,,,,,,,,,\r\n")

    def test_chapter_cells_may_be_left_empty_after_the_first_row(self) -> None:
        data = (f"{HEADER}\r\n1.1,,1,I,Legal,A,,,,,,,,,,,,,,,,,\r\n1.2,,1,,,B,,,,,,,,,,,,,,,,,\r\n"
                "1.3,,1,II,Legal,C,,,,,,,,,,,,,,,,,\r\n").encode()  # fmt: skip
        result = load(data)
        assert [(f.code, f.location) for f in result.findings] == [("CSV008", "row 4, column chapter_label")]
        chapter = result.program.chapters[0]
        assert (chapter.number, chapter.label, chapter.title, len(chapter.measures)) == (1, "I", "Legal", 3)

    def test_unreadable_text_is_kept_unparsed(self) -> None:
        data = f"{HEADER}\r\n1.1,,1,1,Legal,A,,,,,after the elections,,,,,,,,,,,,\r\n".encode()
        result = load(data)
        assert result.findings == ()  # the validators report unparsed time-limits
        assert result.program.measure("1.1").time_limit == hrplan.TimeLimit.unparsed("after the elections")

    def test_structured_columns_empty_falls_back_to_the_text(self) -> None:
        data = f"{HEADER}\r\n1.1,,1,1,Legal,Hand-written,,,,,March-April 2012,,,,,,,,,,,,\r\n".encode()
        result = load(data)
        assert result.findings == ()
        assert result.program.measure("1.1").time_limit == parse_time_limit("March-April 2012")


EVENTS_HEADER = (
    "id,title,kind,start,end,organiser,participants,audiences,participant_count,location,"
    "remote_participants,measures,recommendations,campaign,source_url,notes"
)


def malformed_events() -> bytes:
    lines = [
        EVENTS_HEADER,
        "ev-1,Good,training,2012-03-01,2012-03-02,moj,omb | mej,judges,40,Baku,,1.1,,,,",
        "ev-2,Bad start,meeting,2012-13-01,2012-03-02,,,,,,,,,,,",
        "ev-3,Bad end,meeting,2012-03-01,March,,,,,,,,,,,",
        "ev-4,Ends first,visit,2012-03-05,2012-03-01,,,,,,,,,,,",
        "ev-5,No start,visit,,,,,,,,,,,,,",
        ",No id,visit,2012-03-01,,,,,,,,,,,,",
        "ev-6,Odd kind,party,2012-03-01,,moj,,,many,,,1.1 | x.y | 2.1,,,,",
        "ev-7,Short row,training,2012-04-01",
        "ev-8,One day,,2012-05-01,,,,,-3,,,,,,,",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


class TestEventsOption:
    def read(self, events: object) -> ImportResult:
        return read_back(export(sample(), as_of=AS_OF), events=events)

    def test_findings_with_rows_and_columns(self) -> None:
        stream = io.BytesIO(malformed_events())
        stream.name = "events.csv"
        result = self.read(stream)
        assert [(f.code, f.severity, f.location) for f in result.findings] == [
            ("CSV010", Severity.ERROR, "row 3, column start"),
            ("CSV010", Severity.ERROR, "row 4, column end"),
            ("CSV010", Severity.ERROR, "row 5, column end"),
            ("CSV010", Severity.ERROR, "row 6, column start"),
            ("CSV010", Severity.ERROR, "row 7, column id"),
            ("CSV010", Severity.ERROR, "row 8, column kind"),
            ("CSV010", Severity.ERROR, "row 8, column participant_count"),
            ("CSV010", Severity.ERROR, "row 8, column measures"),
            ("CSV001", Severity.ERROR, "row 9"),
            ("CSV010", Severity.ERROR, "row 10, column participant_count"),
        ]
        assert all(f.source == "events.csv" for f in result.findings)
        assert "'2012-13-01' is not an ISO date" in result.findings[0].message
        assert "row skipped" in result.findings[0].message
        assert str(result.findings[5]).startswith("events.csv:row 8, column kind: CSV010 [error]")

    def test_rows_are_kept_as_far_as_possible(self) -> None:
        events = self.read(io.BytesIO(malformed_events())).program.events
        assert [e.id for e in events] == ["ev-1", "ev-6", "ev-7", "ev-8"]
        good, odd, short, one_day = events
        assert good == Event("ev-1", "Good", EventKind.TRAINING, DateSpan(date(2012, 3, 1), date(2012, 3, 2)),
                             organiser="moj", participants=("omb", "mej"), audiences=("judges",),
                             participant_count=40, location="Baku", measures=("1.1",))  # fmt: skip
        assert (odd.kind, odd.participant_count) == (EventKind.OTHER, None)
        assert [str(m) for m in odd.measures] == ["1.1", "2.1"]
        assert short.dates == DateSpan(date(2012, 4, 1))
        assert (one_day.kind, one_day.participant_count) == (EventKind.OTHER, None)
        assert one_day.dates == DateSpan(date(2012, 5, 1))

    def test_broken_references_are_left_to_the_validators(self) -> None:
        data = f"{EVENTS_HEADER}\r\nev-1,A,meeting,2012-03-01,,nobody,,,,,,9.9,rec-9,camp,,\r\n".encode()
        result = self.read(io.BytesIO(data))
        assert result.findings == ()
        kinds = {p.kind for p in result.program.broken_references()}
        assert {"unknown-institution", "unknown-measure", "unknown-recommendation", "unknown-campaign"} <= kinds

    def test_sanitize_off(self) -> None:
        program = sample()
        data = export(program, table="events", sanitize=False)
        assert b"judges | =prosecutors" in data
        result = read_back(export(program, as_of=AS_OF), events=io.BytesIO(data), sanitize=False)
        assert result.program.events == program.events

    def test_from_a_path(self, tmp_path: Path) -> None:
        target = tmp_path / "events.csv"
        hrplan.export(sample(), target, table="events")
        assert self.read(target).program.events == sample().events
        assert self.read(str(target)).program.events == sample().events

    @pytest.mark.parametrize(
        ("source", "error", "match"),
        [
            (42, hrplan.FormatError, "'events' must be a path or a binary file"),
            ("/nonexistent/events.csv", hrplan.FormatError, "cannot read"),
            (io.BytesIO(b"id,name,kind,short_name,aliases,parent\r\n"), hrplan.FormatError, "not an events table"),
            (io.BytesIO(b"id,title,when\r\n"), hrplan.InputError, "missing column"),
        ],
    )
    def test_bad_sources(self, source: object, error: type[Exception], match: str) -> None:
        with pytest.raises(error, match=match):
            self.read(source)


class TestOptions:
    def test_unknown_export_option(self) -> None:
        with pytest.raises(hrplan.FormatError, match=r"'colour'.*valid options: as_of, bom, layout, sanitize, table"):
            export(sample(), colour="red")

    def test_unknown_import_option(self) -> None:
        with pytest.raises(hrplan.FormatError, match=r"'as_of'.*valid options"):
            read_back(export(sample(), as_of=AS_OF), as_of=AS_OF)

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"bom": "maybe"}, "'bom' must be true or false"),
            ({"layout": "wide"}, "'layout' must be one of"),
            ({"table": "people"}, "'table' must be one of"),
            ({"as_of": "yesterday"}, "'as_of' must be a date"),
            ({"table": "events", "layout": "long"}, "applies only"),
        ],
    )
    def test_bad_values(self, options: dict[str, object], match: str) -> None:
        with pytest.raises(hrplan.FormatError, match=match):
            export(sample(), **options)

    @pytest.mark.parametrize(("value", "expected"), [("true", True), ("YES", True), ("1", True), ("no", False),
                                                     ("0", False), (False, False)])  # fmt: skip
    def test_boolean_strings(self, value: object, expected: bool) -> None:
        assert export(sample(), as_of=AS_OF, bom=value).startswith(b"\xef\xbb\xbf") is expected

    def test_invalid_program_id(self) -> None:
        with pytest.raises(hrplan.FormatError, match="program"):
            read_back(export(sample(), as_of=AS_OF), program_id="Not A Slug")


def test_csv_exporter_conformance() -> None:
    from hrplan.plugins import get_manager
    from hrplan.testing import check_exporter

    exporter = get_manager().exporters()["csv"]
    check_exporter(exporter, options={"as_of": "2013-01-01"}, compare=lambda a, b: projection(a) == b, max_examples=25)


def test_markdown_exporter_conformance() -> None:
    from hrplan.plugins import get_manager
    from hrplan.testing import check_exporter

    check_exporter(get_manager().exporters()["markdown"], options={"as_of": "2013-01-01"}, max_examples=25)


def test_expected_results_funding_and_budget_are_the_last_columns() -> None:
    measure = Measure("1.1", "Shelters", expected_results=("Two shelters open", "Staff | trained"),
                      funding="=State budget", budget="USD 20,000")  # fmt: skip
    program = Program("p", "P", chapters=(Chapter(1, "c", measures=(measure,)),))
    data = export(program, as_of=AS_OF)
    assert rows(data)[1][-3:] == ["Two shelters open | Staff \\| trained", "'=State budget", "USD 20,000"]
    back = read_back(data).program.measure("1.1")
    assert (back.expected_results, back.funding, back.budget) == (measure.expected_results, "=State budget",
                                                                  "USD 20,000")  # fmt: skip
