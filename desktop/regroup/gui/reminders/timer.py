"""The timer that drives reminders: at start, every half minute, at the next due time.

It also checks right away when the clocks show a sleep, a clock change or a zone change.

The check itself (reading the check-in table, marking delivered, notifying) belongs
to a reminder service; this only decides when to call it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, QTimeZone

from regroup.core.checkins.schedule import CHECK_INTERVAL, Jump, Reading, detect_jump
from regroup.core.clock import ReminderClock, SystemClock

log = logging.getLogger(__name__)
MIN_DELAY_MS = 200

Check = Callable[[Jump], datetime | None]
"""Called at each tick with what the clocks showed; returns when to check next, if sooner."""


class QtSystemClock(SystemClock):
    """The system clock, with Qt's answer for the zone where the OS gives no IANA name."""

    def zone_name(self) -> str:
        """Return the IANA zone from the OS files, or from Qt (Windows)."""
        name = super().zone_name()
        if name == "UTC":
            qt_name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
            if qt_name and "/" in qt_name:
                return qt_name
        return name


class ReminderTimer(QObject):
    """Calls ``check`` when reminders may be due; a failing check is logged, never raised."""

    def __init__(
        self,
        clock: ReminderClock,
        check: Check,
        interval: timedelta = CHECK_INTERVAL,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.check = check
        self.interval = interval
        self.last: Reading | None = None
        self._regular = QTimer(self)
        self._regular.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._regular.setInterval(int(interval.total_seconds() * 1000))
        self._regular.timeout.connect(self.tick)
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.timeout.connect(self.tick)

    def start(self) -> None:
        """Check once as soon as the event loop runs, then keep checking."""
        self._regular.start()
        self._next.start(0)

    def stop(self) -> None:
        """Stop checking."""
        self._regular.stop()
        self._next.stop()

    def tick(self) -> None:
        """Read the clocks, call the check, and plan the next one."""
        reading = Reading(self.clock.now(), self.clock.monotonic(), self.clock.zone_name())
        jump = detect_jump(self.last, reading, self.interval)
        self.last = reading
        if jump not in (Jump.NONE, Jump.STARTED):
            log.info("the clocks jumped (%s); checking reminders now", jump)
        try:
            next_check = self.check(jump)
        except Exception:
            log.exception("the reminder check failed; trying again at the next tick")
            return
        self._regular.start()
        if next_check is None:
            return
        delay = (next_check - reading.wall).total_seconds() * 1000
        if delay < self._regular.interval():
            self._next.start(max(MIN_DELAY_MS, int(delay)))
