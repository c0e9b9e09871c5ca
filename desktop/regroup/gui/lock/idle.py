"""Noticing that nobody has used the app for a while.

Idle is measured from the last key or mouse input to any of the app's windows, not
from the last save: reading an entry for twenty minutes is not being away. The
filter on the whole application is installed only while an idle lock is chosen,
and then does no more than note the time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from regroup.core.keys.app_lock import IdleRule

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
SLACK_MS = 250
"""The timer wakes a little after the due time, so one look is enough."""


class IdleWatcher(QObject):
    """Says ``idle`` once the rule's minutes pass without input; ``clock`` is in seconds."""

    idle = Signal()

    def __init__(
        self,
        minutes: int | None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.rule = IdleRule(None)
        self.last_input = clock()
        self._watching = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int | None) -> None:
        """Follow a new choice: None stops watching (and the filter goes)."""
        self.rule = IdleRule(minutes)
        app = QApplication.instance()
        watch = minutes is not None
        if app is not None and watch != self._watching:
            if watch:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
            self._watching = watch
        self.restart()

    def restart(self) -> None:
        """Count idle time from now (after an unlock, or a new choice)."""
        self.last_input = self._clock()
        self._arm()

    def pause(self) -> None:
        """Stop counting while the window is locked already."""
        self.timer.stop()

    def _arm(self) -> None:
        left = self.rule.seconds_left(self.last_input, self._clock())
        if left is None:
            self.timer.stop()
        else:
            self.timer.start(int(left * 1000) + SLACK_MS)

    def check(self) -> None:
        """Say ``idle`` if the time has come, else look again when it could."""
        if self.rule.due(self.last_input, self._clock()):
            self.idle.emit()
        else:
            self._arm()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: a key or the mouse used anywhere in the app counts as not idle."""
        if event.type() in INPUT_EVENTS:
            self.last_input = self._clock()
        return False
