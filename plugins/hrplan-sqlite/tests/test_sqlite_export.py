"""Tests of the hrplan-sqlite plugin, through hrplan's public API only.

Every database written is opened with the standard library's ``sqlite3`` and queried;
where datasette is installed, one is served on a free local port and fetched.
"""

from __future__ import annotations

import io
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import hrplan
import pytest
from hrplan.monitoring import snapshot
from hrplan.plugins import get_manager
from hrplan.testing import check_exporter, programs
from hypothesis import given, settings

import hrplan_sqlite
from hrplan_sqlite import QUERIES, TABLES, SqliteExporter

PLUGIN = Path(__file__).resolve().parents[1]
EXAMPLE = PLUGIN.parents[1] / "examples" / "data" / "az-2012.json"


def _measure(number: str, title: str, limit: str | None, *institutions: str,
             children: tuple[hrplan.Measure, ...] = (), description: str | None = None) -> hrplan.Measure:
    return hrplan.Measure(
        number,
        title,
        description=description,
        implementers=tuple(hrplan.Implementer(i) for i in institutions),
        time_limit=None if limit is None else hrplan.parse_time_limit(limit),
        children=children,
        tags=hrplan.Tags(themes=("detention",), sdgs=(16,)),
    )


def _program() -> hrplan.Program:
    """A small program with one of everything the database holds."""
    measures = (
        _measure("1.1", "Pre-trial detention law", "March-April 2012", "moj",
                 description="Draft amendments on custody and bail"),
        _measure("1.2", "Prison rules", "by 15 January 2013", "moj", "mej"),
        _measure("1.3", "Hearings", "permanently", "mej"),
        _measure("1.4", "E-services", "2012-2013", "moj", children=(
            _measure("1.4.1", "Online portal for court records", None, "mej"),
        )),
    )
    window = hrplan.YearlyWindow(hrplan.MonthDay(5, 18), hrplan.MonthDay(6, 18))
    return hrplan.Program(
        "demo",
        "Demo program",
        country="AZ",
        adoption=hrplan.Adoption(date(2011, 12, 27), "Presidential Order", "1938"),
        period=hrplan.parse_time_limit("2012-2015"),
        chapters=(
            hrplan.Chapter(1, "Justice", label="I", measures=measures),
            hrplan.Chapter(2, "Coordination", label="Two"),
        ),
        provisions=(hrplan.Provision("2.1", "The ministries report every year.", chapter=2),),
        institutions=[
            hrplan.Institution("moj", "Ministry of Justice", hrplan.InstitutionKind.MINISTRY, aliases=("MoJ",)),
            hrplan.Institution("mej", "Milli Məclis", hrplan.InstitutionKind.PARLIAMENT),
            hrplan.Institution("moj-penal", "Penitentiary Service", parent="moj"),
        ],
        campaigns=(hrplan.Campaign("hr-month", "Human Rights month", window, organiser="mej", measures=("1.3",)),),
        events=(
            hrplan.Event("ev1", "Training of judges", hrplan.EventKind.TRAINING, hrplan.DateSpan(date(2012, 3, 10)),
                         organiser="moj", participants=("mej", "moj-penal"), measures=("1.1", "1.1"),
                         recommendations=("upr-1",)),
            hrplan.Event("ev2", "Human rights week", hrplan.EventKind.CAMPAIGN_ACTIVITY,
                         hrplan.DateSpan(date(2012, 5, 20), date(2012, 5, 22)), campaign="hr-month",
                         measures=("1.3",)),
        ),
        recommendations=(
            hrplan.Recommendation("upr-1", "UPR", "Reform pre-trial detention", position=hrplan.Position.SUPPORTED,
                                  recommending_states=("Norway", "Chile"), measures=("1.1",)),
            hrplan.Recommendation("upr-2", "UPR", "Ratify the convention on disappearances",
                                  position=hrplan.Position.SUPPORTED),
            hrplan.Recommendation("upr-3", "UPR", "Abolish a court", position=hrplan.Position.NOTED),
            hrplan.Recommendation("crc-1", "CRC", "Juvenile justice", position=hrplan.Position.PARTIALLY_SUPPORTED),
        ),
        progress=(
            hrplan.ProgressUpdate("1.2", date(2012, 6, 1), hrplan.Progress.IN_PROGRESS, note="Drafting"),
            hrplan.ProgressUpdate("1.2", date(2013, 2, 1), hrplan.Progress.COMPLETED, evidence=("ev1",),
                                  reported_by="moj"),
        ),
    )


