"""``make fuzz``: run every fuzzing target for a number of inputs or a time, print a table.

    python -m fuzz.run [--targets import-json,cli] [--count 100000 | --seconds 60] [--jobs 2]
                       [--engine auto|atheris|mutate] [--out fuzz/findings] [--json summary.json]

Each target runs in a process of its own. The engine is atheris (coverage-guided)
where it is installed (``pip install -e '.[fuzz]'``), else a mutation loop over
the target's seed inputs (bit flips, insertions of format words and nasty values,
deletions, repetitions, splices), seeded so that a run can be repeated.

For every input the outcome is counted: accepted, rejected with an
``HrplanError``, crash (any other exception), and slow (more than one second per
100 KB, and at least one second, in the best of three runs). Each crash and each slow input is kept under
``--out``/TARGET/ as a reproducer file (``crash-SHA1`` with a ``.txt`` giving the
error), to turn into a regression test in ``tests/fuzz/reproducers/``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import json
import os
import random
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fuzz.mutators import MAX_LEN, mutate  # noqa: E402 (once the project is on the path)

#: An input is slow past this many seconds per 100 KB (and at least this many seconds).
SLOW_SECONDS_PER_100KB = 1.0
#: An input still running after this many seconds is stopped and counted as slow.
GIVE_UP_SECONDS = 20


class Stats:
    """What one target did: counts, the slowest input, reproducer files."""

    def __init__(self, target: str, engine: str, out: Path) -> None:
        self.target, self.engine, self.out = target, engine, out / target
        self.counts = {"inputs": 0, "accepted": 0, "rejected": 0, "crashes": 0, "slow": 0}
        self.bytes = 0
        self.slowest = 0.0
        self.started = time.monotonic()
        self.crash_kinds: dict[str, int] = {}

    def record(self, data: bytes, outcome: str, seconds: float, error: str | None) -> None:
        self.counts["inputs"] += 1
        self.bytes += len(data)
        self.slowest = max(self.slowest, seconds)
        if error is not None:
            self.counts["crashes"] += 1
            kind = error.splitlines()[-1][:120] if error.strip() else "?"
            self.crash_kinds[kind] = self.crash_kinds.get(kind, 0) + 1
            self._keep("crash", data, error)
        else:
            self.counts[outcome] += 1
        if seconds > _limit(data):
            self.counts["slow"] += 1
            self._keep("slow", data, f"{seconds:.2f} s for {len(data)} bytes\n")

    def _keep(self, kind: str, data: bytes, note: str) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        name = f"{kind}-{hashlib.sha1(data).hexdigest()[:16]}"
        (self.out / name).write_bytes(data)
        (self.out / f"{name}.txt").write_text(note, "utf-8")

    def summary(self) -> dict[str, Any]:
        return {"target": self.target, "engine": self.engine, **self.counts,
                "seconds": round(time.monotonic() - self.started, 1), "slowest": round(self.slowest, 3),
                "mean_bytes": round(self.bytes / max(1, self.counts["inputs"])), "crash_kinds": self.crash_kinds}


def _save(path: Path, summary: dict[str, Any]) -> None:
    """Write ``summary`` to ``path`` whole or not at all (the process may be stopped at any time)."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(summary), "utf-8")
    os.replace(partial, path)


def _execute(target: Any, data: bytes, stats: Stats) -> None:
    from fuzz.targets import Crash, run_one, time_box

    start = time.perf_counter()
    error = None
    outcome = "accepted"
    try:
        with time_box(GIVE_UP_SECONDS):
            outcome = run_one(target, data)
    except TimeoutError:
        outcome = "rejected"  # counted as slow below, and kept
    except Crash as crash:
        cause = crash.__cause__ or crash
        if isinstance(cause, TimeoutError):
            outcome = "rejected"
        else:
            error = "".join(traceback.format_exception(cause))
    seconds = time.perf_counter() - start
    if seconds >= GIVE_UP_SECONDS:
        stats.record(data, outcome, seconds, None)
        return
    if error is None and seconds > _limit(data):
        seconds = min(seconds, _timed(target, data), _timed(target, data))  # not a first-call warm-up or a busy moment
    stats.record(data, outcome, seconds, error)


def _limit(data: bytes) -> float:
    return SLOW_SECONDS_PER_100KB * max(1.0, len(data) / 100_000)


def _timed(target: Any, data: bytes) -> float:
    from fuzz.targets import Crash, run_one

    start = time.perf_counter()
    with contextlib.suppress(Crash):
        run_one(target, data)
    return time.perf_counter() - start


# --- the mutation engine ----------------------------------------------------


def run_mutations(name: str, count: int, seconds: float, seed: int, out: Path,
                  summary_path: Path | None = None) -> dict[str, Any]:
    """Run one target with the mutation engine (writing the summary so far to ``summary_path`` as it goes)."""
    from fuzz.targets import NASTY, all_targets

    target = all_targets()[name]
    stats = Stats(name, "mutate", out)
    rng = random.Random(f"{seed}:{name}")  # each target its own inputs, the same ones in every run
    corpus = [s[:MAX_LEN] for s in target.seeds()] or [b""]
    words = (*target.words, *NASTY)
    for seed_input in corpus:
        _execute(target, seed_input, stats)
    deadline = time.monotonic() + seconds if seconds else None
    while stats.counts["inputs"] < count and (deadline is None or time.monotonic() < deadline):
        data = (target.mutator or mutate)(rng, corpus, words)
        accepted_before = stats.counts["accepted"]
        _execute(target, data, stats)
        # keep some accepted inputs, so later mutations build on what got through
        if stats.counts["accepted"] > accepted_before and len(corpus) < 300 and rng.random() < 0.05:
            corpus.append(data)
        if summary_path is not None and stats.counts["inputs"] % 1000 == 0:
            _save(summary_path, stats.summary())  # a long run shows its progress
    return stats.summary()


