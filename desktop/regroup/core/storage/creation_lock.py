"""One profile creation per folder at a time: two ``regroup init`` started together.

An OS lock (``flock``) is released when its process dies, so a creation killed
half-way never blocks the next one; where there is no ``flock`` (Windows), an
exclusively created file stands in.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from regroup.core.errors import ProfileError
from regroup.core.storage.files import make_private_dir

LOCK_NAME = "regroup.creating.lock"


def _busy(folder: Path) -> ProfileError:
    return ProfileError(
        f"Another Regroup is creating a profile in {folder} right now; "
        "wait for it to finish, then open that profile."
    )


@contextmanager
def creating_profile(folder: Path) -> Iterator[None]:
    """Hold the folder's creation lock, or raise ProfileError when someone else holds it.

    A folder made here for nothing (the creation was cancelled) is removed again.
    """
    made = not folder.exists()
    make_private_dir(folder)
    path = folder / LOCK_NAME
    try:
        with _locked(folder, path):
            yield
    finally:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()


def _still_there(path: Path, fd: int) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


@contextmanager
def _locked(folder: Path, path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as exc:
            raise _busy(folder) from exc
        try:
            yield
        finally:
            os.close(fd)
            path.unlink(missing_ok=True)
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        os.close(fd)
        raise _busy(folder) from exc
    if not _still_there(path, fd):  # its holder finished and removed it as we locked it
        os.close(fd)
        raise _busy(folder)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # while still held: a late comer finds the profile
        os.close(fd)
