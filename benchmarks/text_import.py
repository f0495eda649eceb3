"""Import a generated plan text of 50,000 measures with the ``text`` importer.

The text has 10 chapters of measures with sub-measures, rationale paragraphs,
institution lists (inline, glued to the title, one per line), time-limits and
wrapped lines. It is imported at N/10 and at N measures; the importer is linear
when 10x the input takes at most about 11x the time::

    python benchmarks/text_import.py [--measures N] [--repeat R]
"""

from __future__ import annotations

import argparse
import functools
import io

from harness import best_of, record_growth

from hrplan.model import Institution, InstitutionKind
from hrplan.plugins import ImportResult, get_manager

LIMITS = ["this activity shall be implemented permanently", "2012", "2012-2015", "March-April 2012.", "IV quarter 2016"]
TOPICS = [f"Topic {n}" for n in range(50)]
REGISTRY = [Institution(f"min-{n}", f"Ministry of Topic {n}", InstitutionKind.MINISTRY) for n in range(50)]
RATIONALE = (
    "The measure continues the work of earlier years and takes account of the recommendations of\n"
    "international organisations specialising in human rights, as well as of the experience of other States."
)


def _institutions(seed: int) -> str:
    """Two to four ministries, written the three ways plans write them."""
    names = [TOPICS[(seed * k) % 50] for k in range(1, 2 + seed % 3)]
    if seed % 3 == 0:
        return "Implementing institutions:\n" + "\n".join(f"- Ministry of {n}" for n in names)
    return "Implementing institutions: " + ", ".join(f"Ministry of {n} of the Republic of Utopia" for n in names) + "."


def _measure(number: str, seed: int) -> list[str]:
    title = f"{number} Improvement of the protection of the rights of group {seed}"
    parts = [_institutions(seed), f"Time-limit: {LIMITS[seed % 5]}"]
    if seed % 4 == 0:  # labels glued to the title line
        return [f"{title} {parts[0]} {parts[1]}"] if "\n" not in parts[0] else [title, *parts]
    if seed % 4 == 1:  # a rationale paragraph
        return [title, RATIONALE, *parts]
    return [title, *parts]


def generate(count: int) -> str:
    """A plan text of ``count`` measures: 10 chapters, each top-level measure with 4 sub-measures."""
    paragraphs = ["National Program for the Benchmark", "A preamble paragraph."]
    per_chapter = count // 10
    for c in range(1, 11):
        paragraphs.append(f"Chapter {c} Chapter number {c}")
        for m in range(1, per_chapter // 5 + 1):
            paragraphs += _measure(f"{c}.{m}.", m)
            for k in range(1, 5):
                paragraphs += _measure(f"{c}.{m}.{k}.", m + k)
    return "\n\n".join(paragraphs) + "\n"


def import_text(data: bytes) -> ImportResult:
    """Import ``data`` with the registry of the generated ministries."""
    stream = io.BytesIO(data)
    stream.name = "benchmark.txt"
    result = get_manager().importers()["text"].read(stream, registry=REGISTRY)
    assert isinstance(result, ImportResult)
    return result


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    times = {}
    for count in (args.measures // 10, args.measures):
        data = generate(count).encode()
        result = import_text(data)
        measures = sum(1 for _ in result.program.iter_measures())
        unexpected = [f for f in result.findings if f.code != "TX007"]
        assert measures == count // 50 * 50, f"{measures} measures read of {count // 50 * 50}"
        assert not unexpected, unexpected[:3]
        del result
        times[count] = best_of(args.repeat, functools.partial(import_text, data))
        rate = measures / times[count]
        print(f"{measures:>9,} measures, {len(data) / 1e6:6.1f} MB: {times[count]:7.2f}s, {rate:9,.0f} measures/s")
    small, large = times[args.measures // 10], times[args.measures]
    print(f"10x the input took {large / small:.2f}x the time (target: at most 11x)")
    record_growth("importer", "text", large / small / 10, args.measures // 10)


if __name__ == "__main__":
    main()
