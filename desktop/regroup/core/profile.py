"""Creating and unlocking a profile: the one place that decides where the data key comes from.

The GUI and the command line both call :func:`open_profile` and differ only in the
:class:`Prompter` they pass, which asks the person for what only they can give.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from playhouse.sqlcipher_ext import SqlCipherDatabase

from regroup.core.clock import Clock, SystemClock
from regroup.core.diary.listing import DiaryBrowser
from regroup.core.diary.search import SearchService
from regroup.core.diary.service import DiaryService
from regroup.core.errors import (
    KeystoreUnavailableError,
    MigrationError,
    ProfileError,
    UnlockCancelledError,
    WrongKeyError,
)
from regroup.core.keys.key_check import key_check_value, key_matches
from regroup.core.keys.key_file import (
    KeyFile,
    KeyStorage,
    WrappedKey,
    load_key_file,
    save_key_file,
)
from regroup.core.keys.keystore import KeyStore
from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key, parse_recovery_key
from regroup.core.paths import ProfilePaths, drafts_fallback_dir
from regroup.core.settings import SettingsService
from regroup.core.storage.backup import create_backup
from regroup.core.storage.database import bind_models, open_encrypted
from regroup.core.storage.drafts import DraftStore
from regroup.core.storage.files import make_private_dir
from regroup.core.storage.migrations import CURRENT_VERSION, apply_migrations, schema_version

if TYPE_CHECKING:
    from regroup.core.checkins.listing import CheckinBrowser
    from regroup.core.checkins.reminders import ReminderService
    from regroup.core.checkins.service import CheckinService
    from regroup.core.debriefs.listing import DebriefBrowser
    from regroup.core.debriefs.service import DebriefService
    from regroup.core.goals.service import GoalService

log = logging.getLogger(__name__)
DEFAULT_KDF_SECONDS = 0.25


class UnlockedWith(StrEnum):
    """How the data key was obtained this time."""

    NEW = "new profile"
    KEYRING = "system keyring"
    RECOVERY_KEY = "recovery key"
    PASSPHRASE = "passphrase"


@dataclass(frozen=True)
class SecretRequest:
    """What the app needs the person to type, and why."""

    reason: str
    passphrase_allowed: bool
    error: str | None = None


@dataclass(frozen=True)
class SecretAnswer:
    """What the person typed: a passphrase, or a recovery key."""

    text: str
    is_recovery_key: bool


class Prompter(Protocol):
    """Asks the person; implemented by GUI dialogs and by the terminal."""

    def choose_passphrase(self, reason: str) -> str | None:
        """Ask for a new passphrase (typed twice); None cancels."""
        ...

    def confirm_recovery_key(self, recovery_key: str) -> bool:
        """Show the recovery key once and have it typed back; False cancels."""
        ...

    def ask_secret(self, request: SecretRequest) -> SecretAnswer | None:
        """Ask for the passphrase or the recovery key; None cancels."""
        ...

    def offer_keyring_restore(self, keyring_name: str) -> bool:
        """Ask whether to put the key back into the keyring."""
        ...


@dataclass(frozen=True)
class ProfileInfo:
    """What Settings and ``regroup info`` tell the user about the open profile."""

    folder: str
    storage: KeyStorage
    unlocked_with: UnlockedWith
    schema_version: int
    entry_count: int
    keyring_name: str
    notice: str = ""


class Profile:
    """An open, unlocked profile: the database and the services over it."""

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
    ) -> None:
        self.paths = paths
        self.db = db
        self.key_file = key_file
        self.unlocked_with = unlocked_with
        self.keyring_name = keyring_name
        self.notice = notice
        self.clock = clock
        self.diary = DiaryService(db, clock)
        self.browse = DiaryBrowser(db)
        self.search = SearchService(db)
        self.settings = SettingsService(db)
        self.drafts = DraftStore(data_key, [paths.root, drafts_fallback_dir(key_file.profile_id)])

    # Services the diary does not need are built on first use: start-up skips their imports.

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
    def reminders(self) -> ReminderService:
        """The reminder service, built on first use: start-up never pays for its imports."""
        from regroup.core.checkins.reminders import ReminderService

        return ReminderService(self.db, self.clock)

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

    def close(self) -> None:
        """Close the database; the WAL is checkpointed by SQLite on the last close."""
        bind_models(None)
        if not self.db.is_closed():
            self.db.close()


def profile_exists(paths: ProfilePaths) -> bool:
    """Tell whether the folder holds any part of a profile (never start over one)."""
    return paths.database.exists() or paths.key_file.exists()


def open_profile(
    paths: ProfilePaths,
    keystore: KeyStore,
    prompter: Prompter,
    clock: Clock | None = None,
    kdf_seconds: float = DEFAULT_KDF_SECONDS,
) -> Profile:
    """Open the profile in ``paths``, creating it only when the folder holds none."""
    clock = clock or SystemClock()
    if not profile_exists(paths):
        return _create(paths, keystore, prompter, clock, kdf_seconds)
    if not paths.database.exists():
        raise ProfileError(
            f"The key file is in {paths.root} but the database {paths.database.name} is not. "
            "Put the database back (a copy may be in the backups folder); "
            "Regroup will not start a new diary over this profile."
        )
    key_file = load_key_file(paths.key_file)
    key, unlocked_with, notice = _find_key(key_file, keystore, prompter)
    return _open_existing(paths, key, key_file, unlocked_with, keystore, clock, notice)


def _find_key(
    key_file: KeyFile, keystore: KeyStore, prompter: Prompter
) -> tuple[bytes, UnlockedWith, str]:
    reason = ""
    keyring_usable = False
    if key_file.storage is KeyStorage.KEYRING:
        try:
            stored = keystore.load(key_file.profile_id)
            keyring_usable = True
        except KeystoreUnavailableError as exc:
            stored, reason = None, str(exc)
        if stored is not None and key_matches(stored, key_file.profile_id, key_file.key_check):
            return stored, UnlockedWith.KEYRING, ""
        if stored is not None:
            reason = "The key in the system keyring does not belong to this profile."
        elif not reason:
            reason = "The system keyring holds no key for this profile."
    else:
        reason = "This profile is protected by a passphrase."
    key, used = _ask_until_unlocked(key_file, prompter, reason)
    notice = ""
    if key_file.storage is KeyStorage.KEYRING and used is UnlockedWith.RECOVERY_KEY:
        notice = _restore_to_keyring(key, key_file, keystore, prompter, keyring_usable)
    return key, used, notice


def _ask_until_unlocked(
    key_file: KeyFile, prompter: Prompter, reason: str
) -> tuple[bytes, UnlockedWith]:
    from regroup.core.keys import key_wrap

    error: str | None = None
    passphrase_allowed = key_file.passphrase is not None
    while True:
        answer = prompter.ask_secret(SecretRequest(reason, passphrase_allowed, error))
        if answer is None:
            raise UnlockCancelledError("The profile was left locked.")
        try:
            if answer.is_recovery_key or key_file.passphrase is None:
                recovery = parse_recovery_key(answer.text)
                key = key_wrap.unwrap_with_recovery_key(
                    key_file.recovery, recovery, key_file.profile_id
                )
                used = UnlockedWith.RECOVERY_KEY
            else:
                key = key_wrap.unwrap_with_passphrase(
                    key_file.passphrase, answer.text, key_file.profile_id
                )
                used = UnlockedWith.PASSPHRASE
        except WrongKeyError as exc:
            error = str(exc)
            continue
        if not key_matches(key, key_file.profile_id, key_file.key_check):
            error = "The key file does not match this profile's key."
            continue
        return key, used


def _restore_to_keyring(
    key: bytes, key_file: KeyFile, keystore: KeyStore, prompter: Prompter, usable: bool
) -> str:
    if not usable:
        return "The system keyring is not available; the recovery key will be asked again."
    if not prompter.offer_keyring_restore(keystore.name()):
        return "The key was not put back in the keyring; the recovery key will be asked again."
    try:
        keystore.save(key_file.profile_id, key)
    except KeystoreUnavailableError as exc:
        return f"{exc} The recovery key will be asked again next time."
    return "The key is back in the system keyring."


def _open_existing(
    paths: ProfilePaths,
    key: bytes,
    key_file: KeyFile,
    unlocked_with: UnlockedWith,
    keystore: KeyStore,
    clock: Clock,
    notice: str,
) -> Profile:
    db = open_encrypted(paths.database, key)
    try:
        _upgrade(db, paths, clock)
    except Exception:
        db.close()
        raise
    bind_models(db)
    keyring_name = keystore.name() if key_file.storage is KeyStorage.KEYRING else ""
    return Profile(paths, db, key_file, unlocked_with, keyring_name, clock, notice, key)


def _upgrade(db: SqlCipherDatabase, paths: ProfilePaths, clock: Clock) -> None:
    version = schema_version(db)
    if version >= CURRENT_VERSION:
        return
    backup = create_backup(db, paths.database, paths.backups, f"before-v{CURRENT_VERSION}", clock)
    try:
        apply_migrations(db)
    except Exception as exc:
        log.exception("migration from schema %s failed", version)
        raise MigrationError(
            f"Upgrading this profile from schema {version} to {CURRENT_VERSION} failed ({exc}). "
            f"The profile was left as it was; a copy is in {backup}."
        ) from exc


def _keyring_problem(keystore: KeyStore, profile_id: str) -> str | None:
    """Return why the keyring cannot hold a key, or None when it can be read."""
    try:
        keystore.load(profile_id)
    except KeystoreUnavailableError as exc:
        return str(exc)
    return None


def _passphrase_wrap(
    prompter: Prompter, reason: str, data_key: bytes, profile_id: str, kdf_seconds: float
) -> WrappedKey:
    from regroup.core.keys import key_wrap

    passphrase = prompter.choose_passphrase(reason)
    if passphrase is None:
        raise UnlockCancelledError("No profile was created.")
    log2_n = key_wrap.calibrate_scrypt(kdf_seconds)
    return key_wrap.wrap_with_passphrase(data_key, passphrase, profile_id, log2_n)


def _create(
    paths: ProfilePaths, keystore: KeyStore, prompter: Prompter, clock: Clock, kdf_seconds: float
) -> Profile:
    from regroup.core.keys import key_wrap

    profile_id = str(uuid.uuid4())
    data_key = key_wrap.new_data_key()
    recovery = new_recovery_key()
    problem = _keyring_problem(keystore, profile_id)
    passphrase_wrap = None
    if problem is not None:
        passphrase_wrap = _passphrase_wrap(prompter, problem, data_key, profile_id, kdf_seconds)
    if not prompter.confirm_recovery_key(format_recovery_key(recovery)):
        raise UnlockCancelledError("No profile was created.")
    if passphrase_wrap is None:
        try:
            keystore.save(profile_id, data_key)
        except KeystoreUnavailableError as exc:
            passphrase_wrap = _passphrase_wrap(
                prompter, str(exc), data_key, profile_id, kdf_seconds
            )
    storage = KeyStorage.KEYRING if passphrase_wrap is None else KeyStorage.PASSPHRASE
    key_file = KeyFile(
        profile_id=profile_id,
        storage=storage,
        key_check=key_check_value(data_key, profile_id),
        recovery=key_wrap.wrap_with_recovery_key(data_key, recovery, profile_id),
        passphrase=passphrase_wrap,
    )
    try:
        _write_new_profile(paths, data_key, key_file)
    except Exception:
        if storage is KeyStorage.KEYRING:
            with contextlib.suppress(KeystoreUnavailableError):
                keystore.delete(profile_id)
        raise
    return _open_existing(paths, data_key, key_file, UnlockedWith.NEW, keystore, clock, "")


def _write_new_profile(paths: ProfilePaths, data_key: bytes, key_file: KeyFile) -> None:
    """Build the database beside its final name, then move it in after the key file."""
    make_private_dir(paths.root)
    for leftover in (paths.creating, paths.creating.with_name(paths.creating.name + "-wal")):
        leftover.unlink(missing_ok=True)
    db = open_encrypted(paths.creating, data_key)
    try:
        apply_migrations(db)
    finally:
        db.close()
    save_key_file(paths.key_file, key_file)
    os.replace(paths.creating, paths.database)
