"""Public classes show ``hrplan`` as their module; pickle and the converter still find them."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import hrplan
from hrplan.convert import make_converter

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "az-2012.json"


def test_public_classes_show_the_facade_as_their_module() -> None:
    assert hrplan.Measure.__module__ == "hrplan"
    assert repr(hrplan.Measure) == "<class 'hrplan.Measure'>"
    assert repr(hrplan.InputError) == "<class 'hrplan.InputError'>"
    classes = [getattr(hrplan, name) for name in hrplan.__all__ if isinstance(getattr(hrplan, name), type)]
    assert classes
    assert all(cls.__module__ == "hrplan" for cls in classes)


def test_model_objects_pickle_and_convert() -> None:
    program = hrplan.read(EXAMPLE)
    assert pickle.loads(pickle.dumps(program)) == program
    assert pickle.loads(pickle.dumps(hrplan.Status.OVERDUE)) is hrplan.Status.OVERDUE
    problem = hrplan.Problem("$.title", "missing")
    assert pickle.loads(pickle.dumps(problem)) == problem
    converter = make_converter()
    measure = next(program.iter_measures())
    assert converter.structure(converter.unstructure(measure), hrplan.Measure) == measure
    assert hrplan.status(measure, date(2013, 1, 1), program=program) in hrplan.Status


def test_python_m_hrplan_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hrplan", "--version"], capture_output=True, text=True, check=False, timeout=120
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"hrplan {hrplan.__version__}")
