"""3. Mood around the news: the daily line, its 7-day rolling mean, and the weeks after news."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from itertools import accumulate, repeat
from operator import sub, truediv

from regroup.core.insights.records import DebriefRow, MoodColumns
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
LIFT = 0.25
"""How much higher the later weeks' mood must be to say it lifted."""


class DailyMoods:
    """Each diary day's mean mood and how many moods it had, in day order.

    Running sums over the days make any span's moods two bisections away, so the
    weeks around 2,000 pieces of news and a 36,500-day line cost one pass each.
    The sums are of whole moods, so any span's sum is exact.
    """

    def __init__(self, columns: MoodColumns) -> None:
        self.days, totals, self.counts, self.texts = columns
        self.means = list(map(truediv, totals, self.counts))
        self.ordinals = list(map(date.toordinal, self.days))
        self._sums = list(accumulate(totals, initial=0))
        self._counts = list(accumulate(self.counts, initial=0))

    def span(self, first: date, last: date) -> tuple[int, int]:
        """Return the slice of the days from ``first`` to ``last``, both included."""
        return (
            bisect_left(self.ordinals, first.toordinal()),
            bisect_right(self.ordinals, last.toordinal()),
        )

    def pooled(self, start: date, days: range) -> tuple[int, int]:
        """Return the sum and number of moods on ``start`` + each of ``days`` (a step of 1)."""
        first = start.toordinal() + days.start
        low = bisect_left(self.ordinals, first)
        high = bisect_right(self.ordinals, first + len(days) - 1)
        return self._sums[high] - self._sums[low], self._counts[high] - self._counts[low]

    def mean_after(self, start: date, days: range) -> float | None:
        """Return the mean of every mood on the given days after ``start``, or None."""
        return _mean(self.pooled(start, days))


def mood_line(moods: DailyMoods, low: int, high: int) -> tuple[MoodDay, ...]:
    """Return the days ``low:high`` (a span), each with the mean of the 7 days ending there."""
    if low == high:
        return ()
    days, means, counts = moods.days[low:high], moods.means[low:high], moods.counts[low:high]
    ordinals = moods.ordinals[low:high]
    running = list(accumulate(means, initial=0.0))
    # Days are distinct, so a window starts at most 6 rows back: bisect only those.
    back = ROLLING_DAYS - 1
    firsts = [
        bisect_left(ordinals, ordinal - back, index - back if index > back else 0, index)
        for index, ordinal in enumerate(ordinals)
    ]
    # (running[index + 1] - running[first]) / (index + 1 - first), and each row made as
    # MoodDay._make makes it, in C: a third of the time over 29,000 days. tuple.__new__
    # mapped straight over the type took 6.5 ms against 10 through a partial.
    sums = map(sub, running[1:], map(running.__getitem__, firsts))
    rolling = map(truediv, sums, map(sub, range(1, len(firsts) + 1), firsts))
    rows = zip(days, means, rolling, counts, strict=True)
    return tuple(map(tuple.__new__, repeat(MoodDay), rows))


def _mean(pool: tuple[float, int]) -> float | None:
    return pool[0] / pool[1] if pool[1] else None


def mood(moods: DailyMoods, rows: list[DebriefRow], period: Period) -> MoodFigure:
    """Build figure 3 from the daily means (read up to 28 days past the period's end)."""
    around = []
    first_sum, first_count, later_sum, later_count = 0, 0, 0, 0
    marks = []
    for row in rows:
        if row.news_on is None:
            continue
        first = moods.pooled(row.news_on, FIRST_WEEK_DAYS)
        later = moods.pooled(row.news_on, LATER_DAYS)
        first_sum, first_count = first_sum + first[0], first_count + first[1]
        later_sum, later_count = later_sum + later[0], later_count + later[1]
        around.append(MoodAroundNews(row.id, row.news_on, _mean(first), _mean(later)))
        marks.append(NewsMark(row.news_on, row.id))
    first_week = _mean((first_sum, first_count))
    weeks_later = _mean((later_sum, later_count))
    low, high = moods.span(period.date_from or date.min, period.date_to or date.max)
    line = mood_line(moods, low, high)
    return MoodFigure(
        line,
        tuple(marks),
        tuple(around),
        first_week,
        weeks_later,
        _reading(line, tuple(marks), first_week, weeks_later),
        tuple(moods.texts[low:high]),
    )


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
        if later - first >= LIFT:
            text += " Hard weeks pass."
        return text
    if not marks:
        return "Your moods show here; the dates of news will be marked once debriefs have them."
    return (
        "After a few more weeks of moods around the news, this compares the week "
        "after it with the weeks that follow."
    )
