"""Small form controls for answers that may be left blank: a choice, a number, a text.

A debrief is saved as it is being written, so every control can say "not answered
yet" and give that back as None instead of inventing a value (a date: the kit's
:class:`~regroup.gui.kit.date_field.DateField`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
)

NOT_SAID = "Not said"


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
