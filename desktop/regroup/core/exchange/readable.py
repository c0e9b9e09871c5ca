"""What a reading export (Markdown or PDF) holds, read once and shared by both formats.

A reading export shows what a person sees in the window: nothing from the trash,
no ids or revision history (the JSON export keeps those). Both formats take the
same ``Readable`` so they can never disagree about what is in the file.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from peewee import JOIN, Case, SqliteDatabase, fn

from regroup.core.debriefs.service import content_from_row
from regroup.core.debriefs.types import DebriefContent
from regroup.core.diary.types import split_tags
from regroup.core.exchange.plan_export import CONTENT_FIELDS
from regroup.core.goals.types import GoalCategory, Lane
from regroup.core.record import record
from regroup.core.storage.models import Checkin, Debrief, DebriefEntry, Entry, Goal

_LANE_ORDER = Case(
    Goal.lane, (("next", 0), ("doing", 1), ("done", 2), ("archived", 3), ("dropped", 4)), 5
)


@record
class Scope:
    """Which part of the profile a reading export holds.

    ``diary`` alone, optionally between two days (both included); ``debrief_id``
    alone: that debrief with its check-in and the goals it gave; neither: everything.
    """

    diary: bool = True
    plans: bool = True
    date_from: date | None = None
    date_to: date | None = None
    debrief_id: int | None = None

    @classmethod
    def everything(cls) -> Scope:
        return cls()

    @classmethod
    def diary_only(cls, date_from: date | None = None, date_to: date | None = None) -> Scope:
        return cls(plans=False, date_from=date_from, date_to=date_to)

    @classmethod
    def one_debrief(cls, debrief_id: int) -> Scope:
        return cls(diary=False, debrief_id=debrief_id)


@record
class ReadableEntry:
    day: date
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...]


@record
class ReadableCheckin:
    """A check-in; its days are local calendar days, answers empty until it was answered."""

    due_on: date
    done_on: date | None
    feeling: int | None
    ready: bool | None
    what_helped: str
    next_step: str


@record
class ReadableGoal:
    lane: Lane
    title: str
    category: GoalCategory | None
    due_on: date | None
    outcome: str
    done_on: date | None
    source: str | None
    """The title of the debrief the goal came from, if it came from one."""
    source_line: str | None


@record
class ReadableDebrief:
    draft: bool
    content: DebriefContent
    checkin: ReadableCheckin | None
    linked_days: tuple[date, ...]
    """The days of the diary entries linked to the debrief, oldest first."""

    @property
    def title(self) -> str:
        return debrief_title(self.content.company, self.content.role)


@record
class Readable:
    """Everything one reading export shows, in the order it shows it."""

    scope: Scope
    entries: tuple[ReadableEntry, ...]
    debriefs: tuple[ReadableDebrief, ...]
    goals: tuple[ReadableGoal, ...]

    @property
    def checkins(self) -> int:
        return sum(debrief.checkin is not None for debrief in self.debriefs)

    @property
    def first_day(self) -> date | None:
        return self.entries[-1].day if self.entries else None

    @property
    def last_day(self) -> date | None:
        return self.entries[0].day if self.entries else None


def debrief_title(company: str, role: str) -> str:
    """Return "company — role" (each on one line), or a kind name when both are empty."""
    parts = [" ".join(text.split()) for text in (company, role) if text.strip()]
    return " — ".join(parts) or "Untitled debrief"


def _local_day(moment: datetime | None, zone: tzinfo | None) -> date | None:
    return moment.astimezone(zone).date() if moment is not None else None


def read_entries(db: SqliteDatabase, scope: Scope) -> tuple[ReadableEntry, ...]:
    """Return the entries of ``scope`` not in the trash, newest first."""
    e = Entry
    query = e.select(e.entry_date, e.title, e.body, e.mood, e.tags_text).where(
        e.deleted_at.is_null()
    )
    if scope.date_from is not None:
        query = query.where(e.entry_date >= scope.date_from)
    if scope.date_to is not None:
        query = query.where(e.entry_date <= scope.date_to)
    rows = query.order_by(e.entry_date.desc(), e.id.desc()).tuples().execute(db)
    return tuple(
        ReadableEntry(day, title, body, mood, tuple(split_tags(tags)))
        for day, title, body, mood, tags in rows
    )


def _checkins(db: SqliteDatabase, zone: tzinfo | None) -> dict[int, ReadableCheckin]:
    c = Checkin
    query = c.select(
        c.debrief, c.due_at, c.snoozed_until, c.done_at, c.feeling, c.ready, c.what_helped
    ).select_extend(c.next_step)
    checkins = {}
    for debrief_id, due, snoozed, done, feeling, ready, helped, step in query.tuples().execute(db):
        checkins[debrief_id] = ReadableCheckin(
            due_on=(snoozed or due).astimezone(zone).date(),
            done_on=_local_day(done, zone),
            feeling=feeling,
            ready=None if ready is None else bool(ready),
            what_helped=helped,
            next_step=step,
        )
    return checkins


def _linked_days(db: SqliteDatabase) -> dict[int, list[date]]:
    linked: dict[int, list[date]] = {}
    query = (
        DebriefEntry.select(DebriefEntry.debrief, Entry.entry_date)
        .join(Entry)
        .where(Entry.deleted_at.is_null())
        .order_by(Entry.entry_date, Entry.id)
        .tuples()
    )
    for debrief_id, day in query.execute(db):
        linked.setdefault(debrief_id, []).append(day)
    return linked


def read_debriefs(
    db: SqliteDatabase, scope: Scope, zone: tzinfo | None = None
) -> tuple[tuple[ReadableDebrief, ...], set[int]]:
    """Return the debriefs of ``scope`` not in the trash, newest news first, and their ids."""
    if not scope.plans:
        return (), set()
    query = Debrief.select(Debrief.id, Debrief.status, *CONTENT_FIELDS).where(
        Debrief.deleted_at.is_null()
    )
    if scope.debrief_id is not None:
        query = query.where(Debrief.id == scope.debrief_id)
    query = query.order_by(
        fn.coalesce(Debrief.news_on, Debrief.applied_on).desc(), Debrief.id.desc()
    )
    rows = [(row[0], row[1], row[2:]) for row in db.execute(query)]
    checkins = _checkins(db, zone) if rows else {}
    linked = _linked_days(db) if rows else {}
    debriefs = tuple(
        ReadableDebrief(
            draft=status == "draft",
            content=content_from_row(tuple(values)),
            checkin=checkins.get(debrief_id),
            linked_days=tuple(linked.get(debrief_id, ())),
        )
        for debrief_id, status, values in rows
    )
    return debriefs, {row[0] for row in rows}


def read_goals(
    db: SqliteDatabase, scope: Scope, debrief_ids: set[int], zone: tzinfo | None = None
) -> tuple[ReadableGoal, ...]:
    """Return the goals of ``scope`` not in the trash, lane by lane in board order."""
    if not scope.plans:
        return ()
    g = Goal
    query = (
        g.select(g.lane, g.title, g.category, g.due_on, g.outcome, g.done_at, g.source_line)
        .select_extend(Debrief.company, Debrief.role)
        .join(Debrief, JOIN.LEFT_OUTER, on=(g.source_debrief == Debrief.id))
        .where(g.deleted_at.is_null())
    )
    if scope.debrief_id is not None:
        query = query.where(g.source_debrief.in_(debrief_ids))
    rows = query.order_by(_LANE_ORDER, g.position, g.id).tuples().execute(db)
    return tuple(
        ReadableGoal(
            lane=Lane(lane),
            title=title,
            category=GoalCategory(category) if category else None,
            due_on=due_on,
            outcome=outcome,
            done_on=_local_day(done_at, zone),
            source=None if company is None else debrief_title(company, role),
            source_line=source_line,
        )
        for lane, title, category, due_on, outcome, done_at, source_line, company, role in rows
    )


def read_readable(db: SqliteDatabase, scope: Scope, zone: tzinfo | None = None) -> Readable:
    """Read everything ``scope`` asks for; times become days in ``zone`` (default: local)."""
    entries = read_entries(db, scope) if scope.diary else ()
    debriefs, ids = read_debriefs(db, scope, zone)
    return Readable(scope, entries, debriefs, read_goals(db, scope, ids, zone))


def debrief_choices(db: SqliteDatabase) -> list[tuple[int, str]]:
    """Return every debrief not in the trash as (id, "title (date)"), newest news first."""
    query = (
        Debrief.select(Debrief.id, Debrief.company, Debrief.role, Debrief.news_on)
        .where(Debrief.deleted_at.is_null())
        .order_by(fn.coalesce(Debrief.news_on, Debrief.applied_on).desc(), Debrief.id.desc())
        .tuples()
    )
    return [
        (debrief_id, debrief_title(company, role) + (f" ({news_on})" if news_on else ""))
        for debrief_id, company, role, news_on in query.execute(db)
    ]
