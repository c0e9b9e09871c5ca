"""Delivering a notice: the OS's notification, else the tray's message, else a banner.

On Windows and macOS there is no OS notifier (``desktop`` is None, see
``os_notifier.desktop_notifier_for``): the tray's message, with Regroup's icon, is
their notification. Each step that fails is logged and the next one is tried; nothing
here raises. The banner waits for the next time the window is shown (see ``NoticeBanner``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from regroup.core.checkins.notices import Notice
from regroup.gui.reminders.notifier_types import DesktopNotifier

log = logging.getLogger(__name__)
TRAY_MESSAGE_MS = 10_000


class Channel(StrEnum):
    """The way a notice reached (or will reach) the person."""

    DESKTOP = "desktop"
    TRAY = "tray"
    BANNER = "banner"


class Notifier(QObject):
    """Tries each way to show a notice in turn.

    ``banner_queued`` fires when a notice waits for the window; ``clicked`` when the
    person clicks a tray balloon, a banner or a desktop notification whose notifier
    reports clicks (it has an ``activated(Notice)`` signal), with the notice clicked.
    """

    banner_queued = Signal(object)
    clicked = Signal(object)

    def __init__(
        self,
        desktop: DesktopNotifier | None,
        tray: Callable[[], QSystemTrayIcon | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desktop = desktop
        self._tray = tray
        self._pending: list[Notice] = []
        self._last_tray_notice: Notice | None = None
        self._connected_tray: QSystemTrayIcon | None = None
        activated = getattr(desktop, "activated", None)
        if activated is not None:
            activated.connect(self.clicked)

    def deliver(self, notice: Notice) -> Channel:
        """Show ``notice`` the best way that works now and return which one it was."""
        if self.desktop is not None:
            try:
                self.desktop.notify(notice)
            except Exception as exc:
                log.warning("desktop notification failed, trying the tray: %s", exc)
            else:
                return Channel.DESKTOP
        if self._show_in_tray(notice):
            return Channel.TRAY
        self._pending.append(notice)
        self.banner_queued.emit(notice)
        return Channel.BANNER

    def _show_in_tray(self, notice: Notice) -> bool:
        try:
            tray = self._tray()
            if tray is None or not tray.isVisible():
                return False
            if not QSystemTrayIcon.isSystemTrayAvailable() or not tray.supportsMessages():
                return False
            if self._connected_tray is not tray:
                tray.messageClicked.connect(self._tray_message_clicked)
                self._connected_tray = tray
            self._last_tray_notice = notice
            tray.showMessage(notice.title, notice.message, tray.icon(), TRAY_MESSAGE_MS)
        except Exception as exc:
            log.warning("tray message failed, keeping the notice for the window: %s", exc)
            return False
        return True

    def _tray_message_clicked(self) -> None:
        if self._last_tray_notice is not None:
            self.clicked.emit(self._last_tray_notice)

    def take_pending(self) -> list[Notice]:
        """Return the notices waiting for the window, and forget them."""
        pending, self._pending = self._pending, []
        return pending

    def has_pending(self) -> bool:
        """Return whether a notice waits for the window."""
        return bool(self._pending)
