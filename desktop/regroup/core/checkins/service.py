"""Move-on check-ins: one per saved debrief that has days to mourn, due at a UTC instant.

The debrief service plans and moves them inside its own transactions; the reminder
service marks them delivered or missed; the Check-ins page answers, puts off and
starts them here. A check-in that was delivered, put off or answered is never moved
by later edits of its debrief.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol

from peewee import Expression, SqliteDatabase, fn

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
from regroup.core.goals.types import GoalContent, GoalRecord, Lane
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.models import Checkin, Debrief, Goal
from regroup.core.storage.transactions import writing
from regroup.core.text import check_text

CHECKIN_FIELDS = (
    Checkin.id,
    Checkin.uuid,
    Checkin.debrief,
    Checkin.due_at,
    Checkin.created_at,
    Checkin.updated_at,
    Checkin.delivered_at,
    Checkin.snoozed_until,
    Checkin.done_at,
    Checkin.feeling,
    Checkin.ready,
    Checkin.what_helped,
    Checkin.next_step,
    Checkin.missed_at,
)
_EARLIEST_YEAR, _LATEST_YEAR = 1900, 9998
# Raw SQL: Peewee cannot say INDEXED BY, which keeps the tray's count on the small index.
_WAITING_COUNT_SQL = (
    "SELECT count(*) FROM checkin c INDEXED BY checkin_open "
    "JOIN debrief d ON d.id = c.debrief_id WHERE c.done_at IS NULL "
    "AND coalesce(c.snoozed_until, c.due_at) <= ? AND d.deleted_at IS NULL"
)


class GoalMaker(Protocol):
    """The part of the goals board a check-in needs (the goal service)."""

    def get(self, goal_id: int) -> GoalRecord: ...

    def create(
        self, content: GoalContent, lane: Lane = Lane.NEXT, source_debrief_id: int | None = None
    ) -> GoalRecord: ...


def _instant_or_none(value: str | None) -> datetime | None:
    return from_db_time(value) if value else None


def checkin_from_row(row: tuple) -> CheckinRecord:  # type: ignore[type-arg]
    """Build a record from the stored values of :data:`CHECKIN_FIELDS`, in order.

    Check-ins are read as stored and converted here, not by Peewee's fields, whose
    per-column calls would slow down the Check-ins page, which reads thousands.
    """
    return CheckinRecord(
        id=row[0],
        uuid=row[1],
        debrief_id=row[2],
        due_at=from_db_time(row[3]),
        created_at=from_db_time(row[4]),
        updated_at=from_db_time(row[5]),
        delivered_at=_instant_or_none(row[6]),
        snoozed_until=_instant_or_none(row[7]),
        done_at=_instant_or_none(row[8]),
        feeling=row[9],
        ready=None if row[10] is None else bool(row[10]),
        what_helped=row[11],
        next_step=row[12],
        missed_at=_instant_or_none(row[13]),
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

    def _one(self, where: Expression) -> CheckinRecord | None:
        row = self._db.execute(Checkin.select(*CHECKIN_FIELDS).where(where)).fetchone()
        return None if row is None else checkin_from_row(row)

    def for_debrief(self, debrief_id: int) -> CheckinRecord | None:
        """Return the check-in of a debrief, or None when it has none."""
        return self._one(Checkin.debrief == debrief_id)

    def waiting_count(self) -> int:
        """Return how many check-ins wait for an answer now (due or missed)."""
        return waiting_count(self._db, self._clock.now())

    def pending(self) -> list[CheckinRecord]:
        """Return the check-ins not answered yet of debriefs not in the trash, soonest first."""
        query = (
            Checkin.select(*CHECKIN_FIELDS)
            .join(Debrief)
            .where(Checkin.done_at.is_null(), Debrief.deleted_at.is_null())
            .order_by(fn.COALESCE(Checkin.snoozed_until, Checkin.due_at), Checkin.id)
        )
        return [checkin_from_row(row) for row in self._db.execute(query)]

    def sync(self, debrief_id: int, due_at: datetime | None) -> None:
        """Plan, move or drop a debrief's check-in; the caller holds the transaction.

        ``due_at`` None means the debrief asks for no check-in (a draft, or no days
        given). A delivered or answered check-in stays as it is either way.
        """
        old = self.for_debrief(debrief_id)
        if old is not None and any(
            moment is not None for moment in (old.delivered_at, old.done_at, old.snoozed_until)
        ):
            return
        now = self._clock.now()
        if due_at is None:
            if old is not None:
                Checkin.delete().where(Checkin.id == old.id).execute(self._db)
        elif old is None:
            self._insert(debrief_id, due_at)
        elif old.due_at != due_at:
            Checkin.update(due_at=due_at, updated_at=now).where(Checkin.id == old.id).execute(
                self._db
            )

    def _insert(
        self, debrief_id: int, due_at: datetime, delivered_at: datetime | None = None
    ) -> None:
        now = self._clock.now()
        Checkin.insert(
            uuid=str(uuid.uuid4()),
            debrief=debrief_id,
            due_at=due_at,
            created_at=now,
            updated_at=now,
            delivered_at=delivered_at,
        ).execute(self._db)

    def due_for(self, base_day: date, days: int | None) -> datetime | None:
        """Return when a check-in ``days`` after ``base_day`` falls due, in UTC."""
        return None if days is None else due_instant(base_day, days, self._tz)

    # Answering, putting off and starting by hand (the Check-ins page)

    def get(self, checkin_id: int) -> CheckinRecord:
        """Return one check-in, or raise CheckinNotFoundError."""
        record = self._one(Checkin.id == checkin_id)
        if record is None:
            raise CheckinNotFoundError(f"Check-in {checkin_id} does not exist.")
        return record

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
        now = self._clock.now()
        with writing(self._db):
            old = self.get(checkin_id)
            self._write_answers(checkin_id, answers)
            Checkin.update(
                ready=True, done_at=old.done_at or now, delivered_at=old.delivered_at or now
            ).where(Checkin.id == checkin_id).execute(self._db)
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
            Checkin.update(
                ready=False,
                not_yet_count=Checkin.not_yet_count + 1,
                snoozed_until=until,
                delivered_at=None,
                missed_at=None,
                updated_at=now,
            ).where(Checkin.id == checkin_id).execute(self._db)
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
        now = self._clock.now()
        with writing(self._db):
            live = Debrief.select().where(Debrief.id == debrief_id, Debrief.deleted_at.is_null())
            if not live.exists(self._db):
                raise CheckinNotFoundError(f"Debrief {debrief_id} does not exist.")
            if self.for_debrief(debrief_id) is None:
                self._insert(debrief_id, now, delivered_at=now)
        record = self.for_debrief(debrief_id)
        assert record is not None
        return record

    # The next step as a goal

    def goal_made(self, checkin_id: int) -> int | None:
        """Return the goal this check-in's next step became, if it is still on the board.

        A check-in makes at most one goal: the goal linked to its debrief that came
        from no lesson line (lesson goals keep their line). Asking again shows it
        rather than making a twin.
        """
        debrief_id = self.get(checkin_id).debrief_id
        found = (
            Goal.select(Goal.id)
            .where(
                Goal.source_debrief == debrief_id,
                Goal.source_line.is_null(),
                Goal.deleted_at.is_null(),
            )
            .order_by(Goal.id)
            .scalar(self._db)
        )
        return None if found is None else int(found)

    def make_goal(self, checkin_id: int, title: str, goals: GoalMaker) -> GoalRecord:
        """Put the next step on the goals board, linked to the debrief; once only.

        When the check-in already made a goal, that goal is returned unchanged.
        """
        with writing(self._db):
            made = self.goal_made(checkin_id)
            if made is not None:
                return goals.get(made)
            debrief_id = self.get(checkin_id).debrief_id
            return goals.create(GoalContent(" ".join(title.split())), source_debrief_id=debrief_id)

    def _write_answers(self, checkin_id: int, answers: CheckinAnswers) -> None:
        Checkin.update(
            feeling=answers.feeling,
            what_helped=answers.what_helped,
            next_step=answers.next_step,
            updated_at=self._clock.now(),
        ).where(Checkin.id == checkin_id).execute(self._db)


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
