"""Built-in plugin ``hrplan.json``: the hrplan JSON format (importer and exporter)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from hrplan.jsonio import dumps, loads
from hrplan.model import Program, lenient
from hrplan.options import check_names
from hrplan.plugins import hookimpl

__all__ = ["JsonFormat", "register_exporters", "register_importers"]


class JsonFormat:
    """Reads and writes the versioned hrplan JSON document (``docs/json-format.md``)."""

    name = "json"
    extensions = (".json",)
    media_type = "application/json"
    description = "hrplan JSON: lossless, deterministic, with a JSON Schema"

    def export(self, program: Program, fp: BinaryIO, **options: Any) -> None:
        """Write ``program`` as hrplan JSON (the format takes no options)."""
        check_names("json", options, ())
        fp.write(dumps(program))

    def read(self, fp: BinaryIO, **options: Any) -> Program:
        """Read hrplan JSON; bad input raises :class:`~hrplan.InputError` with JSON paths.

        References that do not resolve are kept (the program is built
        :func:`~hrplan.lenient`-ly), so that a file written from a messy import
        reads back and the validators report them. It takes no options.
        """
        check_names("json", options, ())
        with lenient():
            return loads(fp.read(), getattr(fp, "name", "<stream>"))

    def sniff(self, head: bytes) -> bool:
        """A JSON object that mentions ``format_version``."""
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"format_version"' in head


JSON = JsonFormat()


@hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the JSON exporter."""
    register(JSON)


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the JSON importer."""
    register(JSON)
