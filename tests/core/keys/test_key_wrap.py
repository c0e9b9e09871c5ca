"""The data key can only be unwrapped with the secret that wrapped it."""

import pytest

from regroup.core.errors import WrongKeyError
from regroup.core.keys import key_wrap
from regroup.core.keys.key_check import key_check_value, key_matches
from regroup.core.keys.recovery_key import new_recovery_key

PROFILE = "7d7a5c8e-0000-4000-8000-000000000001"
LOW_COST = 10


def test_recovery_key_unwraps_the_data_key() -> None:
    data_key, recovery = key_wrap.new_data_key(), new_recovery_key()
    wrapped = key_wrap.wrap_with_recovery_key(data_key, recovery, PROFILE)
    assert data_key not in wrapped.ciphertext
    assert key_wrap.unwrap_with_recovery_key(wrapped, recovery, PROFILE) == data_key


def test_another_recovery_key_is_refused() -> None:
    wrapped = key_wrap.wrap_with_recovery_key(key_wrap.new_data_key(), new_recovery_key(), PROFILE)
    with pytest.raises(WrongKeyError, match="recovery key does not unlock"):
        key_wrap.unwrap_with_recovery_key(wrapped, new_recovery_key(), PROFILE)


def test_a_wrap_moved_to_another_profile_is_refused() -> None:
    recovery = new_recovery_key()
    wrapped = key_wrap.wrap_with_recovery_key(key_wrap.new_data_key(), recovery, PROFILE)
    with pytest.raises(WrongKeyError):
        key_wrap.unwrap_with_recovery_key(wrapped, recovery, "another-profile")


def test_passphrase_is_compared_after_unicode_normalisation() -> None:
    data_key = key_wrap.new_data_key()
    composed, decomposed = (
        "caf\u00e9 \U0001f331 \u05e9\u05dc\u05d5\u05dd",
        "cafe\u0301 \U0001f331 \u05e9\u05dc\u05d5\u05dd",
    )
    wrapped = key_wrap.wrap_with_passphrase(data_key, composed, PROFILE, LOW_COST)
    assert key_wrap.unwrap_with_passphrase(wrapped, decomposed, PROFILE) == data_key
    with pytest.raises(WrongKeyError, match="passphrase does not unlock"):
        key_wrap.unwrap_with_passphrase(wrapped, "cafe", PROFILE)


def test_calibration_never_goes_below_the_floor() -> None:
    assert key_wrap.calibrate_scrypt(0.0) == 14


def test_key_check_tells_keys_apart() -> None:
    data_key = key_wrap.new_data_key()
    check = key_check_value(data_key, PROFILE)
    assert key_matches(data_key, PROFILE, check)
    assert not key_matches(key_wrap.new_data_key(), PROFILE, check)
    assert data_key.hex() not in check
