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

from hrplan.errors import FormatError, HrplanError, InputError, UnknownFormatError

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
    for code in codes:
        if code == "ALL" or any(k.startswith(code) for k in known):
            continue
        prefixes = sorted({re.sub(r"\d.*", "", k) for k in known})
        upper = code.upper()
        close = ["ALL"] if upper == "ALL" else sorted({k[: len(code)] for k in known if k.startswith(upper)})
        hint = f"; did you mean {close[0]}?" if close else ""
        raise CommandLineError(
            f"{flag} {code}: no finding code starts with {code!r}{hint} "
            f"(known prefixes: {', '.join(prefixes)}, or ALL; `hrplan codes` lists every code)"
        )
