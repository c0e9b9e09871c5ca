"""A saved debrief with days to mourn plans one check-in; edits move it until it is delivered."""

from __future__ import annotations

import dataclasses
import datetime as dt

from regroup.core.checkins.schedule import waits_now
from regroup.core.checkins.service import due_instant
from regroup.core.checkins.types import CheckinRecord, CheckinStatus
from regroup.core.debriefs.types import DebriefContent, GoalsOnDelete
from regroup.core.profile import Profile
from tests.core.conftest import BERLIN, Plans

NEWS = dt.date(2026, 3, 16)
CONTENT = DebriefContent(company="Acme", news_on=NEWS, mourning_days=3)


def test_saving_a_debrief_plans_its_check_in_at_nine_local_time(plans: Plans) -> None:
    record = plans.debriefs.create(CONTENT, draft=False).record

    assert record.checkin is not None
    assert record.checkin.due_at == dt.datetime(2026, 3, 19, 8, 0, tzinfo=dt.UTC)
    assert record.checkin_due_at == record.checkin.due_at
    assert plans.checkins.pending() == [record.checkin]


def test_a_draft_has_no_check_in_until_it_is_saved(plans: Plans) -> None:
    draft = plans.debriefs.create(CONTENT, draft=True).record
    assert draft.checkin is None
    saved = plans.debriefs.update(draft.id, CONTENT, draft=False).record
    assert saved.checkin is not None
    assert plans.debriefs.update(draft.id, CONTENT, draft=True).record.checkin is None


def test_no_days_means_no_check_in(plans: Plans) -> None:
    content = dataclasses.replace(CONTENT, mourning_days=None)
    assert plans.debriefs.create(content, draft=False).record.checkin is None


def test_editing_the_news_date_or_the_days_moves_the_check_in(plans: Plans) -> None:
    record = plans.debriefs.create(CONTENT, draft=False).record
    assert record.checkin is not None
    later = plans.debriefs.update(
        record.id, dataclasses.replace(CONTENT, news_on=dt.date(2026, 3, 28))
    ).record
    fewer = plans.debriefs.update(
        record.id, dataclasses.replace(CONTENT, news_on=dt.date(2026, 3, 28), mourning_days=0)
    ).record

    assert later.checkin is not None and fewer.checkin is not None
    # Berlin moves to summer time on 29 March: 09:00 local is 07:00 UTC from then on.
    assert later.checkin.due_at == dt.datetime(2026, 3, 31, 7, 0, tzinfo=dt.UTC)
    assert fewer.checkin.due_at == dt.datetime(2026, 3, 28, 8, 0, tzinfo=dt.UTC)
    assert fewer.checkin.id == record.checkin.id
    assert fewer.checkin.uuid == record.checkin.uuid


def test_a_delivered_check_in_is_not_moved_by_later_edits(plans: Plans, profile: Profile) -> None:
    record = plans.debriefs.create(CONTENT, draft=False).record
    assert record.checkin is not None
    profile.db.execute_sql(
        "UPDATE checkin SET delivered_at = '2026-03-19 08:00:01.000000' WHERE id = ?",
        (record.checkin.id,),
    )
    moved = plans.debriefs.update(
        record.id, dataclasses.replace(CONTENT, news_on=dt.date(2026, 4, 1), mourning_days=None)
    ).record
    assert moved.checkin is not None
    assert moved.checkin.due_at == record.checkin.due_at
    assert moved.checkin.delivered_at == dt.datetime(2026, 3, 19, 8, 0, 1, tzinfo=dt.UTC)


def test_without_a_news_date_the_check_in_counts_from_the_day_it_was_written(
    plans: Plans,
) -> None:
    plans.clock.moment = dt.datetime(2026, 3, 20, 23, 30, tzinfo=dt.UTC)  # 21 March in Berlin
    content = DebriefContent(role="Analyst", mourning_days=2)
    record = plans.debriefs.create(content, draft=False).record
    assert record.checkin is not None
    assert record.checkin.due_at == dt.datetime(2026, 3, 23, 8, 0, tzinfo=dt.UTC)


