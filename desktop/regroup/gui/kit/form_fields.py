"""Small form controls for answers that may be left blank: a date, a choice, a number.

A debrief is saved as it is being written, so every control can say "not answered
yet" and give that back as None instead of inventing a value.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

UNSET_DAY = QDate(1900, 1, 1)
NOT_SAID = "Not said"


class OptionalDateEdit(QWidget):
    """A date picker with a clear button; its lowest value reads "Not set" and means None."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(UNSET_DAY)
        self.date_edit.setSpecialValueText("Not set")
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName(name)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAccessibleName(f"Clear the {name.lower()}")
        self.clear_button.setToolTip("Leave this date blank")
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.clear_button)
        layout.addStretch()
        self.setFocusProxy(self.date_edit)
        self.date_edit.dateChanged.connect(lambda _day: self.changed.emit())
        self.set_value(None)

    def value(self) -> date | None:
        """Return the chosen day, or None when left blank."""
        chosen = self.date_edit.date()
        return None if chosen == UNSET_DAY else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, day: date | None) -> None:
        """Show ``day`` (None: blank)."""
        if day is None:
            self.date_edit.setDate(UNSET_DAY)
        else:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))


class ChoiceBox(QComboBox):
    """A drop-down of labelled values whose first item, "Not said", means None."""

    def __init__(self, name: str, choices: Sequence[tuple[Any, str]], blank: str = NOT_SAID):
        super().__init__()
        self.setAccessibleName(name)
        self._values: list[Any] = [None]
        self.addItem(blank)
        for value, label in choices:
            self._values.append(value)
            self.addItem(label)

    def value(self) -> Any:
        """Return the chosen value, or None."""
        return self._values[max(0, self.currentIndex())]

    def set_value(self, value: Any) -> None:
        """Choose ``value`` (an unknown value shows as "Not said")."""
        self.setCurrentIndex(self._values.index(value) if value in self._values else 0)


class OptionalSpinBox(QSpinBox):
    """A whole number from ``low`` to ``high``, or blank (shown as "Not said")."""

    def __init__(self, name: str, low: int, high: int) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setRange(low - 1, high)
        self.setSpecialValueText(NOT_SAID)

    def value_or_none(self) -> int | None:
        """Return the number, or None when left blank."""
        number = self.value()
        return None if number < self.minimum() + 1 else number

    def set_value_or_none(self, number: int | None) -> None:
        """Show ``number`` (None: blank)."""
        self.setValue(self.minimum() if number is None else number)


def text_box(name: str, placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    """Return a plain-text answer box about ``lines`` lines high that passes Tab on."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


def scale_choices(low: str, high: str) -> list[tuple[int, str]]:
    """Return the 1 to 5 choices, the ends labelled."""
    labels = {1: f"1 – {low}", 5: f"5 – {high}"}
    return [(n, labels.get(n, str(n))) for n in range(1, 6)]
