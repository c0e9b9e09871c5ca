"""What is checked before a profile's database is opened: that it is there, its WAL, its keys.

An existing profile whose database is gone or empty is a loss to restore, never a
fresh start; a damaged write-ahead log is copied aside before SQLite reads (and
forgets) it; the key-file copies kept with backups are found for the unlocking.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from regroup.core.errors import ProfileError
from regroup.core.paths import ProfilePaths
from regroup.core.storage.wal import set_damaged_wal_aside

SMALLEST_DATABASE = 512
"""No SQLCipher database is smaller than one page; a smaller file holds no diary."""


def _refuse_missing_database(paths: ProfilePaths) -> None:
    """An existing profile without its database is a loss to restore, never a fresh start."""
    try:
        size: int | None = paths.database.stat().st_size
    except FileNotFoundError:
        size = None
    if size is not None and size >= SMALLEST_DATABASE:
        return
    state = "is missing" if size is None else "is empty"
    raise ProfileError(
        f"This profile's diary database ({paths.database}) {state}, so Regroup will not "
        "start a new diary over it. Restore your latest backup with "
        "'regroup backup restore latest' (or from Settings), or put the database file back."
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
