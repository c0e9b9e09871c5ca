"""Runs the reminder service on the reminder timer and hands its notices to the notifier.

The service has already stored what it decided when its notices arrive here, so a
crash while showing them never shows them twice. Imported only once the window is
up (see ``ReminderUi.start_reminders``): start-up does not pay for the reminder
arithmetic.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from regroup.core.checkins.schedule import Jump
from regroup.core.clock import ReminderClock
from regroup.gui.reminders.notifier import Notifier
from regroup.gui.reminders.timer import QtSystemClock, ReminderTimer
from regroup.gui.reminders.tray import Pause

if TYPE_CHECKING:
    from regroup.core.checkins.reminders import ReminderCheck, ReminderService

log = logging.getLogger(__name__)


class ReminderDriver(QObject):
    """Checks reminders when the timer says so; ``checked`` after a check that changed data."""

    checked = Signal(object)

    def __init__(
        self,
        service: ReminderService,
        notifier: Notifier,
        clock: ReminderClock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.notifier = notifier
        self.clock = clock or QtSystemClock()
        service.zone_name = self.clock.zone_name
        self.timer = ReminderTimer(self.clock, self.check, parent=self)

    def start(self) -> None:
        """Check now, then whenever something may be due."""
        self.timer.start()

    def stop(self) -> None:
        """Stop checking (the profile is closing)."""
        self.timer.stop()

    def check(self, jump: Jump = Jump.NONE) -> datetime | None:
        """Ask the service what is due, show its notices, and say when to look again."""
        result: ReminderCheck = self.service.check()
        for notice in result.notices:
            channel = self.notifier.deliver(notice)
            log.info("reminder shown through %s", channel)
        if result.changed or result.daily_fired:
            self.checked.emit(result)
        return result.next_check

    def pause(self, pause: object) -> datetime:
        """Pause reminders as the tray asked: for an hour, or until tomorrow."""
        if Pause(str(pause)) is Pause.TOMORROW:
            until = self.service.pause_until_tomorrow()
        else:
            until = self.service.pause_for()
        self.timer.tick()
        return until

    def resume(self) -> None:
        """End a pause and show at once what it held back."""
        self.service.resume()
        self.timer.tick()
