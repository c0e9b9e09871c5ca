"""3. Mood around the news: the daily line, its 7-day rolling mean, and the weeks after news."""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta

from regroup.core.insights.records import DebriefRow
from regroup.core.insights.types import (
    FIRST_WEEK_DAYS,
    LATER_DAYS,
    MoodAroundNews,
    MoodDay,
    MoodFigure,
    NewsMark,
    Period,
)
from regroup.core.insights.wording import one_decimal

ROLLING_DAYS = 7
DailyMoods = dict[date, tuple[float, int]]
"""A day's mean mood and how many moods it had (see ``records.daily_moods``)."""


def mood_line(daily: DailyMoods, period: Period) -> tuple[MoodDay, ...]:
    """Return the period's days with moods, each with the mean of the 7 days ending there."""
    line = []
    window: deque[tuple[date, float]] = deque()
    total = 0.0
    for day in sorted(daily):
        if not period.contains(day):
            continue
        mean, count = daily[day]
        window.append((day, mean))
        total += mean
        while window[0][0] <= day - timedelta(days=ROLLING_DAYS):
            total -= window.popleft()[1]
        line.append(MoodDay(day, mean, total / len(window), count))
    return tuple(line)


def pooled(daily: DailyMoods, start: date, days: range) -> tuple[float, int]:
    """Return the sum and number of moods on ``start`` + each of ``days`` (missing days skip)."""
    total, count = 0.0, 0
    for offset in days:
        found = daily.get(start + timedelta(days=offset))
        if found is not None:
            total += found[0] * found[1]
            count += found[1]
    return total, count


def mean_after(daily: DailyMoods, start: date, days: range) -> float | None:
    """Return the mean of every mood on the given days after ``start``, or None."""
    total, count = pooled(daily, start, days)
    return total / count if count else None


def mood(daily: DailyMoods, rows: list[DebriefRow], period: Period) -> MoodFigure:
    """Build figure 3 from the daily means (read up to 28 days past the period's end)."""
    news = [r for r in rows if r.news_on is not None]
    around = []
    sums = {"first": [0.0, 0], "later": [0.0, 0]}
    for row in news:
        assert row.news_on is not None
        for key, days in (("first", FIRST_WEEK_DAYS), ("later", LATER_DAYS)):
            total, count = pooled(daily, row.news_on, days)
            sums[key][0] += total
            sums[key][1] += count
        around.append(
            MoodAroundNews(
                row.id,
                row.news_on,
                mean_after(daily, row.news_on, FIRST_WEEK_DAYS),
                mean_after(daily, row.news_on, LATER_DAYS),
            )
        )
    first = sums["first"][0] / sums["first"][1] if sums["first"][1] else None
    later = sums["later"][0] / sums["later"][1] if sums["later"][1] else None
    line = mood_line(daily, period)
    marks = tuple(NewsMark(r.news_on, r.id) for r in news if r.news_on is not None)
    return MoodFigure(line, marks, tuple(around), first, later, _reading(line, marks, first, later))


def _reading(
    line: tuple[MoodDay, ...],
    marks: tuple[NewsMark, ...],
    first: float | None,
    later: float | None,
) -> str:
    if not line:
        return "When diary entries have a mood, this shows how it moves around the news."
    if first is not None and later is not None:
        text = (
            f"In the week after the news, your mood averaged {one_decimal(first)}; "
            f"two to four weeks later, {one_decimal(later)}."
        )
        if later > first:
            text += " Hard weeks pass."
        return text
    if not marks:
        return "Your moods show here; the dates of news will be marked once debriefs have them."
    return (
        "After a few more weeks of moods around the news, this compares the week "
        "after it with the weeks that follow."
    )
