"""Time as an injected object, so that tests can move it across days, sleep and DST."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    """Where every part of the core reads the time from."""

    def now(self) -> datetime:
        """Return the current instant, timezone-aware in UTC."""
        ...

    def today(self) -> date:
        """Return the user's local calendar date."""
        ...


class SystemClock:
    """The real clock of the machine."""

    def now(self) -> datetime:
        """Return the current UTC instant."""
        return datetime.now(UTC)

    def today(self) -> date:
        """Return today's local date."""
        return date.fromtimestamp(time.time())
