"""The recovery key: 160 random bits a person can write down, read out and type back.

It is shown as eight groups of four characters in Crockford's base32, which has no
I, L, O or U. Typing is forgiving: case, spaces and dashes do not matter, and the
look-alikes I/L (read as 1) and O (read as 0) are accepted.
"""

from __future__ import annotations

import secrets

from regroup.core.errors import InvalidRecoveryKeyError

RECOVERY_KEY_BYTES = 20
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES = {ch: i for i, ch in enumerate(_ALPHABET)} | {"I": 1, "L": 1, "O": 0}
_GROUP = 4
_LENGTH = RECOVERY_KEY_BYTES * 8 // 5


def new_recovery_key() -> bytes:
    """Return fresh random recovery-key material."""
    return secrets.token_bytes(RECOVERY_KEY_BYTES)


def format_recovery_key(raw: bytes) -> str:
    """Return the key as ``ABCD-EFGH-...``, the only form the user ever sees."""
    number = int.from_bytes(raw, "big")
    chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_LENGTH))]
    text = "".join(chars)
    return "-".join(text[i : i + _GROUP] for i in range(0, _LENGTH, _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Turn what the user typed back into key material, or explain why it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != _LENGTH:
        raise InvalidRecoveryKeyError(
            f"A recovery key has {_LENGTH} letters and digits; this has {len(cleaned)}."
        )
    number = 0
    for ch in cleaned:
        if ch not in _VALUES:
            raise InvalidRecoveryKeyError(
                f"A recovery key has no letter {ch!r}; check that group again."
            )
        number = (number << 5) | _VALUES[ch]
    return number.to_bytes(RECOVERY_KEY_BYTES, "big")
