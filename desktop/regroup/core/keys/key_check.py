"""The key-check value: tells "not this profile's key" apart from "the database is damaged"."""

from __future__ import annotations

import hashlib
import hmac

_LABEL = b"regroup/key-check/v1/"


def key_check_value(data_key: bytes, profile_id: str) -> str:
    """Return a value that proves a key belongs to a profile without revealing the key."""
    return hmac.new(data_key, _LABEL + profile_id.encode(), hashlib.sha256).hexdigest()


def key_matches(data_key: bytes, profile_id: str, expected: str) -> bool:
    """Tell whether a candidate key is this profile's key, in constant time."""
    return hmac.compare_digest(key_check_value(data_key, profile_id), expected)
