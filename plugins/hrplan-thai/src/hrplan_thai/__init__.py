"""hrplan-thai: Thai time-limits for hrplan, years of the Buddhist era included.

Registers, through hrplan's ``register_time_limit_vocabularies`` hook, the
vocabulary ``th``: Thai month names and their abbreviations, and years of the
Buddhist era (B.E. = A.D. + 543), so that ``hrplan.parse_time_limit`` reads
``B.E. 2559`` and ``พ.ศ. 2559`` as 2016, ``ภายในปี พ.ศ. 2560`` as "by 2017" and
``ต.ค. 2559 - ก.ย. 2560`` as October 2016 - September 2017 (a year from 2400 on,
in a text with Thai words, is of the Buddhist era). It shows how a
calendar other than the Gregorian one is added to hrplan: a vocabulary with
``era_markers`` and an ``era_offset``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

__version__ = "0.1.0"

__all__ = ["BUDDHIST_ERA_FROM", "BUDDHIST_ERA_OFFSET", "THAI", "__version__", "register_time_limit_vocabularies"]

#: What turns a year of the Buddhist era into a Gregorian year: B.E. 2559 is 2016.
BUDDHIST_ERA_OFFSET = -543
#: Years from 2400 on are of the Buddhist era even without a marker (2400 B.E. is 1857),
#: in the texts that only the Thai vocabulary reads (English reads a plain ``2559`` first).
BUDDHIST_ERA_FROM = 2400

#: Thai time-limits, for :func:`hrplan.parse_time_limit` (registered by this plugin).
THAI = hrplan.Vocabulary(
    name="th",
    era_markers=("B.E.", "พ.ศ."),
    era_offset=BUDDHIST_ERA_OFFSET,
    era_years_from=BUDDHIST_ERA_FROM,
    ongoing=("ต่อเนื่อง", "อย่างต่อเนื่อง", "ดำเนินการต่อเนื่อง", "ตลอดไป"),
    recurring=("ทุกปี", "ประจำปี", "เป็นประจำทุกปี"),
    deadline_prefixes=("ภายใน", "ภายในปี", "ไม่เกิน", "ไม่เกินปี", "ภายในสิ้นปี"),
    from_prefixes=("ตั้งแต่", "ตั้งแต่ปี", "เริ่ม", "เริ่มปี"),
    fillers=("ใน", "ในปี", "ระหว่าง", "ระหว่างปี"),
    year_prefixes=("ปี",),
    months=(
        ("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
        ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
        ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค."),
    ),
    quarter_words=("ไตรมาส", "ไตรมาสที่"),
    range_leads=("ตั้งแต่", "ระหว่าง"),
    range_connectors=("ถึง", "จนถึง"),
    durations={"วัน": "day", "สัปดาห์": "week", "เดือน": "month", "ปี": "year"},
    relative_prefixes=("ภายใน",),
    relative_suffixes=("หลังการอนุมัติ", "นับจากวันอนุมัติ"),
)  # fmt: skip


@hrplan.hookimpl
def register_time_limit_vocabularies(register: Callable[[Any], None]) -> None:
    """Register the Thai time-limit vocabulary ``th``."""
    register(THAI)