def test_a_date_beyond_the_calendar_plans_no_check_in_and_says_so(plans: Plans) -> None:
    content = dataclasses.replace(CONTENT, news_on=dt.date(9999, 12, 30))
    result = plans.debriefs.create(content, draft=False)
    assert result.record.checkin is None
    assert "mourning_days" in [w.field for w in result.warnings]
    assert due_instant(dt.date.min, 0) is None


def test_a_trashed_debrief_has_no_pending_check_in(plans: Plans) -> None:
    record = plans.debriefs.create(CONTENT, draft=False).record
    plans.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)
    assert plans.checkins.pending() == []
    assert plans.checkins.for_debrief(record.id) is not None


def test_the_status_follows_from_the_times() -> None:
    due = dt.datetime(2026, 3, 19, 8, 0, tzinfo=dt.UTC)
    checkin = CheckinRecord(1, "u", 1, due, due, due)
    hour = dt.timedelta(hours=1)
    assert checkin.status(due - hour) is CheckinStatus.UPCOMING
    assert checkin.status(due) is CheckinStatus.DUE
    assert checkin.status(due + dt.timedelta(days=7)) is CheckinStatus.MISSED
    snoozed = dataclasses.replace(checkin, snoozed_until=due + dt.timedelta(days=1))
    assert snoozed.status(due + hour) is CheckinStatus.UPCOMING
    assert snoozed.next_due_at == due + dt.timedelta(days=1)
    done = dataclasses.replace(checkin, done_at=due + hour)
    assert done.status(due + dt.timedelta(days=30)) is CheckinStatus.DONE


def test_due_instants_use_the_given_zone() -> None:
    assert due_instant(NEWS, 3, BERLIN) == dt.datetime(2026, 3, 19, 8, 0, tzinfo=dt.UTC)
    assert due_instant(NEWS, 3, dt.UTC) == dt.datetime(2026, 3, 19, 9, 0, tzinfo=dt.UTC)


def test_a_check_in_makes_its_next_step_a_goal_once_and_then_shows_that_goal(
    plans: Plans,
) -> None:
    record = plans.debriefs.create(
        dataclasses.replace(CONTENT, do_differently=("Practise the case study",)), draft=False
    ).record
    assert record.checkin is not None
    checkin_id = record.checkin.id
    lesson = plans.goals.create_from_debrief(record.id, 0)  # a lesson's goal is not the check-in's
    assert plans.checkins.goal_made(checkin_id) is None
    goal = plans.checkins.make_goal(checkin_id, "Send  two applications", plans.goals)
    assert goal.title == "Send two applications" and goal.source_debrief_id == record.id
    assert plans.checkins.goal_made(checkin_id) == goal.id
    again = plans.checkins.make_goal(checkin_id, "Send two applications", plans.goals)
    assert again.id == goal.id
    assert [g.id for g in plans.goals.for_debrief(record.id)] == [lesson.id, goal.id]
    plans.goals.delete(goal.id)
    assert plans.checkins.goal_made(checkin_id) is None  # gone from the board: offer it again


def test_a_check_in_planned_in_the_past_waits_at_once(plans: Plans) -> None:
    now = plans.clock.now()
    five_days_ago = plans.checkins.local_day(now) - dt.timedelta(days=5)
    late = plans.debriefs.create(
        dataclasses.replace(CONTENT, news_on=five_days_ago), draft=False
    ).record
    soon = plans.debriefs.create(
        dataclasses.replace(CONTENT, news_on=plans.checkins.local_day(now)), draft=False
    ).record
    assert waits_now(late.checkin, now)
    assert not waits_now(soon.checkin, now)
    assert not waits_now(None, now)


def test_a_check_in_planned_weeks_after_its_day_is_due_not_missed(plans: Plans) -> None:
    now = plans.clock.now()
    weeks_ago = plans.checkins.local_day(now) - dt.timedelta(days=40)
    record = plans.debriefs.create(
        dataclasses.replace(CONTENT, news_on=weeks_ago), draft=False
    ).record
    assert record.checkin is not None
    assert record.checkin.status(now) is CheckinStatus.DUE
    assert record.checkin.status(now + dt.timedelta(days=7)) is CheckinStatus.MISSED
