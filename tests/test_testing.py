"""The strategies of hrplan.testing build valid objects."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck

import hrplan
from hrplan import testing


@given(testing.measures(["a", "b"]))
def test_measures_name_given_institutions(measure: hrplan.Measure) -> None:
    assert all(set(m.institutions) <= {"a", "b"} for m in measure.walk())
    assert all(child.id.extends(measure.id) for child in measure.children)


@given(st.data())
def test_events_recommendations_and_updates_link_what_exists(data: st.DataObject) -> None:
    numbers = [hrplan.MeasureId.parse(n) for n in ("1.1", "1.2", "2.1")]
    events = data.draw(testing.events(numbers, ["org"]))
    recommendations = data.draw(testing.recommendations(numbers))
    updates = data.draw(testing.progress_updates(numbers, [e.id for e in events]))
    assert all(set(e.measures) <= set(numbers) for e in events)
    assert all(set(r.measures) <= set(numbers) for r in recommendations)
    assert all(u.measure in numbers and set(u.evidence) <= {e.id for e in events} for u in updates)


@given(testing.programs())
def test_programs_are_valid(program: hrplan.Program) -> None:
    assert program.broken_references() == ()
    assert list(program.iter_measures()) == [program.measure(m.id) for m in program.iter_measures()]


# the plugin author's kit -----------------------------------------------------------


def test_plugin_settings_relax_deadline_and_the_slow_health_checks() -> None:
    chosen = testing.plugin_settings(max_examples=7)
    assert chosen.deadline is None
    assert HealthCheck.too_slow in chosen.suppress_health_check
    assert chosen.max_examples == 7
    assert settings.get_profile(testing.PROFILE).deadline is None


_SLOW_PROGRAMS = testing.programs().map(lambda p: (time.sleep(0.12), p)[1])


def test_slow_generation_trips_the_default_health_check_but_not_plugin_settings() -> None:
    @settings(settings.get_profile("default"), max_examples=10, database=None)
    @given(_SLOW_PROGRAMS)
    def plain(program: hrplan.Program) -> None:
        pass

    @testing.plugin_settings(max_examples=3, database=None)
    @given(_SLOW_PROGRAMS)
    def relaxed(program: hrplan.Program) -> None:
        pass

    with pytest.raises(FailedHealthCheck):
        plain()
    relaxed()


def test_the_documented_example_runs_without_hrplans_conftest(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "docs" / "plugins" / "testing.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(from hypothesis import given.*?)```", page, re.DOTALL)
    assert example is not None
    (tmp_path / "test_example.py").write_text(example.group(1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"],
                          cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_byte_difference_shows_offset_line_and_context() -> None:
    assert testing.byte_difference(b"same", b"same") is None
    text = testing.byte_difference(b"line one\nline two stamped 10:01\n", b"line one\nline two stamped 10:02\n")
    assert text is not None
    assert "byte 30 (line 2, column 22" in text
    assert "stamped 10:01" in text
    assert "stamped 10:02" in text
    assert "byte 3 " in (testing.byte_difference(b"abc", b"abcd") or "")


def _zip(stamp: tuple[int, ...], body: bytes = b"<x/>") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(1980, 1, 1, 0, 0, 0)), b"<types/>")
        archive.writestr(zipfile.ZipInfo("docProps/core.xml", date_time=stamp), body)  # type: ignore[arg-type]
    return buffer.getvalue()


def test_byte_difference_looks_inside_zip_archives() -> None:
    stamped = testing.byte_difference(_zip((2024, 1, 1, 10, 0, 0)), _zip((2024, 1, 1, 10, 0, 2)))
    assert stamped is not None
    assert "different timestamps (first: 'docProps/core.xml')" in stamped
    epoch = (1980, 1, 1, 0, 0, 0)
    member = testing.byte_difference(_zip(epoch, b"<t>10:00</t>"), _zip(epoch, b"<t>10:02</t>"))
    assert member is not None
    assert "zip member 'docProps/core.xml' differs" in member


def test_program_differences_name_the_fields() -> None:
    program = hrplan.read(Path(__file__).parent.parent / "examples" / "data" / "az-2012.json")
    changed = hrplan.updates.replace_measure(program, attrs.evolve(program.measure("1.2.1"), title="Other"))
    changed = attrs.evolve(changed, title="Renamed")
    found = testing.program_differences(program, changed)
    assert found[0].startswith("$.title: expected 'National Program")
    assert found[1] == "$.chapters[0].measures[1].children[0].title: expected 'Pre-trial detention rights law', " \
        "read back 'Other'"
    assert testing.program_differences(program, program) == []
    assert len(testing.program_differences(program, attrs.evolve(program, events=()), limit=1)) <= 1


class _Clock:
    """An exporter that stamps each export, as a careless zip writer does."""

    name = "clock"
    extensions = (".clock",)
    media_type = "text/plain"
    description = "stamps the time"

    def __init__(self) -> None:
        self.calls = 0

    def export(self, program: hrplan.Program, fp: Any, **options: Any) -> None:
        self.calls += 1
        fp.write(f"{program.id}\nwritten at 10:{self.calls:02d}\n".encode())


@pytest.fixture
def no_shrinking() -> Any:
    """Failing checks report the first failure found: shrinking whole programs takes long."""
    settings.register_profile("no-shrinking", settings(settings(), phases=[Phase.generate]))
    previous = settings()
    settings.load_profile("no-shrinking")
    yield
    settings.register_profile("restored", previous)
    settings.load_profile("restored")


@pytest.mark.usefixtures("no_shrinking")
def test_check_exporter_shows_where_the_bytes_differ() -> None:
    with pytest.raises(AssertionError, match=r"not deterministic: the outputs differ first at byte \d+ \(line 2"):
        testing.check_exporter(_Clock(), max_examples=3)


class _Careless:
    """Reads hrplan JSON back but loses the program's title."""

    name = "json"
    extensions = (".json",)
    description = "JSON that forgets the title"

    def read(self, fp: Any, **options: Any) -> hrplan.Program:
        program = hrplan.loads(fp.read(), "json")
        return attrs.evolve(program, title=program.title + " (copy)")


@pytest.mark.usefixtures("no_shrinking")
def test_check_exporter_names_the_fields_that_do_not_round_trip() -> None:
    exporter = hrplan.plugins.get_manager().exporters()["json"]
    expected = r"reads back to a different program:\n  \$\.title: expected .*, read back"
    with pytest.raises(AssertionError, match=expected):
        testing.check_exporter(exporter, importer=_Careless(), max_examples=3)
