"""What the check-in services return, and how a check-in's state follows from its times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from regroup.core.errors import RegroupError
from regroup.core.record import record

CHECKIN_TIME = time(9, 0)
"""Local time of day a check-in falls due, on the last of the days to mourn."""

MISSED_AFTER = timedelta(days=7)
"""A check-in left unanswered this long after it fell due counts as missed."""

FEELING_RANGE = range(1, 6)
SNOOZE_DAYS = (1, 2, 3)
"""The quick choices of "Not yet"; any later date can be picked too."""


class CheckinNotFoundError(RegroupError):
    """The check-in (or the debrief to start one for) does not exist, or is in the trash."""


class CheckinValidationError(RegroupError):
    """An answer or a new date cannot be taken; the message says which and why."""


class CheckinStatus(StrEnum):
    """Where a check-in stands at a given moment."""

    UPCOMING = "upcoming"
    DUE = "due"
    DONE = "done"
    MISSED = "missed"


@record
class CheckinRecord:
    """The move-on check-in of one debrief. Instants are aware UTC datetimes.

    ``delivered_at``, ``snoozed_until`` and the answers are filled when the reminder
    is shown and answered; until it is delivered, editing the debrief moves ``due_at``.
    ``missed_at`` is set when the reminder found it more than a day late (the app was
    not running) and listed it instead of popping it up. "Not yet" clears both, so
    the reminder comes again at the new time.
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
    missed_at: datetime | None = None

    @property
    def next_due_at(self) -> datetime:
        """Return when it is next due: after a snooze, the snooze's end."""
        return self.snoozed_until or self.due_at

    def status(self, now: datetime) -> CheckinStatus:
        """Return the state at ``now``: derived from the times, never stored.

        A check-in planned after its day (a debrief finished late) counts from when
        it was planned: it is due now, not missed.
        """
        if self.done_at is not None:
            return CheckinStatus.DONE
        if now < self.next_due_at:
            return CheckinStatus.UPCOMING
        waiting_since = max(self.next_due_at, self.created_at)
        if self.missed_at is not None or now >= waiting_since + MISSED_AFTER:
            return CheckinStatus.MISSED
        return CheckinStatus.DUE


@record
class CheckinAnswers:
    """What the person says at a check-in; ``ready`` is given by "Yes" or "Not yet"."""

    feeling: int | None = None
    what_helped: str = ""
    next_step: str = ""


@record
class CheckinItem:
    """A check-in with what the page shows beside it from its debrief.

    ``wanted`` is how much the person wanted the job, as rated in the debrief (1-5);
    ``linked_mood`` the average mood of the diary entries linked to the debrief, the
    closest thing to how they felt then that the data holds (None without moods).
    """

    checkin: CheckinRecord
    company: str
    role: str
    news_on: date | None
    wanted: int | None
    linked_mood: float | None

    @property
    def title(self) -> str:
        """Return "company — role", or whichever of the two is known."""
        parts = [text.strip() for text in (self.company, self.role) if text.strip()]
        return " — ".join(parts) or "A debrief without a name"


@record
class CheckinOverview:
    """Every check-in of debriefs not in the trash, by state, each list in a useful order.

    Due and missed: oldest first (the longest waiting on top); upcoming: soonest first;
    done: most recently done first.
    """

    due: tuple[CheckinItem, ...] = ()
    missed: tuple[CheckinItem, ...] = ()
    upcoming: tuple[CheckinItem, ...] = ()
    done: tuple[CheckinItem, ...] = ()

    def find(self, checkin_id: int) -> CheckinItem | None:
        """Return the item of one check-in, whichever list holds it."""
        for items in (self.due, self.missed, self.upcoming, self.done):
            for item in items:
                if item.checkin.id == checkin_id:
                    return item
        return None
