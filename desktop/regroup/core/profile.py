"""Opening a profile: its database, upgraded if need be, and the services over it.

The GUI and the command line both call :func:`open_profile` and differ only in the
:class:`Prompter` they pass; where the data key comes from is ``keys.unlocking``'s
business, and its names the callers use are importable from here as well.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING

import peewee
from playhouse.sqlcipher_ext import SqlCipherDatabase

from regroup.core.clock import Clock, SystemClock
from regroup.core.errors import ProfileError, path_problem
from regroup.core.keys.key_file import (
    KeyFile,
    KeyStorage,
    load_key_files,
    save_key_file,
    spare_path,
)
from regroup.core.keys.keystore import KeyStore, SystemKeyStore
from regroup.core.keys.rebuild import settle_key_file
from regroup.core.keys.unlocking import (
    DEFAULT_KDF_SECONDS,
    Prompter,
    SecretAnswer,
    SecretRequest,
    UnlockedWith,
    find_key,
    forget_new_key,
    new_key_material,
)
from regroup.core.paths import ProfilePaths, drafts_fallback_dir
from regroup.core.profile_parts import Drafts, ProfileInfo, upgrade_schema
from regroup.core.settings import SettingsService
from regroup.core.storage.creation_lock import creating_profile
from regroup.core.storage.database import (
    IdleCheckpoint,
    bind_models,
    key_opens,
    open_encrypted,
    rekey,
)
from regroup.core.storage.files import create_private_file, make_private_dir
from regroup.core.storage.migrations import CURRENT_VERSION, apply_migrations, schema_version
from regroup.core.storage.preflight import backup_key_copies, check_before_opening, make_private
from regroup.core.storage.read_only import open_read_only, write_problem
from regroup.core.storage.restore import finish_pending_restore

if TYPE_CHECKING:
    from regroup.core.backups import BackupService
    from regroup.core.checkins.listing import CheckinBrowser
    from regroup.core.checkins.reminders import ReminderService
    from regroup.core.checkins.service import CheckinService
    from regroup.core.debriefs.listing import DebriefBrowser
    from regroup.core.debriefs.service import DebriefService
    from regroup.core.diary.listing import DiaryBrowser
    from regroup.core.diary.search import SearchService
    from regroup.core.diary.service import DiaryService
    from regroup.core.goals.service import GoalService
    from regroup.core.insights.service import InsightsService
    from regroup.core.keys.manager import KeyManager
    from regroup.core.waiting.service import WaitingService

__all__ = [
    "DEFAULT_KDF_SECONDS",
    "Profile",
    "ProfileInfo",
    "Prompter",
    "SecretAnswer",
    "SecretRequest",
    "UnlockedWith",
    "open_profile",
    "profile_exists",
    "save_problem",
]


class Profile:
    """An open, unlocked profile: the database and the services over it."""

    read_only = ""
    """Why nothing can be saved now (a read-only or full disk), or "" when saving works."""

    def __init__(
        self,
        paths: ProfilePaths,
        db: SqlCipherDatabase,
        key_file: KeyFile,
        unlocked_with: UnlockedWith,
        keyring_name: str,
        clock: Clock,
        notice: str = "",
        data_key: bytes = b"",
        keystore: KeyStore | None = None,
    ) -> None:
        self.paths = paths
        self.db = db
        self.key_file = key_file
        self.unlocked_with = unlocked_with
        self.keyring_name = keyring_name
        self.notice = notice
        self.clock = clock
        self.settings = SettingsService(db)
        self._data_key = data_key
        self._keystore = keystore
        self._idle_checkpoint = IdleCheckpoint(db)
        self._data_version = self._read_data_version()

    def checkpoint_when_idle(self) -> bool:
        """Called by a timer: move committed pages out of the WAL once writing has paused."""
        return self._idle_checkpoint.tick()

    # Services are built on first use: a command imports only what it uses (the window
    # imports the diary's before Qt, see cli._run_gui).

    @cached_property
    def diary(self) -> DiaryService:
        """Diary entries: writing, reading, the trash."""
        from regroup.core.diary.service import DiaryService

        return DiaryService(self.db, self.clock)

    @cached_property
    def browse(self) -> DiaryBrowser:
        """The diary's list and calendar."""
        from regroup.core.diary.listing import DiaryBrowser

        return DiaryBrowser(self.db)

    @cached_property
    def search(self) -> SearchService:
        """Full-text search of the diary."""
        from regroup.core.diary.search import SearchService

        return SearchService(self.db)

    @cached_property
    def drafts(self) -> Drafts:
        """The recovery drafts of the diary and the debriefs."""
        fallback = drafts_fallback_dir(self.key_file.profile_id)
        return Drafts(self._data_key, [self.paths.root, fallback])

    @cached_property
    def keys(self) -> KeyManager:
        """Settings › Key and recovery: a new recovery key, a passphrase, the keyring."""
        from regroup.core.keys.manager import KeyManager

        keystore = self._keystore or SystemKeyStore()
        return KeyManager(
            self.paths.key_file, self.key_file, self._data_key, keystore, self._rekey, self._changed
        )

    def _changed(self, key_file: KeyFile) -> None:
        self.key_file = key_file

    def _rekey(self, key: bytes) -> None:
        rekey(self.db, key)
        self._data_key = key
        self.__dict__.pop("drafts", None)  # drafts from now on are sealed with the new key

    @cached_property
    def backups(self) -> BackupService:
        """Backups and restore."""
        from regroup.core.backups import BackupService

        return BackupService(self.paths, self.db, self.clock, self.settings, self.read_only)

    @cached_property
    def goals(self) -> GoalService:
        """The goals board."""
        from regroup.core.goals.service import GoalService

        return GoalService(self.db, self.clock)

    @cached_property
    def checkins(self) -> CheckinService:
        """Move-on check-ins."""
        from regroup.core.checkins.service import CheckinService

        return CheckinService(self.db, self.clock)

    @cached_property
    def debriefs(self) -> DebriefService:
        """Debriefs, with the goals and check-ins they make."""
        from regroup.core.debriefs.service import DebriefService

        return DebriefService(self.db, self.clock, self.settings, self.goals, self.checkins)

    @cached_property
    def debrief_list(self) -> DebriefBrowser:
        """Finding debriefs."""
        from regroup.core.debriefs.listing import DebriefBrowser

        return DebriefBrowser(self.db)

    @cached_property
    def checkin_list(self) -> CheckinBrowser:
        """The Check-ins page's lists."""
        from regroup.core.checkins.listing import CheckinBrowser

        return CheckinBrowser(self.db, self.clock)

    @cached_property
    def waiting(self) -> WaitingService:
        """Applications waiting to hear back, which become debriefs when they close."""
        from regroup.core.waiting.service import WaitingService

        return WaitingService(self.db, self.clock, self.settings, self.debriefs)

    @cached_property
    def reminders(self) -> ReminderService:
        """The reminder service, built on first use: start-up never pays for its imports."""
        from regroup.core.checkins.reminders import ReminderService

        return ReminderService(self.db, self.clock)

    @cached_property
    def insights(self) -> InsightsService:
        """The figures of the Insights page, the report and ``regroup insights``."""
        from regroup.core.insights.service import InsightsService

        return InsightsService(self.db, self.clock)

    def read_only_notice(self) -> str:
        """What the window's banner and the command line say when nothing can be saved."""
        return read_only_notice(self.read_only)

    def info(self) -> ProfileInfo:
        """Return a summary for display."""
        return ProfileInfo(
            folder=str(self.paths.root),
            storage=self.key_file.storage,
            unlocked_with=self.unlocked_with,
            schema_version=schema_version(self.db),
            entry_count=self.diary.count(),
            keyring_name=self.keyring_name,
            notice=self.notice,
        )

    def changed_elsewhere(self) -> bool:
        """Tell whether another program (``regroup add``, a second window) wrote since last asked.

        SQLite's ``data_version`` moves only when another connection commits, so this
        profile's own writes never count. It costs microseconds: the window asks every
        few seconds. A closed profile has no news.
        """
        version = self._read_data_version()
        if version is None:
            return False
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed

    def _read_data_version(self) -> int | None:
        """Return SQLite's data_version, or None when the database cannot say right now."""
        if self.db.is_closed():
            return None
        try:
            row = self.db.execute_sql("PRAGMA data_version").fetchone()
        except peewee.DatabaseError:  # busy or gone for a moment: ask again at the next look
            return None
        return int(row[0]) if row else None

    def close(self) -> None:
        """Close the database; the WAL is checkpointed by SQLite on the last close."""
        bind_models(None)
        if not self.db.is_closed():
            self.db.close()


