"""Reminder arithmetic with time that the test moves: days, sleep, DST, zones, quiet hours."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta

import pytest

from regroup.core.checkins.schedule import (
    DailyReminder,
    Due,
    ItemKind,
    Jump,
    OneOff,
    Plan,
    Policy,
    QuietHours,
    Reading,
    detect_jump,
    due_after_days,
    local_instant,
    next_local_time,
    pause_until_tomorrow,
    plan,
    release_time,
)

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@dataclass
class Reminders:
    """What the DB-backed service will do: mark delivered (or missed) before anything shows."""

    one_offs: dict[int, OneOff] = field(default_factory=dict)
    dailies: dict[int, DailyReminder] = field(default_factory=dict)
    shown: list[tuple[datetime, tuple[Due, ...]]] = field(default_factory=list)
    missed: list[Due] = field(default_factory=list)

    def tick(self, now: datetime, policy: Policy) -> Plan:
        result = plan(self.one_offs.values(), self.dailies.values(), now, policy)
        for due in result.missed:
            del self.one_offs[due.id]
            self.missed.append(due)
        for due in result.deliver:
            if due.kind is ItemKind.DAILY:
                self.dailies[due.id] = replace(self.dailies[due.id], last_fired=due.due_at)
            else:
                del self.one_offs[due.id]
        if result.deliver:
            self.shown.append((now, result.deliver))
        return result

    def run(self, start: datetime, end: datetime, policy: Policy) -> int:
        """Tick at start, then whenever the plan asks, until ``end``; return the tick count."""
        now, ticks = start, 0
        while now <= end:
            ticks += 1
            now = self.tick(now, policy).next_check
        return ticks

    def shown_at(self) -> list[datetime]:
        return [when for when, dues in self.shown for _ in dues]


def test_a_debrief_with_three_days_to_mourn_raises_its_check_in_on_day_three_once() -> None:
    written = utc(2026, 5, 4, 9, 15)
    due = due_after_days(written, 3, BERLIN)
    assert due == utc(2026, 5, 7, 9, 15)
    reminders = Reminders(one_offs={7: OneOff(7, due)})
    reminders.run(written, written + 6 * DAY, Policy(BERLIN))
    assert reminders.shown_at() == [due]
    assert reminders.shown[0][1][0].id == 7
    assert reminders.missed == []


def test_checking_every_minute_still_shows_it_once() -> None:
    start = utc(2026, 5, 4, 9, 0)
    reminders = Reminders(one_offs={1: OneOff(1, start + 30 * MINUTE)})
    now = start
    while now < start + 3 * HOUR:
        reminders.tick(now, Policy(BERLIN))
        now += MINUTE
    assert reminders.shown_at() == [start + 30 * MINUTE]


def test_the_next_check_is_at_the_due_time_when_that_comes_before_the_regular_one() -> None:
    now = utc(2026, 5, 4, 9, 0)
    result = plan([OneOff(1, now + timedelta(seconds=7))], [], now, Policy(BERLIN))
    assert result.next_check == now + timedelta(seconds=7)
    assert plan([], [], now, Policy(BERLIN)).next_check == now + timedelta(seconds=30)


def test_items_that_came_due_while_the_app_was_closed_fire_once_together_at_start() -> None:
    closed = utc(2026, 5, 4, 18, 0)
    reminders = Reminders(
        one_offs={
            1: OneOff(1, closed + 2 * HOUR),
            2: OneOff(2, closed + 9 * HOUR),
            3: OneOff(3, closed + 3 * DAY),
        }
    )
    reminders.tick(closed, Policy(BERLIN))
    started = closed + 14 * HOUR
    reminders.run(started, started + HOUR, Policy(BERLIN))
    assert len(reminders.shown) == 1
    when, dues = reminders.shown[0]
    assert when == started
    assert [due.id for due in dues] == [1, 2]
    assert list(reminders.one_offs) == [3]


def test_a_laptop_asleep_three_days_lists_old_items_as_missed_instead_of_a_burst() -> None:
    slept = utc(2026, 5, 4, 22, 0)
    reminders = Reminders(
        one_offs={
            1: OneOff(1, slept + 5 * HOUR),
            2: OneOff(2, slept + DAY),
            3: OneOff(3, slept + 2 * DAY + 20 * HOUR),
        }
    )
    before = Reading(slept, 1000.0, BERLIN)
    woke = slept + 3 * DAY
    # On Linux the monotonic clock stops while the machine sleeps.
    after = Reading(woke, 1030.0, BERLIN)
    assert detect_jump(before, after) == Jump.WALL_AHEAD
    reminders.tick(woke, Policy(BERLIN))
    assert sorted(due.id for due in reminders.missed) == [1, 2]
    assert [[due.id for due in dues] for _, dues in reminders.shown] == [[3]]
    reminders.run(woke, woke + DAY, Policy(BERLIN))
    assert len(reminders.shown) == 1


def test_a_late_tick_is_noticed_where_the_monotonic_clock_counts_sleep() -> None:
    before = Reading(utc(2026, 5, 4, 22, 0), 50.0, BERLIN)
    after = Reading(utc(2026, 5, 5, 6, 0), 50.0 + 8 * 3600, BERLIN)
    assert detect_jump(before, after) == Jump.TICK_LATE


def test_ordinary_ticks_raise_no_flag_and_the_first_one_asks_for_a_check() -> None:
    first = Reading(utc(2026, 5, 4, 12, 0), 10.0, BERLIN)
    second = Reading(utc(2026, 5, 4, 12, 0, 31), 41.2, BERLIN)
    assert detect_jump(None, first) == Jump.STARTED
    assert detect_jump(first, second) == Jump.NONE


def test_the_clock_set_back_an_hour_is_noticed_and_fires_nothing_twice() -> None:
    start = utc(2026, 5, 4, 17, 0)
    reminders = Reminders(
        one_offs={1: OneOff(1, start + 30 * MINUTE)},
        dailies={9: DailyReminder(9, time(19, 45), BERLIN, active_since=start)},
    )
    reminders.run(start, start + 2 * HOUR, Policy(BERLIN))
    assert reminders.shown_at() == [start + 30 * MINUTE, utc(2026, 5, 4, 17, 45)]
    set_back = start + 2 * HOUR - HOUR
    reading = Reading(start + 2 * HOUR, 7200.0, BERLIN)
    assert detect_jump(reading, Reading(set_back, 7210.0, BERLIN)) == Jump.WALL_BACK
    reminders.run(set_back, set_back + 3 * HOUR, Policy(BERLIN))
    assert len(reminders.shown) == 2


def test_a_daily_reminder_follows_the_wall_clock_across_berlin_dst() -> None:
    start = utc(2026, 3, 26, 12, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(20, 0), BERLIN, active_since=start)})
    reminders.run(start, utc(2026, 3, 31, 12, 0), Policy(BERLIN))
    assert reminders.shown_at() == [
        utc(2026, 3, 26, 19, 0),
        utc(2026, 3, 27, 19, 0),
        utc(2026, 3, 28, 19, 0),
        utc(2026, 3, 29, 18, 0),
        utc(2026, 3, 30, 18, 0),
    ]


def test_a_0230_reminder_fires_once_at_the_shifted_time_when_berlin_springs_forward() -> None:
    start = utc(2026, 3, 28, 12, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(2, 30), BERLIN, active_since=start)})
    reminders.run(start, utc(2026, 3, 30, 12, 0), Policy(BERLIN))
    # 02:30 does not exist on 29 March; 01:30 UTC is 03:30 CEST, just after the gap.
    assert reminders.shown_at() == [utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30)]


def test_a_0230_reminder_fires_once_when_berlin_falls_back() -> None:
    start = utc(2026, 10, 24, 12, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(2, 30), BERLIN, active_since=start)})
    now = start
    while now < utc(2026, 10, 26, 12, 0):
        reminders.tick(now, Policy(BERLIN))
        now += 10 * MINUTE
    # 02:30 happens twice on 25 October (00:30 and 01:30 UTC): only the first fires.
    assert reminders.shown_at() == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]


def test_new_york_dst_changes_move_the_utc_time_and_never_double_fire() -> None:
    spring = utc(2026, 3, 7, 0, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(2, 30), NEW_YORK, spring)})
    reminders.run(spring, utc(2026, 3, 9, 6, 0), Policy(NEW_YORK))
    assert reminders.shown_at() == [utc(2026, 3, 7, 7, 30), utc(2026, 3, 8, 7, 30)]
    autumn = utc(2026, 10, 31, 12, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(1, 30), NEW_YORK, autumn)})
    reminders.run(autumn, utc(2026, 11, 2, 12, 0), Policy(NEW_YORK))
    assert reminders.shown_at() == [utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30)]


def test_a_check_in_keeps_its_local_time_across_a_dst_change() -> None:
    written = utc(2026, 3, 6, 15, 0)  # 10:00 in New York, still on standard time
    assert due_after_days(written, 3, NEW_YORK) == utc(2026, 3, 9, 14, 0)
    assert due_after_days(utc(2026, 10, 23, 8, 0), 3, BERLIN) == utc(2026, 10, 26, 9, 0)


def test_a_zone_change_is_noticed_and_the_moved_reminder_fires_once_a_local_day() -> None:
    start = utc(2026, 6, 1, 12, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(20, 0), BERLIN, start)})
    reminders.run(start, utc(2026, 6, 1, 19, 30), Policy(BERLIN))
    assert reminders.shown_at() == [utc(2026, 6, 1, 18, 0)]
    landed = utc(2026, 6, 1, 22, 0)  # 18:00 in New York, same local day
    assert detect_jump(
        Reading(landed - MINUTE, 100.0, BERLIN), Reading(landed, 160.0, NEW_YORK)
    ) == (Jump.ZONE_CHANGED)
    reminders.dailies[1] = replace(reminders.dailies[1], zone=NEW_YORK)
    reminders.run(landed, utc(2026, 6, 3, 12, 0), Policy(NEW_YORK))
    # 20:00 in New York on 1 June is the same local day: not again; then daily at 00:00 UTC.
    assert reminders.shown_at() == [utc(2026, 6, 1, 18, 0), utc(2026, 6, 3, 0, 0)]


def test_quiet_hours_across_midnight_hold_items_until_they_end() -> None:
    quiet = QuietHours(time(22, 0), time(7, 0))
    assert quiet.contains(time(23, 0)) and quiet.contains(time(6, 59))
    assert not quiet.contains(time(7, 0)) and not quiet.contains(time(21, 59))
    assert not QuietHours(time(9, 0), time(9, 0)).contains(time(9, 0))
    policy = Policy(BERLIN, quiet_hours=quiet)
    due = utc(2026, 5, 4, 21, 0)  # 23:00 in Berlin
    reminders = Reminders(one_offs={1: OneOff(1, due)})
    first = reminders.tick(due, policy)
    assert first.deliver == () and first.held_until == utc(2026, 5, 5, 5, 0)
    assert first.next_due == utc(2026, 5, 5, 5, 0)
    assert first.next_check == due + timedelta(seconds=30)
    reminders.run(due, due + DAY, policy)
    assert reminders.shown_at() == [utc(2026, 5, 5, 5, 0)]


def test_quiet_hours_within_one_day_and_a_daily_reminder_inside_them() -> None:
    policy = Policy(BERLIN, quiet_hours=QuietHours(time(13, 0), time(14, 30)))
    start = utc(2026, 5, 4, 8, 0)
    reminders = Reminders(dailies={1: DailyReminder(1, time(13, 30), BERLIN, start)})
    reminders.run(start, start + DAY, policy)
    assert reminders.shown_at() == [utc(2026, 5, 4, 12, 30)]


def test_a_snoozed_check_in_waits_for_the_snooze_and_then_fires_once() -> None:
    due = utc(2026, 5, 4, 9, 0)
    reminders = Reminders(one_offs={1: OneOff(1, due, snoozed_until=due + 2 * HOUR)})
    reminders.run(due - HOUR, due + DAY, Policy(BERLIN))
    assert reminders.shown_at() == [due + 2 * HOUR]
    assert reminders.shown[0][1][0].due_at == due + 2 * HOUR


def test_pausing_for_an_hour_and_until_tomorrow() -> None:
    now = utc(2026, 5, 4, 15, 0)
    reminders = Reminders(one_offs={1: OneOff(1, now + 10 * MINUTE)})
    reminders.run(now, now + 3 * HOUR, Policy(BERLIN, paused_until=now + HOUR))
    assert reminders.shown_at() == [now + HOUR]
    tomorrow = pause_until_tomorrow(now, BERLIN)
    assert tomorrow == utc(2026, 5, 4, 22, 0)  # midnight in Berlin
    assert release_time(now, Policy(BERLIN, paused_until=tomorrow)) == tomorrow
    quiet = Policy(BERLIN, paused_until=tomorrow, quiet_hours=QuietHours(time(23), time(8)))
    assert release_time(now, quiet) == utc(2026, 5, 5, 6, 0)


def test_a_daily_reminder_missed_by_far_is_skipped_not_fired_late() -> None:
    start = utc(2026, 5, 4, 8, 0)
    reminder = DailyReminder(1, time(20, 0), BERLIN, start)
    late_morning = utc(2026, 5, 5, 9, 0)
    result = plan([], [reminder], late_morning, Policy(BERLIN))
    assert result.deliver == () and result.missed == ()
    soon_after = plan([], [reminder], utc(2026, 5, 4, 19, 30), Policy(BERLIN))
    assert [due.kind for due in soon_after.deliver] == [ItemKind.DAILY]


def test_a_reminder_switched_on_after_its_time_waits_for_the_next_day() -> None:
    switched_on = utc(2026, 5, 4, 19, 0)  # 21:00 in Berlin
    reminders = Reminders(dailies={1: DailyReminder(1, time(20, 0), BERLIN, switched_on)})
    reminders.run(switched_on, switched_on + DAY, Policy(BERLIN))
    assert reminders.shown_at() == [utc(2026, 5, 5, 18, 0)]


def test_wall_times_in_gaps_and_folds_resolve_to_one_instant() -> None:
    gap = local_instant(datetime(2026, 3, 29).date(), time(2, 30), BERLIN)
    assert gap == utc(2026, 3, 29, 1, 30)
    fold = local_instant(datetime(2026, 10, 25).date(), time(2, 30), BERLIN)
    assert fold == utc(2026, 10, 25, 0, 30)
    after = next_local_time(time(7, 0), BERLIN, utc(2026, 5, 4, 5, 0))
    assert after == utc(2026, 5, 5, 5, 0)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        plan([OneOff(1, datetime(2026, 5, 4, 9, 0))], [], utc(2026, 5, 4, 9, 0), Policy(BERLIN))


def test_two_thousand_check_ins_are_planned_in_one_pass() -> None:
    now = utc(2026, 5, 4, 12, 0)
    items = [OneOff(n, now + (n - 1000) * HOUR / 10) for n in range(2000)]
    result = plan(items, [], now, Policy(BERLIN))
    assert len(result.deliver) == 241  # due within the last day, now included
    assert len(result.missed) == 760
    assert result.next_check == now + timedelta(seconds=30)
