"""Settings: how many days a new debrief gives before its move-on check-in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.settings import MOURNING_DAYS_RANGE, SettingsService

HINT = (
    "A few days to feel it, then Regroup asks how you are and whether you are ready "
    "to move on. Each debrief can change its own number."
)


class CheckinDaysBox(QGroupBox):
    """A number of days, saved as soon as it changes."""

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__("Debriefs", parent)
        self._settings = settings
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MOURNING_DAYS_RANGE.start, MOURNING_DAYS_RANGE.stop - 1)
        self.days_spin.setSuffix(" days")
        self.days_spin.setAccessibleName("Days before a move-on check-in, for new debriefs")
        self.days_spin.setValue(settings.default_mourning_days())
        self.days_spin.valueChanged.connect(self._changed)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Days before a check-in:", self.days_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)

    def _changed(self, days: int) -> None:
        try:
            self._settings.set_default_mourning_days(days)
        except RegroupError as exc:
            self.error_label.setText(f"Not saved: {exc}")
            self.error_label.show()
            return
        self.error_label.hide()


def add_checkin_days_setting(page: QWidget, settings: SettingsService) -> CheckinDaysBox | None:
    """Put the box on the Settings page, above its version line."""
    layout = page.layout()
    if not isinstance(layout, QVBoxLayout):
        return None
    box = CheckinDaysBox(settings)
    layout.insertWidget(max(0, layout.count() - 2), box)
    return box
