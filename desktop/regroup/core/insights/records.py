"""Reading what the figures need, once per call: lean rows instead of full records.

The Insights page asks for every figure at once with up to 365,000 diary entries,
so moods are read as one mean per day (SQLite does the grouping) and the other
tables as plain tuples of the few columns used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from peewee import SqliteDatabase, fn

from regroup.core.debriefs.types import DebriefStatus, KeepLooking, NewsVia, Stage
from regroup.core.goals.types import Lane
from regroup.core.insights.types import Period
from regroup.core.storage.columns import from_db_date, from_db_time
from regroup.core.storage.models import Checkin, Debrief, Entry, Goal


@dataclass(frozen=True, slots=True)
class DebriefRow:
    """The parts of a saved debrief the figures use; ``day`` is the day it belongs to."""

    id: int
    day: date
    title: str
    role_kind: str
    stage: Stage | None
    news_on: date | None
    news_via: NewsVia | None
    feedback_asked: bool | None
    feedback_received: bool
    preparedness: int | None
    wanted: int | None
    keep_looking: KeepLooking | None
    traps: tuple[str, ...]
    do_differently: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoalRow:
    """A goal on the board (not in the trash); days are local."""

    id: int
    made_on: date
    done_on: date | None
    due_on: date | None
    lane: Lane
    source_debrief_id: int | None
    source_line: str | None


@dataclass(frozen=True, slots=True)
class CheckinRow:
    """A check-in's outcome: the local day it was answered "Yes", and its "Not yet"s."""

    id: int
    debrief_id: int
    ready_on: date | None
    not_yets: int


def local_day(moment: datetime, tz: tzinfo | None) -> date:
    """Return the calendar day of a UTC instant in ``tz`` (None: the machine's zone)."""
    return moment.astimezone(tz).date()


def _day(text: str | None) -> date | None:
    return from_db_date(text) if text else None


def _texts(stored: str) -> tuple[str, ...]:
    try:
        values = json.loads(stored or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in values) if isinstance(values, list) else ()


def _enum(kind: type[Stage] | type[NewsVia] | type[KeepLooking], value: str | None):  # type: ignore[no-untyped-def]
    try:
        return None if value is None else kind(value)
    except ValueError:
        return None


def debriefs(db: SqliteDatabase, tz: tzinfo | None) -> list[DebriefRow]:
    """Return every saved debrief outside the trash, oldest day first (then by id)."""
    query = Debrief.select(
        Debrief.id,
        Debrief.created_at,
        Debrief.company,
        Debrief.role,
        Debrief.role_kind,
        Debrief.applied_on,
        Debrief.stage,
        Debrief.news_on,
        Debrief.news_via,
        Debrief.feedback_asked,
        Debrief.feedback_received != "",
        Debrief.preparedness,
        Debrief.wanted,
        Debrief.keep_looking,
        Debrief.traps,
        Debrief.do_differently,
    ).where(Debrief.status == DebriefStatus.SAVED.value, Debrief.deleted_at.is_null())
    rows = []
    # Raw values: Peewee's per-column conversion is skipped, the few dates parsed here.
    for r in db.execute(query):
        news_on, applied_on = _day(r[7]), _day(r[5])
        day = news_on or applied_on or local_day(from_db_time(r[1]), tz)
        title = " — ".join(t.strip() for t in (r[2], r[3]) if t.strip())
        rows.append(
            DebriefRow(
                id=r[0],
                day=day,
                title=title or "A debrief without a name",
                role_kind=r[4],
                stage=_enum(Stage, r[6]),
                news_on=news_on,
                news_via=_enum(NewsVia, r[8]),
                feedback_asked=None if r[9] is None else bool(r[9]),
                feedback_received=bool(r[10]),
                preparedness=r[11],
                wanted=r[12],
                keep_looking=_enum(KeepLooking, r[13]),
                traps=_texts(r[14]),
                do_differently=_texts(r[15]),
            )
        )
    rows.sort(key=lambda row: (row.day, row.id))
    return rows


def in_period(rows: list[DebriefRow], period: Period) -> list[DebriefRow]:
    """Return the debriefs whose day falls in ``period``."""
    return [row for row in rows if period.contains(row.day)]


def daily_moods(
    db: SqliteDatabase, first: date | None, last: date | None
) -> dict[date, tuple[float, int]]:
    """Return each diary day's mean mood and how many moods it had, between two days.

    SQLite groups the rows on the entry_date index; Python sees one row per day.
    """
    query = Entry.select(Entry.entry_date, fn.AVG(Entry.mood), fn.COUNT(Entry.mood)).where(
        Entry.deleted_at.is_null(), Entry.mood.is_null(False)
    )
    if first is not None:
        query = query.where(Entry.entry_date >= first.isoformat())
    if last is not None:
        query = query.where(Entry.entry_date <= last.isoformat())
    query = query.group_by(Entry.entry_date).order_by(Entry.entry_date)
    return {from_db_date(r[0]): (float(r[1]), int(r[2])) for r in db.execute(query)}


def mood_range(period: Period, extra_days: int) -> tuple[date | None, date | None]:
    """Return the days of moods to read: the period, and ``extra_days`` after its end."""
    last = None if period.date_to is None else period.date_to + timedelta(days=extra_days)
    return period.date_from, last


def goals(db: SqliteDatabase, tz: tzinfo | None) -> list[GoalRow]:
    """Return every goal outside the trash."""
    query = Goal.select(
        Goal.id,
        Goal.created_at,
        Goal.done_at,
        Goal.due_on,
        Goal.lane,
        Goal.source_debrief,
        Goal.source_line,
    ).where(Goal.deleted_at.is_null())
    rows = []
    for r in db.execute(query):
        try:
            lane = Lane(r[4])
        except ValueError:
            lane = Lane.NEXT
        rows.append(
            GoalRow(
                id=r[0],
                made_on=local_day(from_db_time(r[1]), tz),
                done_on=local_day(from_db_time(r[2]), tz) if r[2] else None,
                due_on=_day(r[3]),
                lane=lane,
                source_debrief_id=r[5],
                source_line=r[6],
            )
        )
    return rows


def checkins(db: SqliteDatabase, tz: tzinfo | None) -> dict[int, CheckinRow]:
    """Return the check-in of each debrief, by debrief id."""
    query = Checkin.select(
        Checkin.id, Checkin.debrief, Checkin.done_at, Checkin.ready, Checkin.not_yet_count
    )
    found = {}
    for r in db.execute(query):
        ready_on = local_day(from_db_time(r[2]), tz) if r[2] and r[3] else None
        found[r[1]] = CheckinRow(r[0], r[1], ready_on, int(r[4] or 0))
    return found
