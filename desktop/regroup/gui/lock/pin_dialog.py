"""Choosing a PIN for the lock: typed twice, digits only, stored only as its verifier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError, ValidationError
from regroup.core.keys.app_lock import PIN_LENGTHS, check_pin

if TYPE_CHECKING:
    from regroup.core.settings import SettingsService

ABOUT_PIN = (
    f"{PIN_LENGTHS.start} to {PIN_LENGTHS.stop - 1} digits. It opens the lock only; "
    "your diary's key and recovery key do not change."
)
NOT_SAME = "The two PINs are not the same. Type them again."


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMaxLength(PIN_LENGTHS.stop - 1)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), field))
    return field


class PinDialog(QDialog):
    """Asks for a new PIN twice; on OK the PIN is stored through ``settings``."""

    def __init__(self, settings: SettingsService, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose a PIN for the lock")
        self.settings = settings
        self.first = _pin_field("New PIN")
        self.second = _pin_field("New PIN again")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("PIN problem")
        self.message.hide()
        layout = QVBoxLayout(self)
        for text, style in ((why, "body"), (ABOUT_PIN, "caption")):
            if text:
                label = QLabel(text)
                label.setWordWrap(True)
                label.setProperty("textStyle", style)
                layout.addWidget(label)
        form = QFormLayout()
        form.addRow("New PIN:", self.first)
        form.addRow("Again:", self.second)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        """Qt: store the PIN when both fields agree and it is a PIN; else say why and stay."""
        pin = self.first.text()
        try:
            check_pin(pin)
            if pin != self.second.text():
                raise ValidationError(NOT_SAME)
            self.settings.set_lock_pin(pin)
        except RegroupError as exc:
            self.message.setText(str(exc))
            self.message.show()
            self.second.clear()
            return
        super().accept()


def ask_new_pin(parent: QWidget, settings: SettingsService, why: str = "") -> bool:
    """Ask for a new PIN and store it; False when the person cancelled."""
    return PinDialog(settings, why, parent).exec() == QDialog.DialogCode.Accepted
