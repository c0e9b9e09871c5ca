"""The report's charts as plain data: what each one shows, so Qt only has to draw it.

Deciding what a chart holds (which bars, which labels, which ones stand out) is a
rule of the report, shared by nothing else, and it stays testable without Qt. A
figure with too few records gets no chart at all: the reading says what will
appear, rather than an almost empty axis.
"""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean

from regroup.core.insights.types import (
    STAGE_ORDER,
    DirectionFigure,
    FeedbackFigure,
    GoalsFigure,
    MoodFigure,
    MoveOnFigure,
    PreparationFigure,
    StagesFigure,
)
from regroup.core.insights.wording import FEW
from regroup.core.record import record

MAX_POINTS = 400
"""At most this many points on the mood line: more would not show on a printed page."""
MOVE_ON_BARS = 40
"""At most this many debriefs (the latest) get a bar of their own in "time to move on"."""
STAGE_TICKS = ("Applied", "Screening", "Interviews", "Final round", "Offer stage")


@record
class BarGroup:
    """One place on the axis: its label and one value per series; ``highlight`` stands out."""

    label: str
    values: tuple[float, ...]
    highlight: bool = False


@record
class BarChart:
    """Bars, one group per label; ``ticks`` names the values 0, 1, 2... instead of numbers."""

    key: str
    series: tuple[str, ...]
    groups: tuple[BarGroup, ...]
    ticks: tuple[str, ...] = ()
    highlight_note: str = ""


@record
class LineChart:
    """Daily points and a smoother line over them, with days marked by thin rules."""

    key: str
    points: tuple[tuple[date, float], ...]
    line: tuple[tuple[date, float], ...]
    marks: tuple[date, ...]
    low: float
    high: float
    series: tuple[str, str, str]


Chart = BarChart | LineChart


def stages_chart(figure: StagesFigure) -> BarChart | None:
    """Applications by the furthest stage reached, in the order of the way."""
    if figure.total < FEW:
        return None
    groups = tuple(BarGroup(c.label, (float(c.count),)) for c in figure.stages)
    return BarChart("stages", ("Applications",), groups)


def news_chart(figure: FeedbackFigure) -> BarChart | None:
    """How the news came; no reply is a bar like the others, not hidden in a corner."""
    if sum(c.count for c in figure.news_via) < FEW:
        return None
    groups = tuple(BarGroup(c.label, (float(c.count),)) for c in figure.news_via)
    return BarChart("news", ("Applications",), groups)


def mood_chart(figure: MoodFigure) -> LineChart | None:
    """The diary's daily mean mood, its 7-day rolling line and each news day.

    Years of diary are more days than the printed line has dots: beyond
    ``MAX_POINTS`` days, each point is the mean of a run of days, and news days
    falling in the same run share one mark.
    """
    if len(figure.days) < FEW:
        return None
    first, last = figure.days[0].day, figure.days[-1].day
    marks = sorted({m.day for m in figure.news if first <= m.day <= last})
    names = ("Mood that day", "7-day mean", "News came")
    if len(figure.days) <= MAX_POINTS:
        points = tuple((d.day, d.mean) for d in figure.days)
        line = tuple((d.day, d.rolling_mean) for d in figure.days)
        return LineChart("mood", points, line, tuple(marks), 1.0, 5.0, names)
    size = -(-len(figure.days) // MAX_POINTS)  # days per point, rounded up
    runs = [figure.days[i : i + size] for i in range(0, len(figure.days), size)]
    points = tuple((run[0].day, fmean(d.mean for d in run)) for run in runs)
    line = tuple((run[0].day, fmean(d.rolling_mean for d in run)) for run in runs)
    span = max((last - first).days, 1)
    shown = {round((day - first).days * MAX_POINTS / span) for day in marks}
    spread = tuple(first + timedelta(days=n * span / MAX_POINTS) for n in sorted(shown))
    return LineChart("mood", points, line, spread, 1.0, 5.0, names)


def short_day(day: date) -> str:
    """Return "3 Jan": short enough to sit under a bar (the reading gives the year)."""
    return f"{day.day} {day:%b}"


def move_on_chart(figure: MoveOnFigure) -> BarChart | None:
    """Days from the news to "ready to move on", one bar per debrief, by the news day."""
    ready = [m for m in figure.per_debrief if m.days is not None and m.news_on is not None]
    if len(ready) < FEW:
        return None
    ready.sort(key=lambda m: (m.news_on or date.min, m.debrief_id))
    groups = tuple(
        BarGroup(short_day(m.news_on), (float(m.days or 0),))
        for m in ready[-MOVE_ON_BARS:]
        if m.news_on is not None
    )
    return BarChart("move_on", ("Days to feel ready",), groups)


def direction_chart(figure: DirectionFigure) -> BarChart | None:
    """Applications per kind of role; the kinds you get far in and want stand out."""
    kinds = [k for k in figure.kinds if k.key]
    if sum(k.applications for k in kinds) < FEW:
        return None
    groups = tuple(
        BarGroup(k.label, (float(k.applications),), k.far_and_wanted) for k in kinds[:12]
    )
    note = (
        "Shaded darker: kinds where you got far and wanted the job"
        if any(g.highlight for g in groups)
        else ""
    )
    return BarChart("direction", ("Applications",), groups, highlight_note=note)


def goals_chart(figure: GoalsFigure) -> BarChart | None:
    """Goals made from debriefs and done, month by month (the last two years at most)."""
    if figure.made + figure.done < FEW or not figure.months:
        return None
    groups = tuple(
        BarGroup(f"{m.month:%b} {m.month:%y}", (float(len(m.made)), float(len(m.done))))
        for m in figure.months[-24:]
    )
    return BarChart("goals", ("Made", "Done"), groups)


def preparation_chart(figure: PreparationFigure) -> BarChart | None:
    """How far applications got, on average, at each level of preparation."""
    rows = [r for r in figure.rows if r.mean_rank is not None]
    if sum(r.total for r in rows) < FEW:
        return None
    groups = tuple(BarGroup(f"Prepared {r.preparedness} of 5", (r.mean_rank or 0.0,)) for r in rows)
    ticks = STAGE_TICKS[: len(STAGE_ORDER)]
    return BarChart("preparation", ("How far they got, on average",), groups, ticks)
