"""Reading what the figures need, once per call: lean rows instead of full records.

The Insights page asks for every figure at once with up to 365,000 diary entries,
so moods are read as one sum and count per day (SQLite does the grouping) and the other
tables as plain tuples of the few columns used.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from time import localtime
from typing import NamedTuple

from peewee import SQL, SqliteDatabase

from regroup.core.debriefs.types import DebriefStatus, KeepLooking, NewsVia, Stage
from regroup.core.goals.types import Lane
from regroup.core.insights.types import Period
from regroup.core.storage.columns import from_db_date, from_db_time, to_db_time
from regroup.core.storage.models import Checkin, Debrief, Goal

# Raw SQL: Peewee cannot say INDEXED BY, and without it SQLite reads every encrypted
# page of the entries instead of the small mood index (0.7 s against 0.05 s). Each
# column comes back as one comma-separated text, split in C: handing Python 29,000
# rows one by one took 45 ms against 25. SQLite keeps a FROM subquery's ORDER BY for
# group_concat (it drops one only under count, min or max).
_DAILY_MOODS_SQL = (
    "SELECT group_concat(entry_date), group_concat(total), group_concat(moods) FROM ("
    "SELECT entry_date, sum(mood) AS total, count(mood) AS moods "
    "FROM entry INDEXED BY entry_mood_day "
    "WHERE deleted_at IS NULL AND mood IS NOT NULL AND entry_date >= ? AND entry_date <= ? "
    "GROUP BY entry_date ORDER BY entry_date)"
)

# Raw SQL again for INDEXED BY: SQLite would walk the board's index, which holds every
# goal's title, decrypting each of its pages on a cold start. goal_figures holds these
# goals alone, with just these columns, in the board's order (5 ms against 15 at
# 10,000 goals, 2,000 of them from debriefs).
_DEBRIEF_GOALS_SQL = (
    "SELECT id, created_at, done_at, due_on, lane, source_debrief_id, source_line "
    "FROM goal INDEXED BY goal_figures WHERE deleted_at IS NULL AND source_debrief_id IS NOT NULL "
    "ORDER BY lane, position, id"
)


class DebriefRow(NamedTuple):
    """The parts of a saved debrief the figures use.

    ``day`` is the day it belongs to: the news date, else the application date,
    else the day it was written.
    """

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


class GoalRow(NamedTuple):
    """A goal on the board (not in the trash); days are local."""

    id: int
    made_on: date
    done_on: date | None
    due_on: date | None
    lane: Lane
    source_debrief_id: int | None
    source_line: str | None


class MoodColumns(NamedTuple):
    """Diary days with moods, in order, with the sum and the number of their moods.

    Moods are whole numbers, so the sums stay exact however many days are added up.
    ``texts`` are the days as SQLite gave them (ISO 8601): the JSON writes them as
    they are, where writing 29,000 dates out again took 7 ms.
    """

    days: list[date]
    totals: list[int]
    counts: list[int]
    texts: list[str]


class CheckinRow(NamedTuple):
    """A check-in's outcome: the local day it was answered "Yes", and its "Not yet"s."""

    id: int
    debrief_id: int
    ready_on: date | None
    not_yets: int


def local_day(moment: datetime, tz: tzinfo | None) -> date:
    """Return the calendar day of a UTC instant in ``tz`` (None: the machine's zone)."""
    if tz is None:
        # What astimezone() asks the C library, without making a zone object: 4x faster.
        found = localtime(moment.timestamp())
        return date(found.tm_year, found.tm_mon, found.tm_mday)
    return moment.astimezone(tz).date()


def _day(text: str | None) -> date | None:
    return from_db_date(text) if text else None


_SCAN: Callable[[str, int], tuple[object, int]] = vars(json.JSONDecoder())["scan_once"]
"""The C scanner json.loads ends in, called without its Python layers: 5 ms against
11 over 2,000 debriefs' two lists."""


def _texts(stored: str) -> tuple[str, ...]:
    if stored in ("", "[]"):
        return ()
    try:
        values, end = _SCAN(stored, 0)
    except (StopIteration, ValueError):
        values, end = None, 0
    if end != len(stored):  # space around it or more after it: json.loads decides
        try:
            values = json.loads(stored)
        except ValueError:
            return ()
    return tuple(map(str, values)) if isinstance(values, list) else ()


_STAGES = {stage.value: stage for stage in Stage}
_NEWS_VIA = {way.value: way for way in NewsVia}
_KEEP_LOOKING = {answer.value: answer for answer in KeepLooking}
_LANES = {lane.value: lane for lane in Lane}


_PLACE = (
    Debrief.id,
    Debrief.created_at,
    Debrief.company,
    Debrief.role,
    Debrief.applied_on,
    Debrief.stage,
    Debrief.news_on,
)
"""What gives a debrief its day, title and stage: the first columns of its row."""
_NO_ANSWERS = (None, None, False, None, None, None, (), ())
"""news_via to do_differently of a row read without its answers."""
_ANSWERS = (
    Debrief.role_kind,
    Debrief.news_via,
    Debrief.feedback_asked,
    # Written out, not a parameter: SQLite then finds this in debrief_figures, which
    # holds every column read here, and never reads the debriefs' long texts.
    Debrief.feedback_received != SQL("''"),
    Debrief.preparedness,
    Debrief.wanted,
    Debrief.keep_looking,
    Debrief.traps,
    Debrief.do_differently,
)