def read_only_notice(why: str) -> str:
    """The words for a profile that cannot be saved now because ``why`` ("" when it can)."""
    return f"Regroup can read your diary but cannot save right now: {why}." if why else ""


def save_problem(paths: ProfilePaths) -> str:
    """The read-only notice for ``paths``, unopened: an import is refused before reading."""
    return read_only_notice(write_problem(paths))


def profile_exists(paths: ProfilePaths) -> bool:
    """Tell whether the folder holds any part of a profile (never start over one)."""
    if problem := path_problem(paths.root):  # asked first by every caller
        raise ProfileError(f"Regroup cannot use this profile folder: {problem}.")
    parts = (paths.database, paths.key_file, spare_path(paths.key_file))
    return any(part.exists() for part in parts)


def open_profile(
    paths: ProfilePaths,
    keystore: KeyStore,
    prompter: Prompter,
    clock: Clock | None = None,
    kdf_seconds: float = DEFAULT_KDF_SECONDS,
) -> Profile:
    """Open the profile in ``paths``, creating it only when the folder holds none.

    A damaged write-ahead log is copied aside before anything reads it; a missing or
    damaged key file is rebuilt once a key has opened the database.
    """
    clock = clock or SystemClock()
    restored = finish_pending_restore(paths)
    if not profile_exists(paths):
        return _create(paths, keystore, prompter, clock, kdf_seconds)
    notices = [restored] if restored else []
    notices += check_before_opening(paths, clock.now())
    key_files, problem = load_key_files(paths.key_file, backup_key_copies(paths))
    unlocked = find_key(key_files, keystore, prompter, lambda key: key_opens(paths.database, key))
    key_file, rebuilt = settle_key_file(
        paths.key_file, key_files, problem, unlocked, keystore, prompter
    )
    notices += [text for text in (rebuilt, unlocked.notice) if text]
    return _open_existing(
        paths, unlocked.key, key_file, unlocked.used, keystore, clock, " ".join(notices)
    )


