"""The recovery key survives being written down and typed back by a person."""

import pytest

from regroup.core.errors import InvalidRecoveryKeyError
from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key, parse_recovery_key


def test_a_shown_key_reads_back_to_the_same_bytes() -> None:
    raw = new_recovery_key()
    shown = format_recovery_key(raw)
    assert len(shown.split("-")) == 8
    assert parse_recovery_key(shown) == raw


def test_typing_is_forgiving_about_case_spaces_and_look_alikes() -> None:
    raw = bytes(range(20))
    shown = format_recovery_key(raw)
    typed = shown.lower().replace("-", "  ").replace("0", "o").replace("1", "l")
    assert parse_recovery_key(typed) == raw


def test_a_key_of_the_wrong_length_is_explained() -> None:
    with pytest.raises(InvalidRecoveryKeyError, match="32 letters and digits; this has 4"):
        parse_recovery_key("ABCD")


def test_two_new_keys_differ() -> None:
    assert new_recovery_key() != new_recovery_key()


def test_a_letter_outside_the_alphabet_is_named() -> None:
    with pytest.raises(InvalidRecoveryKeyError, match="no letter 'U'"):
        parse_recovery_key("U" * 32)
