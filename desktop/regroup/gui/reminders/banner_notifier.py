"""The last resort for a notice: a toast in the window, shown when the window is.

Without a notification daemon or a tray, a reminder waits for the window. It then
floats over the page like every other notice, so it never pushes the page down
under the person's cursor, and stays a little longer than most, as it comes
unasked while the person may be in the middle of something else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow

from regroup.core.checkins.notices import Notice
from regroup.gui.kit.toasts import Toast, toasts_for
from regroup.gui.reminders.notifier import Notifier

OPEN = "Open"
REMINDER_MS = 20000
"""The clock runs only while the window is in front and the pointer is off the toast."""
KEY = "reminder"


class NoticeBanner(QObject):
    """Fills the window's toasts from the notifier's queue of notices that waited."""

    def __init__(self, window: QMainWindow, notifier: Notifier) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = notifier
        self.shown: Notice | None = None
        self.toast: Toast | None = None
        """The reminder on show, if any."""
        window.installEventFilter(self)
        notifier.banner_queued.connect(self._queued)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: when the window is shown, show what waited for it."""
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.show_pending()
        return False

    def _queued(self, _notice: Notice) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.show_pending()

    def show_pending(self) -> None:
        """Show the newest waiting notice (they are generic; one is enough)."""
        pending = self.notifier.take_pending()
        if not pending:
            return
        notice = pending[-1]
        self.shown = notice
        self.toast = toasts_for(self.window).show(
            notice.message,
            actions=[(OPEN, lambda: self.notifier.clicked.emit(notice))],
            key=KEY,
            duration_ms=REMINDER_MS,
        )
        self.toast.dismissed.connect(self._gone)

    def _gone(self) -> None:
        if self.toast is not None and self.toast.is_gone:
            self.toast = None