def _open_existing(
    paths: ProfilePaths,
    key: bytes,
    key_file: KeyFile,
    unlocked_with: UnlockedWith,
    keystore: KeyStore,
    clock: Clock,
    notice: str,
) -> Profile:
    cannot_write = write_problem(paths)
    if cannot_write:
        db = _open_read_only(paths, key, cannot_write)
    else:
        db = open_encrypted(paths.database, key)
        try:
            upgrade_schema(db, paths, clock)
        except Exception:
            db.close()
            raise
    bind_models(db)
    keyring_name = keystore.name() if key_file.storage is KeyStorage.KEYRING else ""
    profile = Profile(
        paths, db, key_file, unlocked_with, keyring_name, clock, notice, key, keystore
    )
    profile.read_only = cannot_write
    return profile


def _open_read_only(paths: ProfilePaths, key: bytes, why: str) -> SqlCipherDatabase:
    """Open for reading, searching and exporting only: saving cannot work right now."""
    db = open_read_only(paths.database, f"x'{key.hex()}'")
    if schema_version(db) != CURRENT_VERSION:
        db.close()
        raise ProfileError(
            f"This profile needs an upgrade, which cannot be written while {why}. "
            "Free some space or make the folder writable, then open Regroup again."
        )
    return db


def _create(
    paths: ProfilePaths, keystore: KeyStore, prompter: Prompter, clock: Clock, kdf_seconds: float
) -> Profile:
    with creating_profile(paths.root):
        if profile_exists(paths):
            raise ProfileError(f"A profile already exists in {paths.root}.")
        data_key, key_file = new_key_material(keystore, prompter, kdf_seconds)
        try:
            _write_new_profile(paths, data_key, key_file)
        except Exception:
            forget_new_key(keystore, key_file)
            raise
        notice = " ".join(make_private(paths))
    return _open_existing(paths, data_key, key_file, UnlockedWith.NEW, keystore, clock, notice)


def _write_new_profile(paths: ProfilePaths, data_key: bytes, key_file: KeyFile) -> None:
    """Build the database beside its final name, then move it in after the key file."""
    make_private_dir(paths.root)
    for leftover in (paths.creating, paths.creating.with_name(paths.creating.name + "-wal")):
        leftover.unlink(missing_ok=True)
    create_private_file(paths.creating)
    db = open_encrypted(paths.creating, data_key)
    try:
        apply_migrations(db)
    finally:
        db.close()
    save_key_file(paths.key_file, key_file)
    os.replace(paths.creating, paths.database)
