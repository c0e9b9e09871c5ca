"""The eight figures of core, turned into what the cards draw and list.

Numbers and readings come from core unchanged (the page, the command line and the
report say the same thing); this only chooses bars, labels and table columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from regroup.core.debriefs.types import STAGE_LABELS, Stage
from regroup.core.insights.types import (
    STAGE_ORDER,
    DirectionFigure,
    FeedbackFigure,
    GoalsFigure,
    Insights,
    LessonsFigure,
    MoodFigure,
    MoveOnFigure,
    PreparationFigure,
    StagesFigure,
)
from regroup.gui.insights.specs import BarSpec, CardSpec, LineSpec, Ref, Series, Table, Tint

STAGE_NAMES = tuple(STAGE_LABELS[stage] for stage in STAGE_ORDER)
CHART_BARS = 8
"""The most a chart of kinds or lessons draws; its table lists them all."""
MOVE_ON_BARS = 60
"""The most debriefs the time-to-move-on chart draws (the latest); its table has all."""


def _debriefs(ids: Iterable[int]) -> tuple[Ref, ...]:
    return tuple(("debriefs", i) for i in ids)


def _goals(ids: Iterable[int]) -> tuple[Ref, ...]:
    return tuple(("goals", i) for i in ids)


def _number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(value))


def _stage(stage: Stage | None) -> str:
    return "—" if stage is None else STAGE_LABELS[stage]


def stages_card(figure: StagesFigure) -> CardSpec:
    """1. How far you got: a bar per stage."""
    series = Series(
        "Applications",
        tuple(float(c.count) for c in figure.stages),
        tuple(_debriefs(c.debrief_ids) for c in figure.stages),
    )
    chart = BarSpec("Applications by the furthest stage reached", STAGE_NAMES, (series,))
    table = Table(
        ("Stage reached", "Applications"),
        tuple((c.label, str(c.count)) for c in figure.stages),
        tuple(_debriefs(c.debrief_ids) for c in figure.stages),
    )
    readings = ((chart, figure.reading),)
    notes = (figure.progress_reading,) if figure.progress_reading else ()
    return CardSpec("stages", "How far you got", readings, table, notes)


def feedback_card(figure: FeedbackFigure) -> CardSpec:
    """2. Feedback asked for and received; how the news came, no reply as its own share."""
    asked = Series(
        "Feedback",
        (float(len(figure.asked)), float(len(figure.received))),
        (_debriefs(figure.asked), _debriefs(figure.received)),
    )
    feedback = BarSpec("Feedback", ("Asked for", "Came back"), (asked,))
    via = Series(
        "How the news came",
        tuple(float(c.count) for c in figure.news_via),
        tuple(_debriefs(c.debrief_ids) for c in figure.news_via),
        tints=tuple(Tint.MUTED if c.key == "no_reply" else Tint.ACCENT for c in figure.news_via),
    )
    news = BarSpec("How the news came", tuple(c.label for c in figure.news_via), (via,))
    share = "" if figure.ghosting_share is None else f" ({figure.ghosting_share:.0%})"
    rows = [
        ("Feedback asked for", str(len(figure.asked))),
        ("Feedback came back", str(len(figure.received))),
    ]
    refs = [_debriefs(figure.asked), _debriefs(figure.received)]
    for count in figure.news_via:
        extra = share if count.key == "no_reply" else ""
        rows.append((f"News came as: {count.label}{extra}", str(count.count)))
        refs.append(_debriefs(count.debrief_ids))
    table = Table(("", "Debriefs"), tuple(rows), tuple(refs))
    charts = ((feedback, figure.reading), (news, figure.news_reading))
    return CardSpec("feedback", "Feedback, realistically", charts, table)


def mood_card(figure: MoodFigure) -> CardSpec:
    """3. Mood over time with the news marked, and the week after against weeks 2-4."""
    line = LineSpec(
        "Diary mood, daily mean and the 7-day line",
        tuple(d.day for d in figure.days),
        tuple(d.mean for d in figure.days),
        tuple(d.rolling_mean for d in figure.days),
        tuple((n.day, n.debrief_id) for n in figure.news),
    )
    news_ids = _debriefs(a.debrief_id for a in figure.around_news)
    around = Series(
        "Mean mood",
        (figure.first_week or 0.0, figure.later or 0.0),
        (news_ids, news_ids),
        tints=(Tint.MUTED, Tint.ACCENT),
    )
    compare = BarSpec(
        "Mood after the news",
        ("The week after", "Days 14–28 after"),
        (around,),
        y_ticks=("1", "2", "3", "4", "5"),  # the mood scale, not a count
    )
    rows = [
        (
            "After the news of " + a.news_on.isoformat(),
            _number(a.first_week),
            _number(a.later),
        )
        for a in figure.around_news
    ]
    refs = [_debriefs((a.debrief_id,)) for a in figure.around_news]
    if figure.around_news:
        rows.append(("All the news together", _number(figure.first_week), _number(figure.later)))
        refs.append(news_ids)
    table = Table(("", "The week after", "Days 14–28 after"), tuple(rows), tuple(refs))
    charts: tuple[tuple[LineSpec | BarSpec, str], ...] = ((line, figure.reading),)
    if figure.first_week is not None or figure.later is not None:
        charts += ((compare, ""),)
    return CardSpec("mood", "Mood around the news", charts, table)


def move_on_card(figure: MoveOnFigure) -> CardSpec:
    """4. Days from the news to "ready to move on", per debrief, with the median across."""
    ready = [m for m in figure.per_debrief if m.days is not None]
    by_day = sorted(ready, key=lambda m: m.news_on or date.min)  # the bars run in time
    shown = by_day[-MOVE_ON_BARS:]  # hundreds of thin bars say less; the table has them all
    series = Series(
        "Days",
        tuple(float(m.days or 0) for m in shown),
        tuple(_debriefs((m.debrief_id,)) for m in shown),
    )
    latest = f" (the latest {len(shown)})" if len(shown) < len(ready) else ""
    chart = BarSpec(
        "Days to ready to move on" + latest,
        tuple(m.news_on.strftime("%d %b") if m.news_on else "—" for m in shown),
        (series,),
        guide=figure.median_days,
    )
    table = Table(
        ("News on", "Ready on", "Days", "“Not yet”s"),
        tuple(
            (
                m.news_on.isoformat() if m.news_on else "—",
                m.ready_on.isoformat() if m.ready_on else "Not yet",
                "—" if m.days is None else str(m.days),
                str(m.not_yets),
            )
            for m in figure.per_debrief
        ),
        tuple(_debriefs((m.debrief_id,)) for m in figure.per_debrief),
    )
    return CardSpec("move_on", "Time to move on", ((chart, figure.reading),), table)


def direction_card(figure: DirectionFigure) -> CardSpec:
    """5. Each kind of role: far and wanted stands out, the ones you said no to are soft."""

    def tint(far: bool, no: bool) -> Tint:
        return Tint.ACCENT if far else Tint.SOFT if no else Tint.MUTED

    kinds = figure.kinds[:CHART_BARS]
    series = Series(
        "Applications",
        tuple(float(k.applications) for k in kinds),
        tuple(_debriefs(k.debrief_ids) for k in kinds),
        tints=tuple(tint(k.far_and_wanted, k.said_no) for k in kinds),
    )
    chart = BarSpec(
        "Applications by kind of role",
        tuple(k.label for k in kinds),
        (series,),
        horizontal=True,
        tint_names=(
            (Tint.ACCENT, "Far and wanted"),
            (Tint.MUTED, "Other kinds"),
            (Tint.SOFT, "You said no"),
        ),
    )

    def answers(kind_counts: Iterable[tuple[str, int]]) -> str:
        return ", ".join(f"{label} {count}" for label, count in kind_counts if count) or "—"

    table = Table(
        ("Kind of role", "Applications", "Wanted (1–5)", "Furthest", "Keep looking?", ""),
        tuple(
            (
                k.label,
                str(k.applications),
                _number(k.wanted_mean),
                _stage(k.furthest),
                answers((c.label, c.count) for c in k.keep_looking),
                "Far and wanted" if k.far_and_wanted else "You said no" if k.said_no else "",
            )
            for k in figure.kinds
        ),
        tuple(_debriefs(k.debrief_ids) for k in figure.kinds),
    )
    return CardSpec("direction", "Direction", ((chart, figure.reading),), table)


def lessons_card(figure: LessonsFigure) -> CardSpec:
    """6. Traps and lessons that come back, each with its goals and whether they are done."""
    names = [f"Trap: {t.name}" for t in figure.traps]
    names += ["Lesson: " + " ".join(lesson.words) for lesson in figure.lessons]
    refs = [_debriefs(t.debrief_ids) for t in figure.traps]
    refs += [_debriefs(lesson.debrief_ids) for lesson in figure.lessons]
    values = [float(len(t.debrief_ids)) for t in figure.traps]
    values += [float(len(lesson.debrief_ids)) for lesson in figure.lessons]
    series = Series("Debriefs", tuple(values[:CHART_BARS]), tuple(refs[:CHART_BARS]))
    chart = BarSpec("In how many debriefs", tuple(names[:CHART_BARS]), (series,), horizontal=True)
    rows = [(f"Trap: {t.name}", str(len(t.debrief_ids)), "") for t in figure.traps]
    notes: list[str] = []
    for lesson in figure.lessons:
        goals = [line for line in lesson.lines if line.goal_id is not None]
        done = sum(line.goal_done for line in goals)
        goal_text = f"{done} of {len(goals)} goals done" if goals else "No goal yet"
        rows.append((f"Lesson: {' '.join(lesson.words)}", str(len(lesson.debrief_ids)), goal_text))
        refs_goals = _goals(line.goal_id for line in goals if line.goal_id is not None)
        refs[len(rows) - 1] = refs[len(rows) - 1] + refs_goals
        notes.extend(dict.fromkeys(f"“{line.text}”" for line in lesson.lines[:3]))
    table = Table(("Comes back", "Debriefs", "Goals"), tuple(rows), tuple(refs))
    return CardSpec(
        "lessons", "Lessons that repeat", ((chart, figure.reading),), table, tuple(notes[:6])
    )


def goals_card(figure: GoalsFigure) -> CardSpec:
    """7. Goals made from debriefs and done, month by month; the overdue count in words."""
    months = figure.months
    labels = tuple(m.month.strftime("%b %Y") for m in months)
    made = Series(
        "Made",
        tuple(float(len(m.made)) for m in months),
        tuple(_goals(m.made) for m in months),
        Tint.MUTED,
    )
    done = Series(
        "Done",
        tuple(float(len(m.done)) for m in months),
        tuple(_goals(m.done) for m in months),
    )
    chart = BarSpec("Goals from debriefs, by month", labels, (made, done))
    rows = [
        (label, str(len(m.made)), str(len(m.done))) for label, m in zip(labels, months, strict=True)
    ]
    refs = [_goals((*m.made, *m.done)) for m in months]
    if figure.overdue:
        rows.append(("Past their date", str(len(figure.overdue)), ""))
        refs.append(_goals(figure.overdue))
    table = Table(("Month", "Made", "Done"), tuple(rows), tuple(refs))
    return CardSpec("goals", "Goals", ((chart, figure.reading),), table)


def preparation_card(figure: PreparationFigure) -> CardSpec:
    """8. How prepared you felt (1-5) against how far you got, as the mean stage reached."""
    rows = [row for row in figure.rows if row.total]
    series = Series(
        "Mean stage reached",
        tuple((row.mean_rank or 0.0) + 1 for row in rows),  # "Applied" stands at 1
        tuple(_debriefs(i for c in row.stages for i in c.debrief_ids) for row in rows),
    )
    chart = BarSpec(
        "Stage reached by how prepared you felt",
        tuple(f"Prepared {row.preparedness}/5" for row in rows),
        (series,),
        y_ticks=STAGE_NAMES,
    )
    table = Table(
        ("Prepared", *STAGE_NAMES),
        tuple(
            (f"{row.preparedness}/5", *(str(c.count) for c in row.stages)) for row in figure.rows
        ),
        tuple(_debriefs(i for c in row.stages for i in c.debrief_ids) for row in figure.rows),
    )
    return CardSpec("preparation", "Preparation against outcome", ((chart, figure.reading),), table)


def cards(insights: Insights) -> list[tuple[str, CardSpec]]:
    """Return the eight cards in the order they stand on the page."""
    made = [
        stages_card(insights.stages),
        feedback_card(insights.feedback),
        mood_card(insights.mood),
        move_on_card(insights.move_on),
        direction_card(insights.direction),
        lessons_card(insights.lessons),
        goals_card(insights.goals),
        preparation_card(insights.preparation),
    ]
    return [(card.key, card) for card in made]
