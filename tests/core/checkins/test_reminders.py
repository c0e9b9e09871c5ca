"""Reminders fire once, stored before they are shown, across restarts, sleep, pauses and nights."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from regroup.core.checkins.listing import CheckinBrowser
from regroup.core.checkins.notices import (
    CHECKIN_READY,
    CHECKINS_READY,
    MISSED,
    MISSED_MANY,
    WRITING_TIME,
    Notice,
    Target,
)
from regroup.core.checkins.reminders import ReminderService
from regroup.core.checkins.schedule import QuietHours
from regroup.core.checkins.types import CheckinAnswers, CheckinStatus
from regroup.core.debriefs.types import DebriefContent, GoalsOnDelete
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile, open_profile
from tests.conftest import TEST_KDF_SECONDS
from tests.core.conftest import Plans
from tests.support.prompter import ScriptedPrompter

UTC = dt.UTC
NEWS = dt.date(2026, 3, 16)
DUE = dt.datetime(2026, 3, 19, 8, 0, tzinfo=UTC)  # 09:00 in Berlin, three days after the news
CONTENT = DebriefContent(company="Acme", role="Analyst", news_on=NEWS, mourning_days=3)


def berlin() -> str:
    return "Europe/Berlin"


@pytest.fixture
def reminders(plans: Plans, profile: Profile) -> ReminderService:
    plans.clock.moment = dt.datetime(2026, 3, 16, 12, 0, tzinfo=UTC)
    return ReminderService(profile.db, plans.clock, berlin)


def at(plans: Plans, moment: dt.datetime) -> None:
    plans.clock.moment = moment


def new_checkin(plans: Plans, **changes: object) -> int:
    record = plans.debriefs.create(dataclasses.replace(CONTENT, **changes), draft=False).record
    assert record.checkin is not None
    return record.checkin.id


def test_a_debrief_with_three_days_to_mourn_raises_its_check_in_on_day_three_once(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    assert reminders.check().notices == ()
    at(plans, DUE - dt.timedelta(seconds=1))
    early = reminders.check()
    assert early.notices == () and early.next_check <= DUE
    at(plans, DUE + dt.timedelta(seconds=20))
    first = reminders.check()
    assert first.notices == (Notice(CHECKIN_READY, Target.CHECKINS, checkin_id),)
    assert first.delivered == (checkin_id,)
    assert plans.checkins.get(checkin_id).delivered_at == DUE + dt.timedelta(seconds=20)
    at(plans, DUE + dt.timedelta(minutes=5))
    assert reminders.check().notices == ()
    assert reminders.due_count() == 1


@pytest.fixture
def reopened(profile: Profile, keystore: SystemKeyStore, plans: Plans) -> Iterator[list[Profile]]:
    opened: list[Profile] = []
    yield opened
    for later in opened:
        later.close()


def restart(profile: Profile, keystore: SystemKeyStore, plans: Plans) -> Profile:
    profile.close()
    return open_profile(
        profile.paths, keystore, ScriptedPrompter(), clock=plans.clock, kdf_seconds=TEST_KDF_SECONDS
    )


def test_check_ins_that_came_due_while_closed_come_once_together_at_the_next_start(
    plans: Plans,
    reminders: ReminderService,
    profile: Profile,
    keystore: SystemKeyStore,
    reopened: list[Profile],
) -> None:
    first = new_checkin(plans)
    second = new_checkin(plans, company="Bolt")
    assert reminders.check().notices == ()
    at(plans, DUE + dt.timedelta(hours=9))  # the app was closed all day
    later = restart(profile, keystore, plans)
    reopened.append(later)
    service = ReminderService(later.db, plans.clock, berlin)
    result = service.check()
    assert result.notices == (Notice(CHECKINS_READY.format(count=2), Target.CHECKINS),)
    assert sorted(result.delivered) == [first, second]
    assert service.check().notices == ()


def test_a_crash_between_marking_and_showing_never_shows_it_twice(
    plans: Plans,
    reminders: ReminderService,
    profile: Profile,
    keystore: SystemKeyStore,
    reopened: list[Profile],
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE + dt.timedelta(minutes=1))
    decided = reminders.check()  # stored; the process dies before it shows anything
    assert decided.delivered == (checkin_id,)
    later = restart(profile, keystore, plans)
    reopened.append(later)
    at(plans, DUE + dt.timedelta(minutes=2))
    assert ReminderService(later.db, plans.clock, berlin).check().notices == ()
    assert later.checkins.get(checkin_id).delivered_at == DUE + dt.timedelta(minutes=1)


def test_asleep_for_three_days_the_check_in_is_missed_and_listed_with_one_quiet_notice(
    plans: Plans, reminders: ReminderService, profile: Profile
) -> None:
    first = new_checkin(plans)
    second = new_checkin(plans, company="Bolt")
    at(plans, DUE + dt.timedelta(days=3))
    result = reminders.check()
    assert result.notices == (Notice(MISSED_MANY.format(count=2), Target.CHECKINS),)
    assert result.notices[0].message.startswith("2 check-ins came due while Regroup was closed")
    assert sorted(result.missed) == [first, second] and result.delivered == ()
    record = plans.checkins.get(first)
    assert record.missed_at == DUE + dt.timedelta(days=3) and record.delivered_at is None
    assert record.status(plans.clock.now()) is CheckinStatus.MISSED
    overview = CheckinBrowser(profile.db, plans.clock).overview()
    assert [item.checkin.id for item in overview.missed] == [first, second]
    assert reminders.check().notices == ()
    assert reminders.due_count() == 2


def test_a_single_missed_check_in_is_named_as_one_and_its_notice_opens_it(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE + dt.timedelta(days=2))
    [notice] = reminders.check().notices
    assert notice == Notice(MISSED, Target.CHECKINS, checkin_id)
    assert notice.message.startswith("A check-in came due while Regroup was closed")
    assert "Missed" in notice.message
    assert "Acme" not in notice.message and "Analyst" not in notice.message  # generic outside


def test_not_yet_puts_the_check_in_off_and_it_comes_again_once(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE + dt.timedelta(minutes=1))
    assert reminders.check().delivered == (checkin_id,)
    answers = CheckinAnswers(feeling=2, what_helped="A long walk")
    snoozed = plans.checkins.snooze_days(checkin_id, 2, answers)
    again = dt.datetime(2026, 3, 21, 8, 0, tzinfo=UTC)
    assert snoozed.snoozed_until == again and snoozed.ready is False
    assert snoozed.feeling == 2 and snoozed.what_helped == "A long walk"
    assert snoozed.status(plans.clock.now()) is CheckinStatus.UPCOMING
    assert reminders.due_count() == 0
    at(plans, again - dt.timedelta(minutes=1))
    assert reminders.check().notices == ()
    at(plans, again + dt.timedelta(minutes=1))
    assert reminders.check().notices == (Notice(CHECKIN_READY, Target.CHECKINS, checkin_id),)
    assert reminders.check().notices == ()


def test_not_yet_with_a_chosen_date_also_brings_back_a_missed_check_in(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE + dt.timedelta(days=4))
    assert reminders.check().missed == (checkin_id,)
    record = plans.checkins.snooze_until(checkin_id, dt.date(2026, 4, 2))
    assert record.missed_at is None
    assert record.snoozed_until == dt.datetime(2026, 4, 2, 7, 0, tzinfo=UTC)  # summer time
    at(plans, dt.datetime(2026, 4, 2, 7, 30, tzinfo=UTC))
    assert reminders.check().delivered == (checkin_id,)


def test_a_debrief_edit_never_moves_a_check_in_that_was_put_off(plans: Plans) -> None:
    record = plans.debriefs.create(CONTENT, draft=False).record
    assert record.checkin is not None
    at(plans, DUE + dt.timedelta(hours=1))
    plans.checkins.snooze_days(record.checkin.id, 1)
    moved = plans.debriefs.update(record.id, dataclasses.replace(CONTENT, mourning_days=10))
    assert moved.record.checkin is not None
    assert moved.record.checkin.due_at == DUE


def test_yes_closes_the_check_in_and_no_reminder_follows(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE - dt.timedelta(hours=1))
    answers = CheckinAnswers(feeling=4, what_helped="Friends", next_step="Call two recruiters")
    closed = plans.checkins.close(checkin_id, answers)
    assert closed.done_at == plans.clock.now() and closed.ready is True
    assert (closed.feeling, closed.next_step) == (4, "Call two recruiters")
    at(plans, DUE + dt.timedelta(minutes=1))
    assert reminders.check().notices == ()
    assert reminders.due_count() == 0


def test_pausing_for_an_hour_holds_the_check_in_until_the_pause_ends(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE - dt.timedelta(minutes=30))
    until = reminders.pause_for()
    assert until == DUE + dt.timedelta(minutes=30)
    assert reminders.paused_until() == until
    at(plans, DUE + dt.timedelta(minutes=10))
    held = reminders.check()
    assert held.notices == () and held.held_until == until
    at(plans, until)
    assert reminders.check().delivered == (checkin_id,)
    assert reminders.paused_until() is None


def test_pausing_until_tomorrow_holds_until_local_midnight_and_resume_ends_it(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    at(plans, DUE - dt.timedelta(hours=1))
    until = reminders.pause_until_tomorrow()
    assert until == dt.datetime(2026, 3, 19, 23, 0, tzinfo=UTC)  # 00:00 in Berlin
    at(plans, DUE + dt.timedelta(hours=2))
    assert reminders.check().notices == ()
    reminders.resume()
    assert reminders.check().delivered == (checkin_id,)


def test_quiet_hours_hold_a_check_in_until_they_end(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    reminders.set_quiet_hours(QuietHours(dt.time(8, 0), dt.time(10, 30)))
    assert reminders.settings().quiet_hours == QuietHours(dt.time(8, 0), dt.time(10, 30))
    at(plans, DUE + dt.timedelta(minutes=5))
    held = reminders.check()
    assert held.notices == ()
    assert held.held_until == dt.datetime(2026, 3, 19, 9, 30, tzinfo=UTC)
    at(plans, dt.datetime(2026, 3, 19, 9, 30, tzinfo=UTC))
    assert reminders.check().delivered == (checkin_id,)
    reminders.set_quiet_hours(None)
    assert reminders.settings().quiet_hours is None


def test_the_daily_writing_reminder_comes_once_a_day_at_its_local_time(
    plans: Plans, reminders: ReminderService
) -> None:
    assert reminders.settings().daily_at is None
    at(plans, dt.datetime(2026, 3, 16, 19, 30, tzinfo=UTC))  # 20:30 in Berlin
    reminders.set_daily(dt.time(20, 0), "Europe/Berlin")
    assert reminders.check().notices == ()  # today's 20:00 was before it was switched on
    at(plans, dt.datetime(2026, 3, 17, 19, 0, 5, tzinfo=UTC))
    fired = reminders.check()
    assert fired.notices == (Notice(WRITING_TIME, Target.DIARY),) and fired.daily_fired
    assert reminders.check().notices == ()
    at(plans, dt.datetime(2026, 3, 18, 19, 1, tzinfo=UTC))
    assert reminders.check().notices == (Notice(WRITING_TIME, Target.DIARY),)
    reminders.set_daily(None)
    at(plans, dt.datetime(2026, 3, 19, 19, 1, tzinfo=UTC))
    assert reminders.check().notices == ()


def test_a_check_in_and_the_writing_reminder_together_make_one_notice(
    plans: Plans, reminders: ReminderService
) -> None:
    checkin_id = new_checkin(plans)
    reminders.set_daily(dt.time(9, 0))
    at(plans, DUE + dt.timedelta(minutes=1))
    result = reminders.check()
    assert result.notices == (Notice(CHECKIN_READY, Target.CHECKINS, checkin_id),)
    assert result.daily_fired


def test_a_check_in_of_a_debrief_in_the_trash_never_fires(
    plans: Plans, reminders: ReminderService
) -> None:
    record = plans.debriefs.create(CONTENT, draft=False).record
    plans.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)
    at(plans, DUE + dt.timedelta(minutes=1))
    assert reminders.check().notices == ()
    assert reminders.due_count() == 0


def test_a_check_in_started_by_hand_needs_no_reminder(
    plans: Plans, reminders: ReminderService, profile: Profile
) -> None:
    no_days = plans.debriefs.create(
        dataclasses.replace(CONTENT, mourning_days=None), draft=False
    ).record
    assert no_days.checkin is None
    started = plans.checkins.start_by_hand(no_days.id)
    assert started.delivered_at == plans.clock.now() and started.due_at == plans.clock.now()
    assert plans.checkins.start_by_hand(no_days.id).id == started.id
    assert reminders.check().notices == ()
    item = CheckinBrowser(profile.db, plans.clock).item(started.id)
    assert item is not None and item.title == "Acme — Analyst"


def test_opening_a_planned_check_in_early_still_reminds_unless_answered(
    plans: Plans, reminders: ReminderService
) -> None:
    looked_at = new_checkin(plans)
    answered = new_checkin(plans, company="Bolt")
    for checkin_id in (looked_at, answered):
        early = plans.checkins.start_by_hand(plans.checkins.get(checkin_id).debrief_id)
        assert early.id == checkin_id and early.delivered_at is None
    plans.checkins.close(answered, CheckinAnswers(feeling=5))
    at(plans, DUE + dt.timedelta(minutes=1))
    assert reminders.check().delivered == (looked_at,)


def test_the_reminder_check_reads_its_partial_index(profile: Profile) -> None:
    from regroup.core.checkins.reminders import _DUE_NOW_SQL, _NEXT_SQL

    for sql in (_DUE_NOW_SQL, _NEXT_SQL):
        steps = profile.db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", ("2026",)).fetchall()
        assert any("checkin_reminder" in str(step) for step in steps), steps


def test_a_check_in_planned_after_its_day_is_ready_now_not_missed(
    plans: Plans, reminders: ReminderService
) -> None:
    at(plans, DUE + dt.timedelta(days=4))  # the debrief is finished four days late
    checkin_id = new_checkin(plans)
    result = reminders.check()
    assert result.notices == (Notice(CHECKIN_READY, Target.CHECKINS, checkin_id),)
    assert result.missed == () and result.delivered == (checkin_id,)
