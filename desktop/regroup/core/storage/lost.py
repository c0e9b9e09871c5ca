"""Keeping what is left of a lost database when a backup is put in its place.

A database that is missing, smaller than a page or unreadable holds no diary we can
read, but its file and
its ``-wal``/``-shm`` may still hold something worth a look, so they are never
deleted: each gets a second name, ``regroup.db.lost-<time>`` (a hard link, or a copy
where links do not work), before the restore replaces the original names. Until the
restore is decided the profile is exactly as it was.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from regroup.core.paths import ProfilePaths
from regroup.core.storage.files import atomic_copy, fsync_dir

LOG_SUFFIXES = ("", "-wal", "-shm", "-journal")
STAMP = "%Y%m%d-%H%M%S"


def _free_stem(database: Path, now: datetime, label: str) -> str:
    """A ``.<label>-<time>`` name no earlier attempt used."""
    stem = f"{database.name}.{label}-{now.strftime(STAMP)}"
    candidate, number = stem, 1
    while any(database.with_name(candidate + s).exists() for s in LOG_SUFFIXES):
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def keep_lost_aside(paths: ProfilePaths, now: datetime, label: str = "lost") -> tuple[Path, ...]:
    """Give the lost database and its logs a ``.<label>-<time>`` name; return the names made.

    ``label`` is "lost" for a missing or empty file, "unreadable" for one the key cannot read.
    """
    database = paths.database
    stem = _free_stem(database, now, label)
    kept = []
    for suffix in LOG_SUFFIXES:
        source = database.with_name(database.name + suffix)
        if not source.is_file():
            continue
        target = database.with_name(stem + suffix)
        try:
            os.link(source, target)
        except OSError:
            atomic_copy(source, target)
        kept.append(target)
    if kept:
        fsync_dir(paths.root)
    return tuple(kept)