# --- atheris ----------------------------------------------------------------


def run_atheris(name: str, count: int, seconds: float, out: Path, summary_path: Path) -> None:
    """Run one target under atheris (never returns: libFuzzer exits the process)."""
    import atheris

    with atheris.instrument_imports(include=["hrplan", "hrplan_ical", "hrplan_html", "hrplan_workload",
                                             "hrplan_treaty_reports", "hrplan_azerbaijan"]):
        from fuzz.targets import NASTY, all_targets

        target = all_targets()[name]
    stats = Stats(name, "atheris", out)
    last = [0.0]

    def one_input(data: bytes) -> None:
        _execute(target, data, stats)
        # libFuzzer ends the process without running atexit handlers: save as we go
        if time.monotonic() - last[0] > 0.5 or stats.counts["inputs"] >= count:
            _save(summary_path, stats.summary())
            last[0] = time.monotonic()

    corpus = out / name / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed_input in enumerate(target.seeds()):
        (corpus / f"seed-{i}").write_bytes(seed_input[:MAX_LEN])
    args = [sys.argv[0], f"-runs={count}", f"-max_len={MAX_LEN}", "-rss_limit_mb=4096", str(corpus)]
    if seconds:
        args.insert(1, f"-max_total_time={int(seconds)}")
    if target.mutator is None:
        atheris.Setup(args, one_input)
    else:  # the target's own mutator, on the input libFuzzer picked from its corpus
        mutator, words = target.mutator, (*target.words, *NASTY)

        def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
            return mutator(random.Random(seed), [data], words)[:max_size]

        atheris.Setup(args, one_input, custom_mutator=custom_mutator)
    atheris.Fuzz()


# --- the parent -------------------------------------------------------------


def _child(name: str, args: argparse.Namespace, engine: str) -> dict[str, Any]:
    summary_path = Path(args.out) / f".{name}.summary.json"
    summary_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "fuzz.run", "--child", name, "--engine", engine, "--count", str(args.count),
               "--seconds", str(args.seconds), "--seed", str(args.seed), "--out", str(args.out),
               "--summary", str(summary_path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    result: dict[str, Any] = {"target": name, "engine": engine, "inputs": 0, "accepted": 0, "rejected": 0,
                              "crashes": 0, "slow": 0, "seconds": 0, "slowest": 0, "mean_bytes": 0, "crash_kinds": {}}
    if summary_path.is_file():  # written as the child goes: what it did before it ended, however it ended
        result = json.loads(summary_path.read_text("utf-8"))
        summary_path.unlink()
    if done.returncode != 0:
        result["crashes"] += 1
        result["crash_kinds"][f"the fuzzing process died ({done.returncode})"] = 1
        result["stderr"] = done.stderr[-2000:]
    return result


def _commit() -> str | None:
    """The commit fuzzed (with ``+`` when the checkout has changes), for the record."""
    try:
        found = subprocess.run(["git", "describe", "--always", "--dirty=+"], cwd=ROOT, capture_output=True,
                               text=True, check=True)  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    return found.stdout.strip() or None


def _engine(choice: str) -> str:
    if choice != "auto":
        return choice
    try:
        import atheris  # noqa: F401
    except ImportError:
        return "mutate"
    return "atheris"


def table(rows: list[dict[str, Any]]) -> str:
    """The results as a Markdown table."""
    lines = ["| target | engine | inputs | accepted | rejected | crashes | slow | slowest (s) | time (s) |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['target']} | {r['engine']} | {r['inputs']:,} | {r['accepted']:,} | {r['rejected']:,} "
                     f"| {r['crashes']:,} | {r['slow']:,} | {r['slowest']} | {r['seconds']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the targets; exit status 1 when any input crashed or was slow."""
    parser = argparse.ArgumentParser(prog="fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default="", help="comma-separated target names (default: all)")
    parser.add_argument("--count", type=int, default=10_000, help="inputs per target (default 10,000)")
    parser.add_argument("--seconds", type=float, default=0, help="time per target (0: no limit)")
    parser.add_argument("--engine", choices=("auto", "atheris", "mutate"), default="auto")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="targets run at once (default 1)")
    parser.add_argument("--out", default=str(ROOT / "fuzz" / "findings"))
    parser.add_argument("--json", default=None, help="also write the results as JSON to this file")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--summary", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("HRPLAN_DISABLE_PLUGINS", "")
    if args.child:
        if args.engine == "atheris":
            run_atheris(args.child, args.count, args.seconds, Path(args.out), Path(args.summary))
        result = run_mutations(args.child, args.count, args.seconds, args.seed, Path(args.out), Path(args.summary))
        _save(Path(args.summary), result)
        return 0
    from fuzz.targets import all_targets

    names = [n for n in args.targets.split(",") if n] or sorted(all_targets())
    if args.list:
        print("\n".join(names))
        return 0
    engine = _engine(args.engine)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    commit = _commit()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:  # each child is a process
        futures = {pool.submit(_child, name, args, engine): name for name in names}
        for future in concurrent.futures.as_completed(futures):
            row = future.result()
            print(f"{row['target']}: {row['inputs']:,} inputs, {row['crashes']} crashes, {row['slow']} slow",
                  file=sys.stderr, flush=True)
    rows = [{**future.result(), "commit": commit} for future in futures]
    print(f"commit {commit}" if commit else "commit unknown (not a git checkout)")
    print(table(rows))
    for row in rows:
        for kind, n in row.get("crash_kinds", {}).items():
            print(f"  {row['target']}: {n} x {kind}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), "utf-8")
    return 1 if any(r["crashes"] or r["slow"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
