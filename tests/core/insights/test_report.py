"""The report to keep: its sections in order, its charts, and what it leaves out.

The twelve debriefs of the story name "Company 0" to "Company 11"; a diary entry
on the news day of debrief 4 holds a line only the diary has. Lessons that come
back are checked with a company name typed into one of them.
"""

from __future__ import annotations

import datetime as dt
import re

from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import GoalContent, Lane
from regroup.core.insights.report import report_document, report_period
from regroup.core.insights.report_charts import BarChart, LineChart, mood_chart
from regroup.core.insights.report_sources import NameFilter, excerpt
from regroup.core.insights.types import (
    Insights,
    MoodDay,
    MoodFigure,
    NewsMark,
    Period,
    PeriodKind,
)
from regroup.core.profile import Profile
from tests.core.conftest import BERLIN, Plans
from tests.core.insights.conftest import Story, insights_over, news_day

DIARY_LINE = "Marmalade on toast and a long cry after the call"
COMPANIES = [f"Company {i}" for i in range(12)]
SECTIONS = [
    "How far you got",
    "Feedback, realistically",
    "Mood around the news",
    "Time to move on",
    "Direction",
    "Lessons that repeat",
    "Goals",
    "Preparation and how far you got",
]


def everything(story: Story) -> Insights:
    return story.insights.insights(Period.everything())


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def with_diary(profile: Profile, story: Story) -> None:
    for offset in range(0, 40):
        day = news_day(0) + dt.timedelta(days=offset)
        body = DIARY_LINE if day == news_day(4) else ""
        profile.diary.add(EntryContent(body=body, mood=2 + offset % 3, entry_date=day))


def test_the_report_walks_through_every_figure_in_the_page_order(
    profile: Profile, story: Story
) -> None:
    document = report_document(profile.db, everything(story), tz=BERLIN)
    headings = re.findall(r"<h1>([^<]+)</h1>", document.html)
    assert headings == SECTIONS
    text = visible_text(document.html)
    assert "What your records show" in text and "12 debriefs in this period" in text
    assert "You reached an interview in 7 of 12 applications" in text  # figure 1's reading
    assert document.title == "Regroup: what your records show"


def test_each_figure_with_enough_records_gets_a_chart_its_html_names(
    profile: Profile, story: Story
) -> None:
    with_diary(profile, story)
    document = report_document(profile.db, everything(story), tz=BERLIN)
    keys = [chart.key for chart in document.charts]
    assert keys == ["stages", "news", "mood", "move_on", "direction", "goals", "preparation"]
    for key in keys:
        assert f'src="chart-{key}.png"' in document.html
    stages = document.charts[0]
    assert isinstance(stages, BarChart)
    assert [g.values[0] for g in stages.groups] == [3, 2, 4, 2, 1]  # A S I F O, counted in STORY
    mood = document.charts[2]
    assert isinstance(mood, LineChart) and len(mood.points) == 40
    assert len(mood.marks) == 8  # the news of debriefs 0-7 falls in the 40 diary days
    direction = document.charts[4]
    assert isinstance(direction, BarChart)
    assert [(g.label, g.highlight) for g in direction.groups] == [
        ("Data analyst", True),
        ("Sales", False),
    ]
    goals = document.charts[5]
    assert isinstance(goals, BarChart) and goals.series == ("Made", "Done")
    assert [(g.label, g.values) for g in goals.groups] == [("Jan 26", (1, 0)), ("Feb 26", (2, 1))]


def test_without_names_no_company_and_no_diary_text_appear(profile: Profile, story: Story) -> None:
    with_diary(profile, story)
    goal = story.plans.goals.create_from_debrief(story.ids[0], 0)
    story.plans.goals.update(goal.id, GoalContent("Write to Company 3 about the Company 0 role"))
    story.plans.goals.move(goal.id, Lane.DONE, 0)
    document = report_document(profile.db, everything(story), tz=BERLIN)
    assert not document.names
    text = visible_text(document.html)
    for company in COMPANIES:
        assert company not in text
    assert "Marmalade" not in text
    assert "Write to the company about the company role" in text  # the goal, done
    assert "Company names and diary text are left out" in text


