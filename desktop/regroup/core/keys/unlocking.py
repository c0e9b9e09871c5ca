"""Unlocking a profile: where the data key comes from, and making a new profile's key.

The keyring holds the key when it can; otherwise the person gives a passphrase or
the recovery key. The GUI and the command line differ only in the
:class:`Prompter` they pass, which asks the person for what only they can give.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from typing import Protocol

from regroup.core.errors import (
    KeystoreUnavailableError,
    UnlockCancelledError,
    ValidationError,
    WrongKeyError,
)
from regroup.core.keys.key_check import key_check_value, key_matches
from regroup.core.keys.key_file import KeyFile, KeyStorage, WrappedKey
from regroup.core.keys.keystore import KeyStore
from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key, parse_recovery_key
from regroup.core.record import record

DEFAULT_KDF_SECONDS = 0.25
MIN_PASSPHRASE = 8
"""The shortest passphrase the window and the command line accept."""


def passphrase_problem(passphrase: str) -> str | None:
    """Say why a new passphrase is too weak to protect the diary, or None when it will do.

    The one rule for every place a passphrase is chosen: ``regroup init``, ``regroup
    key passphrase``, a rebuilt key file and the window's dialogs.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        return (
            f"A passphrase needs at least {MIN_PASSPHRASE} characters; a few unrelated "
            "words are easy to remember and hard to guess."
        )
    return None


def check_new_passphrase(passphrase: str) -> None:
    """Raise ValidationError with :func:`passphrase_problem`'s words for a weak passphrase."""
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise ValidationError(problem)


class UnlockedWith(StrEnum):
    """How the data key was obtained this time."""

    NEW = "new profile"
    KEYRING = "system keyring"
    RECOVERY_KEY = "recovery key"
    PASSPHRASE = "passphrase"


@record
class SecretRequest:
    """What the app needs the person to type, and why."""

    reason: str
    passphrase_allowed: bool
    error: str | None = None


@record
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


@record
class Unlocked:
    """The data key, how it was found, and what a rebuild of the key file would need."""

    key: bytes
    used: UnlockedWith
    matched: KeyFile | None
    """The copy of the key file whose key check the key passed; None when the database judged."""
    recovery: bytes | None = None
    passphrase: str | None = None
    notice: str = ""


def _accepts(
    key: bytes, key_files: list[KeyFile], opens: Callable[[bytes], bool]
) -> tuple[bool, KeyFile | None]:
    """Tell whether ``key`` is the profile's: by a key check, else by opening the database.

    A key check can be damaged while the key is right; the database is the last judge.
    """
    for key_file in key_files:
        if key_matches(key, key_file.profile_id, key_file.key_check):
            return True, key_file
    return opens(key), None


def find_key(
    key_files: list[KeyFile],
    keystore: KeyStore,
    prompter: Prompter,
    opens: Callable[[bytes], bool],
) -> Unlocked:
    """Return the data key from the keyring, else from what the person types.

    ``key_files`` are the readable copies of the key file, the main one first (maybe
    none); ``opens`` tells whether a key opens the database. The person is asked
    until a passphrase or the recovery key proves itself, or they cancel
    (UnlockCancelledError).
    """
    reason = ""
    keyring_usable = False
    keyring_files = [kf for kf in key_files if kf.storage is KeyStorage.KEYRING]
    for key_file in keyring_files:
        try:
            stored = keystore.load(key_file.profile_id)
            keyring_usable = True
        except KeystoreUnavailableError as exc:
            reason = str(exc)
            break
        if stored is not None:
            good, matched = _accepts(stored, key_files, opens)
            if good:
                return Unlocked(stored, UnlockedWith.KEYRING, matched)
            reason = "The key in the system keyring does not belong to this profile."
    if not key_files:
        reason = (
            "Regroup's key file is missing or damaged; your recovery key still opens the diary."
        )
    elif not reason:
        reason = (
            "The system keyring holds no key for this profile."
            if keyring_files
            else "This profile is protected by a passphrase."
        )
    found = _ask_until_unlocked(key_files, prompter, reason, opens)
    if keyring_files and found.used is UnlockedWith.RECOVERY_KEY:
        notice = _restore_to_keyring(
            found.key, keyring_files[0], keystore, prompter, keyring_usable
        )
        found = replace(found, notice=notice)
    return found


