"""What is checked before a profile's database is opened: that it is there, its WAL, its keys.

An existing profile whose database is gone or empty is a loss to restore, never a
fresh start; a damaged write-ahead log is copied aside before SQLite reads (and
forgets) it; the key-file copies kept with backups are found for the unlocking.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from regroup.core.errors import LostDatabaseError
from regroup.core.paths import ProfilePaths
from regroup.core.storage.wal import set_damaged_wal_aside

SMALLEST_DATABASE = 512
"""No SQLCipher database is smaller than one page; a smaller file holds no diary."""


def database_lost(paths: ProfilePaths) -> str:
    """Return how an existing profile's database is lost ("is missing", "is empty"), or ""."""
    try:
        size = paths.database.stat().st_size
    except FileNotFoundError:
        return "is missing"
    return "is empty" if size < SMALLEST_DATABASE else ""


def _refuse_missing_database(paths: ProfilePaths) -> None:
    """An existing profile without its database is a loss to restore, never a fresh start.

    The message offers a restore only when a backup exists to restore.
    """
    state = database_lost(paths)
    if not state:
        return
    from regroup.core.storage.backup import list_backups  # only a lost database needs it

    sets = list_backups(paths.backups)
    if not sets:
        raise LostDatabaseError(
            f"This profile's diary database ({paths.database}) {state}, and there is no "
            f"backup of it in {paths.backups}, so Regroup will not start a new diary over it. "
            f"If you have a copy of {paths.database.name} (on another drive or in a synced "
            f"folder), put it back in {paths.root} and start Regroup again."
        )
    latest = sets[-1]
    when = latest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    raise LostDatabaseError(
        f"This profile's diary database ({paths.database}) {state}, so Regroup will not "
        f"start a new diary over it. Your latest backup, of {when}, can bring your diary "
        "back: restore it with 'regroup backup restore latest' (or Restore when the window "
        "starts), or put the database file back.",
        len(sets),
    )


BACKUP_KEY_COPIES = 12
"""How many backups' key-file copies (newest first) may stand in for a lost key file."""


def backup_key_copies(paths: ProfilePaths) -> tuple[Path, ...]:
    """Return the key-file copies kept with the backups (``backups/<id>/regroup.key``)."""
    if not paths.backups.is_dir():
        return ()
    copies = sorted(paths.backups.glob(f"*/{paths.key_file.name}"), reverse=True)
    return tuple(copies[:BACKUP_KEY_COPIES])


def check_before_opening(paths: ProfilePaths, now: datetime) -> list[str]:
    """Refuse a missing or empty database; set a damaged WAL aside and return the notice."""
    _refuse_missing_database(paths)
    aside = set_damaged_wal_aside(paths.database, now)
    if aside is None:
        return []
    return [
        "The database's write-ahead log was damaged; Regroup kept a copy of it at "
        f"{aside}. Entries written just before the last close may be missing."
    ]
