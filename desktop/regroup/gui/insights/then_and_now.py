"""The "then and now" card: a debrief from months ago, and what came after it.

It stands on the Insights page and, for a moment, on the Check-ins page after a
check-in is answered "Yes". It is a gentle look back, never a measure: the person
can close it, and turn it off in Settings. It imports no plotting library, so the
Check-ins page can show it without loading the charts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from regroup.core.insights.types import ThenAndNow

TITLE = "Then and now"


class ThenAndNowCard(QFrame):
    """Shows one look-back; ``open_debrief`` asks to show the debrief it starts from."""

    open_debrief = Signal(int)
    closed = Signal()

    def __init__(self, closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # the card style draws the frame
        self.setAccessibleName(TITLE)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.look_back: ThenAndNow | None = None
        self.title = QLabel(TITLE)
        self.title.setProperty("textStyle", "heading")
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.reading.setProperty("textStyle", "body")
        self.reading.setAccessibleName("Then and now: reading")
        self.reading.setMinimumWidth(1)
        self.open_button = QPushButton("Look at that debrief")
        self.open_button.setAccessibleName("Open the debrief of then")
        self.open_button.clicked.connect(self._open)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close the then and now card")
        self.close_button.setToolTip("Hide this look-back (Settings can turn it off)")
        self.close_button.clicked.connect(self.dismiss)
        self.close_button.setVisible(closable)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.reading)
        layout.addLayout(buttons)
        self.hide()

    def show_look_back(self, look_back: ThenAndNow | None) -> None:
        """Show ``look_back``; without one (no debrief is old enough yet) the card hides."""
        self.look_back = look_back
        if look_back is None:
            self.hide()
            return
        self.title.setText(f"{TITLE}: {look_back.title}" if look_back.title else TITLE)
        self.reading.setText(look_back.reading)
        self.show()

    def dismiss(self) -> None:
        """Hide the card until it is next offered."""
        self.hide()
        self.closed.emit()

    def _open(self) -> None:
        if self.look_back is not None:
            self.open_debrief.emit(self.look_back.debrief_id)
