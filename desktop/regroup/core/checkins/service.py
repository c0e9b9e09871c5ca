"""Move-on check-ins: one per saved debrief that has days to mourn, due at a UTC instant.

The debrief service plans and moves them inside its own transactions; the reminder
service marks them delivered or missed; the Check-ins page answers, puts off and
starts them here. A check-in that was delivered, put off or answered is never moved
by later edits of its debrief.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, tzinfo

from peewee import SqliteDatabase

from regroup.core.checkins.types import (
    CHECKIN_TIME,
    FEELING_RANGE,
    CheckinAnswers,
    CheckinNotFoundError,
    CheckinRecord,
    CheckinValidationError,
)
from regroup.core.clock import Clock
from regroup.core.errors import ValidationError
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.transactions import writing
from regroup.core.text import check_text

CHECKIN_COLUMNS = (
    "c.id, c.uuid, c.debrief_id, c.due_at, c.created_at, c.updated_at, c.delivered_at, "
    "c.snoozed_until, c.done_at, c.feeling, c.ready, c.what_helped, c.next_step, c.missed_at"
)
_EARLIEST_YEAR, _LATEST_YEAR = 1900, 9998
_WAITING_COUNT_SQL = (
    "SELECT count(*) FROM checkin c INDEXED BY checkin_open "
    "JOIN debrief d ON d.id = c.debrief_id WHERE c.done_at IS NULL "
    "AND coalesce(c.snoozed_until, c.due_at) <= ? AND d.deleted_at IS NULL"
)


_STORED_TIME_LENGTH = len("2026-01-01 00:00:00.000000")


def _time(value: str) -> datetime:
    """Read a stored instant; the common form takes a fast path (the page reads thousands)."""
    if isinstance(value, str) and len(value) == _STORED_TIME_LENGTH:
        return datetime.fromisoformat(value + "+00:00")
    return from_db_time(value)


def _time_or_none(value: str | None) -> datetime | None:
    return _time(value) if value else None


def checkin_from_row(row: tuple) -> CheckinRecord:  # type: ignore[type-arg]
    """Build a record from the columns of :data:`CHECKIN_COLUMNS`, in order."""
    return CheckinRecord(
        id=row[0],
        uuid=row[1],
        debrief_id=row[2],
        due_at=_time(row[3]),
        created_at=_time(row[4]),
        updated_at=_time(row[5]),
        delivered_at=_time_or_none(row[6]),
        snoozed_until=_time_or_none(row[7]),
        done_at=_time_or_none(row[8]),
        feeling=row[9],
        ready=None if row[10] is None else bool(row[10]),
        what_helped=row[11],
        next_step=row[12],
        missed_at=_time_or_none(row[13]),
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


def waiting_count(db: SqliteDatabase, now: datetime) -> int:
    """Return how many check-ins wait for an answer at ``now`` (due or missed).

    Reads the partial index of open check-ins (schema v5), so the tray's count costs
    the same with ten debriefs or ten thousand answered ones.
    """
    return int(db.execute_sql(_WAITING_COUNT_SQL, (to_db_time(now),)).fetchone()[0])


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

    def waiting_count(self) -> int:
        """Return how many check-ins wait for an answer now (due or missed)."""
        return waiting_count(self._db, self._clock.now())

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
            "SELECT id, due_at, delivered_at, done_at, snoozed_until FROM checkin "
            "WHERE debrief_id = ?",
            (debrief_id,),
        ).fetchone()
        if row is not None and any(value is not None for value in row[2:5]):
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

    # Answering, putting off and starting by hand (the Check-ins page)

    def get(self, checkin_id: int) -> CheckinRecord:
        """Return one check-in, or raise CheckinNotFoundError."""
        row = self._db.execute_sql(
            f"SELECT {CHECKIN_COLUMNS} FROM checkin c WHERE c.id = ?", (checkin_id,)
        ).fetchone()
        if row is None:
            raise CheckinNotFoundError(f"Check-in {checkin_id} does not exist.")
        return checkin_from_row(row)

    def save_answers(self, checkin_id: int, answers: CheckinAnswers) -> CheckinRecord:
        """Keep what was typed so far; the check-in stays open (or done) as it was."""
        _check_answers(answers)
        with writing(self._db):
            self.get(checkin_id)
            self._write_answers(checkin_id, answers)
        return self.get(checkin_id)

    def close(self, checkin_id: int, answers: CheckinAnswers) -> CheckinRecord:
        """Answer "yes, ready to move on": store the answers and close the check-in."""
        _check_answers(answers)
        stamp = to_db_time(self._clock.now())
        with writing(self._db):
            old = self.get(checkin_id)
            self._write_answers(checkin_id, answers)
            self._db.execute_sql(
                "UPDATE checkin SET ready = 1, done_at = ?, delivered_at = coalesce("
                "delivered_at, ?) WHERE id = ?",
                (to_db_time(old.done_at) if old.done_at else stamp, stamp, checkin_id),
            )
        return self.get(checkin_id)

    def snooze_until(
        self, checkin_id: int, day: date, answers: CheckinAnswers | None = None
    ) -> CheckinRecord:
        """Answer "not yet": ask again at the check-in time of ``day`` (after today).

        The reminder comes again then, even if it was shown or missed before; the
        answers typed so far are kept.
        """
        if answers is not None:
            _check_answers(answers)
        now = self._clock.now()
        if day <= self.local_day(now):
            raise CheckinValidationError("Pick a day after today for the next check-in.")
        until = due_instant(day, 0, self._tz)
        if until is None:
            raise CheckinValidationError("That day is too far away for a check-in.")
        with writing(self._db):
            if self.get(checkin_id).done_at is not None:
                raise CheckinValidationError("This check-in is already closed.")
            if answers is not None:
                self._write_answers(checkin_id, answers)
            self._db.execute_sql(
                "UPDATE checkin SET ready = 0, snoozed_until = ?, delivered_at = NULL, "
                "missed_at = NULL, updated_at = ? WHERE id = ?",
                (to_db_time(until), to_db_time(now), checkin_id),
            )
        return self.get(checkin_id)

    def snooze_days(
        self, checkin_id: int, days: int, answers: CheckinAnswers | None = None
    ) -> CheckinRecord:
        """Answer "not yet": ask again ``days`` days from today, at the check-in time."""
        if isinstance(days, bool) or not 1 <= days <= 365:
            raise CheckinValidationError("Put a check-in off by 1 to 365 days.")
        today = self.local_day(self._clock.now())
        return self.snooze_until(checkin_id, today + timedelta(days=days), answers)

    def start_by_hand(self, debrief_id: int) -> CheckinRecord:
        """Start a debrief's check-in now, whenever the person wants to.

        A debrief without a check-in gets one, due now and counted as delivered (no
        notification for what the person already has open). An existing check-in is
        returned as it is: an open one still reminds at its time unless answered
        before, and a closed one's answers can still be edited.
        """
        now = to_db_time(self._clock.now())
        with writing(self._db):
            found = self._db.execute_sql(
                "SELECT deleted_at FROM debrief WHERE id = ?", (debrief_id,)
            ).fetchone()
            if found is None or found[0] is not None:
                raise CheckinNotFoundError(f"Debrief {debrief_id} does not exist.")
            existing = self.for_debrief(debrief_id)
            if existing is None:
                self._db.execute_sql(
                    "INSERT INTO checkin (uuid, debrief_id, due_at, created_at, updated_at, "
                    "delivered_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (str(uuid.uuid4()), debrief_id, now, now, now, now),
                )
        record = self.for_debrief(debrief_id)
        assert record is not None
        return record

    def _write_answers(self, checkin_id: int, answers: CheckinAnswers) -> None:
        self._db.execute_sql(
            "UPDATE checkin SET feeling = ?, what_helped = ?, next_step = ?, updated_at = ? "
            "WHERE id = ?",
            (
                answers.feeling,
                answers.what_helped,
                answers.next_step,
                to_db_time(self._clock.now()),
                checkin_id,
            ),
        )


def _check_answers(answers: CheckinAnswers) -> None:
    feeling = answers.feeling
    if feeling is not None and (
        isinstance(feeling, bool) or not isinstance(feeling, int) or feeling not in FEELING_RANGE
    ):
        raise CheckinValidationError("How you feel is a number from 1 to 5.")
    for label, text in (("what helped", answers.what_helped), ("next step", answers.next_step)):
        try:
            check_text(label, text)
        except ValidationError as exc:
            raise CheckinValidationError(str(exc)) from exc
