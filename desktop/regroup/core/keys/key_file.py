"""The key file beside the database: wrapped copies of the data key and a key-check value.

It holds nothing that opens the database without the recovery key, the passphrase or
the OS keyring, so it can sit next to the database and go into the same backups. A
spare copy (``regroup.key.copy``) is written beside it, so that one damaged or
deleted file never stands between a right key and the diary.
"""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from regroup.core.errors import KeyFileError
from regroup.core.record import record
from regroup.core.storage.files import atomic_write_bytes

KEY_FILE_FORMAT = 1


@record
class WrappedKey:
    """The data key sealed under a key derived from a secret the user holds."""

    kdf: str
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    scrypt_log2_n: int = 0


SCRYPT_LOWEST_READ = 10
"""The cheapest scrypt cost a key file may name (old and test files)."""
SCRYPT_HIGHEST_READ = 24
"""The dearest: above it a damaged digit would ask for gigabytes of memory."""


def passphrase_settings_usable(wrapped: WrappedKey) -> bool:
    """Tell whether a passphrase wrap names settings that some passphrase could open."""
    return wrapped.kdf == "scrypt" and (
        SCRYPT_LOWEST_READ <= wrapped.scrypt_log2_n <= SCRYPT_HIGHEST_READ
    )


class KeyStorage(StrEnum):
    """Where the data key is found at each start."""

    KEYRING = "keyring"
    PASSPHRASE = "passphrase"


@record
class KeyFile:
    """What the key file records about one profile."""

    profile_id: str
    storage: KeyStorage
    key_check: str
    recovery: WrappedKey
    passphrase: WrappedKey | None = None

    def with_passphrase(self, wrapped: WrappedKey | None) -> KeyFile:
        """Return a copy whose passphrase wrap is replaced."""
        storage = KeyStorage.PASSPHRASE if wrapped else KeyStorage.KEYRING
        return replace(self, passphrase=wrapped, storage=storage)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _wrapped_to_json(wrapped: WrappedKey) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kdf": wrapped.kdf,
        "salt": _b64(wrapped.salt),
        "nonce": _b64(wrapped.nonce),
        "ciphertext": _b64(wrapped.ciphertext),
    }
    if wrapped.kdf == "scrypt":
        out["log2_n"] = wrapped.scrypt_log2_n
    return out


def _wrapped_from_json(data: dict[str, Any]) -> WrappedKey:
    return WrappedKey(
        kdf=str(data["kdf"]),
        salt=base64.b64decode(data["salt"]),
        nonce=base64.b64decode(data["nonce"]),
        ciphertext=base64.b64decode(data["ciphertext"]),
        scrypt_log2_n=int(data.get("log2_n", 0)),
    )


def spare_path(path: Path) -> Path:
    """Return where the spare copy of the key file at ``path`` is kept."""
    return path.with_name(path.name + ".copy")


def save_key_file(path: Path, key_file: KeyFile) -> None:
    """Write the key file and its spare copy, each atomically, readable by its owner only."""
    data = {
        "format": KEY_FILE_FORMAT,
        "app": "Regroup",
        "profile_id": key_file.profile_id,
        "storage": key_file.storage.value,
        "key_check": key_file.key_check,
        "recovery": _wrapped_to_json(key_file.recovery),
        "passphrase": _wrapped_to_json(key_file.passphrase) if key_file.passphrase else None,
    }
    text = (json.dumps(data, indent=2) + "\n").encode("utf-8")
    atomic_write_bytes(path, text)
    atomic_write_bytes(spare_path(path), text)


def load_key_files(path: Path, extra: tuple[Path, ...] = ()) -> tuple[list[KeyFile], str]:
    """Return every readable copy of the key file (the main one first) and why it is not.

    ``extra`` names more copies, such as the one kept with a backup. The second value
    is "" when the main file is readable, else what is wrong with it.
    """
    found: list[KeyFile] = []
    problem = ""
    for candidate in (path, spare_path(path), *extra):
        try:
            key_file = load_key_file(candidate)
        except KeyFileError as exc:
            problem = problem or (str(exc) if candidate == path else "")
            continue
        if key_file not in found:
            found.append(key_file)
    return found, problem


def load_key_file(path: Path) -> KeyFile:
    """Read the key file, explaining clearly when it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KeyFileError(f"The key file {path} is missing.") from exc
    except (OSError, ValueError) as exc:
        raise KeyFileError(f"The key file {path} cannot be read: {exc}.") from exc
    if not isinstance(data, dict) or data.get("app") != "Regroup":
        raise KeyFileError(f"{path} is not a Regroup key file.")
    if data.get("format") != KEY_FILE_FORMAT:
        raise KeyFileError(
            f"The key file {path} has format {data.get('format')!r}; this version of "
            f"Regroup reads format {KEY_FILE_FORMAT}. Install a newer Regroup."
        )
    try:
        passphrase = data.get("passphrase")
        return KeyFile(
            profile_id=str(data["profile_id"]),
            storage=KeyStorage(data["storage"]),
            key_check=str(data["key_check"]),
            recovery=_wrapped_from_json(data["recovery"]),
            passphrase=_wrapped_from_json(passphrase) if passphrase else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileError(f"The key file {path} is damaged ({exc}).") from exc


def keyring_profile_id(path: Path) -> str | None:
    """Return the profile id when the key file says the key is in the keyring, else None."""
    try:
        key_file = load_key_file(path)
    except KeyFileError:
        return None
    return key_file.profile_id if key_file.storage is KeyStorage.KEYRING else None
