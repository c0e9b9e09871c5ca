"""Backups and restore, as the window and the command line use them (Qt-free).

The files and their checks are ``storage.backup``'s; this module adds what the person
chooses (how many to keep, a second folder) and the rules around a restore: check
the chosen backup first, back up the diary as it is now, then swap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from regroup.core.clock import Clock, SystemClock
from regroup.core.errors import RegroupError, StorageWriteError, ValidationError
from regroup.core.paths import ProfilePaths
from regroup.core.record import record
from regroup.core.settings import SettingsService
from regroup.core.storage.backup import (
    BackupCheckError,
    BackupSet,
    check_set,
    copy_set,
    list_backups,
    passphrase_of,
    set_aside,
    take_backup,
)
from regroup.core.storage.restore import commit, discard_staged, stage
from regroup.core.storage.rotation import RotationPolicy

__all__ = [
    "BackupCheckError",
    "BackupOutcome",
    "BackupService",
    "BackupSet",
    "RestoreOutcome",
    "RotationPolicy",
    "backup_before",
    "backup_sets",
    "find_backup",
]

DAILY_KEY, WEEKLY_KEY, MONTHLY_KEY = "backups_daily", "backups_weekly", "backups_monthly"
SECOND_FOLDER_KEY = "backups_second_folder"
DAILY_EVERY = timedelta(days=1)
LATEST = "latest"


@record
class RestoreOutcome:
    """The backup now in place, and the backup of the diary as it was just before."""

    restored: BackupSet
    before: BackupSet


@record
class BackupOutcome:
    """A kept backup, and how its copy to the second folder went (if one is chosen)."""

    backup: BackupSet
    second_copy: Path | None = None
    second_problem: str = ""


def find_backup(sets: list[BackupSet], backup_id: str) -> BackupSet:
    """Return the set called ``backup_id`` among ``sets`` (oldest first; "latest": the newest)."""
    if not sets:
        raise ValidationError("There are no backups yet; make one with 'regroup backup create'.")
    if backup_id == LATEST:
        return sets[-1]
    for backup in sets:
        if backup.id == backup_id:
            return backup
    raise ValidationError(
        f"There is no backup called {backup_id}; 'regroup backup list' shows them."
    )


def backup_sets(paths: ProfilePaths) -> list[BackupSet]:
    """The profile's checked backup sets, oldest first; each ``key_file`` is its key copy.

    Needs no key and opens nothing, so it works on a profile that cannot be unlocked.
    """
    return list_backups(paths.backups)


class BackupService:
    """Taking, listing, checking and restoring the backups of one open profile."""

    def __init__(
        self,
        paths: ProfilePaths,
        db: SqliteDatabase,
        clock: Clock,
        settings: SettingsService,
        read_only: str = "",
    ) -> None:
        self.paths = paths
        self._db = db
        self._clock = clock
        self._settings = settings
        self._read_only = read_only

    def _setting(self, key: str) -> str | None:
        try:
            return self._settings.get(key)
        except peewee.DatabaseError:  # an old schema, before the table existed
            return None

    def policy(self) -> RotationPolicy:
        """How many daily, weekly and monthly backups are kept (the defaults if unset)."""
        default = RotationPolicy()
        values = []
        for key, fallback in (
            (DAILY_KEY, default.daily),
            (WEEKLY_KEY, default.weekly),
            (MONTHLY_KEY, default.monthly),
        ):
            stored = self._setting(key)
            values.append(int(stored) if stored and stored.isdigit() else fallback)
        try:
            return RotationPolicy(*values)
        except ValidationError:
            return default

    def set_policy(self, policy: RotationPolicy) -> None:
        """Keep this many backups from now on (old ones go at the next backup)."""
        self._settings.set(DAILY_KEY, str(policy.daily))
        self._settings.set(WEEKLY_KEY, str(policy.weekly))
        self._settings.set(MONTHLY_KEY, str(policy.monthly))

    def second_folder(self) -> Path | None:
        """The folder every backup is also copied to, or None."""
        stored = self._setting(SECOND_FOLDER_KEY)
        return Path(stored) if stored else None

    def set_second_folder(self, folder: Path | None) -> None:
        """Copy future backups to ``folder`` too (None: only in the profile folder)."""
        if folder is not None and folder.absolute() == self.paths.backups.absolute():
            raise ValidationError("Choose a folder other than the profile's own backups folder.")
        self._settings.set(SECOND_FOLDER_KEY, str(folder.absolute()) if folder else "")

    def kept(self) -> list[BackupSet]:
        """The kept backups, oldest first."""
        return backup_sets(self.paths)

    def latest(self) -> BackupSet | None:
        """The newest backup, if there is one."""
        sets = self.kept()
        return sets[-1] if sets else None

    def due(self) -> bool:
        """Tell whether the daily backup should be taken now."""
        latest = self.latest()
        return latest is None or self._clock.now() - latest.taken_at >= DAILY_EVERY

    def create(self, reason: str = "manual") -> BackupOutcome:
        """Take, check and keep a backup; safe to call from a worker thread.

        Raises :class:`BackupCheckError` if the copy failed its check (it is not kept).
        """
        try:
            policy, second = self.policy(), self.second_folder()
            backup = take_backup(self.paths, passphrase_of(self._db), reason, self._clock, policy)
        finally:
            if threading.current_thread() is not threading.main_thread():
                self._db.close()  # only this thread's connection; the window keeps its own
        if second is None:
            return BackupOutcome(backup)
        try:
            return BackupOutcome(backup, copy_set(backup, second))
        except StorageWriteError as exc:
            return BackupOutcome(backup, None, str(exc))

    def find(self, backup_id: str) -> BackupSet:
        """Return the backup called ``backup_id`` ("latest": the newest one)."""
        return find_backup(self.kept(), backup_id)

    def check(self, backup: BackupSet) -> str:
        """Return what is wrong with ``backup``, or "" when it opens and is whole."""
        return check_set(backup.folder, passphrase_of(self._db), backup.counts)

    def verify(self, backup_id: str | None = None) -> list[tuple[BackupSet, str]]:
        """Check one backup or all; each that fails is set aside as ``<id>.failed``.

        Returns each backup with its problem ("" when it is good).
        """
        sets = [self.find(backup_id)] if backup_id else self.kept()
        results = [(backup, self.check(backup)) for backup in sets]
        for backup, problem in results:
            if problem:
                set_aside(backup, problem)
        return results

    def restore(
        self, backup_id: str, close: Callable[[], None], step: Callable[[str], None] | None = None
    ) -> RestoreOutcome:
        """Put ``backup_id`` in place of the diary, after backing up the diary as it is now.

        ``close`` closes the profile (every connection) before the files are swapped;
        the profile must be opened again afterwards.
        """
        if self._read_only:
            raise StorageWriteError(f"Nothing can be restored while {self._read_only}.")
        backup = self.find(backup_id)
        problem = self.check(backup)
        if problem:
            raise BackupCheckError(f"The backup {backup.id} cannot be restored: {problem}.")
        stage(self.paths, backup)  # first, so the next rotation cannot take it away
        try:
            self.create("before-restore")
            close()
        except BaseException:
            discard_staged(self.paths)
            raise
        before = self.latest()
        commit(self.paths, backup, step or (lambda _name: None))
        assert before is not None  # just made
        return RestoreOutcome(backup, before)


def backup_before(
    db: SqliteDatabase, reason: str, clock: Clock | None = None
) -> BackupOutcome | None:
    """Back up the profile whose database is ``db`` before a change such as an import.

    Returns None for a database that is not a profile's file (e.g. in memory).
    """
    path = Path(str(db.database))
    if str(db.database) == ":memory:" or not path.is_file():
        return None
    service = BackupService(
        ProfilePaths(path.parent), db, clock or SystemClock(), SettingsService(db)
    )
    try:
        return service.create(reason)
    except BackupCheckError:
        raise
    except RegroupError as exc:
        raise StorageWriteError(
            f"The safety backup could not be taken, so nothing was changed: {exc}"
        ) from exc