def _export(program: hrplan.Program, **options: Any) -> bytes:
    buffer = io.BytesIO()
    SqliteExporter().export(program, buffer, **options)
    return buffer.getvalue()


def _open(program: hrplan.Program, tmp_path: Path, name: str = "plan.db") -> sqlite3.Connection:
    path = tmp_path / name
    path.write_bytes(_export(program))
    return sqlite3.connect(path)


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f'select count(*) from "{table}"').fetchone()[0])


def _expected_counts(program: hrplan.Program) -> dict[str, int]:
    measures = list(program.iter_measures())

    def links(items: list[tuple[object, ...]]) -> int:
        return sum(len(dict.fromkeys(values)) for values in items)

    return {
        "programs": 1,
        "chapters": len(program.chapters),
        "measures": len(measures),
        "provisions": len(program.provisions),
        "institutions": len(program.institutions),
        "implementers": sum(len(m.implementers) for m in measures),
        "campaigns": len(program.campaigns),
        "campaign_measures": links([c.measures for c in program.campaigns]),
        "events": len(program.events),
        "event_measures": links([e.measures for e in program.events]),
        "event_participants": links([e.participants for e in program.events]),
        "event_recommendations": links([e.recommendations for e in program.events]),
        "recommendations": len(program.recommendations),
        "recommendation_measures": links([r.measures for r in program.recommendations]),
        "progress": len(program.progress),
        "progress_evidence": links([u.evidence for u in program.progress]),
    }


def _query(conn: sqlite3.Connection, name: str, **params: str) -> list[tuple[Any, ...]]:
    return conn.execute(QUERIES[name]["sql"], params).fetchall()


# -- the exporter and the plugin ----------------------------------------------------------------------------


def test_exporter_attributes_and_entry_point() -> None:
    exporter = get_manager().exporters()["sqlite"]
    assert isinstance(exporter, SqliteExporter)
    assert exporter.extensions == (".db", ".sqlite", ".sqlite3")


@pytest.mark.parametrize("name", ["plan.db", "plan.sqlite", "plan.sqlite3"])
def test_export_by_extension(tmp_path: Path, name: str) -> None:
    hrplan.export(_program(), tmp_path / name)
    with sqlite3.connect(tmp_path / name) as conn:
        assert _count(conn, "measures") == 5


def test_every_table_is_written() -> None:
    assert [t.name for t in TABLES] == [
        "programs", "chapters", "measures", "provisions", "institutions", "implementers", "campaigns",
        "campaign_measures", "recommendations", "recommendation_measures", "events", "event_measures",
        "event_participants", "event_recommendations", "progress", "progress_evidence",
    ]  # fmt: skip


# -- what the database holds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["demo", "example"])
def test_counts_equal_the_programs(tmp_path: Path, source: str) -> None:
    program = _program() if source == "demo" else hrplan.read(EXAMPLE)
    with _open(program, tmp_path) as conn:
        assert {t.name: _count(conn, t.name) for t in TABLES} == _expected_counts(program)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)


def test_keys_and_indexes(tmp_path: Path) -> None:
    with _open(_program(), tmp_path) as conn:
        for spec in TABLES:
            info = conn.execute(f'pragma table_info("{spec.name}")').fetchall()
            pk = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
            assert pk == spec.pk, spec.name
            declared = {(r[3], r[2], r[4]) for r in conn.execute(f'pragma foreign_key_list("{spec.name}")')}
            assert declared == set(spec.foreign_keys), spec.name
            indexed = {
                conn.execute(f'pragma index_info("{r[1]}")').fetchone()[2]
                for r in conn.execute(f'pragma index_list("{spec.name}")')
            }
            for column, _other, _key in spec.foreign_keys:
                assert column in indexed, f"{spec.name}.{column} has no index"


