"""The reminder timer checks at start, on time, and again at once after the clocks jump."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from regroup.core.checkins.schedule import Jump
from regroup.gui.reminders.timer import QtSystemClock, ReminderTimer


class MovingClock:
    """Wall time, monotonic time and zone, each moved by the test."""

    def __init__(self) -> None:
        self.wall = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
        self.steady = 100.0
        self.zone = "Europe/Berlin"

    def now(self) -> datetime:
        return self.wall

    def today(self) -> date:
        return self.wall.date()

    def monotonic(self) -> float:
        return self.steady

    def zone_name(self) -> str:
        return self.zone

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.steady += seconds


def test_it_checks_at_start_and_again_at_once_after_sleep_and_zone_changes(qtbot: QtBot) -> None:
    clock = MovingClock()
    seen: list[Jump] = []

    def check(jump: Jump) -> datetime | None:
        seen.append(jump)
        return None

    timer = ReminderTimer(clock, check)  # type: ignore[arg-type]
    timer.start()
    qtbot.waitUntil(lambda: seen == [Jump.STARTED])
    clock.advance(30)
    timer.tick()
    clock.wall += timedelta(days=3)  # asleep: the monotonic clock stood still
    timer.tick()
    clock.zone = "America/New_York"
    clock.advance(30)
    timer.tick()
    clock.wall -= timedelta(hours=1)
    timer.tick()
    assert seen == [Jump.STARTED, Jump.NONE, Jump.WALL_AHEAD, Jump.ZONE_CHANGED, Jump.WALL_BACK]
    timer.stop()


def test_a_sooner_due_time_gets_its_own_tick(qtbot: QtBot) -> None:
    clock = MovingClock()
    calls: list[Jump] = []

    def check(jump: Jump) -> datetime | None:
        calls.append(jump)
        return clock.now() + timedelta(milliseconds=10) if len(calls) == 1 else None

    timer = ReminderTimer(clock, check)  # type: ignore[arg-type]
    timer.start()
    qtbot.waitUntil(lambda: len(calls) == 2)
    timer.stop()


def test_a_failing_check_is_logged_and_the_timer_goes_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    clock = MovingClock()

    def check(jump: Jump) -> datetime | None:
        raise RuntimeError("database went away")

    timer = ReminderTimer(clock, check)  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR):
        timer.tick()
        timer.tick()
    assert caplog.text.count("the reminder check failed") == 2


def test_the_system_clock_names_an_iana_zone() -> None:
    name = QtSystemClock().zone_name()
    assert name == "UTC" or "/" in name