def test_with_names_the_applications_and_the_diary_lines_are_there(
    profile: Profile, story: Story
) -> None:
    with_diary(profile, story)
    document = report_document(profile.db, everything(story), names=True, tz=BERLIN)
    text = visible_text(document.html)
    assert document.names
    assert "Company 4 — Role" in text  # the news of debrief 4, in the mood table
    assert DIARY_LINE in text
    assert "includes company names and lines from your diary" in text


def test_an_empty_profile_gets_kind_words_and_no_empty_charts(
    profile: Profile, plans: Plans
) -> None:
    found = insights_over(profile, plans).insights(Period.everything())
    document = report_document(profile.db, found)
    assert document.charts == ()
    text = visible_text(document.html)
    assert "After your first debrief that says how far it went" in text
    assert "None yet. Finished goals will be listed here." in text


def test_typed_text_cannot_change_the_layout(profile: Profile, plans: Plans) -> None:
    goal = plans.goals.create(GoalContent("<b>bold</b> & \x00 <img src=x>"))
    plans.goals.move(goal.id, Lane.DONE, 0)
    found = insights_over(profile, plans).insights(Period.everything())
    html = report_document(profile.db, found).html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; \ufffd &lt;img src=x&gt;" in html
    assert "<b>" not in html


def test_company_names_go_as_whole_words_whatever_their_case_or_spacing() -> None:
    clean = NameFilter(["Acme", "Acme Labs", "  Bolt   Health ", "X", ""])
    assert clean("Acme Labs said no; acme was kind") == "the company said no; the company was kind"
    assert clean("BOLT\nhealth called. Acmeish stays.") == "the company called. Acmeish stays."
    assert clean("X marks the spot") == "X marks the spot"  # one letter is no name to hunt
    assert (
        clean("The Acme team, then the ACME LABS one") == "The company team, then the company one"
    )
    assert NameFilter([])("Acme") == "Acme"


def test_a_long_diary_entry_is_cut_at_a_word() -> None:
    words = excerpt("word " * 2_000_000, 30)
    assert words == "word word word word word word…"
    assert excerpt("  short\n\n line ") == "short line"


def test_the_command_lines_days_make_the_period() -> None:
    assert report_period(None, None) == Period.everything()
    first, last = dt.date(2026, 1, 1), dt.date(2026, 3, 1)
    assert report_period(first, last) == Period(first, last, PeriodKind.CUSTOM)
    assert report_period(first, None).contains(dt.date(2030, 1, 1))


def test_years_of_diary_fit_the_printed_line_and_news_days_share_marks() -> None:
    first = dt.date(2000, 1, 1)
    days = tuple(MoodDay(first + dt.timedelta(days=n), 1.0 + n % 5, 3.0, 1) for n in range(36_500))
    news = tuple(NewsMark(first + dt.timedelta(days=n), n) for n in range(0, 36_500, 7))
    iso_days = tuple(d.day.isoformat() for d in days)
    chart = mood_chart(MoodFigure(days, news, (), None, None, "A reading.", iso_days))
    assert chart is not None and len(chart.points) == 397 == len(chart.line)
    assert chart.points[1][0] - chart.points[0][0] == dt.timedelta(days=92)  # 36,500 / 400, up
    assert chart.line[0] == (first, 3.0)
    assert 300 < len(chart.marks) <= 401  # one mark a point at most, not 5,215 rules
    few = mood_chart(MoodFigure(days[:30], news[:5], (), None, None, "A reading.", iso_days[:30]))
    assert few is not None and len(few.points) == 30 and len(few.marks) == 5


def test_a_long_search_lists_the_latest_goals_done_and_counts_the_rest(
    profile: Profile, plans: Plans
) -> None:
    for n in range(62):
        plans.clock.moment = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=n)
        goal = plans.goals.create(GoalContent(f"Goal number {n}"))
        plans.goals.move(goal.id, Lane.DONE, 0)
    found = insights_over(profile, plans).insights(Period.everything())
    text = visible_text(report_document(profile.db, found, tz=BERLIN).html)
    assert "You finished 62 goals; here are the latest 60." in text
    assert "Goal number 61 (3 Mar 2026)" in text and "Goal number 2 " in text
    assert "Goal number 1 " not in text and "Goal number 0 " not in text
