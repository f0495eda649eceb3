"""Every example in README.md and docs/ runs as written, and shows what it prints.

Each ```python block runs on its own (``>>>`` blocks as doctests, compared with
their output); each ``$ hrplan ...`` line of a ```console block runs the command
line, and the lines under it, when there are any, are compared with what it
printed (``...`` stands for any text). A block fenced ```python no-run is a piece
of a larger whole and is only compiled. Examples run in a fresh folder where
``examples/`` is the repository's, so they read the bundled data and write
nothing into the repository.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from hrplan.cli import main
from hrplan.plugins import reset_manager

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_FENCE = re.compile(r"^```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
_SHELL = re.compile(r"[|<>;&]|\$\(")
_OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@attrs.frozen
class Block:
    """One fenced example: where it is, its language and info words, its text."""

    page: Path
    line: int
    lang: str
    info: tuple[str, ...]
    body: str

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(lang: str) -> list[Block]:
    """Every block of ``lang`` in the pages, in order."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            if match["lang"] == lang:
                line = text.count("\n", 0, match.start()) + 1
                found.append(Block(page, line, lang, tuple(match["info"].split()), match["body"]))
    return found


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh folder with the repository's examples/, as the working directory."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    reset_manager()


def _run_python(block: Block) -> None:
    if "no-run" in block.info:
        compile(block.body, block.id, "exec")
        return
    if re.search(r"^\s*>>> ", block.body, re.MULTILINE):
        test = doctest.DocTestParser().get_doctest(block.body, {"__name__": "__doc__"}, block.id, block.id, block.line)
        runner = doctest.DocTestRunner(optionflags=_OPTIONS)
        runner.run(test)
        assert runner.failures == 0, f"{block.id}: doctest failed (see the output above)"
        return
    exec(compile(block.body, block.id, "exec"), {"__name__": "__doc__"})


@pytest.mark.parametrize("block", blocks("python"), ids=lambda b: b.id)
def test_python_examples_run(block: Block, workdir: Path) -> None:
    _run_python(block)


def commands(block: Block) -> list[tuple[str, str]]:
    """The ``$ hrplan`` commands of a console block, each with the output shown under it."""
    found: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:].strip(), []))
        elif found:
            found[-1][1].append(line)
    return [(command, "\n".join(shown).strip()) for command, shown in found if command.startswith("hrplan ")]


def console_examples() -> list[pytest.param]:
    """One test per ``$ hrplan`` command of every console block."""
    return [
        pytest.param(block, command, shown, id=f"{block.id}:{command[:40]}")
        for block in blocks("console")
        for command, shown in commands(block)
    ]


def _run_command(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    if _SHELL.search(command):  # pipes and redirections need a shell
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        done = subprocess.run(command, shell=True, capture_output=True, text=True, env=env, timeout=120)
        return done.returncode, done.stdout + done.stderr
    try:
        status = main(shlex.split(command, comments=True)[1:])
    except SystemExit as exc:  # --help and argument errors end in argparse's exit
        status = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize(("block", "command", "shown"), console_examples())
def test_console_examples_run(
    block: Block, command: str, shown: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = _run_command(command, capsys)
    if shown:
        checker = doctest.OutputChecker()
        assert checker.check_output(shown + "\n", output, _OPTIONS), (
            f"{block.id}: `{command}` printed:\n{output}\nThe docs show:\n{shown}"
        )
    if "hrplan: error" not in shown:
        assert status in (0, 1), f"{block.id}: `{command}` failed with status {status}:\n{output}"


def test_examples_are_found() -> None:
    assert len(blocks("python")) > 20
    assert len(console_examples()) > 10
