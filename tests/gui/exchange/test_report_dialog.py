"""File › Export report…: a period, names left out by default, a PDF behind a progress bar."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent, NewsVia, Stage
from regroup.core.insights.report import chart_size
from regroup.core.insights.report_charts import BarChart, BarGroup, LineChart
from regroup.core.insights.types import Period, PeriodKind
from regroup.core.profile import Profile
from regroup.gui.exchange.report_charts import ACCENT, SCALE, draw_chart, value_steps
from regroup.gui.exchange.report_dialog import ReportDialog


def applications(profile: Profile) -> None:
    for n, stage in enumerate((Stage.APPLIED, Stage.INTERVIEWS, Stage.FINAL_ROUND)):
        content = DebriefContent(
            company=f"Firm {n}",
            stage=stage,
            news_on=dt.date(2026, 3, 1) + dt.timedelta(days=7 * n),
            news_via=NewsVia.EMAIL,
        )
        profile.debriefs.create(content, draft=False)


def test_the_dialog_starts_with_everything_and_without_names(
    qtbot: QtBot, profile: Profile
) -> None:
    dialog = ReportDialog(profile)
    qtbot.addWidget(dialog)
    assert not dialog.names_box.isChecked()
    assert dialog.period() == Period.everything()
    assert not dialog.export_button.isEnabled()  # no file chosen yet
    assert not dialog.from_edit.isEnabled()
    dialog.period_box.setCurrentIndex(3)
    assert dialog.from_edit.isEnabled() and dialog.to_edit.isEnabled()
    dialog.from_edit.set_value(dt.date(2026, 1, 1))
    assert dialog.period() == Period(dt.date(2026, 1, 1), None, PeriodKind.CUSTOM)
    dialog.period_box.setCurrentIndex(0)
    assert dialog.period().kind is PeriodKind.LAST_3_MONTHS


def test_a_report_is_painted_after_the_click_and_saved(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str]
) -> None:
    applications(profile)
    dialog = ReportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "report"))

    dialog.export_button.click()

    assert dialog.job is not None  # painting starts once the click is handled
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    target = tmp_path / "report.pdf"
    assert told == [
        f"Saved the report to {target}. The file is not encrypted; keep it somewhere safe."
    ]
    assert target.read_bytes().startswith(b"%PDF-")


def test_days_the_wrong_way_round_are_refused_kindly(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str]
) -> None:
    dialog = ReportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentIndex(3)
    dialog.from_edit.set_value(dt.date(2026, 3, 1))
    dialog.to_edit.set_value(dt.date(2026, 2, 1))
    dialog.path_edit.setText(str(tmp_path / "r.pdf"))
    dialog.export_button.click()
    assert told == ["The first day is after the last day."]
    assert dialog.job is None and not (tmp_path / "r.pdf").exists()


def test_charts_are_drawn_for_paper_at_twice_their_page_size() -> None:
    bars = BarChart("stages", ("Applications",), (BarGroup("Applied", (3.0,)),) * 3)
    image = draw_chart(bars)
    width, height = chart_size(bars)
    assert (image.width(), image.height()) == (width * SCALE, height * SCALE)
    assert image.pixelColor(2, 2) == QColor("white")
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(image.width())}
    assert ACCENT.name() in colours  # the bars are in the accent colour
    days = tuple((dt.date(2026, 1, d), 1.0 + d % 5) for d in range(1, 29))
    line = LineChart("mood", days, days, (dt.date(2026, 1, 9),), 1.0, 5.0, ("a", "b", "c"))
    assert not draw_chart(line).isNull()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, (1.0, 1)), (3, (3.0, 3)), (10, (10.0, 5)), (23, (25.0, 5)), (330, (400.0, 4))],
)
def test_an_axis_ends_on_a_round_number(value: float, expected: tuple[float, int]) -> None:
    assert value_steps(value) == expected


def test_the_window_loads_the_report_code_only_when_asked() -> None:
    code = (
        "import sys, regroup.gui.main_window\n"
        "print([m for m in sys.modules if 'report' in m and m.startswith('regroup')])"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.stdout.strip() == "['regroup.gui.exchange.report_menu']", run.stderr
