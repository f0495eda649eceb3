"""Tests of the hrplan-workload plugin, through hrplan's public API only."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import hrplan
import pytest
from hrplan.plugins import get_manager
from hrplan.testing import check_exporter

import hrplan_workload
from hrplan_workload import COLUMNS, InstitutionLoad, WorkloadExporter, workload

AS_OF = date(2013, 1, 1)
PLUGIN = Path(__file__).resolve().parents[1]
EXAMPLE = PLUGIN.parents[1] / "examples" / "data" / "az-2012.json"
TUTORIAL = PLUGIN.parents[1] / "docs" / "plugins" / "tutorial.md"
LEAD, PARTNER, CO = hrplan.Role.LEAD, hrplan.Role.PARTNER, hrplan.Role.CO_IMPLEMENTER


def _measure(number: str, title: str, limit: str, *implementers: tuple[str, hrplan.Role]) -> hrplan.Measure:
    return hrplan.Measure(
        number,
        title,
        implementers=tuple(hrplan.Implementer(i, role) for i, role in implementers),
        time_limit=hrplan.parse_time_limit(limit),
    )


def _program() -> hrplan.Program:
    """A small program; the comments give each measure's status on 2013-01-01."""
    measures = (
        _measure("1.1", "Pre-trial detention law", "March-April 2012", ("moj", LEAD), ("mej", PARTNER)),  # overdue
        _measure("1.2", "Probation law", "2012", ("moj", LEAD)),  # overdue
        _measure("1.3", "Prison rules", "2011", ("moj", LEAD)),  # overdue, the longest
        _measure("1.4", "Hearings", "permanently", ("mej", LEAD)),  # ongoing
        _measure("1.5", "Legal aid", "2014", ("moj", CO)),  # not started
        _measure("1.6", "Budget law", "January 2013", ("mej", LEAD)),  # in progress (30 days left)
        _measure("1.7", "Training of judges", "2012", ("moj", LEAD)),  # completed (see progress)
        _measure("1.8", "-Awareness campaign", "2012-2015", ("evil", LEAD)),  # in progress
        _measure("1.9", "Juvenile courts", "2012", ("moj", LEAD), ("moj", PARTNER)),  # overdue, counted once
        _measure("1.10", "Victim support", "2012", ("moj", LEAD)),  # overdue
    )
    return hrplan.Program(
        "demo",
        "Demo program",
        chapters=(hrplan.Chapter(1, "Justice", measures=measures),),
        institutions=[
            hrplan.Institution("moj", "Ministry of Justice"),
            hrplan.Institution("mej", "Milli Məclis"),
            hrplan.Institution("evil", "=HYPERLINK(\"http://evil\")"),
            hrplan.Institution("idle", "Idle Office"),
        ],
        progress=(hrplan.ProgressUpdate("1.7", date(2012, 6, 1), hrplan.Progress.COMPLETED),),
    )


def _loads(**kwargs: Any) -> dict[str, InstitutionLoad]:
    return {load.institution: load for load in workload(_program(), AS_OF, **kwargs)}


def _export(program: hrplan.Program, **options: Any) -> bytes:
    buffer = io.BytesIO()
    WorkloadExporter().export(program, buffer, **options)
    return buffer.getvalue()


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _numbers(load: InstitutionLoad) -> list[str]:
    return [str(number) for number in load.behind]


# --- the Python function -------------------------------------------------------------------


def test_counts_per_status() -> None:
    moj = _loads()["moj"]
    assert dict(moj.counts) == {
        hrplan.Status.NOT_STARTED: 1,
        hrplan.Status.IN_PROGRESS: 0,
        hrplan.Status.DUE_SOON: 0,
        hrplan.Status.OVERDUE: 5,
        hrplan.Status.COMPLETED: 1,
        hrplan.Status.COMPLETED_LATE: 0,
        hrplan.Status.ONGOING: 0,
    }
    assert list(moj.counts) == list(hrplan.Status)  # every status, in enum order
    assert moj.total == 7  # 1.9 names moj twice and counts once
    assert (moj.name, _loads()["mej"].total) == ("Ministry of Justice", 3)


def test_every_institution_in_registry_order() -> None:
    loads = workload(_program(), AS_OF)
    assert [load.institution for load in loads] == ["moj", "mej", "evil", "idle"]
    assert loads[-1].total == 0
    assert loads[-1].behind == ()


def test_behind_most_overdue_first_then_by_number() -> None:
    moj = _loads()["moj"]
    # 1.3 ended 2011-12-31, 1.1 on 2012-04-30, the others on 2012-12-31 (numeric order: 1.9 < 1.10)
    assert _numbers(moj) == ["1.3", "1.1", "1.2", "1.9", "1.10"]
    assert all(isinstance(number, hrplan.MeasureId) for number in moj.behind)
    assert _numbers(_loads()["mej"]) == ["1.1"]


