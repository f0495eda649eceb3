"""The exception hierarchy of hrplan.

Every exception hrplan raises on purpose derives from :class:`HrplanError`, so a
caller can catch one class::

    HrplanError
    ├── TimeLimitError          a time-limit text that cannot be read
    ├── ModelError              a model object built with inconsistent values
    │   └── CrossReferenceError a reference that points at nothing
    ├── UnknownCodeError        a finding code to select or ignore that no finding has
    ├── FormatError             a file that cannot be read or written
    │   ├── InputError          bad input data; lists every problem with its location
    │   └── UnknownFormatError  no importer or exporter of that name, or none fits the file
    └── PluginError             (hrplan.plugins) a plugin at fault: broken, or any problem in strict mode

Validation (``hrplan.validate``) never raises for problems in a plan: it returns
findings instead (it raises only for a code to select or ignore that it does not know).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

__all__ = [
    "CrossReferenceError",
    "FormatError",
    "HrplanError",
    "InputError",
    "ModelError",
    "Problem",
    "TimeLimitError",
    "UnknownCodeError",
    "UnknownFormatError",
]


class HrplanError(Exception):
    """Base class of every error hrplan raises on purpose."""


class TimeLimitError(HrplanError, ValueError):
    """A time-limit text that cannot be read, or impossible time-limit values.

    :ivar text: the text that was given.
    :ivar reason: why it was refused.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read time-limit {text!r}: {reason}")


class ModelError(HrplanError, ValueError):
    """A model object was built with values that contradict each other."""


class CrossReferenceError(ModelError):
    """References inside a program that point at nothing.

    :ivar problems: one :class:`Problem` per dangling reference, located by its
        JSON path and naming both ends.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} broken reference(s) in program:\n{lines}")


class FormatError(HrplanError):
    """A file could not be read or written in the requested format."""


class UnknownFormatError(FormatError):
    """No importer or exporter by the name asked for, or none that fits a file or stream.

    :ivar role: ``"importer"`` or ``"exporter"``.
    :ivar reason: what went wrong, without the advice (``no importer called 'xlsx'``).
    :ivar available: the names of the registered importers (or exporters).
    :ivar name: the format name asked for, or ``None`` when none was given.
    """

    def __init__(self, role: str, reason: str, available: Iterable[str], name: str | None = None) -> None:
        self.role = role
        self.reason = reason
        self.available = tuple(sorted(available))
        self.name = name
        super().__init__(self.advice("format="))

    def advice(self, option: str) -> str:
        """The message, telling the reader to name a format with ``option`` (``format=``, ``--from``)."""
        choices = ", ".join(self.available) or "none"
        verb = "choose another" if self.name is not None else "name one"
        return f"{self.reason}; {verb} with {option} (available: {choices})"


class UnknownCodeError(HrplanError, ValueError):
    """A finding code (or prefix) to select or ignore that no known finding code starts with.

    :ivar code: the code given.
    :ivar known: every known finding code.
    """

    def __init__(self, code: str, known: Iterable[str]) -> None:
        self.code = code
        self.known = tuple(sorted(known))
        prefixes = sorted({re.sub(r"\d.*", "", k) for k in self.known})
        upper = code.upper()
        close = ["ALL"] if upper == "ALL" else sorted({k[: len(code)] for k in self.known if k.startswith(upper)})
        hint = f"; did you mean {close[0]}?" if close else ""
        super().__init__(f"no finding code starts with {code!r}{hint} (known prefixes: {', '.join(prefixes)}, or ALL)")


@attrs.frozen
class Problem:
    """One problem found in input data: where it is and what is wrong.

    :ivar location: a JSON path (``$.chapters[0].measures[3].time_limit``), or a
        ``line N`` / ``row N, column C`` location for text formats.
    :ivar message: what is wrong there.
    :ivar kind: a short, stable name for the sort of problem (``unknown-measure``,
        ``duplicate-id``...), for code that sorts problems; ``None`` when unclassified.
    """

    location: str
    message: str
    kind: str | None = attrs.field(default=None, eq=False)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(FormatError, ValueError):
    """Input data that does not describe a valid object.

    :ivar source: the file name (or ``<data>``) the input came from.
    :ivar problems: every problem found, each with its location.
    """

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} problem(s):\n{lines}")
