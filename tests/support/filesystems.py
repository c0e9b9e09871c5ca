"""Small real filesystems for fault tests: a full disk and a read-only folder.

Mounting needs root; CI runs as root, elsewhere these tests are skipped with a reason.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(path: Path, size: str = "8m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` at ``path`` for the length of the block."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (CI runs as root)")
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def make_read_only(path: Path) -> None:
    """Remount the small disk at ``path`` read-only."""
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)


def fill_disk(path: Path) -> None:
    """Write one file until the disk at ``path`` has no space left."""
    # Unbuffered: a buffered file would try again to write its rest on close, and fail.
    with (path / "filler").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * (1 << 16))
                handle.flush()
        except OSError:
            pass
