"""A conformance check for exporter plugins, driven by Hypothesis."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given

from hrplan.model import Program
from hrplan.plugins import Exporter, Importer, ImportResult, get_manager
from hrplan.testing._differences import byte_difference, program_differences
from hrplan.testing._settings import plugin_settings
from hrplan.testing._strategies import programs

__all__ = ["check_exporter"]


def _export(exporter: Exporter, program: Program, options: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    exporter.export(program, buffer, **options)
    return buffer.getvalue()


def check_exporter(
    exporter: Exporter,
    *,
    importer: Importer | None = None,
    options: dict[str, Any] | None = None,
    max_examples: int | None = None,
    compare: Any = None,
) -> None:
    """Check an exporter on generated programs; raise ``AssertionError`` on failure.

    - it never crashes on a valid program;
    - it writes the same bytes twice for the same program (a failure shows the
      offset and the bytes around the first difference, or the zip member);
    - where an importer of the same format exists (``importer``, else one
      registered under the exporter's name), what it writes reads back to an
      equal program (or, when ``compare`` is given, to one for which
      ``compare(original, read_back)`` returns true); a failure lists the
      fields that differ (:func:`program_differences`).

    Call it from a test::

        def test_conformance():
            hrplan.testing.check_exporter(MyExporter(), options={"as_of": "2013-01-01"})
    """
    opts = dict(options or {})
    if importer is None:
        importer = get_manager().importers().get(exporter.name)
    limits: dict[str, Any] = {"max_examples": max_examples} if max_examples else {}

    @plugin_settings(**limits)
    @given(programs())
    def run(program: Program) -> None:
        first = _export(exporter, program, opts)
        assert isinstance(first, bytes), f"exporter {exporter.name!r} wrote no bytes"
        second = _export(exporter, program, opts)
        assert second == first, f"exporter {exporter.name!r} is not deterministic: {byte_difference(first, second)}"
        if importer is not None:
            result = importer.read(io.BytesIO(first))
            back = result.program if isinstance(result, ImportResult) else result
            same = compare(program, back) if compare else back == program
            assert same, _round_trip_failure(exporter, program, back)

    run()


def _round_trip_failure(exporter: Exporter, program: Program, back: Program) -> str:
    differences = program_differences(program, back)
    lines = "\n".join(f"  {d}" for d in differences) or "  (equal field by field: see the compare function)"
    return f"exporter {exporter.name!r}: what it wrote reads back to a different program:\n{lines}"
