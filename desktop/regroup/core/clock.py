"""Time as an injected object, so that tests can move it across days, sleep and DST."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

LOCALTIME = Path("/etc/localtime")
TIMEZONE_FILE = Path("/etc/timezone")


class Clock(Protocol):
    """Where every part of the core reads the time from."""

    def now(self) -> datetime:
        """Return the current instant, timezone-aware in UTC."""
        ...

    def today(self) -> date:
        """Return the user's local calendar date."""
        ...


class ReminderClock(Clock, Protocol):
    """A clock that also tells elapsed time and the zone, for reminders across sleep."""

    def monotonic(self) -> float:
        """Return seconds from a clock that no one can set (it may stop during sleep)."""
        ...

    def zone_name(self) -> str:
        """Return the machine's IANA time zone now, e.g. ``Europe/Berlin``."""
        ...


class SystemClock:
    """The real clock of the machine."""

    def now(self) -> datetime:
        """Return the current UTC instant."""
        return datetime.now(UTC)

    def today(self) -> date:
        """Return today's local date."""
        return date.fromtimestamp(time.time())

    def monotonic(self) -> float:
        """Return the monotonic clock's seconds."""
        return time.monotonic()

    def zone_name(self) -> str:
        """Return the machine's zone, read afresh so that a change is seen."""
        return system_zone_name()


def _valid(name: str) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # 3 ms to load, for a zone's name

    name = name.strip().removeprefix(":")
    if not name or name.startswith("/"):
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def system_zone_name() -> str:
    """Return the IANA name of the local zone: ``TZ``, then /etc/localtime, else UTC.

    Windows has no IANA name in these places; the GUI may pass Qt's answer instead.
    """
    found = _valid(os.environ.get("TZ", ""))
    if found:
        return found
    try:
        target = os.readlink(LOCALTIME)
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        found = _valid(target.rsplit("zoneinfo/", 1)[1])
        if found:
            return found
    try:
        found = _valid(TIMEZONE_FILE.read_text(encoding="utf-8"))
    except OSError:
        found = None
    return found or "UTC"
