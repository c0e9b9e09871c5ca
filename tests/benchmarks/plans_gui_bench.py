"""Goals board and Debriefs page figures, measured in a process of their own (offscreen Qt).

``python -m tests.benchmarks.plans_gui_bench DATA_DIR RUNS`` prints one JSON object:
how long the Goals board takes to be built and painted in a window already on
screen, how long a card drop takes from the lane model's ``dropMimeData`` to the
move being committed, and how long the Debriefs page takes to filter its list
(query, model reset and repaint) for words, a company, a stage and dates.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from regroup.core.debriefs.types import Stage
from regroup.core.goals.types import BOARD_LANES
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import DebriefPage
from regroup.gui.goals.page import GoalsPage
from regroup.gui.kit.page import PageContext
from tests.benchmarks.gui_window import ms_since, shown_window

DROPS_PER_RUN = 20
FILTERS_PER_RUN = 5


def board_show_ms(
    app: QApplication, window: QMainWindow, profile: Profile, runs: int
) -> list[float]:
    """Build the board in a shown window until all three columns have painted."""
    times = []
    for _ in range(runs + 1):  # the first run loads modules and fonts: not counted
        start = time.perf_counter()
        page = GoalsPage(PageContext.alone(profile))
        painted: set[int] = set()
        for number, view in enumerate(page.views.values()):
            view.first_painted.connect(lambda n=number, seen=painted: seen.add(n))
        window.setCentralWidget(page)
        while len(painted) < len(page.views):
            app.processEvents()
        times.append(ms_since(start))
    return times[1:]


def drop_ms(page: GoalsPage, runs: int) -> list[float]:
    """Drop a random card at a random place of a random column, ``DROPS_PER_RUN`` per run."""
    picker = random.Random(3)
    medians = []
    for _ in range(runs):
        times = []
        for _ in range(DROPS_PER_RUN):
            source = page.models[picker.choice(BOARD_LANES)]
            target = page.models[picker.choice(BOARD_LANES)]
            if not source.rowCount():
                continue
            data = source.mimeData([source.index(picker.randrange(source.rowCount()))])
            row = picker.randint(0, target.rowCount())
            start = time.perf_counter()
            moved = target.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())
            times.append(ms_since(start))
            assert moved
        medians.append(statistics.median(times))
    return medians


def filter_ms(page: DebriefPage, runs: int) -> dict[str, list[float]]:
    """Change one filter of the list and repaint it; the median of a few changes per run."""
    panel = page.panel
    company = panel.company_box.findText("Acme Labs")

    def words(text: str) -> Callable[[], None]:
        return lambda: panel.search_edit.setText(text)

    def choose_company(index: int) -> Callable[[], None]:
        return lambda: panel.company_box.setCurrentIndex(index)

    def choose_stage(stage: Stage | None) -> Callable[[], None]:
        return lambda: panel.stage_box.set_value(stage)

    def earliest(day: dt.date | None) -> Callable[[], None]:
        return lambda: panel.from_edit.set_value(day)

    changes = {
        "debrief_page_filter_text_ms": (words("interview"), words("")),
        "debrief_page_filter_company_ms": (choose_company(company), choose_company(0)),
        "debrief_page_filter_stage_ms": (choose_stage(Stage.FINAL_ROUND), choose_stage(None)),
        "debrief_page_filter_date_ms": (earliest(dt.date(2020, 1, 1)), earliest(None)),
    }
    figures: dict[str, list[float]] = {}
    for name, (narrow, widen) in changes.items():
        medians = []
        for _ in range(runs):
            times = []
            for _ in range(FILTERS_PER_RUN):
                start = time.perf_counter()
                narrow()
                panel.view.viewport().repaint()
                times.append(ms_since(start))
                assert panel.model.rowCount() > 0
                widen()
            medians.append(statistics.median(times))
        figures[name] = medians
        if name == "debrief_page_filter_stage_ms":
            panel.to_edit.set_value(dt.date(2021, 12, 31))  # a range is set one end at a time
    return figures


def main() -> None:
    """Measure one profile and print the figures as JSON."""
    root, runs = Path(sys.argv[1]), int(sys.argv[2])
    app, window, profile = shown_window(root)
    report: dict[str, object] = {"board_show_ms": board_show_ms(app, window, profile, runs)}
    page = window.centralWidget()
    assert isinstance(page, GoalsPage)
    report["board_cards"] = sum(model.rowCount() for model in page.models.values())
    report["board_drop_ms"] = drop_ms(page, runs)
    debriefs = DebriefPage(PageContext.alone(profile))
    window.setCentralWidget(debriefs)
    app.processEvents()
    report["debriefs_listed"] = debriefs.panel.model.rowCount()
    report.update(filter_ms(debriefs, runs))
    window.close()
    profile.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
