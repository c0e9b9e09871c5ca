"""Ask a running dunst, over the session bus, what it was asked to show."""

from __future__ import annotations

from typing import Any

from jeepney import DBusAddress, Properties, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

DUNST = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.dunstproject.cmd0",
)


def _call(message: Any) -> Any:
    with open_dbus_connection(bus="SESSION") as connection:
        return connection.send_and_get_reply(message, timeout=5)


def name_has_owner(name: str) -> bool:
    """Return whether someone owns ``name`` on the session bus now."""
    return bool(_call(message_bus.NameHasOwner(name)).body[0])


def notification_count() -> int:
    """Return how many notifications dunst holds: on show, waiting and in its history."""
    total = 0
    for prop in ("displayedLength", "waitingLength", "historyLength"):
        total += int(_call(Properties(DUNST).get(prop)).body[0][1])
    return total


def close_all_and_read_history() -> list[dict[str, str]]:
    """Close every notification on show, then return summary, body and app of each."""
    _call(new_method_call(DUNST, "NotificationCloseAll"))
    history = _call(new_method_call(DUNST, "NotificationListHistory")).body[0]
    return [
        {key: str(entry[key][1]) for key in ("summary", "body", "appname")} for entry in history
    ]
