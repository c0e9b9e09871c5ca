"""The Insights page's figure, measured in a process of its own (offscreen Qt).

``python -m tests.benchmarks.insights_gui_bench DATA_DIR RUNS`` prints one JSON object:
how long the Insights page takes, in a window already on screen, from being built
to every figure's card being on the page and painted, for the period it opens on
(the last three months) and for "All". The first run also pays for importing
pyqtgraph and numpy, as the first show in the app does; it is reported apart.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow

from regroup.core.insights.types import PeriodKind
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.kit.page import PageContext
from tests.support.prompter import ScriptedPrompter


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _wait_loaded(app: QApplication, page: object) -> None:
    from regroup.gui.insights.page import InsightsPage

    assert isinstance(page, InsightsPage)
    while page.is_loading or not page.cards:  # the reading starts when the page is shown
        if page.is_loading:  # wait in Qt's loop, as the app does: a busy loop holds the GIL
            waiting = QEventLoop()
            page.loaded.connect(waiting.quit)
            waiting.exec()
        app.processEvents()
    page.figures_area.viewport().repaint()  # the charts on screen are painted now


def show_ms(
    app: QApplication, window: QMainWindow, profile: Profile, runs: int
) -> tuple[float, list[float], list[float]]:
    """Build and show the page ``runs + 1`` times; the first (with the imports) apart."""
    times: list[float] = []
    all_times: list[float] = []
    first = 0.0
    for run in range(runs + 1):
        start = time.perf_counter()
        from regroup.gui.insights.page import InsightsPage

        page = InsightsPage(PageContext.alone(profile))
        window.setCentralWidget(page)
        _wait_loaded(app, page)
        elapsed = _ms_since(start)
        if run == 0:
            first = elapsed
            continue
        times.append(elapsed)
        start = time.perf_counter()
        page.choose_period(PeriodKind.ALL)
        _wait_loaded(app, page)
        all_times.append(_ms_since(start))
    return first, times, all_times


def main() -> None:
    """Measure one profile and print the figures as JSON."""
    root, runs = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication([])
    profile = open_profile(ProfilePaths(root), SystemKeyStore(), ScriptedPrompter())
    window = QMainWindow()
    window.resize(1000, 680)
    window.show()
    app.processEvents()
    first, times, all_times = show_ms(app, window, profile, runs)
    report = {
        "insights_page_first_show_ms": round(first, 2),
        "insights_page_show_ms": times,
        "insights_page_all_ms": all_times,
        "insights_debriefs": profile.debriefs.count(),
    }
    window.close()
    profile.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
