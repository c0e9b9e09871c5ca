"""A small job search for the Insights page: six debriefs over a year, moods, goals.

Today is 18 March 2026 (the GUI tests' clock). Four debriefs had their news in the
last three months, two earlier; one from the autumn is old enough for "then and now".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import Lane
from regroup.core.profile import Profile
from tests.support.clock import ManualClock

TODAY = dt.date(2026, 3, 18)

# fmt: off
DEBRIEFS = [
    # company, news on, stage, via, asked, feedback, kind, wanted, keep, prepared
    ("Autumn Ltd", dt.date(2025, 10, 6), Stage.APPLIED, NewsVia.NO_REPLY, False, "",
     "Sales", 2, KeepLooking.NO, 2),
    ("Winter Co", dt.date(2025, 11, 20), Stage.SCREENING_CALL, NewsVia.EMAIL, True, "",
     "Sales", 2, None, 2),
    ("Acme Labs", dt.date(2026, 1, 5), Stage.INTERVIEWS, NewsVia.CALL, True,
     "Strong on SQL", "Data analyst", 5, KeepLooking.YES, 4),
    ("Birch", dt.date(2026, 1, 25), Stage.FINAL_ROUND, NewsVia.EMAIL, True, "",
     "Data analyst", 4, None, 5),
    ("Cedar", dt.date(2026, 2, 10), Stage.INTERVIEWS, NewsVia.NO_REPLY, None, "",
     "Data analyst", 5, None, 4),
    ("Dune", dt.date(2026, 3, 2), Stage.OFFER_STAGE, NewsVia.CALL, True, "Went inside",
     "Data analyst", 4, KeepLooking.YES, 5),
]
# fmt: on


@dataclass
class Search:
    profile: Profile
    clock: ManualClock
    ids: dict[str, int]
    goal_id: int


def at(clock: ManualClock, day: dt.date, hour: int = 12) -> None:
    clock.moment = dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def add_debriefs(
    profile: Profile, clock: ManualClock, rows: list[tuple[object, ...]]
) -> dict[str, int]:
    """Save the rows as debriefs on their news day; return their ids by company."""
    ids = {}
    for company, news_on, stage, via, asked, received, kind, wanted, keep, prepared in rows:
        assert isinstance(news_on, dt.date)
        at(clock, news_on)
        content = DebriefContent(
            company=str(company),
            role="Analyst",
            role_kind=str(kind),
            applied_on=news_on - dt.timedelta(days=21),
            stage=stage,  # type: ignore[arg-type]
            news_on=news_on,
            news_via=via,  # type: ignore[arg-type]
            feedback_asked=asked,  # type: ignore[arg-type]
            feedback_received=str(received),
            preparedness=prepared,  # type: ignore[arg-type]
            wanted=wanted,  # type: ignore[arg-type]
            keep_looking=keep,  # type: ignore[arg-type]
            traps=("mind_reading",),
            do_differently=("Research the company before the call",),
            mourning_days=3,
        )
        ids[str(company)] = profile.debriefs.create(content, draft=False).record.id
    return ids


@pytest.fixture
def search(clocked_profile: Profile, clock: ManualClock) -> Search:
    """Six debriefs, a mood a day around the news, a goal made and done, one check-in."""
    profile = clocked_profile
    ids = add_debriefs(profile, clock, DEBRIEFS)  # type: ignore[arg-type]
    for offset in range(-30, 40):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=offset)
        at(clock, day)
        mood = 2 if 0 <= offset < 7 else 4
        profile.diary.add(EntryContent(f"A day {day}", mood=mood, entry_date=day))
    at(clock, dt.date(2026, 1, 6))
    checkin = profile.checkins.start_by_hand(ids["Acme Labs"]).id
    at(clock, dt.date(2026, 1, 20))
    profile.checkins.close(checkin, CheckinAnswers(feeling=4))
    goal = profile.goals.create_from_debrief(ids["Acme Labs"], 0)
    at(clock, dt.date(2026, 2, 2))
    profile.goals.move(goal.id, Lane.DONE, 0)
    at(clock, TODAY)
    return Search(profile, clock, ids, goal.id)
