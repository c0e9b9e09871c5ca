"""Opening a file to import: only a regular file of a sane size, and JSON with sane numbers.

``/dev/zero`` would be read until memory runs out and a named pipe would block the
import forever, so anything that is not a plain file (or a folder of notes) is refused
before it is read; a pipe is opened without blocking and refused by its own status.
Python refuses to turn more than a few thousand digits into a number, inside ``json``,
with an error that names no place: :func:`long_number_problem` finds the line.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from regroup.core.errors import ImportFileError

MAX_IMPORT_BYTES = 2 * 1024**3
"""Far beyond any diary (36,500 entries export to about 60 MB), and still safe to read."""
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """Name what a status mode that is neither a file nor a folder stands for."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _not_a_file(path: Path, mode: int) -> ImportFileError:
    kind = kind_of(mode)
    return ImportFileError(
        f"{path} is {kind}, not a file; Regroup imports only files and folders of notes. "
        "Nothing was imported."
    )


def _too_big(path: Path, size: int) -> ImportFileError:
    return ImportFileError(
        f"{path} is {size / 1024**3:.1f} GB, larger than any journal Regroup can import "
        f"(up to {MAX_IMPORT_BYTES // 1024**3} GB). Nothing was imported."
    )


def check_source(path: Path) -> None:
    """Refuse a path that is missing, or neither a folder nor a regular file of a sane size.

    Only the status is read (through any symlink, as the import would): nothing is opened.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except OSError as exc:
        raise ImportFileError(f"Could not read {path}: {exc.strerror or exc}.") from exc
    if stat.S_ISDIR(status.st_mode):
        return
    if not stat.S_ISREG(status.st_mode):
        raise _not_a_file(path, status.st_mode)
    if status.st_size > MAX_IMPORT_BYTES:
        raise _too_big(path, status.st_size)


def read_source_bytes(path: Path, limit: int = -1) -> bytes:
    """Return the file's bytes (the first ``limit`` when given), refusing what is not a file.

    The file is opened without blocking and judged by its open handle, so a pipe put
    in its place after :func:`check_source` still cannot hang the import.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ImportFileError(f"Could not read {path}: {exc.strerror or exc}.") from exc
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise _not_a_file(path, status.st_mode)
        if status.st_size > MAX_IMPORT_BYTES:
            raise _too_big(path, status.st_size)
        try:
            return handle.read(limit)
        except OSError as exc:
            raise ImportFileError(f"Could not read {path}: {exc.strerror or exc}.") from exc


def long_number_problem(text: str) -> str | None:
    """Say where ``text`` holds a number too long for Python to read, or None."""
    limit = sys.get_int_max_str_digits()
    if not limit:
        return None
    found = re.search(rf"[:\[,]\s*-?([0-9]{{{limit + 1},}})", text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start(1)) + 1
    digits = len(found.group(1))
    return f"line {line} holds a number {digits:,} digits long, which no journal field can be"
