"""A year of a job search told in twelve debriefs, with every figure worked out by hand.

Today is 20 March 2026 (Berlin). The news of debrief ``i`` came on 1 January 2026
plus ``5 * i`` days. The tests name the expected numbers and say how they follow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.goals.types import GoalContent, Lane
from regroup.core.insights.service import InsightsService
from regroup.core.profile import Profile
from tests.core.conftest import BERLIN, Plans

A, S, I, F, O = (  # noqa: E741 - one letter per stage keeps the table readable
    Stage.APPLIED,
    Stage.SCREENING_CALL,
    Stage.INTERVIEWS,
    Stage.FINAL_ROUND,
    Stage.OFFER_STAGE,
)
CALL, EMAIL, LETTER, NO_REPLY = NewsVia.CALL, NewsVia.EMAIL, NewsVia.LETTER, NewsVia.NO_REPLY
YES, NOT_SURE, NO = KeepLooking.YES, KeepLooking.NOT_SURE, KeepLooking.NO
SALES, ANALYST = "Sales", "Data analyst"

# fmt: off
STORY = [
    # stage, news via, asked, feedback text, kind, wanted, keep looking, prepared, traps
    (A, EMAIL, None, "", SALES, 2, YES, 1, ()),
    (A, NO_REPLY, False, "", SALES, 2, None, 2, ("all_or_nothing",)),
    (S, EMAIL, True, "", SALES, 3, NOT_SURE, 2, ("mind_reading",)),
    (A, NO_REPLY, None, "", SALES, 2, None, 1, ("all_or_nothing",)),
    (I, CALL, True, "Strong on SQL, less on stats", ANALYST, 5, YES, 4, ("comparing",)),
    (S, EMAIL, None, "", SALES, 1, None, 3, ("all_or_nothing", "all_or_nothing")),
    (I, CALL, True, "", ANALYST, 4, None, 4, ()),
    (F, CALL, True, "Close call with another person", ANALYST, 4, None, 5, ()),
    (I, LETTER, False, "We liked your portfolio", SALES, 2, NO, 3, ("mind_reading",)),
    (F, EMAIL, True, "", "data  ANALYST", 5, None, 4, ()),
    (O, CALL, True, "Went with an internal hire", ANALYST, 4, YES, 5, ()),
    (I, NO_REPLY, None, "", ANALYST, 5, None, 4, ()),
]
# fmt: on
LINES = {
    0: ("Research the company before the phone screen",),
    3: ("Research the company's products more deeply",),
    5: ("Prepare stories for behavioural questions",),
    7: ("Sleep early before interviews",),
    9: ("Practise behavioural questions out loud",),
    11: ("Ask about salary",),
}


def news_day(i: int) -> dt.date:
    return dt.date(2026, 1, 1) + dt.timedelta(days=5 * i)


def at(plans: Plans, day: dt.date, hour: int = 10) -> None:
    """Set the clock to ``hour`` o'clock UTC on ``day``."""
    plans.clock.moment = dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


TODAY = dt.date(2026, 3, 20)


@dataclass
class Story:
    plans: Plans
    insights: InsightsService
    ids: list[int]
    goals: dict[str, int]


def insights_over(profile: Profile, plans: Plans) -> InsightsService:
    return InsightsService(profile.db, plans.clock, BERLIN)


@pytest.fixture
def story(profile: Profile, plans: Plans) -> Story:
    """The twelve debriefs, their check-ins and goals, with the clock back on today."""
    ids = []
    for i, row in enumerate(STORY):
        stage, via, asked, received, kind, wanted, keep, prepared, traps = row
        content = DebriefContent(
            company=f"Company {i}",
            role="Role",
            role_kind=kind,
            applied_on=news_day(i) - dt.timedelta(days=20),
            stage=stage,
            news_on=news_day(i),
            news_via=via,
            feedback_asked=asked,
            feedback_received=received,
            preparedness=prepared,
            wanted=wanted,
            keep_looking=keep,
            traps=tuple(dict.fromkeys(traps)),
            do_differently=LINES.get(i, ()),
            mourning_days=3,
        )
        at(plans, news_day(i))
        ids.append(plans.debriefs.create(content, draft=False).record.id)
    # Check-ins: 0 ready after 7 days and one "Not yet"; 2 after 10 days; 4 after 24
    # days and two "Not yet"s; 6 put off once and still open.
    checkin = {i: plans.checkins.start_by_hand(ids[i]).id for i in (0, 2, 4, 6)}
    at(plans, dt.date(2026, 1, 5))
    plans.checkins.snooze_days(checkin[0], 1)
    at(plans, dt.date(2026, 1, 8))
    plans.checkins.close(checkin[0], CheckinAnswers(feeling=3))
    at(plans, dt.date(2026, 1, 21))
    plans.checkins.close(checkin[2], CheckinAnswers(feeling=3))
    for day in (dt.date(2026, 1, 24), dt.date(2026, 1, 27)):
        at(plans, day)
        plans.checkins.snooze_days(checkin[4], 2)
    at(plans, dt.date(2026, 2, 14))
    plans.checkins.close(checkin[4], CheckinAnswers(feeling=3))
    at(plans, dt.date(2026, 2, 3))
    plans.checkins.snooze_days(checkin[6], 3)
    # Goals from lessons: 0's made 10 Jan and done 2 Feb; 3's made 1 Feb;
    # 5's made 5 Feb, due 1 Mar (overdue). One goal of the person's own, due 10 Mar.
    goals = {}
    at(plans, dt.date(2026, 1, 10))
    goals["research"] = plans.goals.create_from_debrief(ids[0], 0).id
    at(plans, dt.date(2026, 2, 2))
    plans.goals.move(goals["research"], Lane.DONE, 0)
    at(plans, dt.date(2026, 2, 1))
    goals["products"] = plans.goals.create_from_debrief(ids[3], 0).id
    at(plans, dt.date(2026, 2, 5))
    stories = plans.goals.create_from_debrief(ids[5], 0)
    plans.goals.update(stories.id, GoalContent(stories.title, due_on=dt.date(2026, 3, 1)))
    goals["stories"] = stories.id
    goals["own"] = plans.goals.create(GoalContent("Call Sam", due_on=dt.date(2026, 3, 10))).id
    at(plans, TODAY, 12)
    return Story(plans, insights_over(profile, plans), ids, goals)
