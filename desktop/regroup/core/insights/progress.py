"""Figures about moving on: time to move on (4), goals (7) and the then-and-now look-back."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from regroup.core.debriefs.types import Stage
from regroup.core.insights.mood import DailyMoods
from regroup.core.insights.records import CheckinRow, DebriefRow, GoalRow
from regroup.core.insights.types import (
    FIRST_WEEK_DAYS,
    THEN_AND_NOW_MONTHS,
    GoalMonth,
    GoalsFigure,
    MoveOn,
    MoveOnFigure,
    Period,
    ThenAndNow,
    stage_rank,
)
from regroup.core.insights.wording import median_or_none, one_decimal, plural

NOT_YET = '"Not yet"'
RECENT_DAYS = 14
"""Days whose moods make "mood now" on the then-and-now card."""
REACHED = {
    Stage.APPLIED: "applying",
    Stage.SCREENING_CALL: "a screening call",
    Stage.INTERVIEWS: "interview rounds",
    Stage.FINAL_ROUND: "a final round",
    Stage.OFFER_STAGE: "the offer stage",
}


def move_on(rows: list[DebriefRow], checkins: dict[int, CheckinRow]) -> MoveOnFigure:
    """Build figure 4 from the check-ins answered "Yes" or put off at least once."""
    per_debrief = []
    for row in rows:
        checkin = checkins.get(row.id)
        if checkin is None or (checkin.ready_on is None and not checkin.not_yets):
            continue
        days = None
        if checkin.ready_on is not None and row.news_on is not None:
            days = max(0, (checkin.ready_on - row.news_on).days)
        per_debrief.append(
            MoveOn(row.id, checkin.id, row.news_on, checkin.ready_on, days, checkin.not_yets)
        )
    median = median_or_none([m.days for m in per_debrief if m.days is not None])
    not_yets = sum(m.not_yets for m in per_debrief)
    return MoveOnFigure(tuple(per_debrief), median, not_yets, _move_on_reading(per_debrief, median))


def _move_on_reading(per_debrief: list[MoveOn], median: float | None) -> str:
    if median is None:
        return (
            'When a check-in is answered "Yes, ready to move on", this shows how long '
            "it took after the news."
        )
    counted = sum(1 for m in per_debrief if m.days is not None)
    not_yets = sum(m.not_yets for m in per_debrief)
    if counted == 1:
        text = f"Moving on took {plural(int(median), 'day')} after the news"
    else:
        text = (
            f"Moving on took {one_decimal(median)} days after the news, as the middle "
            f"of {counted} check-ins"
        )
    if not_yets:
        put_off = plural(not_yets, NOT_YET, NOT_YET + "s")
        text += f", with {put_off} on the way; taking your time is fine"
    return text + "."


def _month(day: date) -> date:
    return day.replace(day=1)


def _months_between(first: date, last: date) -> list[date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def goals(debrief_goals: list[GoalRow], overdue: tuple[int, ...], period: Period) -> GoalsFigure:
    """Build figure 7: made and done per month (goals from debriefs), and those overdue."""
    made: dict[date, list[int]] = defaultdict(list)
    done: dict[date, list[int]] = defaultdict(list)
    for goal in debrief_goals:
        if period.contains(goal.made_on):
            made[_month(goal.made_on)].append(goal.id)
        if goal.done_on is not None and period.contains(goal.done_on):
            done[_month(goal.done_on)].append(goal.id)
    seen = sorted(set(made) | set(done))
    months = tuple(
        GoalMonth(month, tuple(made.get(month, ())), tuple(done.get(month, ())))
        for month in (_months_between(seen[0], seen[-1]) if seen else [])
    )
    made_count = sum(len(ids) for ids in made.values())
    done_count = sum(len(ids) for ids in done.values())
    if not made_count and not done_count:
        text = "Goals you make from debriefs show here, month by month."
    else:
        text = f"You made {plural(made_count, 'goal')} from debriefs and finished {done_count:,}."
    if overdue:
        text += (
            f" {plural(len(overdue), 'goal is', 'goals are')} past the date; moving a date is fine."
        )
    return GoalsFigure(months, made_count, done_count, overdue, text)


def _reach(row: DebriefRow) -> tuple[int, date]:
    return (-1 if row.stage is None else stage_rank(row.stage), row.day)


def pick_then(rows: list[DebriefRow], today: date) -> DebriefRow | None:
    """Return the latest debrief from three months ago or more (None when none is)."""
    limit = Period.last_months(today, THEN_AND_NOW_MONTHS).date_from
    assert limit is not None
    old = [r for r in rows if r.day < limit]
    return old[-1] if old else None


def mood_days(then: DebriefRow, today: date) -> list[tuple[date, date]]:
    """Return the spans of days whose moods the card compares: then, and lately."""
    return [
        (then.day, then.day + timedelta(days=FIRST_WEEK_DAYS.stop - 1)),
        (today - timedelta(days=RECENT_DAYS - 1), today),
    ]


def then_and_now(
    then: DebriefRow,
    rows: list[DebriefRow],
    done: tuple[int, ...],
    moods: DailyMoods,
    today: date,
) -> ThenAndNow:
    """Pair a debrief with what came after it: goals done, furthest stage, mood."""
    later = [r for r in rows if r.day > then.day and r.stage is not None]
    furthest = max(later, key=_reach, default=None)
    mood_then = moods.mean_after(then.day, FIRST_WEEK_DAYS)
    mood_now = moods.mean_after(today - timedelta(days=RECENT_DAYS - 1), range(RECENT_DAYS))
    parts = [f"Since {then.title} in {then.day:%B %Y}, you finished {plural(len(done), 'goal')}"]
    if furthest is not None and furthest.stage is not None:
        parts.append(f" and got as far as {REACHED[furthest.stage]}")
    text = "".join(parts) + "."
    if mood_then is not None and mood_now is not None:
        text += f" Your mood then: {one_decimal(mood_then)}; lately: {one_decimal(mood_now)}."
    return ThenAndNow(
        debrief_id=then.id,
        title=then.title,
        news_on=then.day,
        stage_then=then.stage,
        goals_done_since=done,
        furthest_since=None if furthest is None else furthest.stage,
        furthest_since_id=None if furthest is None else furthest.id,
        mood_then=mood_then,
        mood_now=mood_now,
        reading=text,
    )
