"""The Insights page's figures, measured in a process of its own (offscreen Qt).

``python -m tests.benchmarks.insights_gui_bench DATA_DIR RUNS`` prints one JSON object:

- ``insights_page_show_ms``: in a window already on screen, from the page being
  built to every figure's card being on the page and painted, for the period it
  opens on (the last three months): the reading off the window's thread included;
- ``insights_page_build_ms``: the page's own part of that: the cards built and
  every chart drawn and painted from figures read beforehand (what the window's
  thread spends), and ``insights_page_in_view_ms`` the part of it until what is
  in view (the cards and charts at the top) is painted;
- ``insights_page_all_ms``: the same whole show after choosing "All";
- ``insights_read_ms`` and ``insights_read_in_thread_ms``: core's reading alone on
  the window's thread, and through the page's background read (a thread and a
  database connection of its own), which tells what the connection costs;
- ``insights_page_first_show_ms``: the first show, which also pays for importing
  Qt Charts and the page, as the first show in the app does.

Each ``..._ms`` has a ``..._cpu_ms`` twin: the processor time the process spent
(both threads), which is what the wall time would be on an idle machine; the
shared build machine often runs several test suites at once.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from regroup.core.insights.types import Period, PeriodKind
from regroup.core.profile import Profile
from regroup.gui.kit.page import PageContext
from tests.benchmarks.gui_window import ms_since, shown_window


def _cpums_since(start: float) -> float:
    return (time.process_time() - start) * 1000


def _clear(app: QApplication, window: QMainWindow) -> None:
    """Take the previous page down before timing (the app builds its page once)."""
    window.setCentralWidget(QWidget())
    app.processEvents()


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


Samples = dict[str, list[float]]


def show_ms(app: QApplication, window: QMainWindow, profile: Profile, runs: int) -> Samples:
    """Build and show the page ``runs + 1`` times; the first (with the imports) apart."""
    found: Samples = {}
    for run in range(runs + 1):
        _clear(app, window)
        start, cpu = time.perf_counter(), time.process_time()
        from regroup.gui.insights.page import InsightsPage

        page = InsightsPage(PageContext.alone(profile))
        window.setCentralWidget(page)
        _wait_loaded(app, page)
        name = "insights_page_first_show" if run == 0 else "insights_page_show"
        found.setdefault(f"{name}_ms", []).append(ms_since(start))
        found.setdefault(f"{name}_cpu_ms", []).append(_cpums_since(cpu))
        if run == 0:
            continue
        start, cpu = time.perf_counter(), time.process_time()
        page.choose_period(PeriodKind.ALL)
        _wait_loaded(app, page)
        found.setdefault("insights_page_all_ms", []).append(ms_since(start))
        found.setdefault("insights_page_all_cpu_ms", []).append(_cpums_since(cpu))
    return found


def build_ms(app: QApplication, window: QMainWindow, profile: Profile, runs: int) -> Samples:
    """The page's own cost: its cards and every chart built and painted from figures read."""
    from regroup.gui.insights.page import InsightsPage

    read = profile.insights.insights(Period.last_3_months(profile.insights.today()))
    found: Samples = {}
    for _ in range(runs):
        _clear(app, window)
        page = InsightsPage(PageContext.alone(profile))
        page.reload = lambda: None  # type: ignore[method-assign]  # figures handed in below
        start, cpu = time.perf_counter(), time.process_time()
        window.setCentralWidget(page)
        page._on_arrived(read)
        app.sendPostedEvents()  # the layout, not yet the next chart out of view
        page.figures_area.viewport().repaint()
        found.setdefault("insights_page_in_view_ms", []).append(ms_since(start))
        found.setdefault("insights_page_in_view_cpu_ms", []).append(_cpums_since(cpu))
        _wait_loaded(app, page)
        found.setdefault("insights_page_build_ms", []).append(ms_since(start))
        found.setdefault("insights_page_build_cpu_ms", []).append(_cpums_since(cpu))
    return found


def read_ms(profile: Profile, runs: int) -> Samples:
    """Core's reading for three months: on this thread, and as the page reads it."""
    from regroup.gui.insights.background import LatestRead

    period = Period.last_3_months(profile.insights.today())
    found: Samples = {}
    reader = LatestRead("bench")
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        profile.insights.insights(period)
        found.setdefault("insights_read_ms", []).append(ms_since(start))
        found.setdefault("insights_read_cpu_ms", []).append(_cpums_since(cpu))
        waiting = QEventLoop()
        reader.arrived.connect(waiting.quit)
        start, cpu = time.perf_counter(), time.process_time()
        reader.start(lambda: profile.insights.insights(period))
        waiting.exec()
        reader.arrived.disconnect(waiting.quit)
        found.setdefault("insights_read_in_thread_ms", []).append(ms_since(start))
        found.setdefault("insights_read_in_thread_cpu_ms", []).append(_cpums_since(cpu))
    return found


def main() -> None:
    """Measure one profile and print the figures as JSON."""
    root, runs = Path(sys.argv[1]), int(sys.argv[2])
    app, window, profile = shown_window(root)
    samples = {
        **show_ms(app, window, profile, runs),
        **build_ms(app, window, profile, runs),
        **read_ms(profile, runs),
    }
    report: dict[str, object] = {
        name: round(values[0], 2) if "first_show" in name else values
        for name, values in samples.items()
    }
    report["insights_debriefs"] = profile.debriefs.count()
    window.close()
    profile.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
