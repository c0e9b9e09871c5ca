"""Linux notifications sent straight to the session bus, so that a click can open the check-in.

plyer cannot report a click: it forgets the notification's id. Here the notice goes to
``org.freedesktop.Notifications`` with a default action, over a connection that stays
open, and an ``ActionInvoked`` for one of our ids comes back as ``activated(Notice)``.

Why jeepney and not Qt's own QtDBus: PySide6 (6.11) cannot build a D-Bus ``uint``
argument (a Python int goes out as ``i``, through ``QDBusArgument`` as ``q``), so the
``Notify(susssasa{sv}i)`` call is refused by the server; and servers such as dunst send
``ActionInvoked`` only to the connection that sent the notification, so sending and
listening must share one connection. jeepney (which keyring already brings) speaks
the right types; a ``QSocketNotifier`` on its socket reads the signals on the Qt
thread, with no thread of our own. jeepney is imported, and the connection opened, at
the first notification, not at start-up.
"""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from regroup.core.checkins.notices import Notice
from regroup.gui.reminders.notifier_types import (
    BUS_TIMEOUT_SECONDS,
    NOTIFICATIONS_NAME,
    SHOW_SECONDS,
    NotificationError,
)

log = logging.getLogger(__name__)

NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
APP_ID = "io.github.regroup.Regroup"
DEFAULT_ACTION = "default"
OPEN_LABEL = "Open"
REMEMBERED = 64
"""How many notifications we remember for a click (servers forget old ones too)."""


class SentNotices:
    """The notices we sent, by the server that took each and the id it gave, for a click.

    A signal counts only from the server that gave the id: ids restart with a new
    server, and anyone on the bus may send a signal.
    """

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._notices: dict[tuple[str, int], Notice] = {}

    def remember(self, server: str, notification_id: int, notice: Notice) -> None:
        """Keep ``notice`` under the id ``server`` gave it, forgetting the oldest beyond size."""
        self._notices[(server, notification_id)] = notice
        while len(self._notices) > self.size:
            del self._notices[next(iter(self._notices))]

    def clicked(self, server: str, notification_id: int) -> Notice | None:
        """Return the notice behind a click, or None when it is not ours."""
        return self._notices.get((server, notification_id))

    def closed(self, server: str, notification_id: int) -> None:
        """Forget a notification the server closed."""
        self._notices.pop((server, notification_id), None)

    def clear(self) -> None:
        """Forget them all (the connection they were sent on is gone)."""
        self._notices.clear()


class DbusActionNotifier(QObject):
    """Sends notices to the freedesktop notification server; ``activated`` on a click."""

    activated = Signal(object)

    def __init__(
        self,
        app_name: str = "Regroup",
        app_icon: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app_name = app_name
        self.app_icon = app_icon
        self._connection: Any = None
        self._socket_notifier: QSocketNotifier | None = None
        self._signals: deque[Any] = deque()
        self._filter: Any = None
        self.sent = SentNotices()

    def notify(self, notice: Notice) -> None:
        """Show ``notice`` with an Open action, or raise NotificationError."""
        try:
            from jeepney import DBusAddress, DBusErrorResponse, MessageType, new_method_call
        except ImportError as exc:  # pragma: no cover - jeepney comes with keyring
            raise NotificationError("jeepney is missing") from exc
        connection = self._open()
        address = DBusAddress(
            NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS_NAME, interface=NOTIFICATIONS_NAME
        )
        message = new_method_call(
            address,
            "Notify",
            "susssasa{sv}i",
            (
                self.app_name,
                0,
                self.app_icon,
                notice.title,
                notice.message,
                [DEFAULT_ACTION, OPEN_LABEL],
                {"desktop-entry": ("s", APP_ID)},
                SHOW_SECONDS * 1000,
            ),
        )
        try:
            reply = connection.send_and_get_reply(message, timeout=BUS_TIMEOUT_SECONDS)
        except Exception as exc:
            self.close()
            raise NotificationError(f"the notification server did not answer: {exc}") from exc
        finally:
            QTimer.singleShot(0, self, self._read)
        if reply.header.message_type is MessageType.error:
            raise NotificationError(str(DBusErrorResponse(reply)))
        self.sent.remember(_sender(reply), int(reply.body[0]), notice)

    def _open(self) -> Any:
        if self._connection is not None:
            return self._connection
        from jeepney import MatchRule, MessageType
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        rule = MatchRule(
            type=MessageType.signal, interface=NOTIFICATIONS_NAME, path=NOTIFICATIONS_PATH
        )
        try:
            connection = open_dbus_connection(bus="SESSION")
        except Exception as exc:
            raise NotificationError(f"the session bus cannot be reached: {exc}") from exc
        try:
            self._filter = connection.filter(rule, queue=self._signals)
            connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=BUS_TIMEOUT_SECONDS)
        except Exception as exc:
            connection.close()
            raise NotificationError(f"the session bus refused to listen: {exc}") from exc
        notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._read)
        self._connection = connection
        self._socket_notifier = notifier
        return connection

    def close(self) -> None:
        """Close the connection (a later notice opens a new one); clicks are no longer heard."""
        if self._socket_notifier is not None:
            self._socket_notifier.setEnabled(False)
            self._socket_notifier.deleteLater()
            self._socket_notifier = None
        if self._filter is not None:
            self._filter.close()
            self._filter = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self.sent.clear()

    def _read(self) -> None:
        """Take in whatever the bus sent (the Qt event loop says when), then act on it."""
        connection = self._connection
        if connection is None:
            return
        while True:
            try:
                connection.recv_messages(timeout=0)
            except TimeoutError:
                break
            except Exception as exc:
                log.warning("the notification connection closed: %s", exc)
                self.close()
                break
        while self._signals:
            try:
                self._handle(self._signals.popleft())
            except Exception as exc:
                log.warning("a notification signal could not be read: %s", exc)

    def _handle(self, message: Any) -> None:
        from jeepney import HeaderFields

        member = message.header.fields.get(HeaderFields.member)
        server, notification_id = _sender(message), int(message.body[0])
        if member == "ActionInvoked":
            notice = self.sent.clicked(server, notification_id)
            if notice is not None:
                self.activated.emit(notice)
        elif member == "NotificationClosed":
            self.sent.closed(server, notification_id)


def _sender(message: Any) -> str:
    from jeepney import HeaderFields

    return str(message.header.fields.get(HeaderFields.sender, ""))


def icon_uri(path: str) -> str:
    """Return the file URI the notification spec accepts for an icon file, or ''."""
    return Path(path).resolve().as_uri() if path else ""
