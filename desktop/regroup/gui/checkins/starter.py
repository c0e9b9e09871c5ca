"""Starting a check-in by hand: the choice of debrief and its button.

The choice always shows a real debrief (the newest) or says there is none yet;
the whole list is read only when the person reaches for it, since reading every
debrief's name costs about 0.1 s with thousands of them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QSizePolicy

NO_DEBRIEFS = "No debriefs yet"
ToolTip = Qt.ItemDataRole.ToolTipRole

Names = Callable[[int | None], list[tuple[str, int]]]
"""Reads debrief names with their ids, newest first; at most the given number (None: all)."""


class DebriefCombo(QComboBox):
    """The debriefs to start a check-in for: the newest at once, the rest when opened."""

    def __init__(self, load: Names) -> None:
        super().__init__()
        self._load = load
        self.loaded = False
        self.setPlaceholderText(NO_DEBRIEFS)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_first(self) -> None:
        """Debriefs may have changed: show the newest now, read the rest when needed."""
        chosen = self.currentData()
        self.loaded = False
        self.clear()
        for text, debrief_id in self._load(1):
            self.addItem(text, debrief_id)
            self.setItemData(0, text, ToolTip)
        self.setCurrentIndex(0 if self.count() else -1)  # a placeholder would leave it unset
        if isinstance(chosen, int) and chosen != self.currentData():
            self.ensure_loaded()  # keep the debrief the person chose
            self.setCurrentIndex(max(0, self.findData(chosen)))
        self.setEnabled(self.count() > 0)

    def ensure_loaded(self) -> None:
        """Fill the list if it is not filled yet, keeping the chosen debrief."""
        if self.loaded:
            return
        self.loaded = True
        chosen = self.currentData()
        self.clear()
        for index, (text, debrief_id) in enumerate(self._load(None)):
            self.addItem(text, debrief_id)
            self.setItemData(index, text, ToolTip)
        self.setCurrentIndex(max(0, self.findData(chosen)))

    def showPopup(self) -> None:
        """Qt: fill the list before it opens."""
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Qt: fill the list before the keyboard moves through it."""
        self.ensure_loaded()
        super().focusInEvent(event)
