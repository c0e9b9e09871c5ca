"""What every way of showing an OS notification shares: its error, its shape, the bus names.

The D-Bus notifier and the plyer chain both need these; kept here so that neither
imports the other, and free of Qt, so that the bundle self-check can read them too.
"""

from __future__ import annotations

from typing import Protocol

from regroup.core.checkins.notices import Notice

NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
BUS_TIMEOUT_SECONDS = 3.0
SHOW_SECONDS = 10
TRAY_MESSAGE_PLATFORMS = ("win32", "darwin")
"""Where the tray's message is the notification, and no desktop notifier is built."""


class NotificationError(Exception):
    """The OS notification could not be handed to anything that shows it."""


class DesktopNotifier(Protocol):
    """Shows a notice with the OS's notifications, or raises NotificationError."""

    def notify(self, notice: Notice) -> None:
        """Show ``notice`` or raise."""
        ...
