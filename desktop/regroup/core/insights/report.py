"""The insights report: which sections, which words, in which order, and what stays out.

``regroup report`` and File › Export report… both print this document; Qt only
paints it (and draws its charts from :mod:`report_charts`). Without names, the
report holds no company name and no diary text: the figures and their readings,
the goals done and the lessons, with any company a lesson or goal mentions
replaced by "the company". The person can keep it, or share it by choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, tzinfo

from peewee import SqliteDatabase

from regroup.core.debriefs.types import STAGE_LABELS
from regroup.core.exchange.print_document import long_day, one_line, text
from regroup.core.insights import report_charts as charts
from regroup.core.insights import report_sources as sources
from regroup.core.insights.report_charts import BarChart, Chart
from regroup.core.insights.types import Insights, MoodAroundNews, Period, PeriodKind
from regroup.core.insights.wording import one_decimal, plural
from regroup.core.record import record

CHART_WIDTH = 620
"""CSS pixels (1/96 inch): the text width of the writer's A4 page, about 16.4 cm."""
BAR_HEIGHT = 250
LINE_HEIGHT = 270
ROWS = 12
"""Per-application tables show the latest this many, so the report stays a few pages."""
LESSON_LINES = 8
"""Lines shown for one repeated lesson; the rest are counted."""
LESSON_GROUPS = 12
"""Repeated lessons shown, those that came back most first; the rest are counted."""
GOALS_DONE = 60
"""Goals done listed, the latest first; a long search's others are counted."""
PAGE = '<div style="page-break-before: always">'
Clean = Callable[[str], str]


@record
class ReportDocument:
    """The report's title and HTML, and the charts its ``<img>`` tags name."""

    title: str
    html: str
    charts: tuple[Chart, ...]
    names: bool


def chart_source(key: str) -> str:
    """Return the name an ``<img>`` uses for the chart ``key`` (a document resource)."""
    return f"chart-{key}.png"


def chart_size(chart: Chart) -> tuple[int, int]:
    """Return the chart's size on the page, in CSS pixels."""
    return CHART_WIDTH, BAR_HEIGHT if isinstance(chart, BarChart) else LINE_HEIGHT


def period_words(period: Period, today: date) -> str:
    """Return the period in words: "1 January 2026 to 20 March 2026"."""
    if period.date_from is None and period.date_to is None:
        return f"Everything up to {long_day(today)}"
    start = long_day(period.date_from) if period.date_from else "the beginning"
    return f"{start} to {long_day(period.date_to or today)}"


