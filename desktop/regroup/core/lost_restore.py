"""Restoring a backup over a lost database, without opening the database that is lost.

An existing profile whose ``regroup.db`` is missing or empty is refused at opening
(``storage.preflight``), as is one the right key cannot read, so the ordinary
restore, which opens the profile and backs it up first, cannot run. This one
unlocks the key against the *backup's* database (the profile's key file, the
backups' copies, then the keyring, passphrase or recovery key, as opening does),
checks the backup, keeps what is left of the lost database aside under a
``.lost-<time>`` (or ``.unreadable-<time>``) name, and swaps the backup in through
the journaled commit, so an interruption leaves the lost state or the restored one.

There is no current state to back up first: the leftovers kept aside stand for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regroup.core.backups import BackupSet, backup_sets, find_backup
from regroup.core.clock import Clock, SystemClock
from regroup.core.errors import ProfileError
from regroup.core.keys.key_file import load_key_files
from regroup.core.keys.keystore import KeyStore
from regroup.core.keys.unlocking import Prompter, find_key
from regroup.core.paths import ProfilePaths
from regroup.core.record import record
from regroup.core.storage.backup import BackupCheckError, check_set, set_aside
from regroup.core.storage.database import key_opens
from regroup.core.storage.lost import keep_lost_aside
from regroup.core.storage.preflight import backup_key_copies, database_lost
from regroup.core.storage.restore import commit, discard_staged, finish_pending_restore, stage

OTHER_KEY = "it was made with another key, so it was not checked; it is kept"

__all__ = ["OTHER_KEY", "LostRestoreOutcome", "database_lost", "restore_lost", "verify_lost"]


@record
class LostRestoreOutcome:
    """The backup now in place and where the lost database's leftovers were kept."""

    restored: BackupSet
    kept_aside: tuple[Path, ...]
    unreadable: bool = False

    def summary(self) -> str:
        """What the person is told once the diary is back."""
        when = self.restored.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        entries = self.restored.entries
        text = f"Restored the backup of {when} ({entries:,} " + (
            "entry)." if entries == 1 else "entries)."
        )
        if self.kept_aside and self.unreadable:
            text += f" The database that could not be read is kept as {self.kept_aside[0]}."
        elif self.kept_aside:
            text += (
                " There was no diary to back up first; what was left of the lost database "
                f"is kept as {self.kept_aside[0]}, in case you want it later."
            )
        return text


def _unlock(paths: ProfilePaths, backup: BackupSet, keystore: KeyStore, prompter: Prompter) -> str:
    """Return the raw-key passphrase that opens ``backup``'s database (asking if need be)."""
    copies = ((backup.key_file,) if backup.key_file else ()) + backup_key_copies(paths)
    key_files, _problem = load_key_files(paths.key_file, copies)
    unlocked = find_key(key_files, keystore, prompter, lambda key: key_opens(backup.database, key))
    return f"x'{unlocked.key.hex()}'"


def restore_lost(
    paths: ProfilePaths,
    backup_id: str,
    keystore: KeyStore,
    prompter: Prompter,
    clock: Clock | None = None,
    step: Callable[[str], None] | None = None,
    unreadable: bool = False,
) -> LostRestoreOutcome:
    """Put the backup ``backup_id`` ("latest") in place of the lost database.

    ``unreadable`` says the caller found the database there but unreadable with the
    right key (DamagedDatabaseError). Otherwise a profile whose database is not lost is
    refused: it takes the ordinary restore, which backs the diary up first. ``step``
    lets tests stop the swap.
    """
    finish_pending_restore(paths)
    if not unreadable and not database_lost(paths):
        raise ProfileError(
            "This profile's database is in place; restore from the window's Settings or "
            "with 'regroup backup restore', which backs it up first."
        )
    sets = backup_sets(paths)
    if not sets:
        raise ProfileError(
            f"There is no backup to restore in {paths.backups}. If you have a copy of "
            f"{paths.database.name} (on another drive or in a synced folder), put it back in "
            f"{paths.root} and start Regroup again."
        )
    backup = find_backup(sets, backup_id)
    problem = check_set(backup.folder, _unlock(paths, backup, keystore, prompter), backup.counts)
    if problem:
        raise BackupCheckError(f"The backup {backup.id} cannot be restored: {problem}.")
    stage(paths, backup)
    try:
        label = "unreadable" if unreadable else "lost"
        kept = keep_lost_aside(paths, (clock or SystemClock()).now(), label)
    except BaseException:
        discard_staged(paths)
        raise
    commit(paths, backup, step or (lambda _name: None))
    return LostRestoreOutcome(backup, kept, unreadable)


def verify_lost(
    paths: ProfilePaths, backup_id: str | None, keystore: KeyStore, prompter: Prompter
) -> list[tuple[BackupSet, str]]:
    """Check one backup or all while the database is lost; set aside each that fails.

    The key proves itself against the newest backup checked; a backup made with an
    older key is reported as such and kept, never set aside as broken.
    """
    sets = backup_sets(paths)
    chosen = [find_backup(sets, backup_id)] if backup_id else sets
    if not chosen:
        return []
    passphrase = _unlock(paths, chosen[-1], keystore, prompter)
    key = bytes.fromhex(passphrase[2:-1])
    results = []
    for backup in chosen:
        if not key_opens(backup.database, key):
            results.append((backup, OTHER_KEY))
            continue
        problem = check_set(backup.folder, passphrase, backup.counts)
        if problem:
            set_aside(backup, problem)
        results.append((backup, problem))
    return results