def debriefs(db: SqliteDatabase, tz: tzinfo | None, answers: bool = True) -> list[DebriefRow]:
    """Return every saved debrief outside the trash, oldest day first (then by id).

    Without ``answers`` only the day, title and stage are read (the look-back card
    needs no more), which spares SQLite the long texts stored after them in each row.
    """
    query = Debrief.select(*_PLACE, *(_ANSWERS if answers else ())).where(
        Debrief.status == DebriefStatus.SAVED.value, Debrief.deleted_at.is_null()
    )
    rows = []
    # Raw values: Peewee's per-column conversion is skipped, the few dates parsed here.
    for r in db.execute(query):
        news_on = _day(r[6])
        day = news_on or _day(r[4]) or local_day(from_db_time(r[1]), tz)
        company, role = r[2].strip(), r[3].strip()
        title = f"{company} — {role}" if company and role else company or role
        title = title or "A debrief without a name"
        stage = _STAGES.get(r[5])
        if not answers:
            rows.append(DebriefRow(r[0], day, title, "", stage, news_on, *_NO_ANSWERS))
            continue
        # Positional arguments: quicker than binding fourteen keywords per row.
        rows.append(
            DebriefRow(
                r[0],
                day,
                title,
                r[7],  # role_kind
                stage,
                news_on,
                _NEWS_VIA.get(r[8]),
                None if r[9] is None else bool(r[9]),  # feedback_asked
                bool(r[10]),  # feedback_received
                r[11],  # preparedness
                r[12],  # wanted
                _KEEP_LOOKING.get(r[13]),
                _texts(r[14]),  # traps
                _texts(r[15]),  # do_differently
            )
        )
    rows.sort(key=lambda row: (row.day, row.id))
    return rows


def in_period(rows: list[DebriefRow], period: Period) -> list[DebriefRow]:
    """Return the debriefs whose day falls in ``period``."""
    return [row for row in rows if period.contains(row.day)]


def daily_moods(db: SqliteDatabase, first: date | None, last: date | None) -> MoodColumns:
    """Return each diary day's total and number of moods, between two days, in order.

    SQLite groups the rows on the mood index; Python sees one text per column.
    """
    bounds = ((first or date.min).isoformat(), (last or date.max).isoformat())
    days, totals, counts = db.execute_sql(_DAILY_MOODS_SQL, bounds).fetchone()
    if days is None:  # no moods at all between the two days
        return MoodColumns([], [], [], [])
    texts = days.split(",")
    return MoodColumns(
        list(map(date.fromisoformat, texts)),
        list(map(int, totals.split(","))),
        list(map(int, counts.split(","))),
        texts,
    )


def daily_moods_in(db: SqliteDatabase, spans: list[tuple[date, date]]) -> MoodColumns:
    """Return :func:`daily_moods` of several spans, given in day order and apart, as one."""
    read = MoodColumns([], [], [], [])
    for first, last in spans:
        span = daily_moods(db, first, last)
        read.days.extend(span.days)
        read.totals.extend(span.totals)
        read.counts.extend(span.counts)
        read.texts.extend(span.texts)
    return read


def mood_range(period: Period, extra_days: int) -> tuple[date | None, date | None]:
    """Return the days of moods to read: the period, and ``extra_days`` after its end."""
    last = None if period.date_to is None else period.date_to + timedelta(days=extra_days)
    return period.date_from, last


def debrief_goals(db: SqliteDatabase, tz: tzinfo | None) -> list[GoalRow]:
    """Return the goals made from debriefs, outside the trash, in the board's order."""
    rows = []
    for r in db.execute_sql(_DEBRIEF_GOALS_SQL):
        rows.append(
            GoalRow(
                id=r[0],
                made_on=local_day(from_db_time(r[1]), tz),
                done_on=local_day(from_db_time(r[2]), tz) if r[2] else None,
                due_on=_day(r[3]),
                lane=_LANES.get(r[4], Lane.NEXT),
                source_debrief_id=r[5],
                source_line=r[6],
            )
        )
    return rows


def overdue_goals(db: SqliteDatabase, today: date, period: Period) -> tuple[int, ...]:
    """Return the goals still in Next or Doing whose date is in ``period`` and before today."""
    query = Goal.select(Goal.id).where(
        Goal.deleted_at.is_null(),
        Goal.lane.in_([Lane.NEXT.value, Lane.DOING.value]),
        Goal.due_on < today,
    )
    if period.date_from is not None:
        query = query.where(Goal.due_on >= period.date_from)
    if period.date_to is not None:
        query = query.where(Goal.due_on <= period.date_to)
    return tuple(r[0] for r in db.execute(query.order_by(Goal.id)))


def goals_done_after(db: SqliteDatabase, day: date, tz: tzinfo | None) -> tuple[int, ...]:
    """Return the goals (outside the trash) done after ``day``, a local calendar day."""
    midnight = datetime.combine(day + timedelta(days=1), time())
    start = midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()
    query = Goal.select(Goal.id).where(Goal.deleted_at.is_null(), Goal.done_at >= to_db_time(start))
    return tuple(r[0] for r in db.execute(query.order_by(Goal.id)))


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
