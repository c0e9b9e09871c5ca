"""Diary page figures, measured in a process of their own (offscreen Qt).

``python -m tests.benchmarks.diary_gui_bench DATA_DIR RUNS [--scroll]`` prints one
JSON object: how long the Diary page takes to show its list and calendar inside a
window already on screen, how long opening an entry and painting it takes, and,
with ``--scroll``, how many rows the list read while scrolled from top to bottom,
beside how many rows were painted.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from regroup.core.profile import Profile
from regroup.gui.diary.page import DiaryPage
from regroup.gui.kit.page import PageContext
from tests.benchmarks.gui_window import ms_since, shown_window

ENTRY_SWITCHES = 20
SCROLL_STEPS = 300


def _painted_at(app: QApplication, page: DiaryPage) -> float:
    """Return when the page's list first painted (with the rest of the window)."""
    painted: list[float] = []
    page.panel.view.first_painted.connect(lambda: painted.append(time.perf_counter()))
    while not painted:
        app.processEvents()
    return painted[0]


def page_show_ms(
    app: QApplication, window: QMainWindow, profile: Profile, runs: int
) -> list[float]:
    """Build the page in a shown window until its list has painted, ``runs`` times.

    Older entries are added a page at a time after that first paint; not counted.
    """
    times = []
    for _ in range(runs + 1):  # the first run loads modules and fonts: not counted
        start = time.perf_counter()
        page = DiaryPage(PageContext.alone(profile))
        window.setCentralWidget(page)
        times.append((_painted_at(app, page) - start) * 1000)
        page.panel.complete_list()
        page.saver.save_now()
    return times[1:]


def entry_switch_ms(app: QApplication, page: DiaryPage, runs: int) -> list[float]:
    """Pick an entry across the list, open it and paint the page; ``ENTRY_SWITCHES`` per run."""
    model = page.panel.model
    page.panel.complete_list()
    picker = random.Random(5)
    medians = []
    for _ in range(runs):
        times = []
        for _ in range(ENTRY_SWITCHES):
            index = model.index(picker.randrange(model.rowCount()))
            start = time.perf_counter()
            page.panel.view.setCurrentIndex(index)  # as a click or an arrow key does
            page.repaint()
            times.append(ms_since(start))
            app.processEvents()
        medians.append(sorted(times)[len(times) // 2])
    return medians


def scroll_counts(page: DiaryPage) -> dict[str, int | float]:
    """Scroll the list from top to bottom in even steps, counting what was read.

    ``data_calls_per_painted_row`` stays the same at any diary size when the view
    asks only for the rows it paints; ``rows_built`` counts the summaries read from
    the database (a block of rows around each place shown).
    """
    panel = page.panel
    panel.complete_list()
    view, model = panel.view, panel.model
    bar = view.verticalScrollBar()
    bar.setValue(0)
    view.viewport().repaint()
    built, calls = model.rows_built, model.data_calls
    painted = 0
    for step in range(SCROLL_STEPS + 1):
        bar.setValue(bar.maximum() * step // SCROLL_STEPS)
        view.viewport().repaint()
        painted += len(view.visible_rows())
    data_calls = model.data_calls - calls
    return {
        "rows": model.rowCount(),
        "steps": SCROLL_STEPS,
        "rows_painted": painted,
        "rows_built": model.rows_built - built,
        "data_calls": data_calls,
        "data_calls_per_painted_row": round(data_calls / painted, 2),
    }


def main() -> None:
    """Measure one profile and print the figures as JSON."""
    root, runs, scroll = Path(sys.argv[1]), int(sys.argv[2]), "--scroll" in sys.argv
    app, window, profile = shown_window(root)
    report: dict[str, object] = {"page_show_ms": page_show_ms(app, window, profile, runs)}
    page = window.centralWidget()
    assert isinstance(page, DiaryPage)
    report["entry_switch_ms"] = entry_switch_ms(app, page, runs)
    if scroll:
        report["scroll"] = scroll_counts(page)
    page.saver.save_now()
    window.close()
    profile.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
