"""Writing files so that they are never half-written.

:func:`write_atomically` is how hrplan writes every file (``hrplan.export``,
``hrplan.write`` and every ``hrplan`` command that writes): the bytes go to a new
temporary file in the target's folder, which is flushed and synced to the disk
and then renamed over the target. A rename within one folder is atomic, so
whoever reads the target, at any moment, even after a crash or a power cut, finds
the old file whole or the new file whole, never a mixture or a prefix.

- A write that fails (a full disk, no permission) raises
  :class:`~hrplan.FormatError`, leaves the old file as it was and removes the
  temporary file.
- The new file keeps the old one's permission bits; a new target gets the usual
  ones (``0o666`` less the umask). A symbolic link is followed: the file it
  points at is replaced, the link stays.
- Only a process killed outright (``SIGKILL``, power loss) can leave its
  temporary file behind: a hidden ``.NAME.*.tmp`` beside the target, which
  hrplan never reads and which can be deleted.

Plugins that write files of their own can use it too::

    from hrplan.files import write_atomically
    write_atomically("out/report.html", page.encode("utf-8"))
"""

from __future__ import annotations

import contextlib
import os
import stat

from hrplan.errors import FormatError

__all__ = ["write_atomically"]


def write_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file ``target`` by one holding ``data``, atomically and durably.

    :raises FormatError: when the file cannot be written (the old one is kept).
    """
    shown = _shown(target)
    try:
        path = os.path.realpath(os.fspath(target))
        mode = _mode_of(path)
        fd, temporary = _create_beside(path)
    except (OSError, ValueError) as exc:
        raise FormatError(f"cannot write {shown}: {_reason(exc)}") from exc
    try:
        _fill(fd, data, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise FormatError(f"cannot write {shown}: {_reason(exc)}") from exc
        raise
    _sync_folder(os.path.dirname(path))


def _mode_of(path: str) -> int | None:
    """The permission bits of the existing file, or ``None`` for a new one."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return None


def _create_beside(path: str) -> tuple[int, str]:
    folder, name = os.path.split(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temporary = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.tmp")
        try:
            # 0o666 less the umask, as open() gives a new file
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue


def _fill(fd: int, data: bytes, mode: int | None) -> None:
    with os.fdopen(fd, "wb") as fp:
        fp.write(data)
        fp.flush()
        if mode is not None:
            os.fchmod(fp.fileno(), mode)
        os.fsync(fp.fileno())


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (where the system lets a folder be opened)."""
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _shown(target: str | os.PathLike[str]) -> str:
    try:
        path = os.fspath(target)
    except TypeError:
        return repr(target)
    return repr(path) if "\0" in path else path


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValueError) and "null" in str(exc):
        return "the path holds a NUL character"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
