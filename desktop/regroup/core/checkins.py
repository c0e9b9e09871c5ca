"""Move-on check-ins: one per saved debrief that has days to mourn, due at a UTC instant.

The debrief service plans and moves them inside its own transactions; reminders
(issue 5) read them here and fill in delivery and answers. A check-in that was
delivered or answered is never moved by later edits of its debrief.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, tzinfo

from peewee import SqliteDatabase

from regroup.core.checkin_types import CHECKIN_TIME, CheckinRecord
from regroup.core.clock import Clock
from regroup.core.diary_types import from_db_time, to_db_time

CHECKIN_COLUMNS = (
    "c.id, c.uuid, c.debrief_id, c.due_at, c.created_at, c.updated_at, c.delivered_at, "
    "c.snoozed_until, c.done_at, c.feeling, c.ready, c.what_helped, c.next_step"
)
_EARLIEST_YEAR, _LATEST_YEAR = 1900, 9998


def _time_or_none(value: str | None) -> datetime | None:
    return from_db_time(value) if value else None


def checkin_from_row(row: tuple) -> CheckinRecord:  # type: ignore[type-arg]
    """Build a record from the columns of :data:`CHECKIN_COLUMNS`, in order."""
    return CheckinRecord(
        id=row[0],
        uuid=row[1],
        debrief_id=row[2],
        due_at=from_db_time(row[3]),
        created_at=from_db_time(row[4]),
        updated_at=from_db_time(row[5]),
        delivered_at=_time_or_none(row[6]),
        snoozed_until=_time_or_none(row[7]),
        done_at=_time_or_none(row[8]),
        feeling=row[9],
        ready=None if row[10] is None else bool(row[10]),
        what_helped=row[11],
        next_step=row[12],
    )


def due_instant(base_day: date, days: int, tz: tzinfo | None = None) -> datetime | None:
    """Return the UTC instant of CHECKIN_TIME, local time, ``days`` after ``base_day``.

    ``tz`` is the person's time zone (None: the machine's). Returns None for a day
    the calendar cannot hold.
    """
    try:
        day = base_day + timedelta(days=days)
        if not _EARLIEST_YEAR <= day.year <= _LATEST_YEAR:
            return None
        local = datetime.combine(day, CHECKIN_TIME)
        aware = local.replace(tzinfo=tz) if tz is not None else local.astimezone()
        return aware.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


class CheckinService:
    """Reads check-ins and keeps each saved debrief's check-in in step with it."""

    def __init__(self, db: SqliteDatabase, clock: Clock, tz: tzinfo | None = None) -> None:
        self._db = db
        self._clock = clock
        self._tz = tz

    def local_day(self, moment: datetime) -> date:
        """Return the person's calendar day at ``moment``."""
        return moment.astimezone(self._tz).date() if self._tz else moment.astimezone().date()

    def for_debrief(self, debrief_id: int) -> CheckinRecord | None:
        """Return the check-in of a debrief, or None when it has none."""
        row = self._db.execute_sql(
            f"SELECT {CHECKIN_COLUMNS} FROM checkin c WHERE c.debrief_id = ?", (debrief_id,)
        ).fetchone()
        return None if row is None else checkin_from_row(row)

    def pending(self) -> list[CheckinRecord]:
        """Return the check-ins not answered yet of debriefs not in the trash, soonest first."""
        rows = self._db.execute_sql(
            f"SELECT {CHECKIN_COLUMNS} FROM checkin c JOIN debrief d ON d.id = c.debrief_id "
            "WHERE c.done_at IS NULL AND d.deleted_at IS NULL "
            "ORDER BY coalesce(c.snoozed_until, c.due_at), c.id"
        ).fetchall()
        return [checkin_from_row(row) for row in rows]

    def sync(self, debrief_id: int, due_at: datetime | None) -> None:
        """Plan, move or drop a debrief's check-in; the caller holds the transaction.

        ``due_at`` None means the debrief asks for no check-in (a draft, or no days
        given). A delivered or answered check-in stays as it is either way.
        """
        row = self._db.execute_sql(
            "SELECT id, due_at, delivered_at, done_at FROM checkin WHERE debrief_id = ?",
            (debrief_id,),
        ).fetchone()
        if row is not None and (row[2] is not None or row[3] is not None):
            return
        stamp = to_db_time(self._clock.now())
        if due_at is None:
            if row is not None:
                self._db.execute_sql("DELETE FROM checkin WHERE id = ?", (row[0],))
            return
        if row is None:
            self._db.execute_sql(
                "INSERT INTO checkin (uuid, debrief_id, due_at, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), debrief_id, to_db_time(due_at), stamp, stamp),
            )
        elif from_db_time(row[1]) != due_at:
            self._db.execute_sql(
                "UPDATE checkin SET due_at = ?, updated_at = ? WHERE id = ?",
                (to_db_time(due_at), stamp, row[0]),
            )

    def due_for(self, base_day: date, days: int | None) -> datetime | None:
        """Return when a check-in ``days`` after ``base_day`` falls due, in UTC."""
        return None if days is None else due_instant(base_day, days, self._tz)
