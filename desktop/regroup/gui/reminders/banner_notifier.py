"""The last resort for a notice: a banner inside the window, shown when the window is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from regroup.core.checkins.notices import Notice
from regroup.gui.kit.banner import Banner
from regroup.gui.reminders.notifier import Notifier

OPEN = "Open"


class NoticeBanner(QObject):
    """Puts a banner above the window's content and fills it from the notifier's queue."""

    def __init__(self, window: QMainWindow, notifier: Notifier) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = notifier
        self.banner = Banner("Reminder")
        self.shown: Notice | None = None
        content = window.takeCentralWidget()
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        if content is not None:
            layout.addWidget(content, 1)
        window.setCentralWidget(holder)
        if window.isVisible():
            holder.show()
            if content is not None:
                content.show()
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
        self.banner.show_message(
            notice.message, actions=[(OPEN, lambda: self.notifier.clicked.emit(notice))]
        )
