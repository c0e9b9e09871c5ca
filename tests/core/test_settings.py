"""Settings live in the profile and refuse values they cannot take."""

from __future__ import annotations

import pytest

from regroup.core.profile import Profile
from regroup.core.settings import SettingValueError


def test_the_default_days_before_a_check_in_is_3_until_changed(profile: Profile) -> None:
    assert profile.settings.default_mourning_days() == 3
    profile.settings.set_default_mourning_days(7)
    assert profile.settings.default_mourning_days() == 7
    assert profile.settings.get("default_mourning_days") == "7"


@pytest.mark.parametrize("days", [-1, 366, True])
def test_impossible_days_are_refused(profile: Profile, days: int) -> None:
    with pytest.raises(SettingValueError, match="0 to 365"):
        profile.settings.set_default_mourning_days(days)
    assert profile.settings.get("default_mourning_days") is None


def test_a_damaged_stored_value_falls_back_to_the_default(profile: Profile) -> None:
    profile.settings.set("default_mourning_days", "soon")
    assert profile.settings.default_mourning_days() == 3
    profile.settings.set("theme", "dark")
    assert profile.settings.get("theme") == "dark"
    assert profile.settings.get("missing") is None


def test_the_colour_scheme_follows_the_system_until_chosen(profile: Profile) -> None:
    assert profile.settings.theme() == "system"
    profile.settings.set_theme("dark")
    assert profile.settings.theme() == "dark"
    profile.settings.set("theme", "neon")  # written by hand, or by a later version
    assert profile.settings.theme() == "system"


def test_an_unknown_colour_scheme_is_refused(profile: Profile) -> None:
    profile.settings.set_theme("light")
    with pytest.raises(SettingValueError, match="system, light, dark"):
        profile.settings.set_theme("Dark mode")
    assert profile.settings.theme() == "light"
