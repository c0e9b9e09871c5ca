"""The app lock's rules: a PIN kept only as a verifier, a kind wait, an idle time."""

from __future__ import annotations

import pytest

from regroup.core.errors import KeyFileError, ValidationError
from regroup.core.keys.app_lock import (
    MAX_WAIT_SECONDS,
    IdleRule,
    PinVerifier,
    TryGate,
    check_pin,
    passphrase_opens,
    wait_after,
)
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.settings import SettingValueError
from tests.conftest import TEST_KDF_SECONDS
from tests.support.prompter import ScriptedPrompter

FAST = 10
"""A cheap scrypt cost for tests that make many verifiers; the app uses 2**15."""


def test_a_pin_is_kept_only_as_a_salted_verifier_that_knows_it_again() -> None:
    verifier = PinVerifier.for_pin("482913", log2_n=FAST)
    stored = verifier.to_text()
    assert "482913" not in stored
    again = PinVerifier.from_text(stored)
    assert again.matches("482913")
    assert not again.matches("482914")
    assert PinVerifier.for_pin("482913", log2_n=FAST).to_text() != stored  # a fresh salt


def test_the_app_derives_its_pin_verifier_at_a_real_scrypt_cost() -> None:
    verifier = PinVerifier.for_pin("0000")
    assert (verifier.log2_n, verifier.r, verifier.p) == (15, 8, 1)
    assert verifier.matches("0000")


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "12 34", "١٢٣٤", "🙂🙂🙂🙂", ""])
def test_a_pin_that_is_not_4_to_12_plain_digits_is_refused_with_a_clear_message(pin: str) -> None:
    with pytest.raises(ValidationError, match="4 to 12 digits"):
        check_pin(pin)
    assert not PinVerifier.for_pin("1234", log2_n=FAST).matches(pin)


@pytest.mark.parametrize(
    "text", ["", "scrypt$15$8$1$abc", "bcrypt$15$8$1$AAAA$AAAA", "scrypt$99$8$1$AAAA$AAAA"]
)
def test_a_damaged_pin_record_is_a_message_not_a_traceback(text: str) -> None:
    with pytest.raises(KeyFileError, match="set the PIN again"):
        PinVerifier.from_text(text)


def test_the_first_wrong_tries_are_free_then_the_wait_grows_to_half_a_minute() -> None:
    waits = [wait_after(tries) for tries in range(1, 12)]
    assert waits[:2] == [0.0, 0.0]
    assert waits[2:6] == [1.0, 2.0, 4.0, 8.0]
    assert max(waits) == MAX_WAIT_SECONDS == waits[-1]


def test_the_gate_holds_the_next_try_for_the_wait_and_a_right_try_starts_again() -> None:
    gate = TryGate()
    for now in (0.0, 1.0):
        assert gate.wrong(now) == 0.0
    assert gate.wrong(2.0) == 1.0
    assert gate.seconds_left(2.5) == 0.5
    assert gate.seconds_left(3.0) == 0.0
    assert gate.wrong(3.0) == 2.0
    gate.right()
    assert gate.seconds_left(3.0) == 0.0
    assert gate.wrong(3.0) == 0.0


def test_the_idle_rule_is_due_after_its_minutes_without_input_and_never_when_off() -> None:
    rule = IdleRule(5)
    assert rule.seconds_left(100.0, 100.0) == 300.0
    assert not rule.due(100.0, 399.0)
    assert rule.due(100.0, 400.0)
    assert IdleRule(None).seconds_left(0.0, 10_000.0) is None
    assert not IdleRule(None).due(0.0, 10_000.0)


def test_the_lock_settings_are_off_until_chosen_and_keep_only_the_verifier(
    profile: Profile,
) -> None:
    settings = profile.settings
    assert settings.lock_idle_minutes() is None
    assert settings.lock_pin() is None
    settings.set_lock_idle_minutes(15)
    assert settings.lock_idle_minutes() == 15
    settings.set_lock_pin("2468")
    assert "2468" not in (settings.get("lock.pin_verifier") or "")
    pin = settings.lock_pin()
    assert pin is not None and pin.matches("2468")
    settings.remove_lock_pin()
    assert settings.lock_pin() is None
    settings.set_lock_idle_minutes(None)
    assert settings.lock_idle_minutes() is None


@pytest.mark.parametrize("minutes", [0, 121, -5, True])
def test_idle_minutes_outside_1_to_120_are_refused(profile: Profile, minutes: int) -> None:
    with pytest.raises(SettingValueError, match="1 to 120 minutes"):
        profile.settings.set_lock_idle_minutes(minutes)
    assert profile.settings.lock_idle_minutes() is None


def test_a_damaged_stored_lock_setting_reads_as_not_set(profile: Profile) -> None:
    profile.settings.set("lock.idle_minutes", "soon")
    profile.settings.set("lock.pin_verifier", "scrypt$broken")
    assert profile.settings.lock_idle_minutes() is None
    assert profile.settings.lock_pin() is None


def test_a_keyring_profile_has_no_passphrase_to_unlock_with(profile: Profile) -> None:
    assert not passphrase_opens(profile.key_file, "anything at all")


@pytest.mark.usefixtures("no_keyring")
def test_the_passphrase_opens_the_lock_without_reopening_the_profile(paths: ProfilePaths) -> None:
    person = ScriptedPrompter(passphrase="a long enough phrase")
    opened = open_profile(paths, SystemKeyStore(), person, kdf_seconds=TEST_KDF_SECONDS)
    try:
        assert passphrase_opens(opened.key_file, "a long enough phrase")
        assert not passphrase_opens(opened.key_file, "a long enough phrasE")
        assert not passphrase_opens(opened.key_file, "")
    finally:
        opened.close()
