"""The welcome: five calm steps inside the window before a new profile's first page.

Next (or Enter) moves on; the recovery key step lets no one past until the key was
typed back, and Esc does nothing there. The last step opens the page the person
chose, on something new.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from regroup.gui.welcome.progress import WelcomeProgress
from regroup.gui.welcome.steps import (
    DEBRIEF,
    ChoiceStep,
    KeyStep,
    data_step,
    purpose_step,
    tray_step,
)

COLUMN_WIDTH = 560
"""The steps' column: a comfortable line length, centred in the window."""
FINISH = {DEBRIEF: "Start my debrief", "diary": "Open the diary"}


class WelcomePage(QWidget):
    """The steps, one at a time, with Back and Next; ``finished`` names the page to open."""

    finished = Signal(str)

    def __init__(
        self, folder: str, progress: WelcomeProgress, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.progress = progress
        recovery_key = progress.recovery_key()
        self.key_step = KeyStep(recovery_key) if recovery_key else None
        self.choice_step = ChoiceStep()
        self.steps = QStackedWidget()
        for widget in (purpose_step(), data_step(folder), self.key_step):
            if widget is not None:
                self.steps.addWidget(widget)
        self.steps.addWidget(self.choice_step)
        self.steps.addWidget(tray_step())
        self.counter = QLabel()
        self.counter.setProperty("textStyle", "caption")
        self.back_button = QPushButton("Back")
        self.next_button = QPushButton("Next")
        self.next_button.setProperty("buttonStyle", "primary")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        if self.key_step is not None:
            self.key_step.changed.connect(self._update)
        self.choice_step.chosen.connect(self._chosen)
        self._lay_out()
        self._update()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setSpacing(24)
        inner.addWidget(self.counter)
        inner.addWidget(self.steps, 1)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(column, 100)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addLayout(row, 4)
        outer.addStretch(1)

    def current(self) -> QWidget | None:
        """Return the step on show."""
        return self.steps.currentWidget()

    def next(self) -> None:
        """Move on, if this step allows it; the last step finishes the welcome."""
        if not self.next_button.isEnabled():
            return
        step = self.current()
        if self.key_step is not None and step is self.key_step:
            if not self.key_step.typing():
                self.key_step.show_typing(True)
                return
            self.progress.key_confirmed()
        index = self.steps.currentIndex()
        if index == self.steps.count() - 1:
            self.progress.finish()
            self.finished.emit(self.choice_step.choice() or "diary")
            return
        self.steps.setCurrentIndex(index + 1)
        self._update()
        if self.next_button.isEnabled():
            self.next_button.setFocus()

    def _chosen(self, _page_key: str) -> None:
        self._update()
        self.next()

    def back(self) -> None:
        """Go back one step (from typing the key, back to the key itself)."""
        if self.key_step is not None and self.current() is self.key_step and self.key_step.typing():
            self.key_step.show_typing(False)
            return
        self.steps.setCurrentIndex(max(0, self.steps.currentIndex() - 1))
        self._update()

    def _update(self) -> None:
        index = self.steps.currentIndex()
        step = self.current()
        last = index == self.steps.count() - 1
        self.counter.setText(f"Step {index + 1} of {self.steps.count()}")
        self.back_button.setVisible(index > 0)
        if self.key_step is not None and step is self.key_step:
            self.next_button.setEnabled(self.key_step.can_go_on())
            self.next_button.setText("That's my key" if self.key_step.typing() else "Next")
        elif step is self.choice_step:
            self.next_button.setEnabled(self.choice_step.choice() is not None)
            self.next_button.setText("Next")
        else:
            self.next_button.setEnabled(True)
            choice = self.choice_step.choice() or "diary"
            self.next_button.setText(FINISH[choice] if last else "Next")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt: Enter moves on (on a choice, Enter picks it); Esc skips nothing."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if focused in self.choice_step.buttons.values() and self.current() is self.choice_step:
                focused.click()  # type: ignore[union-attr]
            else:
                self.next()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
