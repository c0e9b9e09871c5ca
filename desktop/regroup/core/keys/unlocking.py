"""Unlocking a profile: where the data key comes from, and making a new profile's key.

The keyring holds the key when it can; otherwise the person gives a passphrase or
the recovery key. The GUI and the command line differ only in the
:class:`Prompter` they pass, which asks the person for what only they can give.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from regroup.core.errors import KeystoreUnavailableError, UnlockCancelledError, WrongKeyError
from regroup.core.keys.key_check import key_check_value, key_matches
from regroup.core.keys.key_file import KeyFile, KeyStorage, WrappedKey
from regroup.core.keys.keystore import KeyStore
from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key, parse_recovery_key

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


def find_key(
    key_file: KeyFile, keystore: KeyStore, prompter: Prompter
) -> tuple[bytes, UnlockedWith, str]:
    """Return the data key, how it was found, and a notice for the person (or "").

    The keyring is tried first; otherwise the person is asked until a passphrase or
    the recovery key opens the key file, or they cancel (UnlockCancelledError).
    """
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
    return data_key, key_file


def forget_new_key(keystore: KeyStore, key_file: KeyFile) -> None:
    """Take a new profile's key back out of the keyring when the profile could not be made."""
    if key_file.storage is KeyStorage.KEYRING:
        with contextlib.suppress(KeystoreUnavailableError):
            keystore.delete(key_file.profile_id)
