"""The public verbs: read, write, export and validate, dispatching through plugins."""

from __future__ import annotations

import datetime
import inspect
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, BinaryIO

import attrs

from hrplan import _dispatch, timelimits
from hrplan.context import ReadContext
from hrplan.errors import FormatError, HrplanError, InputError, UnknownFormatError
from hrplan.files import write_atomically
from hrplan.findings import Finding, Severity, check_selection, select_findings
from hrplan.model import Program
from hrplan.plugins import Exporter, Importer, ImportResult, Validator, get_manager
from hrplan.timelimits import TimeLimit, Vocabulary

__all__ = [
    "dumps", "export", "load", "load_bytes", "loads", "parse_time_limit", "read", "table_rows", "validate", "write",
]  # fmt: skip

PathOrFile = str | os.PathLike[str] | BinaryIO


def _open_source(source: PathOrFile) -> tuple[BinaryIO, str, bool]:
    if isinstance(source, str | os.PathLike):
        try:
            return open(source, "rb"), os.fspath(source), True
        except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
            raise FormatError(f"cannot read {os.fspath(source)}: {getattr(exc, 'strerror', None) or exc}") from exc
    return source, str(getattr(source, "name", "<stream>")), False


def _choose_importer(fp: BinaryIO, name: str, format: str | None) -> tuple[Importer, Importer | None, BinaryIO]:
    """The importer to read with; the one the extension names when sniffing chose another
    (read with it when the sniffed one cannot read the file); the file as a stream."""
    importers = get_manager().importers()
    if format is not None:
        return _dispatch.by_name("importer", format, importers), None, fp
    data = fp.read()
    if isinstance(data, str):  # a file opened in text mode
        data = data.encode("utf-8")
    head = data[: _dispatch.SNIFF_BYTES]
    by_name = _dispatch.by_path(name, importers) if name != "<stream>" else None
    found = by_name if by_name is not None and not _dispatch.refuses(by_name, head) else None
    found = found or _dispatch.sniff(head, importers) or by_name
    if found is None:
        raise UnknownFormatError("importer", f"{name}: cannot tell its format", importers)
    stream = io.BytesIO(data)
    stream.name = name
    return found, by_name if by_name is not found else None, stream


def _read_with(
    importer: Importer, stream: BinaryIO, context: ReadContext | None, options: dict[str, Any]
) -> Program | ImportResult:
    given = dict(options)
    if _accepts_context(importer):
        given["context"] = _base_from_option(context if context is not None else get_manager().context(), given)
    return importer.read(stream, **given)


def _accepts_context(importer: Importer) -> bool:
    try:
        return "context" in inspect.signature(importer.read).parameters
    except (TypeError, ValueError):  # a callable without a signature
        return False


def _base_from_option(context: ReadContext, options: dict[str, Any]) -> ReadContext:
    """A plan file named by option ``program`` (any format), read here and passed as ``context.base``."""
    value = options.get("program")
    if not isinstance(value, str | os.PathLike):
        return context
    del options["program"]
    return context.evolve(base=read(value))


def load(
    source: PathOrFile, format: str | None = None, *, context: ReadContext | None = None, **options: Any
) -> ImportResult:
    """Read a program and the findings of the importer (what it could not read).

    The importer is chosen by ``format`` (its name), else by the file name's
    extension, else by sniffing the first bytes. When the importer the extension
    names can sniff and does not recognise the content, while another one does,
    the other one reads it (a UPR export named ``.csv`` goes to ``upr-csv``); if
    that one raises :class:`InputError`, the importer the extension names reads
    it after all (a ``.txt`` plan whose first pages are prose with commas), and
    when it fails too, the first error is raised.

    Importers whose ``read`` names a ``context`` parameter receive ``context``,
    by default :meth:`PluginManager.context() <hrplan.plugins.PluginManager.context>`:
    the vocabularies, institution registries and table layouts plugins registered.

    :raises InputError: when the input cannot be read as a program.
    :raises UnknownFormatError: when no importer is called ``format``, or none fits.
    """
    fp, name, owned = _open_source(source)
    try:
        importer, named, stream = _choose_importer(fp, name, format)
        try:
            result = _read_with(importer, stream, context, options)
        except InputError as first:
            if named is None:
                raise
            stream.seek(0)
            try:  # the first bytes misled the sniffers: a text plan with a long preamble looked like CSV
                result = _read_with(named, stream, context, options)
            except HrplanError:
                raise first from None
    finally:
        if owned:
            fp.close()
    return result if isinstance(result, ImportResult) else ImportResult(result)


def read(
    source: PathOrFile, format: str | None = None, *, context: ReadContext | None = None, **options: Any
) -> Program:
    """Read a program from a path or a binary file object (see :func:`load`)."""
    return load(source, format, context=context, **options).program


def _choose_exporter(target: PathOrFile, format: str | None) -> Exporter:
    exporters = get_manager().exporters()
    if format is not None:
        return _dispatch.by_name("exporter", format, exporters)
    name = target if isinstance(target, str | os.PathLike) else getattr(target, "name", None)
    found = _dispatch.by_path(name, exporters) if isinstance(name, str | os.PathLike) else None
    if found is not None:
        return found
    if isinstance(name, str | os.PathLike):
        reason = f"{os.fspath(name)}: no exporter for this file name"
    else:
        reason = "cannot tell which format to write to a stream without a file name"
    raise UnknownFormatError("exporter", reason, exporters)


