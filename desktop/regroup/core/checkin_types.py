"""What the check-in services return, and how a check-in's state follows from its times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

CHECKIN_TIME = time(9, 0)
"""Local time of day a check-in falls due, on the last of the days to mourn."""

MISSED_AFTER = timedelta(days=7)
"""A check-in left unanswered this long after it fell due counts as missed."""


class CheckinStatus(StrEnum):
    """Where a check-in stands at a given moment."""

    UPCOMING = "upcoming"
    DUE = "due"
    DONE = "done"
    MISSED = "missed"


@dataclass(frozen=True)
class CheckinRecord:
    """The move-on check-in of one debrief. Instants are aware UTC datetimes.

    ``delivered_at``, ``snoozed_until`` and the answers are filled when the reminder
    is shown and answered; until it is delivered, editing the debrief moves ``due_at``.
    """

    id: int
    uuid: str
    debrief_id: int
    due_at: datetime
    created_at: datetime
    updated_at: datetime
    delivered_at: datetime | None = None
    snoozed_until: datetime | None = None
    done_at: datetime | None = None
    feeling: int | None = None
    ready: bool | None = None
    what_helped: str = ""
    next_step: str = ""

    @property
    def next_due_at(self) -> datetime:
        """Return when it is next due: after a snooze, the snooze's end."""
        return self.snoozed_until or self.due_at

    def status(self, now: datetime) -> CheckinStatus:
        """Return the state at ``now``: derived from the times, never stored."""
        if self.done_at is not None:
            return CheckinStatus.DONE
        if now < self.next_due_at:
            return CheckinStatus.UPCOMING
        if now >= self.next_due_at + MISSED_AFTER:
            return CheckinStatus.MISSED
        return CheckinStatus.DUE
