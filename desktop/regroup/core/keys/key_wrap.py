"""Wrapping the data key: with the recovery key (HKDF) or a passphrase (scrypt), AES-GCM.

The data key never touches the disk in the clear. Opening a profile from the keyring
needs none of this module, so it is imported only when a key is created or recovered.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from regroup.core.errors import WrongKeyError
from regroup.core.keys.key_file import WrappedKey, passphrase_settings_usable

DATA_KEY_BYTES = 32
_NONCE_BYTES = 12
_SALT_BYTES = 16
_RECOVERY_INFO = b"regroup/recovery-wrap/v1"
_DERIVE_INFO = b"regroup/data-key/v1"
DERIVED = "hkdf-derive"
"""The recovery "wrap" of a data key that is derived from the recovery key itself."""
SCRYPT_R = 8
SCRYPT_P = 1
_SCRYPT_MIN_LOG2_N = 14
_SCRYPT_MAX_LOG2_N = 20
DAMAGED_PASSPHRASE_SETTINGS = (
    "The passphrase settings in the key file are damaged, so no passphrase can open it. "
    "Type your recovery key instead; Regroup will then rebuild its key file."
)


def new_data_key() -> bytes:
    """Return a fresh random 256-bit key for the database."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def derive_data_key(recovery: bytes) -> bytes:
    """Return the data key that the recovery key alone yields, with no file but the database.

    The recovery key has 160 random bits, so HKDF needs no salt to stretch it; a new
    profile's database is encrypted under this key, and the key file only caches it.
    """
    hkdf = HKDF(algorithm=hashes.SHA256(), length=DATA_KEY_BYTES, salt=None, info=_DERIVE_INFO)
    return hkdf.derive(recovery)


def derived_marker() -> WrappedKey:
    """Return the key file's note that the data key comes from the recovery key directly."""
    return WrappedKey(DERIVED, b"", b"", b"")


def _recovery_wrapping_key(recovery: bytes, salt: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_RECOVERY_INFO)
    return hkdf.derive(recovery)


def _normalise_passphrase(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _scrypt(passphrase: str, salt: bytes, log2_n: int) -> bytes:
    n = 1 << log2_n
    return hashlib.scrypt(
        _normalise_passphrase(passphrase),
        salt=salt,
        n=n,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=256 * n * SCRYPT_R + (1 << 20),
        dklen=32,
    )


def calibrate_scrypt(target_seconds: float) -> int:
    """Return the scrypt cost (log2 N) whose derivation takes about ``target_seconds`` here.

    The cost doubles from a floor that is already a sound minimum until one more
    doubling would land further from the target (on a log scale) than this one; a
    fast machine gets a stronger setting and a slow one never a weak one.
    """
    log2_n = _SCRYPT_MIN_LOG2_N
    salt = secrets.token_bytes(_SALT_BYTES)
    while log2_n < _SCRYPT_MAX_LOG2_N:
        start = time.perf_counter()
        _scrypt("calibration", salt, log2_n)
        if time.perf_counter() - start >= target_seconds / math.sqrt(2):
            break
        log2_n += 1
    return log2_n


def _seal(wrapping_key: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad)


def _open(wrapping_key: bytes, wrapped: WrappedKey, aad: bytes, what: str) -> bytes:
    try:
        return AESGCM(wrapping_key).decrypt(wrapped.nonce, wrapped.ciphertext, aad)
    except InvalidTag as exc:
        raise WrongKeyError(f"This {what} does not unlock this profile.") from exc


def wrap_with_recovery_key(data_key: bytes, recovery: bytes, profile_id: str) -> WrappedKey:
    """Seal the data key so the recovery key alone can restore it."""
    salt = secrets.token_bytes(_SALT_BYTES)
    nonce, sealed = _seal(_recovery_wrapping_key(recovery, salt), data_key, profile_id.encode())
    return WrappedKey("hkdf-sha256", salt, nonce, sealed)


def unwrap_with_recovery_key(wrapped: WrappedKey, recovery: bytes, profile_id: str) -> bytes:
    """Return the data key, or raise :class:`WrongKeyError`."""
    if wrapped.kdf == DERIVED:
        return derive_data_key(recovery)
    wrapping_key = _recovery_wrapping_key(recovery, wrapped.salt)
    return _open(wrapping_key, wrapped, profile_id.encode(), "recovery key")


def wrap_with_passphrase(
    data_key: bytes, passphrase: str, profile_id: str, scrypt_log2_n: int
) -> WrappedKey:
    """Seal the data key under a passphrase stretched by memory-hard scrypt."""
    salt = secrets.token_bytes(_SALT_BYTES)
    wrapping_key = _scrypt(passphrase, salt, scrypt_log2_n)
    nonce, sealed = _seal(wrapping_key, data_key, profile_id.encode())
    return WrappedKey("scrypt", salt, nonce, sealed, scrypt_log2_n)


def unwrap_with_passphrase(wrapped: WrappedKey, passphrase: str, profile_id: str) -> bytes:
    """Return the data key, or raise :class:`WrongKeyError`.

    Damaged scrypt settings would make hashlib fail or ask for terabytes of memory;
    they are refused with words that send the person to the recovery key instead.
    """
    if not passphrase_settings_usable(wrapped):
        raise WrongKeyError(DAMAGED_PASSPHRASE_SETTINGS)
    try:
        wrapping_key = _scrypt(passphrase, wrapped.salt, wrapped.scrypt_log2_n)
    except (ValueError, MemoryError, OverflowError) as exc:
        raise WrongKeyError(DAMAGED_PASSPHRASE_SETTINGS) from exc
    return _open(wrapping_key, wrapped, profile_id.encode(), "passphrase")
