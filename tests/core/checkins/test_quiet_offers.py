"""A waiting application that goes quiet is offered to close once, through the reminder check."""

from __future__ import annotations

import datetime as dt

import pytest

from regroup.core.checkins.notices import QUIET, QUIET_MANY, Notice, Target
from regroup.core.checkins.reminders import ReminderService
from regroup.core.checkins.schedule import QuietHours
from regroup.core.debriefs.types import Stage
from regroup.core.profile import Profile
from regroup.core.waiting.service import WaitingService
from regroup.core.waiting.types import WaitingContent
from tests.core.conftest import Plans

UTC = dt.UTC
APPLIED = dt.date(2026, 3, 1)
INTERVIEWS = Stage.INTERVIEWS


@pytest.fixture
def reminders(plans: Plans, profile: Profile) -> ReminderService:
    plans.clock.moment = dt.datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    return ReminderService(profile.db, plans.clock, lambda: "Europe/Berlin")


@pytest.fixture
def waiting(plans: Plans, profile: Profile) -> WaitingService:
    return WaitingService(profile.db, plans.clock, plans.settings, plans.debriefs)


def add(waiting: WaitingService, company: str, applied: dt.date = APPLIED) -> int:
    return waiting.add(WaitingContent(company, "Analyst", applied)).id


def test_on_day_21_without_news_the_offer_comes_once_and_never_names_the_company(
    plans: Plans, reminders: ReminderService, waiting: WaitingService
) -> None:
    item_id = add(waiting, "Acme")
    assert reminders.check().notices == ()
    plans.clock.moment = dt.datetime(2026, 3, 21, 22, 30, tzinfo=UTC)  # 23:30 in Berlin, day 20
    assert reminders.check().notices == ()
    plans.clock.moment = dt.datetime(2026, 3, 21, 23, 5, tzinfo=UTC)  # 00:05 on day 21
    check = reminders.check()
    assert check.notices == (Notice(QUIET, Target.WAITING, item_id),)
    assert check.offered == (item_id,)
    assert check.changed
    assert "Acme" not in check.notices[0].message
    for _day in range(1, 40):
        plans.clock.advance(dt.timedelta(days=1))
        assert reminders.check().notices == ()
    assert waiting.get(item_id).offered_at == dt.datetime(2026, 3, 21, 23, 5, tzinfo=UTC)


def test_several_going_quiet_together_share_one_notice_that_opens_the_list(
    plans: Plans, reminders: ReminderService, waiting: WaitingService
) -> None:
    add(waiting, "Acme")
    add(waiting, "Globex")
    add(waiting, "Initech", dt.date(2026, 3, 9))
    plans.clock.moment = dt.datetime(2026, 3, 25, 12, 0, tzinfo=UTC)
    assert reminders.check().notices == (Notice(QUIET_MANY.format(count=2), Target.WAITING),)
    plans.clock.moment = dt.datetime(2026, 3, 30, 12, 0, tzinfo=UTC)
    [notice] = reminders.check().notices
    assert notice.message == QUIET


def test_the_persons_own_quiet_days_decide_and_a_new_stage_earns_a_new_offer(
    plans: Plans, reminders: ReminderService, waiting: WaitingService
) -> None:
    plans.settings.set_quiet_days(5)
    item_id = add(waiting, "Acme", dt.date(2026, 3, 5))
    plans.clock.moment = dt.datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    assert reminders.check().offered == (item_id,)
    waiting.update(item_id, WaitingContent("Acme", "Analyst", dt.date(2026, 3, 5), INTERVIEWS))
    assert waiting.get(item_id).offered_at is None
    plans.clock.advance(dt.timedelta(days=4))
    assert reminders.check().offered == ()
    plans.clock.advance(dt.timedelta(days=1))
    assert reminders.check().offered == (item_id,)


def test_a_pause_or_quiet_hours_hold_the_offer_until_they_end(
    plans: Plans, reminders: ReminderService, waiting: WaitingService
) -> None:
    item_id = add(waiting, "Acme")
    plans.clock.moment = dt.datetime(2026, 3, 25, 12, 0, tzinfo=UTC)
    reminders.pause_for(dt.timedelta(hours=1))
    assert reminders.check().offered == ()
    reminders.resume()
    reminders.set_quiet_hours(QuietHours(dt.time(12, 0), dt.time(14, 0)))
    assert reminders.check().offered == ()
    plans.clock.moment = dt.datetime(2026, 3, 25, 13, 0, tzinfo=UTC)  # 14:00 in Berlin
    assert reminders.check().offered == (item_id,)


def test_a_closed_application_is_never_offered(
    plans: Plans, reminders: ReminderService, waiting: WaitingService
) -> None:
    waiting.close(add(waiting, "Acme"))
    plans.clock.moment = dt.datetime(2026, 4, 25, 12, 0, tzinfo=UTC)
    assert reminders.check().offered == ()