def _try_answer(
    answer: SecretAnswer, key_files: list[KeyFile], opens: Callable[[bytes], bool]
) -> Unlocked:
    """Return what the answer unlocks, or raise WrongKeyError to explain why it does not."""
    from regroup.core.keys import key_wrap

    with_passphrase = [kf for kf in key_files if kf.passphrase is not None]
    error: WrongKeyError | None = None
    if answer.is_recovery_key or not with_passphrase:
        recovery = parse_recovery_key(answer.text)
        candidates = [key_wrap.derive_data_key(recovery)]
        for key_file in key_files:
            try:
                candidates.append(
                    key_wrap.unwrap_with_recovery_key(
                        key_file.recovery, recovery, key_file.profile_id
                    )
                )
            except WrongKeyError as exc:
                error = exc
        for key in candidates:
            good, matched = _accepts(key, key_files, opens)
            if good:
                return Unlocked(key, UnlockedWith.RECOVERY_KEY, matched, recovery=recovery)
        raise error or WrongKeyError("This recovery key does not unlock this profile.")
    for key_file in with_passphrase:
        assert key_file.passphrase is not None
        try:
            key = key_wrap.unwrap_with_passphrase(
                key_file.passphrase, answer.text, key_file.profile_id
            )
        except WrongKeyError as exc:
            error = exc
            continue
        good, matched = _accepts(key, key_files, opens)
        if good:
            return Unlocked(key, UnlockedWith.PASSPHRASE, matched, passphrase=answer.text)
    raise error or WrongKeyError("This passphrase does not unlock this profile.")


def _ask_until_unlocked(
    key_files: list[KeyFile], prompter: Prompter, reason: str, opens: Callable[[bytes], bool]
) -> Unlocked:
    error: str | None = None
    passphrase_allowed = any(kf.passphrase is not None for kf in key_files)
    while True:
        answer = prompter.ask_secret(SecretRequest(reason, passphrase_allowed, error))
        if answer is None:
            raise UnlockCancelledError("The profile was left locked.")
        try:
            return _try_answer(answer, key_files, opens)
        except WrongKeyError as exc:
            error = str(exc)


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
    check_new_passphrase(passphrase)
    log2_n = key_wrap.calibrate_scrypt(kdf_seconds)
    return key_wrap.wrap_with_passphrase(data_key, passphrase, profile_id, log2_n)


def new_key_material(
    keystore: KeyStore, prompter: Prompter, kdf_seconds: float = DEFAULT_KDF_SECONDS
) -> tuple[bytes, KeyFile]:
    """Make a new profile's data key and key file, with its key in the keyring if it can be.

    The person confirms the recovery key, and chooses a passphrase when the keyring
    cannot hold the key. Cancelling raises UnlockCancelledError; nothing is written
    but the keyring entry, which :func:`forget_new_key` takes back.
    """
    from regroup.core.keys import key_wrap

    profile_id = str(uuid.uuid4())
    recovery = new_recovery_key()
    data_key = key_wrap.derive_data_key(recovery)
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
        recovery=key_wrap.derived_marker(),
        passphrase=passphrase_wrap,
    )
    return data_key, key_file


def forget_new_key(keystore: KeyStore, key_file: KeyFile) -> None:
    """Take a new profile's key back out of the keyring when the profile could not be made."""
    if key_file.storage is KeyStorage.KEYRING:
        with contextlib.suppress(KeystoreUnavailableError):
            keystore.delete(key_file.profile_id)