def test_rows_carry_the_programs_values(tmp_path: Path) -> None:
    with _open(_program(), tmp_path) as conn:
        conn.row_factory = sqlite3.Row
        child = conn.execute("select * from measures where id = '1.4.1'").fetchone()
        assert (child["parent"], child["depth"], child["chapter"], child["time_limit"]) == ("1.4", 2, 1, None)
        assert (child["effective_kind"], child["effective_start"], child["effective_end"]) == (
            "interval", "2012-01-01", "2013-12-31")
        first = conn.execute("select * from measures where id = '1.1'").fetchone()
        assert first["time_limit"] == "March-April 2012"
        assert json.loads(first["themes"]) == ["detention"]
        assert json.loads(first["sdgs"]) == [16]
        assert [r[0] for r in conn.execute("select id from measures order by position")] == [
            "1.1", "1.2", "1.3", "1.4", "1.4.1"]
        chapter = conn.execute("select label, title from chapters where number = 2").fetchone()
        assert tuple(chapter) == ("Two", "Coordination")
        assert conn.execute("select name from institutions where id = 'mej'").fetchone()[0] == "Milli Məclis"
        window = conn.execute("select window_start, window_end from campaigns").fetchone()
        assert tuple(window) == ("--05-18", "--06-18")
        program = conn.execute("select * from programs").fetchone()
        assert (program["adoption_date"], program["period_start"], program["period_end"]) == (
            "2011-12-27", "2012-01-01", "2015-12-31")


def test_full_text_search_finds_a_measure(tmp_path: Path) -> None:
    with _open(_program(), tmp_path) as conn:
        found = conn.execute(
            "select m.id from measures m join measures_fts f on f.rowid = m.rowid where measures_fts match ?",
            ("custody",),
        ).fetchall()
        assert found == [("1.1",)]
        stemmed = conn.execute("select rowid from recommendations_fts where recommendations_fts match 'ratifying'")
        assert len(stemmed.fetchall()) == 1  # porter stemming: "ratifying" finds "Ratify"


def test_same_bytes_twice() -> None:
    assert _export(_program()) == _export(_program())


# -- the canned queries --------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", ["2012-05-01", "2013-01-01", "2013-01-20", "2013-03-01", "2016-06-30"])
def test_overdue_query_agrees_with_the_snapshot(tmp_path: Path, as_of: str) -> None:
    for program in (_program(), hrplan.read(EXAMPLE)):
        snap = snapshot(program, date.fromisoformat(as_of))
        expected = {key: counts[hrplan.Status.OVERDUE] for key, counts in snap.by_institution().items()}
        with _open(program, tmp_path, f"{program.id}.db") as conn:
            got = {row[0]: row[2] for row in _query(conn, "overdue_by_institution", as_of=as_of)}
            pairs = _query(conn, "overdue_measures", as_of=as_of)
        assert got == {key: n for key, n in expected.items() if n}
        days = {(state.measure.id, -(state.days_left or 0)) for state in snap.overdue()}
        assert {(hrplan.MeasureId.of(row[1]), row[4]) for row in pairs} <= days


def test_overdue_query_counts_a_late_completion_only_once_reported(tmp_path: Path) -> None:
    with _open(_program(), tmp_path) as conn:
        before = {row[0]: row[3] for row in _query(conn, "overdue_by_institution", as_of="2013-01-20")}
        after = {row[0]: row[3] for row in _query(conn, "overdue_by_institution", as_of="2013-02-01")}
    assert before == {"moj": "1.1, 1.2", "mej": "1.2"}
    assert after == {"moj": "1.1"}  # 1.2 was reported completed on 2013-02-01


def test_supported_recommendations_without_measure(tmp_path: Path) -> None:
    with _open(_program(), tmp_path) as conn:
        rows = _query(conn, "supported_without_measure")
    assert [row[0] for row in rows] == ["upr-2", "crc-1"]


# -- the metadata and the options ----------------------------------------------------------------------------


def test_metadata_option_writes_datasette_metadata(tmp_path: Path) -> None:
    meta = tmp_path / "m.json"
    hrplan.export(_program(), tmp_path / "demo.db", metadata=str(meta))
    info = json.loads(meta.read_text(encoding="utf-8"))
    database = info["databases"]["demo"]
    assert set(database["tables"]) == {t.name for t in TABLES}
    assert database["tables"]["measures"]["columns"]["effective_end"].startswith("The last day")
    assert set(database["queries"]) == set(QUERIES)
    assert info["title"] == "Demo program"
    hrplan.export(_program(), tmp_path / "other.db", metadata=meta, database="other")
    assert list(json.loads(meta.read_text(encoding="utf-8"))["databases"]) == ["other"]
    assert hrplan_sqlite.metadata_json(_program()) == hrplan_sqlite.metadata_json(_program())