class _Page:
    """Collects the sections and the charts they show, in order."""

    def __init__(self, clean: Clean) -> None:
        self.clean = clean
        self.parts: list[str] = []
        self.charts: list[Chart] = []

    def say(self, words: str, css: str = "") -> None:
        if words.strip():
            attribute = f' class="{css}"' if css else ""
            self.parts.append(f"<p{attribute}>{one_line(self.clean(words))}</p>")

    def chart(self, chart: Chart | None, legend: str = "") -> None:
        if chart is None:
            return
        width, height = chart_size(chart)
        source = chart_source(chart.key)
        image = f'<img src="{source}" width="{width}" height="{height}"/>'
        self.parts.append(f'<p style="line-height: 100%">{image}</p>')
        self.say(legend, "details")
        self.charts.append(chart)

    def table(self, head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        if not rows:
            return
        cells = "".join(f'<td class="label">{text(h)}</td>' for h in head)
        body = "".join(
            "<tr>" + "".join(f"<td>{one_line(self.clean(c))}</td>" for c in row) + "</tr>"
            for row in rows
        )
        wide = ' width="100%"' if len(head) >= 4 else ""  # long text gets the page's width
        self.parts.append(
            f'<table class="facts"{wide} cellspacing="0" cellpadding="3">'
            f"<tr>{cells}</tr>{body}</table>"
        )

    def items(self, lines: list[str]) -> None:
        if lines:
            self.parts.append(
                "<ul>" + "".join(f"<li>{one_line(self.clean(i))}</li>" for i in lines) + "</ul>"
            )

    def section(self, heading: str) -> None:
        if self.parts:
            self.parts.append("</div>")
        self.parts.append(f"{PAGE}<h1>{text(heading)}</h1>")


def table_day(day: date) -> str:
    """Return "12 Aug 2026": a day that fits a table's column or follows a line."""
    return f"{day.day} {day:%b} {day.year}"


def _mood(value: float | None) -> str:
    return "no moods" if value is None else f"{one_decimal(value)} of 5"


def _title_page(figures: Insights, names: bool) -> str:
    left_out = (
        "This report includes company names and lines from your diary."
        if names
        else "Company names and diary text are left out, so you can share it if you want to."
    )
    return (
        '<p class="spacer">&nbsp;</p><p class="brand">Regroup</p>'
        '<h1 class="title">What your records show</h1>'
        f'<p class="range">{text(period_words(figures.period, figures.today))}</p>'
        f'<p class="meta">{text(plural(figures.debriefs, "debrief"))} in this period. '
        f"Made on {long_day(figures.today)}.</p>"
        f'<p class="meta">{text(left_out)} This file is not encrypted; keep it somewhere '
        "safe.</p>"
    )


def _outcomes(page: _Page, figures: Insights) -> None:
    stages = figures.stages
    page.section("How far you got")
    page.say(stages.reading)
    page.chart(charts.stages_chart(stages))
    page.say(stages.progress_reading)
    feedback = figures.feedback
    page.section("Feedback, realistically")
    page.say(feedback.reading)
    page.chart(charts.news_chart(feedback))
    page.say(feedback.news_reading)
    if feedback.total:
        counts = (feedback.asked, feedback.received_when_asked, feedback.no_reply)
        page.table(
            ("Asked for feedback", "Heard back after asking", "No reply at all"),
            [tuple(str(len(ids)) for ids in counts)],
        )


def _around_news(
    page: _Page, rows: tuple[MoodAroundNews, ...], db: SqliteDatabase, names: bool
) -> None:
    latest = sorted(rows, key=lambda r: (r.news_on, r.debrief_id))[-ROWS:]
    if not latest:
        return
    page.say(f"The latest {plural(len(latest), 'piece')} of news, and the mood around them:")
    titles = sources.debrief_titles(db) if names else {}
    head: tuple[str, ...] = ("News came", "Week after", "Days 14–28")
    if names:
        head = ("News came", "Application", "Week after", "Days 14–28", "What you wrote")
    table: list[tuple[str, ...]] = []
    for row in latest:
        moods = (_mood(row.first_week), _mood(row.later))
        if names:
            wrote = sources.diary_after(db, row.news_on) or ""
            title = titles.get(row.debrief_id, "")
            table.append((table_day(row.news_on), title, *moods, wrote))
        else:
            table.append((table_day(row.news_on), *moods))
    page.table(head, table)


def _feelings(page: _Page, figures: Insights, db: SqliteDatabase, names: bool) -> None:
    mood = figures.mood
    page.section("Mood around the news")
    page.say(mood.reading)
    legend = "Dots: each day's mean mood (1 to 5). Line: the 7-day mean. Rules: news came."
    page.chart(charts.mood_chart(mood), legend)
    _around_news(page, mood.around_news, db, names)
    move_on = figures.move_on
    page.section("Time to move on")
    page.say(move_on.reading)
    page.chart(charts.move_on_chart(move_on), "Each bar: one debrief, by the day its news came.")
    if names and move_on.per_debrief:
        titles = sources.debrief_titles(db)
        latest = sorted(move_on.per_debrief, key=lambda m: m.news_on or date.min)[-ROWS:]
        page.table(
            ("Application", "Days", "“Not yet”s"),
            [
                (
                    titles.get(m.debrief_id, ""),
                    "not yet" if m.days is None else str(m.days),
                    str(m.not_yets),
                )
                for m in latest
            ],
        )


def _direction(page: _Page, figures: Insights) -> None:
    direction = figures.direction
    page.section("Direction")
    page.say(direction.reading)
    chart = charts.direction_chart(direction)
    page.chart(chart, chart.highlight_note if chart else "")
    rows = []
    for kind in direction.kinds:
        answers = ", ".join(f"{c.label}: {c.count}" for c in kind.keep_looking if c.count)
        flags = (("far, and wanted", kind.far_and_wanted), ("you said no", kind.said_no))
        notes = [note for note, on in flags if on]
        rows.append(
            (
                kind.label,
                str(kind.applications),
                "" if kind.wanted_mean is None else f"{one_decimal(kind.wanted_mean)} of 5",
                STAGE_LABELS[kind.furthest] if kind.furthest else "",
                answers,
                ", ".join(notes),
            )
        )
    head = ("Kind of role", "Applications", "Wanted", "Furthest", "Keep looking?", "")
    page.table(head, rows)


def _lessons(page: _Page, figures: Insights, db: SqliteDatabase, names: bool) -> None:
    lessons = figures.lessons
    page.section("Lessons that repeat")
    page.say(lessons.reading)
    if lessons.traps:
        page.parts.append("<h2>Thinking traps that came back</h2>")
        page.items([f"{t.name}: in {plural(len(t.debrief_ids), 'debrief')}" for t in lessons.traps])
    titles = sources.debrief_titles(db) if names else {}
    for group in lessons.lessons[:LESSON_GROUPS]:
        page.parts.append(
            f"<h2>{one_line(page.clean('Lessons about ' + ', '.join(group.words)))}</h2>"
        )
        lines = []
        for line in group.lines:
            goal = ""
            if line.goal_id is not None:
                goal = " (its goal is done)" if line.goal_done else " (a goal is on the board)"
            where = f" — {titles[line.debrief_id]}" if line.debrief_id in titles else ""
            lines.append(f"{line.text}{goal}{where}")
        more = len(lines) - LESSON_LINES
        page.items(
            lines[:LESSON_LINES] + ([f"and {plural(more, 'more line')}"] if more > 0 else [])
        )
    if len(lessons.lessons) > LESSON_GROUPS:
        more = len(lessons.lessons) - LESSON_GROUPS
        page.say(f"And {plural(more, 'more lesson')} that came back.", "details")


def _goals(page: _Page, figures: Insights, done: list[sources.DoneGoal]) -> None:
    goals = figures.goals
    page.section("Goals")
    page.say(goals.reading)
    page.chart(charts.goals_chart(goals), "Goals made from debriefs, and those done, by month.")
    page.parts.append("<h2>Goals done in this period</h2>")
    if not done:
        page.say("None yet. Finished goals will be listed here.", "details")
    elif len(done) > GOALS_DONE:
        page.say(f"You finished {plural(len(done), 'goal')}; here are the latest {GOALS_DONE}.")
    latest = done[::-1][:GOALS_DONE]
    page.items([f"{goal.title} ({table_day(goal.done_on)})" for goal in latest])


def _then_and_now(page: _Page, figures: Insights, db: SqliteDatabase, names: bool) -> None:
    look_back = figures.then_and_now
    if look_back is None:
        return
    page.section("Then and now")
    reading = look_back.reading
    if not names:
        reading = reading.replace(look_back.title, "an application")
    page.say(reading)
    if names:
        wrote = sources.diary_after(db, look_back.news_on)
        if wrote:
            page.say(f"What you wrote then: “{wrote}”", "details")


def report_document(
    db: SqliteDatabase, figures: Insights, names: bool = False, tz: tzinfo | None = None
) -> ReportDocument:
    """Lay out the report of ``figures``; ``names`` puts company names and diary text in."""
    clean: Clean = (lambda words: words) if names else sources.NameFilter(sources.company_names(db))
    page = _Page(clean)
    _outcomes(page, figures)
    _feelings(page, figures, db, names)
    _direction(page, figures)
    _lessons(page, figures, db, names)
    _goals(page, figures, sources.goals_done(db, figures.period, tz))
    preparation = figures.preparation
    page.section("Preparation and how far you got")
    page.say(preparation.reading)
    page.chart(charts.preparation_chart(preparation))
    _then_and_now(page, figures, db, names)
    page.parts.append("</div>")
    html = f"<html><body>{_title_page(figures, names)}{''.join(page.parts)}</body></html>"
    return ReportDocument("Regroup: what your records show", html, tuple(page.charts), names)


def report_period(date_from: date | None, date_to: date | None) -> Period:
    """Return the period ``--from``/``--to`` name (open ends for what is not given)."""
    if date_from is None and date_to is None:
        return Period.everything()
    return Period(date_from, date_to, PeriodKind.CUSTOM)
