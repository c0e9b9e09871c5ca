"""Putting a backup set in place of the profile, so that a crash leaves old or new, never a mix.

The set's database and key file are first copied beside the profile's own
(``*.restoring``, synced). Then a journal file is written: from that moment the
restore is decided, and whoever opens the profile next finishes it (rolls it
forward) before reading anything. Before the journal exists, the staged copies are
only leftovers and are removed, leaving the old profile exactly as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from regroup.core.errors import StorageWriteError
from regroup.core.paths import ProfilePaths
from regroup.core.storage.backup import BackupSet
from regroup.core.storage.files import atomic_copy, atomic_write_bytes, fsync_dir

JOURNAL = "restore.journal"
STAGED = ".restoring"

Step = Callable[[str], None]


def _no_step(_name: str) -> None:
    """Tests pass a step that stops the restore there, as a crash would."""


def _staged(path: Path) -> Path:
    return path.with_name(path.name + STAGED)


def journal_path(paths: ProfilePaths) -> Path:
    """Where the journal of a decided restore is kept."""
    return paths.root / JOURNAL


def stage(paths: ProfilePaths, backup: BackupSet) -> None:
    """Copy ``backup``'s files beside the profile's; until :func:`commit`, nothing is decided."""
    if backup.key_file is None:
        raise StorageWriteError(f"The backup {backup.id} has no copy of the key file.")
    finish_pending_restore(paths)
    try:
        atomic_copy(backup.database, _staged(paths.database))
        atomic_copy(backup.key_file, _staged(paths.key_file))
    except StorageWriteError:
        discard_staged(paths)
        raise


def commit(paths: ProfilePaths, backup: BackupSet, step: Step = _no_step) -> None:
    """Decide the staged restore and move its files in.

    The caller has closed every connection to the profile and taken a backup of it.
    """
    step("staged")
    record = {"backup": backup.id, "taken_at": backup.taken_at.isoformat()}
    try:
        atomic_write_bytes(journal_path(paths), json.dumps(record).encode())
    except StorageWriteError:
        discard_staged(paths)
        raise
    step("journal")
    _roll_forward(paths, step)


def finish_pending_restore(paths: ProfilePaths) -> str:
    """Complete a decided restore, or undo one cut short before it was decided.

    Returns a notice for the person when a restore was finished here, else "".
    """
    journal = journal_path(paths)
    if not journal.exists():
        discard_staged(paths)
        return ""
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        when = str(record.get("taken_at", ""))[:16].replace("T", " ")
    except (OSError, ValueError, AttributeError):
        when = ""
    _roll_forward(paths, _no_step)
    return f"A restore that was interrupted has been finished: this is the backup of {when}."


def discard_staged(paths: ProfilePaths) -> None:
    """Remove the copies of a restore that was not decided."""
    for path in (paths.database, paths.key_file):
        staged = _staged(path)
        if staged.exists():
            staged.unlink()


def _roll_forward(paths: ProfilePaths, step: Step) -> None:
    """Move each staged file in; every step can be repeated after a crash."""
    database, key_file = _staged(paths.database), _staged(paths.key_file)
    try:
        if key_file.exists():
            os.replace(key_file, paths.key_file)
        step("key")
        if database.exists():
            # the old database's log must not be replayed into the restored one
            for suffix in ("-wal", "-shm", "-journal"):
                paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
            step("log")
            os.replace(database, paths.database)
        step("database")
        fsync_dir(paths.root)
        journal_path(paths).unlink(missing_ok=True)
        fsync_dir(paths.root)
    except OSError as exc:
        raise StorageWriteError(
            f"The restore could not be finished ({exc.strerror or exc}); it will be finished "
            "the next time Regroup opens this profile."
        ) from exc
