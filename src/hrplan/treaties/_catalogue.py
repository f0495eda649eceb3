"""The catalogue of UN human-rights treaties with State reporting duties, as data.

Each :class:`Treaty` says when the State's first report is due (counted from the
treaty's entry into force for that State), what comes after it, and how the
entry into force for a State that joins after the treaty itself is in force is
computed. The values are those of the articles cited in each record; see
``docs/treaty-calendar.md`` for the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Literal

import attrs
from dateutil.relativedelta import relativedelta

from hrplan.errors import ModelError

__all__ = [
    "PREDICTABLE_CYCLE",
    "TREATIES",
    "UPR_CYCLE",
    "LaterReports",
    "Treaty",
    "describe_period",
    "entry_into_force",
    "get_treaty",
]

#: What follows the initial report.
#:
#: - ``"periodic"``: periodic reports (every ``periodicity``; when that is ``None``,
#:   only on the dates the committee sets);
#: - ``"folded into CRC"``: later information goes into the CRC periodic reports;
#: - ``"none"``: no periodic reports (the committee may ask for more information);
#: - ``"annual NPM report"``: the national preventive mechanism's yearly report.
LaterReports = Literal["periodic", "folded into CRC", "none", "annual NPM report"]

#: The simplified reporting procedure's predictable review cycle: one review every 8 years.
PREDICTABLE_CYCLE = relativedelta(years=8)

#: The Universal Periodic Review cycle since the second cycle (HRC res. 16/21): 4.5 years.
UPR_CYCLE = relativedelta(years=4, months=6)


@attrs.frozen
class Treaty:
    """One treaty and its reporting rules.

    :ivar code: the short code used in files and on the command line (``"CRC"``).
    :ivar name: the full name.
    :ivar body: the treaty body that receives the reports (``"CRC"``, ``"CCPR"``...).
    :ivar article: the article that sets the reporting duty (``"44(1)"``).
    :ivar initial_period: from entry into force for the State to the initial report.
    :ivar initial_basis: the provision for the initial report (``"art. 44(1)(a)"``).
    :ivar periodicity: between later reports, or ``None`` when the treaty sets none.
    :ivar later: what follows the initial report (see :data:`LaterReports`).
    :ivar later_basis: the provision for what follows (``"art. 44(1)(b)"``).
    :ivar in_force: the day the treaty itself entered into force.
    :ivar accession_rule: from the deposit of a State's instrument to its entry into
        force for that State, when the treaty is already in force.
    :ivar accession_basis: the provision and its wording for ``accession_rule``.
    """

    code: str
    name: str
    body: str
    article: str
    initial_period: relativedelta
    initial_basis: str
    periodicity: relativedelta | None
    later: LaterReports
    later_basis: str
    in_force: date
    accession_rule: relativedelta
    accession_basis: str

    @property
    def reports_periodically(self) -> bool:
        """Whether periodic reports follow the initial one."""
        return self.later == "periodic"


_THIRTY_DAYS = relativedelta(days=30)
_THREE_MONTHS = relativedelta(months=3)
_ONE_MONTH = relativedelta(months=1)

#: Every treaty hrplan knows, in the usual order of the core instruments, keyed by code.
TREATIES: Mapping[str, Treaty] = MappingProxyType({
    t.code: t
    for t in (
        Treaty(
            "ICERD", "International Convention on the Elimination of All Forms of Racial Discrimination",
            "CERD", "9(1)", relativedelta(years=1), "art. 9(1)(a)", relativedelta(years=2), "periodic",
            "art. 9(1)(b)", date(1969, 1, 4), _THIRTY_DAYS, "art. 19(2): the thirtieth day after deposit",
        ),
        Treaty(
            "ICCPR", "International Covenant on Civil and Political Rights",
            "CCPR", "40(1)", relativedelta(years=1), "art. 40(1)(a)", None, "periodic",
            "art. 40(1)(b): whenever the Committee so requests", date(1976, 3, 23), _THREE_MONTHS,
            "art. 49(2): three months after deposit",
        ),
        Treaty(
            "ICESCR", "International Covenant on Economic, Social and Cultural Rights",
            "CESCR", "16-17", relativedelta(years=2), "arts. 16-17 and ECOSOC res. 1988/4",
            relativedelta(years=5), "periodic", "arts. 16-17 and ECOSOC res. 1988/4", date(1976, 1, 3),
            _THREE_MONTHS, "art. 27(2): three months after deposit",
        ),
        Treaty(
            "CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women",
            "CEDAW", "18(1)", relativedelta(years=1), "art. 18(1)(a)", relativedelta(years=4), "periodic",
            "art. 18(1)(b)", date(1981, 9, 3), _THIRTY_DAYS, "art. 27(2): the thirtieth day after deposit",
        ),
        Treaty(
            "CAT", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            "CAT", "19(1)", relativedelta(years=1), "art. 19(1)", relativedelta(years=4), "periodic",
            "art. 19(1)", date(1987, 6, 26), _THIRTY_DAYS, "art. 27(2): the thirtieth day after deposit",
        ),
        Treaty(
            "CRC", "Convention on the Rights of the Child",
            "CRC", "44(1)", relativedelta(years=2), "art. 44(1)(a)", relativedelta(years=5), "periodic",
            "art. 44(1)(b)", date(1990, 9, 2), _THIRTY_DAYS, "art. 49(2): the thirtieth day after deposit",
        ),
        Treaty(
            "ICMW",
            "International Convention on the Protection of the Rights of All Migrant Workers"
            " and Members of Their Families",
            "CMW", "73(1)", relativedelta(years=1), "art. 73(1)(a)", relativedelta(years=5), "periodic",
            "art. 73(1)(b)", date(2003, 7, 1), relativedelta(months=4, day=1),
            "art. 87(2): the first day of the month following three months after deposit",
        ),
        Treaty(
            "CRPD", "Convention on the Rights of Persons with Disabilities",
            "CRPD", "35", relativedelta(years=2), "art. 35(1)", relativedelta(years=4), "periodic",
            "art. 35(2)", date(2008, 5, 3), _THIRTY_DAYS, "art. 45(2): the thirtieth day after deposit",
        ),
        Treaty(
            "CPED", "International Convention for the Protection of All Persons from Enforced Disappearance",
            "CED", "29(1)", relativedelta(years=2), "art. 29(1)", None, "none",
            "art. 29(4): additional information only on request", date(2010, 12, 23), _THIRTY_DAYS,
            "art. 39(2): the thirtieth day after deposit",
        ),
        Treaty(
            "OPAC",
            "Optional Protocol to the Convention on the Rights of the Child on the involvement of children"
            " in armed conflict",
            "CRC", "8", relativedelta(years=2), "art. 8(1)", None, "folded into CRC",
            "art. 8(2): further information goes into the CRC periodic reports", date(2002, 2, 12), _ONE_MONTH,
            "art. 10(2): one month after deposit",
        ),
        Treaty(
            "OPSC",
            "Optional Protocol to the Convention on the Rights of the Child on the sale of children,"
            " child prostitution and child pornography",
            "CRC", "12", relativedelta(years=2), "art. 12(1)", None, "folded into CRC",
            "art. 12(2): further information goes into the CRC periodic reports", date(2002, 1, 18), _ONE_MONTH,
            "art. 14(2): one month after deposit",
        ),
        Treaty(
            "OPCAT", "Optional Protocol to the Convention against Torture",
            "SPT", "17", relativedelta(years=1), "art. 17", relativedelta(years=1), "annual NPM report",
            "art. 23: the NPM's annual report (the Protocol sets no date)", date(2006, 6, 22), _THIRTY_DAYS,
            "art. 28(2): the thirtieth day after deposit",
        ),
    )
})


def get_treaty(code: str) -> Treaty:
    """The catalogue record for ``code``.

    :raises ModelError: when no treaty has that code.
    """
    try:
        return TREATIES[code]
    except KeyError:
        known = ", ".join(TREATIES)
        raise ModelError(f"unknown treaty {code!r} (known: {known})") from None


def entry_into_force(code: str, deposit: date) -> date:
    """The day treaty ``code`` enters into force for a State that deposits its
    instrument of ratification or accession on ``deposit``.

    That is the treaty's own rule (``accession_rule``, e.g. the thirtieth day after
    deposit) applied to ``deposit``, but never before the treaty itself entered into
    force: a State that deposited earlier is bound from the treaty's own entry into
    force (ICMW for Azerbaijan: deposit 11 January 1999, in force 1 July 2003).
    """
    treaty = get_treaty(code)
    return max(treaty.in_force, deposit + treaty.accession_rule)


def describe_period(period: relativedelta) -> str:
    """``relativedelta(years=4, months=6)`` as ``"4 years 6 months"``."""
    parts = []
    for amount, unit in ((period.years, "year"), (period.months, "month"), (period.days, "day")):
        if amount:
            parts.append(f"{amount} {unit}{'' if amount == 1 else 's'}")
    return " ".join(parts) or "0 days"
