"""Encrypted copies of the database: the same SQLCipher file, so the same key opens them."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.errors import StorageWriteError
from regroup.core.storage.files import atomic_copy, make_private_dir

KEEP_PER_REASON = 5


def create_backup(
    db: SqliteDatabase, db_path: Path, backups_dir: Path, reason: str, clock: Clock
) -> Path:
    """Copy the database, fully checkpointed, to ``backups_dir`` and prune old copies."""
    busy = db.pragma("wal_checkpoint", "TRUNCATE")
    if busy:
        raise StorageWriteError("The database is busy; the backup was not taken.")
    make_private_dir(backups_dir)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = backups_dir / f"regroup-{stamp}-{reason}.db"
    atomic_copy(db_path, target)
    prune_backups(backups_dir, reason)
    return target


def list_backups(backups_dir: Path, reason: str | None = None) -> list[Path]:
    """Return backups oldest first, optionally only those taken for ``reason``."""
    pattern = f"regroup-*-{reason}.db" if reason else "regroup-*.db"
    return sorted(backups_dir.glob(pattern)) if backups_dir.is_dir() else []


def prune_backups(backups_dir: Path, reason: str, keep: int = KEEP_PER_REASON) -> None:
    """Delete all but the newest ``keep`` backups taken for ``reason``."""
    for old in list_backups(backups_dir, reason)[:-keep]:
        old.unlink(missing_ok=True)
