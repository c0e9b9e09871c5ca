"""What is checked before a profile's database is opened: that it is there, its WAL, its keys.

An existing profile whose database is gone or empty is a loss to restore, never a
fresh start; a damaged write-ahead log is copied aside before SQLite reads (and
forgets) it; the key-file copies kept with backups are found for the unlocking; a
folder other people could enter is made private again, and the person is told once.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from regroup.core.errors import LostDatabaseError
from regroup.core.keys.key_file import spare_path
from regroup.core.paths import ProfilePaths
from regroup.core.storage.files import PRIVATE_DIR, PRIVATE_FILE, tighten
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
    from regroup.core.storage.backup import list_backups, restore_hint  # only a loss needs it

    try:
        count = len(list_backups(paths.backups))
    except OSError:
        count = 0
    raise LostDatabaseError(
        f"This profile's diary database ({paths.database}) {state}, so Regroup will not "
        "start a new diary over it. If it was moved, put it back.",
        count,
        restore_hint(paths.backups),
    )


BACKUP_KEY_COPIES = 12
"""How many backups' key-file copies (newest first) may stand in for a lost key file."""


def backup_key_copies(paths: ProfilePaths) -> tuple[Path, ...]:
    """Return the key-file copies kept with the backups (``backups/<id>/regroup.key``)."""
    if not paths.backups.is_dir():
        return ()
    copies = sorted(paths.backups.glob(f"*/{paths.key_file.name}"), reverse=True)
    return tuple(copies[:BACKUP_KEY_COPIES])


def make_private(paths: ProfilePaths) -> list[str]:
    """Give the profile's files and folders to their owner alone; return the notice.

    Profiles made before every file was created 0600 have 0644 files, which only the
    folder's 0700 protected; a folder made by hand (or moved) may be 0755. Files are
    tightened quietly; a folder others could enter is worth telling the person about.
    """
    opened_up = tighten(paths.root, PRIVATE_DIR)
    files = [paths.database, paths.key_file, spare_path(paths.key_file)]
    files += [paths.database.with_name(paths.database.name + end) for end in ("-wal", "-shm")]
    for folder in (paths.backups, paths.logs):
        tighten(folder, PRIVATE_DIR)
        with contextlib.suppress(OSError):  # a folder that cannot be listed is left as it is
            for inner in folder.iterdir():
                tighten(inner, PRIVATE_DIR if inner.is_dir() else PRIVATE_FILE)
                files += list(inner.iterdir()) if inner.is_dir() else []
    for path in files:
        tighten(path, PRIVATE_FILE)
    if not opened_up:
        return []
    return [  # short: the window's status bar shows it beside how the profile was unlocked
        "Other people on this computer could open your profile folder; "
        "Regroup has made it private to you."
    ]


def check_before_opening(paths: ProfilePaths, now: datetime) -> list[str]:
    """Refuse a missing or empty database; set a damaged WAL aside; return the notices."""
    _refuse_missing_database(paths)
    notices = make_private(paths)
    aside = set_damaged_wal_aside(paths.database, now)
    if aside is not None:
        notices.append(
            "The database's write-ahead log was damaged; Regroup kept a copy of it at "
            f"{aside}. Entries written just before the last close may be missing."
        )
    return notices
