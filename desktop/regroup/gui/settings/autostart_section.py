"""Settings: the opt-in to start Regroup, in the tray, when the person logs in.

It stands inside the "Check-ins and reminders" section, as the last of its choices.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from regroup.core.system.autostart import Autostart, AutostartError

log = logging.getLogger(__name__)
LABEL = "Start Regroup in the tray when I log in"
HINT = "So that check-ins can reach you even when you have not opened Regroup."


class AutostartBox(QWidget):
    """A check box that writes or removes the OS's start-at-login entry."""

    def __init__(self, autostart: Autostart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.autostart = autostart
        self.check = QCheckBox(LABEL)
        self.check.setAccessibleName(LABEL)
        self.check.setChecked(self._enabled())
        self.check.toggled.connect(self._toggled)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setProperty("textStyle", "caption")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Start at login problem")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)

    def _enabled(self) -> bool:
        try:
            return self.autostart.is_enabled()
        except Exception:
            log.exception("cannot tell whether Regroup starts at login")
            return False

    def _toggled(self, on: bool) -> None:
        try:
            if on:
                self.autostart.enable()
            else:
                self.autostart.disable()
        except (AutostartError, OSError) as exc:
            log.warning("start at login could not be changed: %s", exc)
            self.error_label.setText(f"Could not change this: {exc}")
            self.error_label.show()
            self.check.blockSignals(True)
            self.check.setChecked(self._enabled())
            self.check.blockSignals(False)
            return
        self.error_label.hide()