def test_role_filter() -> None:
    for role in ("lead", hrplan.Role.LEAD):
        loads = _loads(role=role)
        assert loads["moj"].counts[hrplan.Status.NOT_STARTED] == 0  # 1.5 is co-implemented
        assert loads["moj"].total == 6
        assert loads["mej"].total == 2  # 1.1 is a partnership
        assert loads["mej"].behind == ()
    partners = _loads(role="partner")
    assert (partners["moj"].total, _numbers(partners["moj"])) == (1, ["1.9"])
    assert _numbers(partners["mej"]) == ["1.1"]


def test_due_within() -> None:
    assert _loads()["mej"].counts[hrplan.Status.IN_PROGRESS] == 1  # 30 days left: not within 30
    assert _loads(due_within=31)["mej"].counts[hrplan.Status.DUE_SOON] == 1
    assert _loads(due_within=timedelta(days=31))["mej"].counts[hrplan.Status.DUE_SOON] == 1


def test_bad_arguments_of_the_function() -> None:
    with pytest.raises(ValueError, match="negative"):
        workload(_program(), AS_OF, due_within=-1)
    with pytest.raises(ValueError, match="boss"):
        workload(_program(), AS_OF, role="boss")


def test_institution_load_is_frozen_and_complete() -> None:
    load = InstitutionLoad("moj", "Ministry of Justice", {hrplan.Status.OVERDUE: 2})
    assert load.counts[hrplan.Status.ONGOING] == 0
    assert load.total == 2
    assert hash(load) == hash(InstitutionLoad("moj", "Ministry of Justice", {hrplan.Status.OVERDUE: 2}))


# --- the CSV exporter ---------------------------------------------------------------------


def test_exporter_attributes() -> None:
    exporter = WorkloadExporter()
    assert isinstance(exporter, hrplan.Exporter)
    assert (exporter.name, exporter.extensions, exporter.media_type) == ("workload", (".workload.csv",), "text/csv")
    assert exporter.description == "Measures per institution, by status"


def test_csv_table() -> None:
    data = _export(_program(), as_of="2013-01-01")
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == (
        "institution,name,not-started,in-progress,due-soon,overdue,completed,completed-late,ongoing,total,behind"
    )
    assert lines[1] == "moj,Ministry of Justice,1,0,0,5,1,0,0,7,1.3 1.1 1.2 1.9 1.10"
    assert lines[2] == "mej,Milli Məclis,0,1,0,1,0,0,1,3,1.1"
    assert lines[-1] == ""  # RFC 4180: every record ends with CRLF
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert tuple(_rows(data)[0]) == COLUMNS
    assert "idle" not in {row["institution"] for row in _rows(data)}


def test_include_empty() -> None:
    for value in (True, "true", "yes", "1"):
        rows = _rows(_export(_program(), as_of=AS_OF, include_empty=value))
        assert rows[-1]["institution"] == "idle"
        assert rows[-1]["total"] == "0"
    for value in (False, "false", "no", "0"):
        assert "idle" not in {r["institution"] for r in _rows(_export(_program(), as_of=AS_OF, include_empty=value))}


def test_options_as_strings_and_objects_agree() -> None:
    base = _export(_program(), as_of=AS_OF, due_within=31, role="lead")
    assert _export(_program(), as_of="2013-01-01", due_within="31", role="lead") == base
    assert _export(_program(), as_of=datetime(2013, 1, 1, 12, 0), due_within=31, role=hrplan.Role.LEAD) == base
    assert _rows(base)[1]["due-soon"] == "1"  # mej's 1.6


def test_role_option() -> None:
    rows = {r["institution"]: r for r in _rows(_export(_program(), as_of=AS_OF, role="partner"))}
    assert set(rows) == {"moj", "mej"}  # evil has no partnership: left out
    assert (rows["moj"]["total"], rows["moj"]["behind"]) == ("1", "1.9")


def test_formula_injection_is_neutralised() -> None:
    rows = {r["institution"]: r for r in _rows(_export(_program(), as_of=AS_OF))}
    assert rows["evil"]["name"] == "'=HYPERLINK(\"http://evil\")"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+49 ministry", "'+49 ministry"),
        ("-Office", "'-Office"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturned", "'\rReturned"),
        ("Ministry = of Justice", "Ministry = of Justice"),
        ("'Quoted", "'Quoted"),
    ],
)
def test_injection_rule(name: str, written: str) -> None:
    program = hrplan.Program(
        "demo",
        "Demo",
        chapters=(hrplan.Chapter(1, "C", measures=(_measure("1.1", "x", "2012", ("x", LEAD)),)),),
        institutions=[hrplan.Institution("x", name)],
    )
    assert _rows(_export(program, as_of=AS_OF))[0]["name"] == written


