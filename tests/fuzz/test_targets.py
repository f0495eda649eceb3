"""Every fuzzing target, on inputs Hypothesis makes from its seeds: accepted or refused, never a crash."""

from __future__ import annotations

import random

import pytest
from fuzz.mutators import mutate
from fuzz.targets import ACCEPTED, NASTY, REJECTED, Target, all_targets, run_one
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hrplan
from hrplan import jsonio

TARGETS = all_targets()
SMALL = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))


def _input(target: Target, rng: random.Random, raw: bytes, mutated: bool) -> bytes:
    if not mutated:
        return raw
    return (target.mutator or mutate)(rng, [s[:20_000] for s in target.seeds()] or [b""], (*target.words, *NASTY))


def _check(target: Target, data: bytes) -> None:
    # a crash raises fuzz.targets.Crash; time is left to `make fuzz` and the reproducers, which time
    # an input again before calling it slow (a test run on a busy machine would be flaky)
    assert run_one(target, data) in (ACCEPTED, REJECTED)


@pytest.mark.parametrize("name", sorted(TARGETS))
@SMALL
@given(rng=st.randoms(use_true_random=False), raw=st.binary(max_size=300), mutated=st.booleans())
def test_target_never_crashes(name: str, rng: random.Random, raw: bytes, mutated: bool) -> None:
    target = TARGETS[name]
    _check(target, _input(target, rng, raw, mutated))


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_seeds_are_accepted(name: str) -> None:
    # a seed refused (by an option the target passes, say) would leave the code behind the refusal unfuzzed
    target = TARGETS[name]
    outcomes = {index: run_one(target, seed) for index, seed in enumerate(target.seeds())}
    assert all(outcome == ACCEPTED for outcome in outcomes.values()), outcomes


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(rng=st.randoms(use_true_random=False))
def test_json_read_then_write_round_trips_every_accepted_file(rng: random.Random) -> None:
    target = TARGETS["import-json"]
    data = mutate(rng, target.seeds(), (*target.words, *NASTY))
    try:
        program = jsonio.loads(data)
    except hrplan.InputError:
        return
    written = jsonio.dumps(program)
    assert jsonio.loads(written) == program
    assert jsonio.dumps(jsonio.loads(written)) == written


def test_exporter_targets_mostly_meet_programs_not_syntax_errors() -> None:
    # the exporter targets change a document's values, so many inputs reach the exporter
    target = TARGETS["export-json"]
    assert target.mutator is not None
    rng = random.Random(0)
    corpus = target.seeds()
    outcomes = [run_one(target, target.mutator(rng, corpus, (*target.words, *NASTY))) for _ in range(200)]
    assert outcomes.count(ACCEPTED) >= 40
