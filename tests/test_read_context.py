"""Importers take what they need from the read context their caller gives, not from the plugin manager."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import hrplan
from hrplan import Institution, InstitutionKind, Program, ReadContext, Vocabulary
from hrplan.builtins.csv_format import CSV
from hrplan.builtins.events_csv import EVENTS_CSV
from hrplan.builtins.text_format import TEXT
from hrplan.builtins.upr_csv import UPR_CSV

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "az-2012.json"
PLAN = (
    b"Plan of Utopia\n\nChapter I Justice\n\n1.1. Reform of the courts\n\n"
    b"Implementing institution: Justice Ministry.\n"
)
UTOPIA = ReadContext(registries={"UT": [Institution("min-justice", "Justice Ministry", InstitutionKind.MINISTRY)]})
GERMAN = ReadContext(vocabularies=[Vocabulary(name="de", ongoing=("ständig",))])
COLUMNS = 23


def _stream(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def test_the_text_importer_resolves_names_with_the_registries_of_its_context() -> None:
    with_registry = TEXT.read(_stream(PLAN, "plan.txt"), context=UTOPIA, country="UT")
    assert with_registry.program.measure("1.1").institutions == ("min-justice",)
    alone = TEXT.read(_stream(PLAN, "plan.txt"), country="UT")
    assert "TX010" in [f.code for f in alone.findings]


def test_the_csv_importer_reads_time_limits_with_the_vocabularies_of_its_context() -> None:
    header = next(CSV.rows(Program("p", "P"), table="measures"))
    row = ["1.1", "", "1", "", "Justice", "Reform", "", "", "", "", "ständig"] + [""] * (COLUMNS - 11)
    data = (",".join(header) + "\r\n" + ",".join(row) + "\r\n").encode()
    kinds = []
    for context in (GERMAN, None):
        time_limit = CSV.read(_stream(data, "plan.csv"), context=context).program.measure("1.1").time_limit
        kinds.append(time_limit.kind if time_limit is not None else None)
    assert kinds == [hrplan.TimeLimitKind.ONGOING, hrplan.TimeLimitKind.UNPARSED]


def test_the_events_and_upr_importers_add_to_the_base_of_their_context() -> None:
    base = hrplan.read(EXAMPLE)
    context = ReadContext(base=base)
    events = EVENTS_CSV.read(_stream(b"date,title\n2013-03-12,Training\n", "log.events.csv"), context=context)
    assert events.program.id == base.id
    assert [e.title for e in events.program.events][-1] == "Training"
    upr = b"text,to,decision,From\n\"109.1. Ratify (Chile);\",azerbaijan,support,Chile\n"
    assert UPR_CSV.read(_stream(upr, "r.upr.csv"), context=context).program.id == base.id
    with pytest.raises(hrplan.FormatError, match="option 'program' is required"):
        EVENTS_CSV.read(_stream(b"date,title\n2013-03-12,Training\n", "log.events.csv"))


def test_load_reads_a_plan_file_named_by_option_program_into_the_base(tmp_path: Path) -> None:
    (tmp_path / "log.events.csv").write_bytes(b"date,title\n2013-03-12,Training\n")
    with pytest.raises(hrplan.FormatError, match="not a JSON plan"):  # called directly: JSON plans only
        EVENTS_CSV.read(_stream(b"date,title\n", "log.events.csv"), program=str(tmp_path / "plan.md"))
    plan = tmp_path / "plan.txt"
    hrplan.write(hrplan.read(EXAMPLE), plan, format="text")
    result = hrplan.load(tmp_path / "log.events.csv", program=plan)  # load reads any format
    assert result.program.title == hrplan.read(EXAMPLE).title
