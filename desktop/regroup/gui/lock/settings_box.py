"""Settings › Lock: lock after a while without use, the lock's PIN, and Lock now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.keys.app_lock import IDLE_MINUTES

if TYPE_CHECKING:
    from regroup.gui.lock.controller import AppLock

WHAT_IT_DOES = (
    "The lock hides your diary from anyone at this screen while Regroup keeps running: "
    "everything is saved first, and reminders still come, without any details. It does "
    "not guard against programs that can read this computer's memory."
)
DEFAULT_MINUTES = 10
PIN_SET = "A PIN opens the lock."
NO_PIN_PASSPHRASE = "Your passphrase opens the lock. You can add a shorter PIN."
NO_PIN = "Set a PIN to use the lock (your key is in the system keyring, which opens for anyone)."


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", "caption")
    return label


class LockSettingsBox(QGroupBox):
    """Each change is stored at once; a refused one is said below and undone."""

    def __init__(self, lock: AppLock, parent: QWidget | None = None) -> None:
        super().__init__("Lock", parent)
        self.lock = lock
        self.settings = lock.settings
        self.idle_check = QCheckBox("Lock after")
        self.idle_check.setAccessibleName("Lock after a while without use")
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(IDLE_MINUTES.start, IDLE_MINUTES.stop - 1)
        self.idle_minutes.setSuffix(" minutes without use")
        self.idle_minutes.setAccessibleName("Minutes without use before the lock")
        self.pin_label = _caption("")
        self.pin_label.setAccessibleName("Lock PIN")
        self.set_pin_button = QPushButton("Set a PIN…")
        self.remove_pin_button = QPushButton("Remove PIN")
        self.lock_button = QPushButton("Lock now (Ctrl+L)")
        self.message = _caption("")
        self.message.setAccessibleName("Lock settings problem")
        self.message.hide()
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_check)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addStretch()
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.set_pin_button)
        pin_row.addWidget(self.remove_pin_button)
        pin_row.addStretch()
        pin_row.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(_caption(WHAT_IT_DOES))
        layout.addLayout(idle_row)
        layout.addWidget(self.pin_label)
        layout.addLayout(pin_row)
        layout.addWidget(self.message)
        self.load()
        self.idle_check.toggled.connect(self._save_idle)
        self.idle_minutes.editingFinished.connect(self._save_idle)
        self.set_pin_button.clicked.connect(self.set_pin)
        self.remove_pin_button.clicked.connect(self.remove_pin)
        self.lock_button.clicked.connect(self.lock.lock_now)

    def load(self) -> None:
        """Show what is stored."""
        minutes = self.settings.lock_idle_minutes()
        has_pin = self.lock.has_pin()
        usable = has_pin or self.lock.has_passphrase()
        self.idle_check.blockSignals(True)
        self.idle_check.setChecked(minutes is not None and usable)
        self.idle_check.blockSignals(False)
        self.idle_minutes.setValue(minutes or DEFAULT_MINUTES)
        self.idle_check.setEnabled(usable)
        self.idle_minutes.setEnabled(usable and minutes is not None)
        if has_pin:
            self.pin_label.setText(PIN_SET)
        else:
            self.pin_label.setText(NO_PIN_PASSPHRASE if usable else NO_PIN)
        self.set_pin_button.setText("Change PIN…" if has_pin else "Set a PIN…")
        self.remove_pin_button.setVisible(has_pin)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _save_idle(self) -> None:
        minutes = self.idle_minutes.value() if self.idle_check.isChecked() else None
        try:
            self.settings.set_lock_idle_minutes(minutes)
        except RegroupError as exc:
            self._say(str(exc))
        else:
            self._say("")
        self.lock.follow_settings()
        self.load()

    def set_pin(self) -> None:
        """Ask for a new PIN (twice) and keep only its verifier."""
        from regroup.gui.lock.pin_dialog import ask_new_pin

        if ask_new_pin(self, self.settings):
            self._say("The new PIN opens the lock from now on.")
        self.lock.follow_settings()
        self.load()

    def remove_pin(self) -> None:
        """Forget the PIN; without a passphrase the idle lock goes too, or it would shut you out."""
        try:
            self.settings.remove_lock_pin()
            if not self.lock.has_passphrase():
                self.settings.set_lock_idle_minutes(None)
        except RegroupError as exc:
            self._say(str(exc))
        else:
            self._say("The PIN is removed.")
        self.lock.follow_settings()
        self.load()
