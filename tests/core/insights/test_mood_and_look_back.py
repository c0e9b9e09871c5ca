"""Mood around the news, and the then-and-now card, on moods written on known days."""

from __future__ import annotations

import datetime as dt

from regroup.core.debriefs.types import DebriefContent, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import GoalContent, Lane
from regroup.core.insights.types import Period
from regroup.core.profile import Profile
from tests.core.conftest import Plans
from tests.core.insights.conftest import at, insights_over

NEWS = dt.date(2026, 2, 1)


def write(profile: Profile, day: dt.date, mood: int | None) -> None:
    profile.diary.add(EntryContent("A day.", mood=mood, entry_date=day))


def debrief(plans: Plans, company: str, news_on: dt.date, stage: Stage | None = None) -> int:
    content = DebriefContent(company=company, role="Analyst", news_on=news_on, stage=stage)
    return plans.debriefs.create(content, draft=False).record.id


def test_mood_line_has_daily_means_a_rolling_mean_and_the_weeks_after_the_news(
    profile: Profile, plans: Plans
) -> None:
    debrief_id = debrief(plans, "Acme", NEWS)
    for day, mood in (
        (dt.date(2026, 1, 28), 3),
        (NEWS, 1),
        (NEWS, 3),  # the news day's mean is 2
        (dt.date(2026, 2, 3), 2),
        (dt.date(2026, 2, 10), None),  # no mood: left out
        (dt.date(2026, 2, 20), 4),  # day 19
        (dt.date(2026, 2, 25), 4),  # day 24
        (dt.date(2026, 3, 5), 5),  # day 32: after the later weeks
    ):
        write(profile, day, mood)
    figure = insights_over(profile, plans).mood(Period.everything())
    line = {d.day: (d.mean, round(d.rolling_mean, 3), d.entries) for d in figure.days}
    assert line == {
        dt.date(2026, 1, 28): (3.0, 3.0, 1),
        NEWS: (2.0, 2.5, 2),
        dt.date(2026, 2, 3): (2.0, round(7 / 3, 3), 1),  # 28 Jan, 1 and 3 Feb
        dt.date(2026, 2, 20): (4.0, 4.0, 1),
        dt.date(2026, 2, 25): (4.0, 4.0, 1),
        dt.date(2026, 3, 5): (5.0, 5.0, 1),
    }
    assert figure.iso_days == tuple(d.day.isoformat() for d in figure.days)
    later = insights_over(profile, plans).mood(Period(dt.date(2026, 2, 4), None))
    assert later.iso_days == ("2026-02-20", "2026-02-25", "2026-03-05")
    assert [(m.day, m.debrief_id) for m in figure.news] == [(NEWS, debrief_id)]
    assert (figure.first_week, figure.later) == (2.0, 4.0)  # 1, 3, 2 then 4, 4
    assert figure.reading == (
        "In the week after the news, your mood averaged 2; two to four weeks later, 4. "
        "Hard weeks pass."
    )


def test_mood_after_news_reads_past_the_end_of_the_period(profile: Profile, plans: Plans) -> None:
    debrief(plans, "Acme", NEWS)
    write(profile, dt.date(2026, 2, 20), 4)
    figure = insights_over(profile, plans).mood(Period(dt.date(2026, 1, 1), NEWS))
    assert figure.days == figure.iso_days == ()  # nothing written in January
    assert figure.around_news[0].later == 4.0


def test_then_and_now_pairs_a_debrief_from_three_months_ago_with_what_came_after(
    profile: Profile, plans: Plans
) -> None:
    at(plans, dt.date(2025, 11, 20))
    then_id = debrief(plans, "Old Co", dt.date(2025, 11, 10), Stage.APPLIED)
    debrief(plans, "Recent Co", dt.date(2026, 1, 5), Stage.INTERVIEWS)
    final_id = debrief(plans, "Later Co", dt.date(2026, 2, 5), Stage.FINAL_ROUND)
    for day in (dt.date(2025, 11, 10), dt.date(2025, 11, 12)):
        write(profile, day, 2)
    for day in (dt.date(2026, 3, 10), dt.date(2026, 3, 19)):
        write(profile, day, 4)
    at(plans, dt.date(2025, 12, 1))
    goal = plans.goals.create(GoalContent("Book two mock interviews"))
    at(plans, dt.date(2026, 1, 15))
    plans.goals.move(goal.id, Lane.DONE, 0)
    at(plans, dt.date(2026, 3, 20), 12)
    card = insights_over(profile, plans).then_and_now()
    assert card is not None
    assert (card.debrief_id, card.news_on, card.stage_then) == (
        then_id,
        dt.date(2025, 11, 10),
        Stage.APPLIED,
    )
    assert card.goals_done_since == (goal.id,)
    assert (card.furthest_since, card.furthest_since_id) == (Stage.FINAL_ROUND, final_id)
    assert (card.mood_then, card.mood_now) == (2.0, 4.0)
    assert card.reading == (
        "Since Old Co — Analyst in November 2025, you finished 1 goal and got as far as "
        "a final round. Your mood then: 2; lately: 4."
    )


def test_then_and_now_waits_until_a_debrief_is_three_months_old(
    profile: Profile, plans: Plans
) -> None:
    debrief(plans, "Acme", dt.date(2025, 12, 21))  # today is 20 March 2026
    service = insights_over(profile, plans)
    assert service.then_and_now() is None
    assert service.then_and_now(dt.date(2026, 3, 21)) is not None


def test_the_card_is_the_same_whichever_period_the_figures_show(
    profile: Profile, plans: Plans
) -> None:
    at(plans, dt.date(2025, 11, 20))
    debrief(plans, "Old Co", dt.date(2025, 11, 10), Stage.APPLIED)
    for day, mood in [
        (dt.date(2025, 11, 10), 2),
        (dt.date(2025, 11, 10), 5),
        (dt.date(2025, 11, 11), 1),
    ]:
        write(profile, day, mood)
    for day, mood in [(dt.date(2026, 3, 19), 4), (dt.date(2026, 3, 19), 5)]:
        write(profile, day, mood)
    at(plans, dt.date(2026, 3, 20), 12)
    service = insights_over(profile, plans)
    card = service.then_and_now()
    assert card is not None and (card.mood_then, card.mood_now) == (8 / 3, 4.5)
    march = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 20))  # "then" is outside it
    assert service.insights(Period.everything()).then_and_now == card
    assert service.insights(march).then_and_now == card
    # the days of two moods show their mean, the rolling line the mean of the days
    assert [(d.mean, d.rolling_mean) for d in service.mood(Period.everything()).days] == [
        (3.5, 3.5), (1.0, 2.25), (4.5, 4.5)
    ]  # fmt: skip
