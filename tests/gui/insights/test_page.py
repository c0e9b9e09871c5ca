"""The Insights page: eight figures with their readings, tables, a period, and clicks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent, Stage
from regroup.core.errors import DamagedDatabaseError
from regroup.core.insights.types import Period, PeriodKind
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import DebriefPage
from regroup.gui.insights.charts import BarChart, MoodChart
from regroup.gui.insights.page import GROWING, NOT_READ, InsightsPage
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import page_of, show_window
from tests.gui.insights.conftest import TODAY, Search

FIGURES = [
    "stages",
    "feedback",
    "mood",
    "move_on",
    "direction",
    "lessons",
    "goals",
    "preparation",
]


def insights(qtbot: QtBot, window: MainWindow) -> InsightsPage:
    window.show_page("insights")
    page = page_of(window, "insights", InsightsPage)
    qtbot.waitUntil(lambda: not page.is_loading and len(page.cards) == len(FIGURES))
    return page


@pytest.fixture
def window(qtbot: QtBot, search: Search) -> MainWindow:
    return show_window(qtbot, search.profile)


def test_every_figure_shows_the_reading_core_gives_for_the_last_three_months(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    page = insights(qtbot, window)
    assert list(page.cards) == FIGURES
    service = search.profile.insights
    period = Period.last_3_months(TODAY)
    assert page.period == period
    expected = {
        "stages": service.stages(period).reading,
        "feedback": service.feedback(period).reading,
        "mood": service.mood(period).reading,
        "move_on": service.move_on(period).reading,
        "direction": service.direction(period).reading,
        "lessons": service.lessons(period).reading,
        "goals": service.goals(period).reading,
        "preparation": service.preparation(period).reading,
    }
    for key, card in page.cards.items():
        readings = [label.text() for label in card.readings]
        assert readings and readings[0] == expected[key] and expected[key]
        assert card.charts, f"{key} draws a chart"
        assert card.isVisible()
    assert (
        page.cards["stages"].readings[0].text()
        == "You reached an interview in 4 of 4 applications."
    )
    assert page.status.isHidden()  # enough to go on: no "after a few more"


def test_show_as_table_gives_the_same_numbers_as_the_bars(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    card = insights(qtbot, window).cards["stages"]
    chart = card.charts[0]
    assert isinstance(chart, BarChart) and chart.isVisible() and card.table.isHidden()
    card.toggle.click()
    assert card.table.isVisible() and chart.isHidden()
    assert card.toggle.text() == "Show as chart"
    bars = [int(value) for value in chart.spec.series[0].values]
    assert bars == [0, 0, 2, 1, 1]
    assert card.table.cell_texts() == [
        ["Applied", "0"],
        ["Screening call", "0"],
        ["Interview rounds", "2"],
        ["Final round", "1"],
        ["Offer stage", "1"],
    ]
    card.toggle.click()
    assert chart.isVisible() and card.table.isHidden()


def test_the_period_filter_changes_every_figure(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    page = insights(qtbot, window)
    before = {key: card for key, card in page.cards.items()}
    page.choose_period(PeriodKind.ALL)
    qtbot.waitUntil(lambda: not page.is_loading)
    assert page.period == Period.everything()
    assert all(page.cards[key] is not before[key] for key in FIGURES)
    stages = page.cards["stages"]
    assert [int(v) for v in stages.charts[0].spec.series[0].values] == [1, 1, 2, 1, 1]
    assert stages.readings[0].text() == search.profile.insights.stages(Period.everything()).reading
    assert "of 6 applications" in stages.readings[0].text()


def test_a_click_on_a_bar_opens_the_debrief_behind_it(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    chart = insights(qtbot, window).cards["stages"].charts[0]
    assert isinstance(chart, BarChart)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.view_point(4, 0.5))
    assert window.current_page_key() == "debriefs"
    debriefs = page_of(window, "debriefs", DebriefPage)
    assert debriefs.saver.debrief_id == search.ids["Dune"]  # the one at the offer stage


def test_every_chart_covers_its_place_and_follows_the_window_s_width(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = insights(qtbot, window)
    slots = [slot for card in page.cards.values() for slot in card.slots]
    assert slots and all(slot.chart is not None for slot in slots)
    for width in (1000, 1300):
        window.resize(width, 700)
        qtbot.waitUntil(lambda: all(s.chart and s.chart.geometry() == s.rect() for s in slots))
        assert all(slot.width() > 300 for slot in slots)  # the page's width, not a fixed one


def test_a_bar_of_several_debriefs_offers_them_by_name(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    page = insights(qtbot, window)
    chart = page.cards["stages"].charts[0]
    assert isinstance(chart, BarChart)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.view_point(2, 1))
    assert window.current_page_key() == "insights"
    menu = page.opener.menu
    assert menu is not None
    names = [action.text() for action in menu.actions()]
    assert names == ["Acme Labs — Analyst (05 Jan 2026)", "Cedar — Analyst (10 Feb 2026)"]
    menu.actions()[1].trigger()
    assert window.current_page_key() == "debriefs"
    assert page_of(window, "debriefs", DebriefPage).saver.debrief_id == search.ids["Cedar"]


def test_a_table_row_opens_its_records_and_a_mood_day_opens_the_diary(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    page = insights(qtbot, window)
    card = page.cards["stages"]
    card.show_table(True)
    card.table.row_opened.emit(3)  # Final round: Birch
    assert page_of(window, "debriefs", DebriefPage).saver.debrief_id == search.ids["Birch"]
    window.show_page("insights")
    mood = page.cards["mood"].charts[0]
    assert isinstance(mood, MoodChart)
    day = dt.date(2026, 1, 8)
    refs = mood.refs_at(QPointF(mood.day_x(day), 2))
    assert refs == (("day", day.toordinal()),)
    choices = page.opener.choices(refs)
    assert [(key, label.startswith("08 Jan 2026")) for label, key, _id in choices] == [
        ("diary", True)
    ]


def test_with_no_records_the_page_speaks_kindly_instead_of_drawing_empty_axes(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    window = show_window(qtbot, clocked_profile)
    page = insights(qtbot, window)
    assert page.status.isVisible() and GROWING in page.status.text()
    for key, card in page.cards.items():
        assert card.readings and all(label.text() for label in card.readings), key
        assert all(not chart.isVisible() for chart in card.charts), key
    assert not page.cards["stages"].charts  # no bars of zeros
    assert page.then_and_now.isHidden()


def test_with_one_debrief_the_page_says_what_a_few_more_will_show(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    clocked_profile.debriefs.create(
        DebriefContent(company="First", news_on=TODAY, stage=Stage.INTERVIEWS), draft=False
    )
    window = show_window(qtbot, clocked_profile)
    page = insights(qtbot, window)
    assert page.status.text() == GROWING and page.status.isVisible()
    reading = page.cards["stages"].readings[0].text()
    assert reading == clocked_profile.insights.stages(page.period).reading


def test_the_then_and_now_card_stands_on_the_page_and_opens_its_debrief(
    qtbot: QtBot, search: Search, window: MainWindow
) -> None:
    page = insights(qtbot, window)
    card = page.then_and_now
    look_back = search.profile.insights.then_and_now()
    assert look_back is not None and card.isVisible()
    assert card.reading.text() == look_back.reading
    card.open_button.click()
    assert page_of(window, "debriefs", DebriefPage).saver.debrief_id == look_back.debrief_id


def test_the_page_and_qt_charts_load_only_when_insights_is_first_shown() -> None:
    code = (
        "import sys, regroup.gui.app, regroup.gui.main_window\n"
        "print(sorted(m for m in sys.modules if m == 'PySide6.QtCharts'"
        " or m.split('.')[0] in ('pyqtgraph', 'numpy') or m.startswith('regroup.gui.insights')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_a_reading_that_fails_is_said_kindly_and_tried_again_on_the_next_show(
    qtbot: QtBot, search: Search, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(_period: Period) -> None:
        raise DamagedDatabaseError("The diary could not be read.")

    real = search.profile.insights.insights
    monkeypatch.setattr(search.profile.insights, "insights", fail)
    window.show_page("insights")
    page = page_of(window, "insights", InsightsPage)
    qtbot.waitUntil(lambda: not page.is_loading)
    assert page.status.text() == f"{NOT_READ} The diary could not be read."
    assert not page.cards
    monkeypatch.setattr(search.profile.insights, "insights", real)
    window.show_page("diary")
    page = insights(qtbot, window)
    assert page.status.isHidden() and list(page.cards) == FIGURES
