"""Rebuilding the key file once a key has proved itself by opening the database.

A deleted key file, or one digit changed in it, must never stand between the right
key and the diary: the key that opened the database is sealed again under what the
person gave (recovery key, passphrase) and the file written anew, with its copy.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from regroup.core.errors import KeyFileError, KeystoreUnavailableError
from regroup.core.keys.key_check import key_check_value
from regroup.core.keys.key_file import (
    KeyFile,
    KeyStorage,
    WrappedKey,
    load_key_file,
    passphrase_settings_usable,
    save_key_file,
    spare_path,
)
from regroup.core.keys.keystore import KeyStore
from regroup.core.keys.unlocking import Prompter, Unlocked, UnlockedWith

REBUILT = "Regroup rebuilt its key file, which was missing or damaged; your diary is safe."
_DEFAULT_LOG2_N = 15


def _usable_passphrase_wrap(wrapped: WrappedKey | None) -> bool:
    return wrapped is not None and passphrase_settings_usable(wrapped)


def rebuilt_key_file(
    unlocked: Unlocked, base: KeyFile | None, new_passphrase: str | None = None
) -> KeyFile:
    """Return a key file for ``unlocked.key``, keeping what of ``base`` still holds."""
    from regroup.core.keys import key_wrap  # only a rebuild seals keys

    key = unlocked.key
    if new_passphrase is not None:
        unlocked = replace(unlocked, passphrase=new_passphrase)
    profile_id = base.profile_id if base else str(uuid.uuid4())
    recovery = base.recovery if base else key_wrap.derived_marker()
    if unlocked.recovery is not None:
        if key_wrap.derive_data_key(unlocked.recovery) == key:
            recovery = key_wrap.derived_marker()
        else:
            recovery = key_wrap.wrap_with_recovery_key(key, unlocked.recovery, profile_id)
    passphrase = base.passphrase if base and _usable_passphrase_wrap(base.passphrase) else None
    if unlocked.passphrase is not None:
        old = base.passphrase if base else None
        log2_n = old.scrypt_log2_n if _usable_passphrase_wrap(old) and old else _DEFAULT_LOG2_N
        passphrase = key_wrap.wrap_with_passphrase(key, unlocked.passphrase, profile_id, log2_n)
    return KeyFile(
        profile_id=profile_id,
        storage=KeyStorage.PASSPHRASE if passphrase else KeyStorage.KEYRING,
        key_check=key_check_value(key, profile_id),
        recovery=recovery,
        passphrase=passphrase,
    )


def _broken_passphrase(key_file: KeyFile | None) -> bool:
    """Tell whether a key file holds a passphrase wrap that no passphrase could open."""
    return (
        key_file is not None
        and key_file.passphrase is not None
        and not _usable_passphrase_wrap(key_file.passphrase)
    )


def _spare_is(path: Path, key_file: KeyFile) -> bool:
    try:
        return load_key_file(spare_path(path)) == key_file
    except KeyFileError:
        return False


def settle_key_file(
    path: Path,
    key_files: list[KeyFile],
    main_problem: str,
    unlocked: Unlocked,
    keystore: KeyStore,
    prompter: Prompter,
) -> tuple[KeyFile, str]:
    """Return the key file that goes with the key, and a notice when it had to be rebuilt.

    A healthy main file whose spare copy is gone gets its copy back without a word.
    """
    main = None if main_problem or not key_files else key_files[0]
    broken_passphrase = _broken_passphrase(unlocked.matched)
    if main is not None and unlocked.matched == main and not broken_passphrase:
        if not _spare_is(path, main):
            save_key_file(path, main)
        return main, ""
    base = key_files[0] if key_files else None
    new_passphrase = None
    if broken_passphrase:
        new_passphrase = prompter.choose_passphrase(
            "The passphrase settings in the key file were damaged. Choose your passphrase "
            "again (it may be the same one)."
        )
    if unlocked.matched is not None and not broken_passphrase:
        key_file = unlocked.matched
    else:
        key_file = rebuilt_key_file(unlocked, unlocked.matched or base, new_passphrase)
    save_key_file(path, key_file)
    notice = REBUILT
    offered = base is not None and base.storage is KeyStorage.KEYRING  # find_key asked already
    keyring_empty = unlocked.used is not UnlockedWith.KEYRING and not offered
    if key_file.storage is KeyStorage.KEYRING and keyring_empty:
        try:
            keystore.save(key_file.profile_id, unlocked.key)
        except KeystoreUnavailableError:
            notice += " The recovery key will be asked at the next start."
    return key_file, notice
