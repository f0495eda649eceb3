"""Speaking the user's language: errors that name the flags typed, ``-`` for standard input.

The public API says ``format=`` where a Python caller passes a keyword; on the
command line the same advice must name ``--from`` or ``--to``, and a bad option
must point at ``-I``, ``-O`` or ``-V``.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Collection, Iterable, Iterator
from typing import BinaryIO

from hrplan.errors import FormatError, HrplanError, InputError, UnknownCodeError, UnknownFormatError
from hrplan.findings import check_selection

__all__ = ["CommandLineError", "check_codes", "flags", "source"]

#: The path that means standard input (or standard output for a target).
STDIO = "-"


_OPTIONS_OF = {"-I": "importer ", "-O": "exporter ", "-V": "validator "}


class CommandLineError(HrplanError):
    """A mistake in the command line itself: an unknown flag value, a code that does not exist."""


@contextlib.contextmanager
def flags(format_flag: str, options_flag: str | None = None) -> Iterator[None]:
    """Re-word the errors of one step so that they name the flags that control it.

    :param format_flag: the flag that names the format (``--from``, ``--to``).
    :param options_flag: the flag that passes the step's options (``-I``, ``-O``).
    """
    try:
        yield
    except UnknownFormatError as exc:
        raise CommandLineError(exc.advice(format_flag)) from exc
    except InputError:
        raise
    except FormatError as exc:
        if options_flag is None or not re.search(r"\boptions?\b", str(exc)):
            raise
        whose = _OPTIONS_OF.get(options_flag, "")
        raise CommandLineError(f"{exc}; {whose}options are given with {options_flag} KEY=VALUE") from exc


def source(path: str) -> str | BinaryIO:
    """``path``, or standard input's bytes for ``-``."""
    return sys.stdin.buffer if path == STDIO else path


def check_codes(flag: str, codes: Iterable[str], known: Collection[str]) -> None:
    """Refuse a ``--select`` / ``--ignore`` code that no known finding code starts with.

    :raises CommandLineError: naming the code and listing the known prefixes.
    """
    try:
        check_selection(codes, known)
    except UnknownCodeError as exc:
        raise CommandLineError(f"{flag} {exc.code}: {exc}; `hrplan codes` lists every code") from exc
