"""The label vocabulary: normalisation, matching, extension, the documented table."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan.labels import TABLE, Label, Labels, Meaning, as_labels, markdown_table, normalise
from hrplan.model import Role
from hrplan.plugins import PluginManager, PluginSettings, get_manager, reset_manager

ROOT = Path(__file__).resolve().parent.parent
LABELS = Labels.default()

#: Every label the plans cited in the docs use, with what it must mean.
PLAN_LABELS = {
    "Responsible": Meaning.LEAD, "Responsible institution": Meaning.LEAD, "Executors": Meaning.LEAD,
    "Implementing agencies": Meaning.LEAD, "Responsible agency": Meaning.LEAD,
    "Responsible agencies": Meaning.LEAD, "Responsible body": Meaning.LEAD, "Responsible bodies": Meaning.LEAD,
    "Responsible authority": Meaning.LEAD, "Responsible authorities": Meaning.LEAD,
    "Responsible ministry": Meaning.LEAD, "Lead agency": Meaning.LEAD, "Corresponding body": Meaning.LEAD,
    "Executing agencies": Meaning.LEAD, "Responsible executors": Meaning.LEAD,
    "Partner(s)": Meaning.PARTNER, "Partners": Meaning.PARTNER, "Partnership agency": Meaning.PARTNER,
    "Partnership agencies": Meaning.PARTNER, "In cooperation with": Meaning.PARTNER,
    "Time-limit": Meaning.TIME_LIMIT, "Timeframe": Meaning.TIME_LIMIT, "Time frame": Meaning.TIME_LIMIT,
    "Time-frame": Meaning.TIME_LIMIT, "Deadline": Meaning.TIME_LIMIT, "Term": Meaning.TIME_LIMIT,
    "Implementation period": Meaning.TIME_LIMIT, "Period of implementation": Meaning.TIME_LIMIT,
    "Deadline for implementation": Meaning.TIME_LIMIT, "Implementation deadline": Meaning.TIME_LIMIT,
    "Timeline": Meaning.TIME_LIMIT, "Execution period": Meaning.TIME_LIMIT, "Schedule": Meaning.TIME_LIMIT,
    "Indicator(s)": Meaning.INDICATORS, "Objective indicator(s)": Meaning.INDICATORS,
    "Performance indicator(s)": Meaning.INDICATORS, "Expected outcome": Meaning.EXPECTED_RESULTS,
    "Expected result(s)": Meaning.EXPECTED_RESULTS, "Source of funding": Meaning.FUNDING,
    "Budget": Meaning.BUDGET, "Financing": Meaning.FUNDING,
}  # fmt: skip


@pytest.mark.parametrize(("label", "meaning"), PLAN_LABELS.items())
def test_every_label_plans_use_is_known(label: str, meaning: Meaning) -> None:
    assert LABELS.meaning(label) is meaning
    assert LABELS.meaning(label.upper() + " :") is meaning
    assert LABELS.meaning(label.lower().replace(" ", "-")) is meaning


def test_docs_show_the_table_that_ships() -> None:
    docs = (ROOT / "docs" / "text-format.md").read_text(encoding="utf-8")
    assert markdown_table() in docs, "regenerate the table in docs/text-format.md with hrplan.labels.markdown_table()"


def test_no_label_means_two_things() -> None:
    seen: dict[str, Meaning] = {}
    for meaning, texts in TABLE:
        for text in texts:
            assert seen.setdefault(normalise(text), meaning) is meaning, text


def test_normalisation() -> None:
    assert normalise("Responsible Authorities:") == normalise("responsible authority")
    assert normalise("Partner(s)") == normalise("partners") == "partner"
    assert normalise("TIME-FRAME") == normalise("Timeframe") == normalise("time frames")


def test_longest_label_wins_and_a_qualifier_is_kept() -> None:
    match = LABELS.header("Deadline for implementation (2019-2022)")
    assert match is not None
    assert match.label.text == "Deadline for implementation"
    assert match.qualifier == "(2019-2022)"
    assert LABELS.header("Activities") is not None
    assert LABELS.header("Nothing known") is None


def test_find_ends_each_field_at_the_next_label() -> None:
    text = "Corresponding body: Ministry of Health Source of funding: No financing is required"
    found = list(LABELS.find(text))
    assert [(m.written, m.meaning) for m in found] == [
        ("Corresponding body", Meaning.LEAD), ("Source of funding", Meaning.FUNDING),
    ]
    assert text[found[0].end : found[1].start].strip() == "Ministry of Health"


def test_find_rules() -> None:
    assert [m.written for m in LABELS.find("the long term: never")] == []
    assert [m.written for m in LABELS.find("time-limit: 2012")] == ["time-limit"]
    assert [m.written for m in LABELS.find("- Partners: NGOs")] == ["Partners"]
    assert [m.written for m in LABELS.find("\\Time-limit: as text")] == []
    assert [m.written for m in LABELS.find("see http://example.org at 10:30")] == []
    assert [m.written for m in LABELS.find("Indicators (wide frame): share of x")] == ["Indicators (wide frame)"]


def test_extension_wins_and_option_strings_read() -> None:
    labels = LABELS.extended("lead:Focal point, budget:Cost estimate")
    assert labels.meaning("Focal points") is Meaning.LEAD
    assert labels.meaning("cost estimate") is Meaning.BUDGET
    assert LABELS.extended({"Budget": "keep"}).meaning("Budget") is Meaning.KEEP
    assert as_labels(("Focal point", "partner")) == [Label("Focal point", Meaning.PARTNER)]
    with pytest.raises(ValueError, match="meaning"):
        LABELS.extended({"x": "boss"})
    with pytest.raises(ValueError, match="meaning:Label"):
        LABELS.extended("Focal point")


def test_meanings_give_roles() -> None:
    assert Meaning.PARTNER.role is Role.PARTNER
    assert Meaning.LEAD.institutions
    assert not Meaning.BUDGET.institutions
    assert Meaning.BUDGET.role is None


def test_plugins_extend_the_vocabulary() -> None:
    class Plugin:
        @hrplan.hookimpl
        def register_labels(self, register: Any) -> None:
            register({"Focal point": "lead"})
            register(Label("Cost estimate", Meaning.BUDGET))
            register("not labels")

    manager = PluginManager(PluginSettings(), load_entry_points=False)
    reset_manager(manager)
    try:
        manager.register(Plugin(), "extra-labels")
        with pytest.warns(UserWarning, match="labels"):
            labels = get_manager().labels()
        assert labels.meaning("Focal point") is Meaning.LEAD
        assert labels.meaning("Cost estimates") is Meaning.BUDGET
        text = b"Plan\n\nChapter 1 Things\n\n1.1. Do it.\nFocal point: Ministry of Truth.\nCost estimate: USD 5\n"
        result = hrplan.load(io.BytesIO(text), format="text")
        measure = result.program.measure("1.1")
        assert measure.budget == "USD 5"
        assert [result.program.institutions[i].name for i in measure.institutions] == ["Ministry of Truth"]
    finally:
        reset_manager()


@given(st.text(alphabet="Ab :\n\\-(s)", max_size=60))
def test_find_never_overlaps_and_stays_in_bounds(text: str) -> None:
    matches = list(LABELS.find(text)) + list(LABELS.find(text, any_case=True))
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
    ends = [m.end for m in LABELS.find(text)]
    starts = [m.start for m in LABELS.find(text)]
    assert all(start >= end for start, end in zip(starts[1:], ends, strict=False))


def _text(copies: int) -> str:
    return "".join(
        f"Responsible agencies: Ministry {n} Deadline: 20{n % 90:02d} a sentence {n}: with a colon\n"
        for n in range(copies)
    )


def test_find_is_linear() -> None:
    """Eight times the text takes about eight times as long (least processor time of
    seven rounds taken in turn, generous factor)."""
    texts = [_text(400), _text(3200)]
    best = [float("inf"), float("inf")]
    for _ in range(7):
        for k, text in enumerate(texts):
            start = time.process_time()
            list(LABELS.find(text))
            best[k] = min(best[k], time.process_time() - start)
    assert best[1] < best[0] * 8 * 3


def test_labels_from_plugins_let_the_plan_table_layout_recognise_a_table() -> None:
    class French:
        @hrplan.hookimpl
        def register_labels(self, register: Any) -> None:
            register({"Action": "title", "Institution responsable": "lead", "Échéance": "time-limit"})

    table = "Action;Institution responsable;Échéance\nFormer les juges;Ministère de la Justice;2025\n"
    manager = PluginManager(PluginSettings(), load_entry_points=False)
    reset_manager(manager)
    try:
        manager.register(French(), "french-labels")
        result = hrplan.load(io.BytesIO(table.encode()), format="csv-table")
        [measure] = result.program.iter_measures()
        assert (measure.title, str(measure.time_limit)) == ("Former les juges", "2025")
        assert [result.program.institutions[i].name for i in measure.institutions] == ["Ministère de la Justice"]
    finally:
        reset_manager()
    with pytest.raises(hrplan.InputError, match="no table layout recognises"):  # hrplan's own labels alone
        hrplan.load(io.BytesIO(table.encode()), format="csv-table")
