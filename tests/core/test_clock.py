"""The system clock names the machine's IANA zone, and sees a change of it."""

from __future__ import annotations

import pytest

from regroup.core.clock import SystemClock, system_zone_name


def test_tz_names_the_zone_and_a_change_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    clock = SystemClock()
    assert clock.zone_name() == "Europe/Berlin"
    monkeypatch.setenv("TZ", ":America/New_York")
    assert clock.zone_name() == "America/New_York"


def test_a_bad_tz_falls_back_to_the_system_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TZ", raising=False)
    expected = system_zone_name()
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert system_zone_name() == expected
    monkeypatch.setenv("TZ", "/etc/../etc/passwd")
    assert system_zone_name() == expected


def test_the_monotonic_clock_moves_forward() -> None:
    clock = SystemClock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.now().tzinfo is not None
