"""The calm screen the window shows while it is locked: a title, one field, one button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

TITLE = "Regroup is locked"
HINT_BOTH = "Type your PIN or your passphrase to go on."
HINT_PIN = "Type your PIN to go on."
HINT_PASSPHRASE = "Type your passphrase to go on."
KEPT = "Everything you wrote is saved. Reminders still come, without any details."
WRONG = "That did not unlock Regroup. Take your time and try again."
CARD_WIDTH = 400
WAIT = "Take a breath: you can try again in {seconds} s."


def _label(text: str, style: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    label.setProperty("textStyle", style)
    return label


class LockScreen(QWidget):
    """Asks for the PIN or passphrase; ``unlock_requested`` carries what was typed."""

    unlock_requested = Signal(str)

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Locked")
        card = QFrame()
        card.setProperty("card", True)
        card.setFixedWidth(CARD_WIDTH)  # wrapped lines need a width to find their height
        self.title = _label(TITLE, "title")
        self.hint = _label(hint, "body")
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("PIN or passphrase")
        self.field.setPlaceholderText("PIN or passphrase")
        self.button = QPushButton("Unlock")
        self.button.setProperty("buttonStyle", "primary")
        self.button.setDefault(True)
        self.message = _label("", "caption")
        self.message.setAccessibleName("Unlock message")
        self.message.hide()
        self.kept = _label(KEPT, "caption")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.setSpacing(12)
        for widget in (self.title, self.hint, self.field, self.button, self.message, self.kept):
            inner.addWidget(widget)
        row = QHBoxLayout()  # not an alignment: that would cut the wrapped lines' height
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._wait_over)
        self.field.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)

    def _submit(self) -> None:
        if self.button.isEnabled() and self.field.text():
            self.unlock_requested.emit(self.field.text())

    def say(self, text: str) -> None:
        """Show a short message under the button (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def wrong(self, wait_seconds: float) -> None:
        """The text did not unlock: clear it, and hold the button for ``wait_seconds``."""
        self.field.clear()
        if wait_seconds > 0:
            self.say(WAIT.format(seconds=max(1, round(wait_seconds))))
            self.button.setEnabled(False)
            self._wait.start(int(wait_seconds * 1000))
        else:
            self.say(WRONG)
        self.field.setFocus()

    def _wait_over(self) -> None:
        self.button.setEnabled(True)
        self.say(WRONG)
        self.field.setFocus()
