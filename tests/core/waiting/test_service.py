"""The waiting list keeps applications until they answer, and closes them into debriefs."""

from __future__ import annotations

import datetime as dt

import pytest

from regroup.core.debriefs.types import DebriefStatus, NewsVia, Stage
from regroup.core.profile import Profile
from regroup.core.settings import SettingsService, SettingValueError
from regroup.core.waiting.service import WaitingService
from regroup.core.waiting.types import (
    WaitingContent,
    WaitingNotFoundError,
    WaitingValidationError,
    waiting_target,
    waiting_target_id,
)
from tests.core.conftest import Plans

APPLIED = dt.date(2026, 3, 1)  # the plans clock reads 2026-03-20


@pytest.fixture
def waiting(plans: Plans, profile: Profile) -> WaitingService:
    return WaitingService(profile.db, plans.clock, plans.settings, plans.debriefs)


def acme(**changes: object) -> WaitingContent:
    values: dict[str, object] = {"company": "Acme", "role": "Analyst", "applied_on": APPLIED}
    values.update(changes)
    return WaitingContent(**values)  # type: ignore[arg-type]


def test_an_application_is_listed_with_the_days_it_has_been_quiet(
    waiting: WaitingService,
) -> None:
    item = waiting.add(acme(stage=Stage.SCREENING_CALL, note="Recruiter was Sam 🙂"))
    [listed] = waiting.list()
    assert listed == item
    assert listed.content == acme(stage=Stage.SCREENING_CALL, note="Recruiter was Sam 🙂")
    assert listed.days_quiet == 19
    assert not listed.quiet
    assert waiting.count() == 1


def test_after_the_quiet_days_an_application_counts_as_quiet(
    plans: Plans, waiting: WaitingService
) -> None:
    waiting.add(acme())
    plans.clock.advance(dt.timedelta(days=2))
    [item] = waiting.list()
    assert (item.days_quiet, item.quiet) == (21, True)
    plans.settings.set_quiet_days(30)
    assert not waiting.list()[0].quiet


def test_the_quiet_days_are_21_until_changed_and_stay_between_1_and_365(
    plans: Plans,
) -> None:
    settings: SettingsService = plans.settings
    assert settings.quiet_days() == 21
    settings.set_quiet_days(1)
    assert settings.quiet_days() == 1
    for wrong in (0, 366, True):
        with pytest.raises(SettingValueError, match="1 to 365"):
            settings.set_quiet_days(wrong)
    settings.set("waiting_quiet_days", "9000")
    assert settings.quiet_days() == 21


def test_an_application_needs_a_company_or_a_role_and_a_day_not_in_the_future(
    waiting: WaitingService,
) -> None:
    with pytest.raises(WaitingValidationError, match="company or the role"):
        waiting.add(acme(company="  ", role=""))
    with pytest.raises(WaitingValidationError, match="after today"):
        waiting.add(acme(applied_on=dt.date(2026, 3, 21)))
    with pytest.raises(WaitingValidationError, match="broken character"):
        waiting.add(acme(note="half \ud800 a pair"))
    assert waiting.list() == []
    assert waiting.add(acme(company="  شركة  ", role="")).content.company == "شركة"


def test_a_stage_that_moves_on_restarts_the_quiet_and_a_new_applied_day_moves_it(
    plans: Plans, waiting: WaitingService
) -> None:
    item = waiting.add(acme())
    moved = waiting.update(item.id, acme(applied_on=dt.date(2026, 2, 20)))
    assert moved.quiet_since == dt.date(2026, 2, 20)
    heard = waiting.update(item.id, acme(applied_on=dt.date(2026, 2, 20), stage=Stage.INTERVIEWS))
    assert heard.quiet_since == dt.date(2026, 3, 20)
    assert heard.days_quiet == 0
    assert waiting.update(item.id, heard.content) == heard


def test_removing_takes_it_off_for_good(waiting: WaitingService) -> None:
    item = waiting.add(acme())
    waiting.remove(item.id)
    assert waiting.list() == []
    with pytest.raises(WaitingNotFoundError):
        waiting.remove(item.id)
    with pytest.raises(WaitingNotFoundError):
        waiting.close(item.id)


def test_closing_a_quiet_application_starts_a_debrief_with_no_reply_filled_in(
    plans: Plans, waiting: WaitingService
) -> None:
    item = waiting.add(acme(stage=Stage.INTERVIEWS, note="two rounds"))
    debrief_id = waiting.close(item.id)
    record = plans.debriefs.get(debrief_id)
    assert record.status is DebriefStatus.DRAFT
    c = record.content
    assert (c.company, c.role, c.applied_on, c.stage) == (
        "Acme",
        "Analyst",
        APPLIED,
        Stage.INTERVIEWS,
    )
    assert c.news_via is NewsVia.NO_REPLY
    assert c.news_on == dt.date(2026, 3, 20)
    assert c.notes == "two rounds"
    assert c.mourning_days == plans.settings.default_mourning_days()
    assert waiting.list() == []


def test_hearing_back_starts_a_debrief_that_leaves_how_the_news_came_to_the_person(
    plans: Plans, waiting: WaitingService
) -> None:
    item = waiting.add(acme())
    record = plans.debriefs.get(waiting.close(item.id, no_reply=False))
    assert record.content.news_via is None
    assert record.content.company == "Acme"


def test_a_close_that_fails_keeps_the_application_waiting(
    plans: Plans, waiting: WaitingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = waiting.add(acme())
    create = plans.debriefs.create

    def broken(*args: object, **kwargs: object) -> None:
        create(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("disk went away")  # after the debrief was written

    monkeypatch.setattr(plans.debriefs, "create", broken)
    with pytest.raises(RuntimeError):
        waiting.close(item.id)
    assert [i.id for i in waiting.list()] == [item.id]
    assert plans.debriefs.count() == 0


def test_a_window_target_names_the_list_or_one_application() -> None:
    assert waiting_target_id(waiting_target()) == (True, None)
    assert waiting_target_id(waiting_target(7)) == (True, 7)
    for other in (7, None, "new", "waiting:x", "waitingroom"):
        assert waiting_target_id(other) == (False, None)
