"""The OS's own notifications, chosen once per OS by ``desktop_notifier_for``.

Windows and macOS have none here: their notification is the tray's message
(``QSystemTrayIcon.showMessage``, sent by ``Notifier``), which shows Regroup's icon and
reports a click. plyer offers no better there: its Windows backend draws a balloon
from a second, hidden tray icon of its own and hears no click, and its macOS one needs
pyobjus, which is not installed.

On Linux a notification first goes straight to the session bus
(``regroup.gui.reminders.dbus_notifier``), which hears a click on it; plyer is the
fallback when that fails. plyer's Linux module is imported by name here so that
PyInstaller bundles it; plyer itself only finds it by a dynamic import. plyer speaks
D-Bus through dbus-python when it is installed and otherwise runs ``notify-send``,
which reports no failure: so first we ask the session bus (through jeepney, which
keyring already brings) whether a notification server is there.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from regroup.core.checkins.notices import Notice
from regroup.gui.reminders.notifier_types import (
    BUS_TIMEOUT_SECONDS,
    NOTIFICATIONS_NAME,
    SHOW_SECONDS,
    TRAY_MESSAGE_PLATFORMS,
    DesktopNotifier,
    NotificationError,
)

log = logging.getLogger(__name__)


def plyer_backend() -> Any:
    """Return plyer's freedesktop notification object (imported explicitly, see above)."""
    from plyer.platforms.linux import notification as backend

    return backend.instance()


def _activate(connection: Any, bus: Any) -> None:
    from jeepney import DBusErrorResponse

    try:
        connection.send_and_get_reply(
            bus.StartServiceByName(NOTIFICATIONS_NAME), timeout=BUS_TIMEOUT_SECONDS
        )
    except DBusErrorResponse as exc:
        raise NotificationError(f"the notification server did not start: {exc}") from exc


def require_notification_server() -> None:
    """Raise NotificationError unless the session bus has a notification server.

    A server that the bus can start on demand (D-Bus activation) is started here, so
    that a broken one shows up as an error instead of a silent loss.
    """
    try:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection
    except ImportError as exc:  # pragma: no cover - jeepney comes with keyring
        raise NotificationError("jeepney is missing") from exc
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            owned = connection.send_and_get_reply(
                message_bus.NameHasOwner(NOTIFICATIONS_NAME), timeout=BUS_TIMEOUT_SECONDS
            )
            if owned.body[0]:
                return
            names = connection.send_and_get_reply(
                message_bus.ListActivatableNames(), timeout=BUS_TIMEOUT_SECONDS
            )
            if NOTIFICATIONS_NAME not in names.body[0]:
                raise NotificationError("no notification server on the session bus")
            _activate(connection, message_bus)
    except NotificationError:
        raise
    except Exception as exc:
        raise NotificationError(f"the session bus cannot be reached: {exc}") from exc


class PlyerNotifier:
    """plyer's freedesktop notification, only when a notification server is there."""

    def __init__(self, app_name: str = "Regroup", app_icon: str = "") -> None:
        self.app_name = app_name
        self.app_icon = app_icon

    def notify(self, notice: Notice) -> None:
        """Show ``notice`` or raise NotificationError."""
        require_notification_server()
        try:
            backend = plyer_backend()
            backend.notify(
                title=notice.title,
                message=notice.message,
                app_name=self.app_name,
                app_icon=self.app_icon,
                timeout=SHOW_SECONDS,
            )
        except Exception as exc:
            raise NotificationError(f"{type(exc).__name__}: {exc}") from exc


class FirstThatWorks(QObject):
    """Tries each desktop notifier in turn; ``activated(Notice)`` when one reports a click."""

    activated = Signal(object)

    def __init__(self, notifiers: Sequence[DesktopNotifier], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifiers = list(notifiers)
        for notifier in self.notifiers:
            activated = getattr(notifier, "activated", None)
            if activated is not None:
                activated.connect(self.activated)

    def notify(self, notice: Notice) -> None:
        """Show ``notice`` with the first notifier that can, or raise NotificationError."""
        failures = []
        for notifier in self.notifiers:
            try:
                notifier.notify(notice)
            except Exception as exc:
                log.info("%s failed: %s", type(notifier).__name__, exc)
                failures.append(f"{type(notifier).__name__}: {exc}")
            else:
                return
        raise NotificationError("; ".join(failures) or "no desktop notifier")


def desktop_notifier_for(platform: str, parent: QObject | None = None) -> FirstThatWorks | None:
    """Return the OS notifications for ``platform`` (a sys.platform), or None for the tray's.

    Linux and other freedesktop systems: straight to the bus (clicks heard), then plyer.
    Windows and macOS: None, so that ``Notifier`` sends the tray's message from the start.
    Nothing is imported or connected here: that waits for the first notice.
    """
    if platform in TRAY_MESSAGE_PLATFORMS:
        return None
    notifiers: list[DesktopNotifier] = []
    if platform.startswith("linux"):
        from regroup.gui.kit.resources import resource_path
        from regroup.gui.reminders.dbus_notifier import DbusActionNotifier, icon_uri

        notifiers.append(DbusActionNotifier(app_icon=icon_uri(resource_path("icons/regroup.svg"))))
    notifiers.append(PlyerNotifier())
    chain = FirstThatWorks(notifiers, parent)
    for notifier in notifiers:
        if isinstance(notifier, QObject):
            notifier.setParent(chain)
    return chain


def default_desktop_notifier(parent: QObject | None = None) -> FirstThatWorks | None:
    """The OS notifications of the OS this runs on (see ``desktop_notifier_for``)."""
    return desktop_notifier_for(sys.platform, parent)