def export(program: Program, target: PathOrFile, format: str | None = None, **options: Any) -> None:
    """Write ``program`` to a path or a binary file object with an exporter plugin.

    The exporter is chosen by ``format`` (its name, e.g. ``"csv"``), else by the
    file name's extension (longest match); a file object whose name says nothing
    (``io.BytesIO()``, ``sys.stdout.buffer``) needs ``format``.
    ``options`` go to the exporter. :func:`dumps` returns the bytes instead.

    :raises UnknownFormatError: when no exporter is called ``format``, or none
        fits the file name.
    """
    exporter = _choose_exporter(target, format)
    if not isinstance(target, str | os.PathLike):
        exporter.export(program, target, **options)
        return
    buffer = io.BytesIO()
    exporter.export(program, buffer, **options)
    write_atomically(target, buffer.getvalue())


def table_rows(program: Program, table: str = "measures", **options: Any) -> Iterator[tuple[str, ...]]:
    """The rows of one of the CSV format's tables, header first, as text cells.

    The same rows ``export(program, "x.csv", table=table, **options)`` writes
    (``docs/formats.md`` lists the columns), for formats that lay out the same
    tables in another container, such as a spreadsheet workbook.

    :param table: ``measures``, ``institutions`` or ``events``.
    :param options: the CSV exporter's ``as_of``, ``layout`` and ``sanitize``.
    :raises FormatError: for an unknown table, option or value.
    """
    from hrplan.builtins.csv_format import CSV  # imported when used: it loads the facade itself

    return CSV.rows(program, table=table, **options)


#: ``write`` is ``export``: the format named by ``format`` or by the file name.
write = export


def dumps(program: Program, format: str = "json", **options: Any) -> bytes:
    """``program`` written in ``format`` (any registered exporter), as bytes.

    >>> import hrplan
    >>> program = hrplan.Program("demo", "A demo plan")
    >>> hrplan.dumps(program).splitlines()[1]
    b'  "format_version": 1,'

    :raises UnknownFormatError: when no exporter is called ``format``.
    """
    buffer = io.BytesIO()
    export(program, buffer, format, **options)
    return buffer.getvalue()


def load_bytes(
    data: bytes | str, format: str | None = None, *, context: ReadContext | None = None, **options: Any
) -> ImportResult:
    """Read a program and the importer's findings from bytes (text is encoded as UTF-8).

    The importer is ``format``, else the one that recognises the content (see
    :func:`load`, also for ``context``); problems are located in ``<data>``.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    stream = io.BytesIO(data)
    stream.name = "<data>"
    return load(stream, format, context=context, **options)


def loads(
    data: bytes | str, format: str | None = None, *, context: ReadContext | None = None, **options: Any
) -> Program:
    """Read a program from bytes in any registered format (see :func:`load_bytes`).

    >>> import hrplan
    >>> hrplan.loads(hrplan.dumps(hrplan.Program("demo", "A demo plan"))).title
    'A demo plan'
    """
    return load_bytes(data, format, context=context, **options).program


def validate(
    subject: Program | PathOrFile,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    format: str | None = None,
    read_options: Mapping[str, Any] | None = None,
    **options: Any,
) -> list[Finding]:
    """Check a program (or a file, whose import findings are included) with every validator.

    ``select`` / ``ignore`` choose findings by code prefix, as ruff does (``HP1``,
    ``HP103``, ``ALL``). Findings are sorted by severity; within one severity they
    keep the order validators gave (document order for the built-in ones). A
    validator that raises gives one ``HP000`` error finding instead.

    :param format: for a file, the importer to read it with (default: by
        extension or content); ``read_options`` go to that importer.
    :param options: go to every validator.
    :raises UnknownCodeError: for a code in ``select`` or ``ignore`` that no finding
        code of the loaded validators and importers starts with (a typo would
        otherwise select nothing).
    """
    known = get_manager().finding_codes()
    check_selection(select, known)
    check_selection(ignore, known)
    findings: list[Finding] = []
    source = None
    if not isinstance(subject, Program):
        source = _source_name(subject)
        result = load(subject, format, **(read_options or {}))
        subject, findings = result.program, list(result.findings)
    for validator in get_manager().validators().values():
        findings.extend(_run(validator, subject, options))
    if source is not None:
        findings = [f if f.source else attrs.evolve(f, source=source) for f in findings]
    kept = select_findings(findings, select, ignore)
    return sorted(kept, key=lambda f: f.severity.rank)


def _source_name(source: PathOrFile) -> str | None:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _run(validator: Validator, program: Program, options: dict[str, Any]) -> list[Finding]:
    try:
        return list(validator.validate(program, **options))
    except Exception as exc:  # a validator's bug is reported, the other validators still run
        message = f"validator {validator.name!r} failed: {type(exc).__name__}: {exc}"
        return [Finding(Severity.ERROR, "HP000", message)]


def parse_time_limit(
    text: str,
    *,
    vocabularies: Sequence[Vocabulary] | None = None,
    default_year: int | None = None,
    adopted: datetime.date | None = None,
) -> TimeLimit:
    """Read a plan's time-limit text, with the vocabularies plugins registered.

    The same as :func:`hrplan.timelimits.parse_time_limit`, except that when
    ``vocabularies`` is not given, English and then every vocabulary registered
    through the ``register_time_limit_vocabularies`` hook are tried (pass
    ``vocabularies=()`` for English alone).

    :raises TimeLimitError: when no vocabulary reads the text, or it names
        impossible dates.
    """
    if vocabularies is None:
        vocabularies = get_manager().vocabularies()
    return timelimits.parse_time_limit(text, vocabularies=vocabularies, default_year=default_year, adopted=adopted)
