"""Answering a modal dialog from a test without ever leaving it open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def when_modal(work: Callable[[QDialog], object]) -> list[BaseException]:
    """Run ``work`` on the next modal dialog once it is open, then make sure it closes.

    A failed assertion inside ``work`` would otherwise leave ``exec()`` waiting for
    ever; it is kept in the returned list for the test to check instead.
    """
    errors: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QDialog), f"no modal dialog, but {dialog!r}"
            work(dialog)
        except BaseException as exc:
            errors.append(exc)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return errors


def answer(start: str) -> Callable[[QDialog], None]:
    """Press the button of a question whose text begins with ``start``."""

    def press(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text().startswith(start)).click()

    return press
