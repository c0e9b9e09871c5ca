"""Settings: the days before a check-in, the daily writing reminder, quiet hours, a pause.

One section holds them all, with start at login (given by the reminders) at its end.

Each change is stored at once (one transaction each); a refused value is said
beside the box and the control goes back to what is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from regroup.core.checkins.schedule import QuietHours
from regroup.core.errors import RegroupError
from regroup.gui.kit.dates import format_moment

if TYPE_CHECKING:
    from regroup.core.checkins.reminders import ReminderService
    from regroup.core.settings import SettingsService

log = logging.getLogger(__name__)
DAILY_LABEL = "Remind me to write every day at"
QUIET_LABEL = "Quiet hours: no reminders from"
DAYS_HINT = "For new debriefs; each debrief can choose its own."
DEFAULT_DAILY = time(20, 0)
DEFAULT_QUIET = (time(22, 0), time(8, 0))


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", "caption")
    return label


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


class ReminderSettingsBox(QGroupBox):
    """The check-in and reminder preferences of the profile; ``changed`` after each save."""

    changed = Signal()

    def __init__(
        self,
        reminders: ReminderService,
        settings: SettingsService,
        autostart: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Check-ins and reminders", parent)
        self.autostart = autostart
        self.reminders = reminders
        self.settings = settings
        self._zones_loaded = False
        self._loading = False
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 365)
        self.days_spin.setSuffix(" days")
        self.days_spin.setAccessibleName("Days before a check-in")
        self.days_spin.setToolTip(DAYS_HINT)
        self.daily_check = QCheckBox(DAILY_LABEL)
        self.daily_check.setAccessibleName("Daily writing reminder")
        self.daily_time = _time_edit("Daily writing reminder time")
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.zone_combo.setMinimumContentsLength(24)  # "America/Argentina/Buenos_Aires" scrolls
        self.zone_combo.setAccessibleName("Time zone of the daily reminder")
        self.zone_combo.setToolTip("The reminder follows this zone's clocks")
        self.quiet_check = QCheckBox(QUIET_LABEL)
        self.quiet_check.setAccessibleName("Quiet hours")
        self.quiet_start = _time_edit("Quiet hours start")
        self.quiet_end = _time_edit("Quiet hours end")
        self.pause_label = QLabel()
        self.pause_label.setAccessibleName("Reminder pause")
        self.resume_button = QPushButton("Resume now")
        self.resume_button.setAccessibleName("Resume reminders now")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Reminder settings problem")
        self.error_label.hide()
        self._lay_out()
        self.load()
        self.days_spin.editingFinished.connect(self._save_days)
        for signal in (
            self.daily_check.toggled,
            self.daily_time.editingFinished,
            self.zone_combo.activated,
        ):
            signal.connect(lambda *_args: self._save_daily())
        for signal in (
            self.quiet_check.toggled,
            self.quiet_start.editingFinished,
            self.quiet_end.editingFinished,
        ):
            signal.connect(lambda *_args: self._save_quiet())
        self.resume_button.clicked.connect(self._resume)

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setVerticalSpacing(12)
        days = QHBoxLayout()
        days.setSpacing(12)
        days.addWidget(self.days_spin)
        days.addWidget(_caption(DAYS_HINT), 1)
        form.addRow("Check in after:", days)
        daily = QHBoxLayout()
        daily.addWidget(self.daily_check)
        daily.addWidget(self.daily_time)
        daily.addWidget(self.zone_combo)
        daily.addStretch()
        form.addRow(daily)
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_check)
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel("to"))
        quiet.addWidget(self.quiet_end)
        quiet.addStretch()
        form.addRow(quiet)
        pause = QHBoxLayout()
        pause.addWidget(self.pause_label, 1)
        pause.addWidget(self.resume_button)
        form.addRow(pause)
        form.addRow(self.error_label)
        if self.autostart is not None:
            form.addRow(self.autostart)

    def _machine_zone(self) -> str:
        return self.reminders.zone_name()

    def load(self) -> None:
        """Show what is stored."""
        prefs = self.reminders.settings()
        self._loading = True
        self.days_spin.setValue(self.settings.default_mourning_days())
        self.daily_check.setChecked(prefs.daily_at is not None)
        self.daily_time.setTime(_qtime(prefs.daily_at or DEFAULT_DAILY))
        self.daily_time.setEnabled(prefs.daily_at is not None)
        zone = prefs.daily_zone or self._machine_zone()
        if self.zone_combo.findText(zone) < 0:
            self.zone_combo.addItem(zone)
        self.zone_combo.setCurrentText(zone)
        self.zone_combo.setEnabled(prefs.daily_at is not None)
        quiet = prefs.quiet_hours
        self.quiet_check.setChecked(quiet is not None)
        start, end = (quiet.start, quiet.end) if quiet else DEFAULT_QUIET
        self.quiet_start.setTime(_qtime(start))
        self.quiet_end.setTime(_qtime(end))
        for edit in (self.quiet_start, self.quiet_end):
            edit.setEnabled(quiet is not None)
        self._loading = False
        self.refresh_pause()

    def refresh_pause(self) -> None:
        """Say whether reminders are paused, and offer to end the pause."""
        until = self.reminders.paused_until()
        if until is None:
            self.pause_label.setText("Reminders are on.")
        else:
            when = format_moment(until)
            self.pause_label.setText(f"Reminders are paused until {when}.")
        self.resume_button.setVisible(until is not None)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt: list every zone the first time the box is seen (reading them takes a moment)."""
        super().showEvent(event)
        self.refresh_pause()
        if not self._zones_loaded:
            self._zones_loaded = True
            from zoneinfo import available_timezones

            current = self.zone_combo.currentText()
            zones = sorted(available_timezones())
            self.zone_combo.blockSignals(True)
            self.zone_combo.clear()
            self.zone_combo.addItems(zones)
            self.zone_combo.setCurrentText(current)
            self.zone_combo.blockSignals(False)
            completer = QCompleter(zones, self.zone_combo)
            completer.setFilterMode(completer.filterMode().MatchContains)
            self.zone_combo.setCompleter(completer)

    def _store(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except RegroupError as exc:
            self.error_label.setText(f"Not saved: {exc}")
            self.error_label.show()
            self.load()
            return False
        self.error_label.hide()
        self.changed.emit()
        return True

    def _save_days(self) -> None:
        if self._loading:
            return
        days = self.days_spin.value()
        if days != self.settings.default_mourning_days():
            self._store(lambda: self.settings.set_default_mourning_days(days))

    def _save_daily(self) -> None:
        if self._loading:
            return
        on = self.daily_check.isChecked()
        self.daily_time.setEnabled(on)
        self.zone_combo.setEnabled(on)
        at = _time(self.daily_time.time()) if on else None
        zone = self.zone_combo.currentText().strip() or None
        if zone == self._machine_zone():
            zone = None
        prefs = self.reminders.settings()
        if (at, zone) == (prefs.daily_at, prefs.daily_zone if at else None):
            return
        self._store(lambda: self.reminders.set_daily(at, zone))

    def _save_quiet(self) -> None:
        if self._loading:
            return
        on = self.quiet_check.isChecked()
        for edit in (self.quiet_start, self.quiet_end):
            edit.setEnabled(on)
        hours = QuietHours(_time(self.quiet_start.time()), _time(self.quiet_end.time()))
        wanted = hours if on and hours.start != hours.end else None
        if wanted != self.reminders.settings().quiet_hours:
            self._store(lambda: self.reminders.set_quiet_hours(wanted))

    def _resume(self) -> None:
        self._store(self.reminders.resume)
        self.refresh_pause()