def test_every_canned_query_runs(tmp_path: Path) -> None:
    with _open(hrplan.read(EXAMPLE), tmp_path) as conn:
        for name in QUERIES:
            conn.execute(QUERIES[name]["sql"], {"as_of": ""}).fetchall()  # empty as_of: today


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"colour": "red"}, "colour"),
        ({"metadata": ""}, "metadata"),
        ({"metadata": 3}, "metadata"),
        ({"database": "x"}, "database"),
    ],
)
def test_bad_options_name_the_option(options: dict[str, Any], named: str) -> None:
    buffer = io.BytesIO()
    with pytest.raises(hrplan.FormatError, match=named):
        SqliteExporter().export(_program(), buffer, **options)
    assert buffer.getvalue() == b""


def test_unwritable_metadata_path(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with pytest.raises(hrplan.FormatError, match="cannot write the metadata"):
        SqliteExporter().export(_program(), buffer, metadata=tmp_path / "missing" / "m.json")
    assert buffer.getvalue() == b""


def test_broken_references_are_refused() -> None:
    with hrplan.lenient():
        program = hrplan.Program("bad", "Bad", events=(
            hrplan.Event("e", "E", hrplan.EventKind.OTHER, hrplan.DateSpan(date(2012, 1, 1)), measures=("9.9",)),
        ))  # fmt: skip
    with pytest.raises(hrplan.FormatError, match=r"1 reference\(s\) that do not resolve.*9\.9"):
        _export(program)


# -- generated programs --------------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(programs())
def test_generated_programs_keep_counts_and_keys(program: hrplan.Program) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(_export(program))
        assert {t.name: _count(conn, t.name) for t in TABLES} == _expected_counts(program)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        measures = [m for c in program.chapters for m in c.iter_measures()]
        assert conn.execute("select expected_results, funding, budget from measures order by position").fetchall() == [
            (json.dumps(list(m.expected_results), ensure_ascii=False), m.funding, m.budget) for m in measures
        ]
        columns = "kind, position_text, countries, body, action, position_source, document_type, published, source_id"
        assert conn.execute(f"select {columns} from recommendations order by ordinal").fetchall() == [
            (r.kind.value, r.position_text, json.dumps(list(r.countries), ensure_ascii=False), r.body, r.action,
             r.position_source, r.document_type, r.published.isoformat() if r.published else None, r.source_id)
            for r in program.recommendations
        ]
    finally:
        conn.close()


def test_conformance() -> None:
    check_exporter(SqliteExporter(), max_examples=10)


# -- Datasette -----------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"datasette exited with {server.returncode}: {server.stderr.read() if server.stderr else ''!r}")
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"datasette did not answer {url} within {seconds} s")


def test_datasette_serves_the_database(tmp_path: Path) -> None:
    pytest.importorskip("datasette", reason="datasette is not installed (pip install 'hrplan-sqlite[test]')")
    database, meta = tmp_path / "az-2012.db", tmp_path / "az-2012.metadata.json"
    hrplan.export(hrplan.read(EXAMPLE), database, metadata=meta)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(meta),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(f"{base}/-/versions.json", server)
        status, page = _get(f"{base}/az-2012/measures")
        assert status == 200
        assert "Every measure, sub-measures included" in page.decode("utf-8")  # the table's description
        status, body = _get(f"{base}/az-2012/overdue_by_institution.json?as_of=2013-01-01&_shape=array")
        rows = json.loads(body)
        assert status == 200
        assert rows
        assert {"institution", "name", "overdue_measures", "measures"} <= set(rows[0])
        status, body = _get(f"{base}/az-2012/measures.json?_search=prisoners&_shape=array")
        assert status == 200
        assert [row["id"] for row in json.loads(body)] == ["2.12"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        if server.stderr is not None:
            server.stderr.close()


def test_a_program_id_of_any_length_is_written() -> None:
    # the id names no file: a 10,000-character id does not exceed the file system's limit on names
    program = hrplan.Program("p" * 10_000, "A plan with a long id")
    data = hrplan.dumps(program, "sqlite")
    assert data.startswith(b"SQLite format 3\x00")
