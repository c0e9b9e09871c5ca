"""Settings › Key and recovery: a new recovery key, a passphrase, the keyring or not.

Each change writes the key file beside its final name and then replaces it (with its
spare copy), and orders its steps so that a crash between two of them leaves a key
that still opens the diary: the keyring is written before the database changes key,
and the new recovery key, which the person has already kept, opens the diary alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from regroup.core.errors import KeystoreUnavailableError, ValidationError
from regroup.core.keys import key_wrap
from regroup.core.keys.key_check import key_check_value
from regroup.core.keys.key_file import KeyFile, KeyStorage, WrappedKey, save_key_file
from regroup.core.keys.keystore import KeyStore
from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key
from regroup.core.keys.unlocking import DEFAULT_KDF_SECONDS, check_new_passphrase

__all__ = ["NEW_KEY_WARNING", "KeyManager", "check_new_passphrase"]

NEW_KEY_WARNING = (
    "Your current recovery key will stop opening this diary, and Regroup will show you "
    "a new one to keep. Backups made before now still open with the old key, so keep "
    "it too until those backups have rotated away."
)


class KeyManager:
    """Changes to where the open profile's key is kept; the profile follows each change."""

    def __init__(
        self,
        path: Path,
        key_file: KeyFile,
        data_key: bytes,
        keystore: KeyStore,
        rekey: Callable[[bytes], None],
        changed: Callable[[KeyFile], None],
        kdf_seconds: float = DEFAULT_KDF_SECONDS,
    ) -> None:
        self._path = path
        self.key_file = key_file
        self._key = data_key
        self._keystore = keystore
        self._rekey = rekey
        self._changed = changed
        self._kdf_seconds = kdf_seconds

    @property
    def data_key(self) -> bytes:
        """The key the database is encrypted with now."""
        return self._key

    @staticmethod
    def draw_recovery_key() -> str:
        """Return a fresh recovery key to show; nothing changes until it is confirmed."""
        return format_recovery_key(new_recovery_key())

    def _passphrase_wrap(self, data_key: bytes, passphrase: str | None) -> WrappedKey:
        if passphrase is None:
            raise ValidationError("Type your passphrase to make this change.")
        current = self.key_file.passphrase
        if current is not None:
            key_wrap.unwrap_with_passphrase(current, passphrase, self.key_file.profile_id)
            log2_n = current.scrypt_log2_n
        else:
            log2_n = key_wrap.calibrate_scrypt(self._kdf_seconds)
        return key_wrap.wrap_with_passphrase(data_key, passphrase, self.key_file.profile_id, log2_n)

    def replace_recovery_key(self, recovery_key: str, passphrase: str | None = None) -> None:
        """Re-encrypt the diary under a key derived from ``recovery_key``; the old one stops.

        A passphrase-protected profile needs its passphrase, to seal the new key under it.
        """
        from regroup.core.keys.recovery_key import parse_recovery_key

        recovery = parse_recovery_key(recovery_key)
        new_key = key_wrap.derive_data_key(recovery)
        profile_id = self.key_file.profile_id
        wrap = None
        if self.key_file.storage is KeyStorage.PASSPHRASE:
            wrap = self._passphrase_wrap(new_key, passphrase)
        else:
            self._keystore.save(profile_id, new_key)
        try:
            self._rekey(new_key)
        except Exception:
            if wrap is None:
                with contextlib.suppress(KeystoreUnavailableError):
                    self._keystore.save(profile_id, self._key)
            raise
        self._key = new_key
        self._save(
            replace(
                self.key_file,
                key_check=key_check_value(new_key, profile_id),
                recovery=key_wrap.derived_marker(),
                passphrase=wrap,
            )
        )

    def set_passphrase(self, new_passphrase: str, old_passphrase: str | None = None) -> None:
        """Protect the key with a (new) passphrase and take it out of the keyring."""
        check_new_passphrase(new_passphrase)
        if self.key_file.passphrase is not None:
            self._passphrase_wrap(self._key, old_passphrase)  # proves the old one
        log2_n = key_wrap.calibrate_scrypt(self._kdf_seconds)
        wrap = key_wrap.wrap_with_passphrase(
            self._key, new_passphrase, self.key_file.profile_id, log2_n
        )
        self._save(self.key_file.with_passphrase(wrap))
        with contextlib.suppress(KeystoreUnavailableError):
            self._keystore.delete(self.key_file.profile_id)

    def move_to_keyring(self, passphrase: str | None) -> None:
        """Keep the key in the system keyring again, so Regroup opens without asking."""
        self._passphrase_wrap(self._key, passphrase)  # proves the passphrase
        self._keystore.save(self.key_file.profile_id, self._key)
        self._save(self.key_file.with_passphrase(None))

    def _save(self, key_file: KeyFile) -> None:
        save_key_file(self._path, key_file)
        self.key_file = key_file
        self._changed(key_file)
