"""Writing files so that a crash or a full disk never leaves half a file behind.

Every file Regroup writes is created readable by its owner only (0600), with the mode
given to ``os.open`` rather than through the umask, which is process-wide and would
race with the window's threads.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from regroup.core.errors import StorageWriteError, path_problem


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _describe(exc: OSError, path: Path) -> str:
    reason = path_problem(path) or exc.strerror or str(exc)
    return f"Could not write {path}: {reason}. Nothing was changed."


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` in one step, or leave it exactly as it was."""
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        fsync_dir(path.parent)
    except OSError as exc:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise StorageWriteError(_describe(exc, path)) from exc


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a temporary file, synced before the rename."""
    import shutil  # pulls in the compression modules; only backups need it

    tmp = target.with_name(f".{target.name}.partial")
    try:
        tmp.unlink(missing_ok=True)
        with source.open("rb") as src, open_private(tmp) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageWriteError(_describe(exc, target)) from exc


PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def open_private(path: Path) -> BinaryIO:
    """Create ``path`` for writing, readable by its owner only from the first byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    return os.fdopen(fd, "wb")


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file for SQLite to fill.

    SQLite would create a new database readable by all, and gives its -wal and -shm
    files the database file's mode.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except OSError as exc:
        raise StorageWriteError(_describe(exc, path)) from exc


def write_private_text(path: Path, text: str) -> None:
    """Write a small text file (a note, a log's details) readable by its owner only."""
    with open_private(path) as handle:
        handle.write(text.encode("utf-8", "surrogateescape"))


def tighten(path: Path, mode: int) -> bool:
    """Take group and other access away from ``path``; tell whether there was any."""
    if os.name != "posix":
        return False
    try:
        current = path.lstat().st_mode
    except OSError:
        return False
    if stat.S_ISLNK(current) or not current & 0o077:
        return False
    try:
        os.chmod(path, mode)
    except OSError:
        return False
    return True


def make_private_dir(path: Path) -> None:
    """Create a folder only its owner can enter, with clear errors on failure."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        reason = path_problem(path) or exc.strerror or str(exc)
        raise StorageWriteError(f"Could not create the folder {path}: {reason}.") from exc


def keep_details(folder: Path, name: str, exc: BaseException) -> Path | None:
    """Write ``exc`` with its traceback to a private file in ``folder``; return where.

    A traceback is for whoever helps, not for the log or the message the person
    reads. Returns None when even this cannot be written (the log says so then).
    """
    import traceback

    path = folder / name
    try:
        make_private_dir(folder)
        write_private_text(path, "".join(traceback.format_exception(exc)))
    except (OSError, StorageWriteError):
        return None
    return path
