"""A scroll area's viewport is reached without PySide building every widget class."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QListView, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from regroup.gui.kit.viewports import viewport_of


def test_it_is_the_viewport_qt_made(qtbot: QtBot) -> None:
    for area in (QListView(), QTextEdit(), QPlainTextEdit()):
        qtbot.addWidget(area)
        assert viewport_of(area) is area.viewport()


def test_a_viewport_given_by_the_program_is_found_too(qtbot: QtBot) -> None:
    area = QTextEdit()
    qtbot.addWidget(area)
    own = QWidget()
    area.setViewport(own)
    assert viewport_of(area) is own


def test_a_fresh_window_reaches_it_without_loading_every_widget_class() -> None:
    """``viewport()`` itself makes PySide build every QtWidgets type (QWizard among them)."""
    script = (
        "import PySide6.QtWidgets as widgets\n"
        "from regroup.gui.kit.viewports import viewport_of\n"
        "app = widgets.QApplication([])\n"
        "area = widgets.QListView()\n"
        "viewport_of(area).height()\n"
        "print('QWizard' in vars(widgets))\n"
        "area.viewport()  # the same object again: still nothing built\n"
        "print('QWizard' in vars(widgets))\n"
        "widgets.QListView().viewport()  # a viewport PySide has not seen\n"
        "print('QWizard' in vars(widgets))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True"]
