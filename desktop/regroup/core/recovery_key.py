"""The recovery key: 160 random bits a person can write down, read out and type back.

It is shown as eight groups of four base32 characters. Typing is forgiving: case,
spaces, dashes and the look-alikes 0/O, 1/I/L and 8/B do not matter.
"""

from __future__ import annotations

import base64
import secrets

from regroup.core.errors import InvalidRecoveryKeyError

RECOVERY_KEY_BYTES = 20
_GROUP = 4
_LENGTH = RECOVERY_KEY_BYTES * 8 // 5
_LOOK_ALIKES = str.maketrans({"0": "O", "1": "I", "L": "I", "8": "B"})


def new_recovery_key() -> bytes:
    """Return fresh random recovery-key material."""
    return secrets.token_bytes(RECOVERY_KEY_BYTES)


def format_recovery_key(raw: bytes) -> str:
    """Return the key as ``ABCD-EFGH-...``, the only form the user ever sees."""
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Turn what the user typed back into key material, or explain why it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOK_ALIKES)
    if len(cleaned) != _LENGTH:
        raise InvalidRecoveryKeyError(
            f"A recovery key has {_LENGTH} letters and digits; this has {len(cleaned)}."
        )
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise InvalidRecoveryKeyError(
            "A recovery key uses only the letters A-Z and the digits 2-7."
        ) from exc
