"""Atomic, durable writes: the target is always the old file or the new one, never a part."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import hrplan
from hrplan.cli import main
from hrplan.files import write_atomically

PLAN = Path(__file__).resolve().parent.parent / "examples" / "data" / "az-2012.json"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.bin"
    write_atomically(target, b"hello")
    assert target.read_bytes() == b"hello"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_follows_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


@pytest.mark.parametrize("name", ["missing/plan.json", "a\0b.json", "folder"])
def test_a_failed_write_is_a_format_error_and_leaves_nothing(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(hrplan.FormatError, match="cannot write"):
        write_atomically(str(tmp_path / name), b"data")
    assert _leftovers(tmp_path) == []
    assert _leftovers(tmp_path / "folder") == []


def test_export_and_the_cli_write_through_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = write_atomically

    def spy(target: str | os.PathLike[str], data: bytes) -> None:
        calls.append(os.fspath(target))
        original(target, data)

    monkeypatch.setattr("hrplan.api.write_atomically", spy)
    hrplan.write(hrplan.read(PLAN), tmp_path / "a.json")
    assert main(["convert", str(PLAN), str(tmp_path / "b.csv")]) == 0
    assert [Path(c).name for c in calls] == ["a.json", "b.csv"]


_WRITER = textwrap.dedent(
    """
    import sys
    from hrplan.files import write_atomically
    target, size = sys.argv[1], int(sys.argv[2])
    contents = [b"A" * size, b"B" * size]
    print("ready", flush=True)
    i = 0
    while True:
        write_atomically(target, contents[i % 2])
        i += 1
    """
)


def test_a_writer_killed_while_the_target_changes_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    size = 4 * 1024 * 1024
    target = tmp_path / "plan.bin"
    target.write_bytes(b"A" * size)
    for attempt in range(6):
        with subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), str(size)], stdout=subprocess.PIPE
        ) as writer:
            assert writer.stdout is not None
            writer.stdout.readline()
            time.sleep(0.05 + 0.07 * attempt)
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        data = target.read_bytes()
        assert data in (b"A" * size, b"B" * size), f"attempt {attempt}: {len(data)} bytes, mixed or cut"
    for leftover in tmp_path.glob(".plan.bin.*.tmp"):  # only a killed writer leaves one
        leftover.unlink()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs (root only, where mounting is allowed); the test is skipped otherwise."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary_file(full_disk: Path) -> None:
    target = full_disk / "plan.json"
    target.write_bytes(PLAN.read_bytes())
    before = target.read_bytes()
    with pytest.raises(hrplan.FormatError, match="No space left"):
        write_atomically(target, b"x" * (1024 * 1024))
    assert target.read_bytes() == before
    assert _leftovers(full_disk) == []
    program = hrplan.read(PLAN)
    big = program.__class__(id=program.id, title="t" * (1024 * 1024), chapters=program.chapters,
                            institutions=program.institutions)
    assert main(["convert", str(PLAN), str(target)]) == 0
    with pytest.raises(hrplan.FormatError, match="No space left"):
        hrplan.write(big, target)
    assert hrplan.read(target) == program
    assert _leftovers(full_disk) == []