def test_unknown_option() -> None:
    with pytest.raises(hrplan.FormatError) as info:
        _export(_program(), as_of=AS_OF, colour="red")
    message = str(info.value)
    assert "'colour'" in message
    assert "as_of, due_within, include_empty, role" in message


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("as_of", "1 January 2013"),
        ("as_of", "2013-13-01"),
        ("as_of", 20130101),
        ("due_within", "soon"),
        ("due_within", -1),
        ("due_within", True),
        ("role", "boss"),
        ("include_empty", "perhaps"),
    ],
)
def test_bad_option_values(option: str, value: object) -> None:
    with pytest.raises(hrplan.FormatError, match=repr(option)):
        _export(_program(), **{option: value})


def test_nothing_written_on_bad_options() -> None:
    buffer = io.BytesIO()
    with pytest.raises(hrplan.FormatError):
        WorkloadExporter().export(_program(), buffer, as_of="2013-01-01", role="boss")
    assert buffer.getvalue() == b""


def test_as_of_defaults_to_today() -> None:
    assert _export(_program()) == _export(_program(), as_of=date.today())


# --- as a plugin ----------------------------------------------------------------------------


def test_installed_entry_point_is_loaded() -> None:
    info = {i.name: i for i in get_manager().infos()}
    assert "workload" in info, "install the plugin first: pip install -e plugins/hrplan-workload"
    assert info["workload"].loaded
    assert info["workload"].problems == ()
    assert isinstance(get_manager().exporters()["workload"], WorkloadExporter)


def test_export_by_extension(tmp_path: Path) -> None:
    target = tmp_path / "out.workload.csv"
    hrplan.export(_program(), target, as_of="2013-01-01")  # .workload.csv beats .csv
    assert target.read_bytes() == _export(_program(), as_of=AS_OF)
    hrplan.export(_program(), tmp_path / "plain.csv", as_of="2013-01-01")
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"institution,")  # the built-in CSV


def test_example_program() -> None:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is absent (the plugin is tested outside the hrplan repository)")
    program = hrplan.read(EXAMPLE)
    rows = {r["institution"]: r for r in _rows(_export(program, as_of="2013-01-01"))}
    president = rows["presidential-administration"]
    assert president["name"] == "Presidential Administration"
    assert "1.2.2" in president["behind"].split()
    assert int(president["overdue"]) == len(president["behind"].split()) > 0
    for row in rows.values():
        assert int(row["total"]) == sum(int(row[s.value]) for s in hrplan.Status) > 0


class _RenamedExporter(WorkloadExporter):
    name = "workload-under-test"
    extensions = (".under-test.csv",)


class _PluginUnderTest:
    """A plugin object, as a test registers one that is not installed."""

    @hrplan.hookimpl
    def register_exporters(self, register: Callable[[Any], None]) -> None:
        register(_RenamedExporter())


def test_register_unregister_pattern(tmp_path: Path) -> None:
    name = get_manager().register(_PluginUnderTest(), "workload-under-test")
    assert name is not None
    try:
        hrplan.export(_program(), tmp_path / "x.under-test.csv", as_of=AS_OF)
        assert (tmp_path / "x.under-test.csv").read_bytes() == _export(_program(), as_of=AS_OF)
    finally:
        get_manager().unregister(name)
    assert "workload-under-test" not in get_manager().exporters()


def test_module_is_a_plugin() -> None:
    registered: list[Any] = []
    hrplan_workload.register_exporters(registered.append)
    assert [type(e) for e in registered] == [WorkloadExporter]


@pytest.mark.parametrize(
    "options",
    [{"as_of": "2013-01-01"}, {"as_of": "2013-01-01", "role": "lead", "include_empty": True, "due_within": 0}],
)
def test_conformance(options: dict[str, Any]) -> None:
    """No crash and the same bytes twice, on generated programs (there is no workload importer)."""
    check_exporter(WorkloadExporter(), options=options)


def test_tutorial_code_is_the_real_code() -> None:
    """Blocks of the tutorial marked ``<!-- file: P -->`` are file P; ``<!-- from: P -->``, a part of it."""
    if not TUTORIAL.is_file():
        pytest.skip(f"{TUTORIAL} is absent (the plugin is tested outside the hrplan repository)")
    text = TUTORIAL.read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- (file|from): (\S+) -->\n```\w*\n(.*?)```", text, re.DOTALL)
    assert {path for _, path, _ in blocks} >= {
        "pyproject.toml",
        "src/hrplan_workload/__init__.py",
        "src/hrplan_workload/_export.py",
        "src/hrplan_workload/_workload.py",
    }
    for kind, path, code in blocks:
        source = (PLUGIN / path).read_text(encoding="utf-8")
        if kind == "file":
            assert code == source, f"docs/plugins/tutorial.md: the block of {path} differs from the file"
        else:
            assert code in source, f"docs/plugins/tutorial.md: a block from {path} is not in the file"
