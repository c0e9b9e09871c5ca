"""Helpers for the lock's tests: a steady clock the test moves, and what widgets still hold."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from regroup.gui.lock.controller import AppLock
from regroup.gui.main_window import MainWindow


class Seconds:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def texts_on_widgets() -> list[str]:
    """Every text a widget of the app still holds (editors, fields and labels)."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit | QLabel):
            texts.append(widget.text())
    return texts


def wait_until_no_widget_holds(qtbot: QtBot, canary: str) -> None:
    """Wait for the torn-down pages to be deleted, then nothing may show ``canary``."""
    qtbot.waitUntil(lambda: not any(canary in text for text in texts_on_widgets()))


def clocked_lock(window: MainWindow, clock: Seconds) -> AppLock:
    """Give ``window`` a lock that reads ``clock`` (in place of the one it was built with)."""
    window.app_lock.watcher.set_minutes(None)
    window.app_lock.deleteLater()
    window.app_lock = AppLock(window, clock)
    return window.app_lock
