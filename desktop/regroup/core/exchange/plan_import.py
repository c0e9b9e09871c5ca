"""Debriefs, goals and check-ins read back from an export (version 2 and later) and merged.

Every reference in the file (a debrief's entries, a goal's source debrief, a
check-in's debrief) must point at a record of the same file, which an export always
satisfies; a file that breaks one is refused before anything is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import SqliteDatabase

from regroup.core.debriefs.service import content_values
from regroup.core.debriefs.types import (
    MOURNING_DAYS_RANGE,
    ROUNDS_RANGE,
    SCALE_RANGE,
    DebriefContent,
    DebriefStatus,
    DebriefValidationError,
    KeepLooking,
    NewsVia,
    Stage,
    check_content,
)
from regroup.core.exchange.fields import Fields, refuse
from regroup.core.exchange.plan_export import CHECKIN_TIMES, CONTENT_FIELDS
from regroup.core.exchange.rows import ids_by_uuid, insert_rows
from regroup.core.goals.types import GoalCategory, Lane
from regroup.core.record import record
from regroup.core.storage.models import Checkin, Debrief, DebriefEntry, Entry, Goal

NOT_YET_RANGE = range(0, 10_000)
"""A check-in answered "Not yet" more often than this is not a real one."""
SECTIONS = ("debriefs", "goals", "checkins")


@record
class ImportedDebrief:
    """A debrief from an export file, checked; ``values`` follow CONTENT_FIELDS."""

    uuid: str
    status: str
    created_at: str
    updated_at: str
    deleted_at: str | None
    values: tuple[object, ...]
    entries: tuple[str, ...]


@record
class ImportedGoal:
    """A goal from an export file, checked, every value in its stored form."""

    uuid: str
    title: str
    category: str | None
    due_on: str | None
    outcome: str
    lane: str
    position: float
    created_at: str
    updated_at: str
    done_at: str | None
    deleted_at: str | None
    source_debrief: str | None
    source_line: str | None


@record
class ImportedCheckin:
    """A check-in from an export file, checked, every value in its stored form."""

    uuid: str
    debrief: str
    times: tuple[str | None, ...]
    feeling: int | None
    ready: bool | None
    what_helped: str
    next_step: str
    not_yet_count: int = 0
    """How many times "Not yet" was answered; files from before it was kept hold none."""


@record
class ImportedPlans:
    """The debriefs, goals and check-ins of a file, checked and ready to be written."""

    debriefs: tuple[ImportedDebrief, ...] = ()
    goals: tuple[ImportedGoal, ...] = ()
    checkins: tuple[ImportedCheckin, ...] = ()


def _date(stored: str | None) -> date | None:
    return None if stored is None else date.fromisoformat(stored)


def _debrief(value: object, index: int) -> ImportedDebrief:
    f = Fields(value, f"Debrief {index + 1} (debriefs[{index}])")
    content = DebriefContent(
        company=f.text("company", ""),
        role=f.text("role", ""),
        role_kind=f.text("role_kind", ""),
        applied_on=_date(f.optional_day("applied_on")),
        stage=f.choice("stage", Stage),
        interview_rounds=f.number("interview_rounds", ROUNDS_RANGE),
        news_on=_date(f.optional_day("news_on")),
        news_via=f.choice("news_via", NewsVia),
        feedback_asked=f.flag("feedback_asked"),
        feedback_received=f.text("feedback_received", ""),
        preparedness=f.number("preparedness", SCALE_RANGE),
        went_well=f.text("went_well", ""),
        do_differently=f.texts("do_differently"),
        resume_targeted=f.flag("resume_targeted"),
        strengths=f.text("strengths", ""),
        wanted=f.number("wanted", SCALE_RANGE),
        keep_looking=f.choice("keep_looking", KeepLooking),
        traps=f.texts("traps"),
        reframe=f.text("reframe", ""),
        lessons=f.text("lessons", ""),
        notes=f.text("notes", ""),
        mourning_days=f.number("mourning_days", MOURNING_DAYS_RANGE),
    )
    try:
        check_content(content)
    except DebriefValidationError as exc:
        raise refuse(f.where, str(exc).rstrip(".")) from None
    entries = f.uuids("entries")
    status = f.choice("status", DebriefStatus) or DebriefStatus.SAVED
    return ImportedDebrief(
        uuid=f.uuid("uuid"),
        status=status.value,
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at") if "updated_at" in f.value else f.moment("created_at"),
        deleted_at=f.optional_moment("deleted_at"),
        values=content_values(content),
        entries=entries,
    )


def _goal(value: object, index: int) -> ImportedGoal:
    f = Fields(value, f"Goal {index + 1} (goals[{index}])")
    title = f.text("title")
    if not title.strip():
        raise f.error("title", "must hold a few words")
    category = f.choice("category", GoalCategory)
    lane = f.choice("lane", Lane) or Lane.NEXT
    source_line = f.get("source_line", None)
    return ImportedGoal(
        uuid=f.uuid("uuid"),
        title=title,
        category=category.value if category else None,
        due_on=f.optional_day("due_on"),
        outcome=f.text("outcome", ""),
        lane=lane.value,
        position=f.real("position"),
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at") if "updated_at" in f.value else f.moment("created_at"),
        done_at=f.optional_moment("done_at"),
        deleted_at=f.optional_moment("deleted_at"),
        source_debrief=f.optional_uuid("source_debrief"),
        source_line=None if source_line is None else f.text("source_line"),
    )


def _checkin(value: object, index: int) -> ImportedCheckin:
    f = Fields(value, f"Check-in {index + 1} (checkins[{index}])")
    times: list[str | None] = [f.moment("due_at"), f.moment("created_at"), f.moment("updated_at")]
    times += [f.optional_moment(name) for name in CHECKIN_TIMES[3:]]
    return ImportedCheckin(
        uuid=f.uuid("uuid"),
        debrief=f.uuid("debrief"),
        times=tuple(times),
        feeling=f.number("feeling", SCALE_RANGE),
        ready=f.flag("ready"),
        what_helped=f.text("what_helped", ""),
        next_step=f.text("next_step", ""),
        not_yet_count=f.number("not_yet_count", NOT_YET_RANGE) or 0,
    )


def _unique(records: tuple[Any, ...], kind: str, section: str, key: str = "uuid") -> set[str]:
    seen: dict[str, int] = {}
    for index, item in enumerate(records):
        value = getattr(item, key)
        if value in seen:
            raise refuse(
                f"{kind} {index + 1} ({section}[{index}])",
                f"has the same {key} as {kind.lower()} {seen[value] + 1}",
            )
        seen[value] = index
    return set(seen)


def parse_plans(top: Fields, entry_uuids: set[str]) -> ImportedPlans:
    """Check the debriefs, goals and check-ins of a file, references included."""
    debriefs = tuple(_debrief(item, n) for n, item in enumerate(top.items("debriefs")))
    goals = tuple(_goal(item, n) for n, item in enumerate(top.items("goals")))
    checkins = tuple(_checkin(item, n) for n, item in enumerate(top.items("checkins")))
    debrief_uuids = _unique(debriefs, "Debrief", "debriefs")
    _unique(goals, "Goal", "goals")
    _unique(checkins, "Check-in", "checkins")
    _unique(checkins, "Check-in", "checkins", key="debrief")
    for index, debrief in enumerate(debriefs):
        for entry_uuid in debrief.entries:
            if entry_uuid not in entry_uuids:
                raise refuse(
                    f'Debrief {index + 1} (debriefs[{index}]), field "entries",',
                    f"names entry {entry_uuid!r}, which is not in the file",
                )
    for records, kind, section, key in (
        (goals, "Goal", "goals", "source_debrief"),
        (checkins, "Check-in", "checkins", "debrief"),
    ):
        for index, item in enumerate(records):
            target = getattr(item, key)
            if target is not None and target not in debrief_uuids:
                raise refuse(
                    f'{kind} {index + 1} ({section}[{index}]), field "{key}",',
                    f"names debrief {target!r}, which is not in the file",
                )
    return ImportedPlans(debriefs, goals, checkins)


_DEBRIEF_FIELDS = (
    Debrief.uuid,
    Debrief.status,
    Debrief.created_at,
    Debrief.updated_at,
    Debrief.deleted_at,
    *CONTENT_FIELDS,
)
_GOAL_FIELDS = (
    Goal.uuid,
    Goal.title,
    Goal.category,
    Goal.due_on,
    Goal.outcome,
    Goal.lane,
    Goal.position,
    Goal.created_at,
    Goal.updated_at,
    Goal.done_at,
    Goal.deleted_at,
    Goal.source_debrief,
    Goal.source_line,
)
_CHECKIN_FIELDS = (
    Checkin.uuid,
    Checkin.debrief,
    *(getattr(Checkin, name) for name in CHECKIN_TIMES),
    Checkin.feeling,
    Checkin.ready,
    Checkin.what_helped,
    Checkin.next_step,
    Checkin.not_yet_count,
)


def _insert_debriefs(db: SqliteDatabase, debriefs: tuple[ImportedDebrief, ...]) -> dict[str, int]:
    """Add the new debriefs and every link; return the ids of all debriefs by uuid."""
    ids = ids_by_uuid(db, Debrief)
    for d in debriefs:
        if d.uuid not in ids:
            times = (d.created_at, d.updated_at, d.deleted_at)
            row = (d.uuid, d.status, *times, *d.values)
            ids[d.uuid] = Debrief.insert(dict(zip(_DEBRIEF_FIELDS, row, strict=True))).execute(db)
    entry_ids = ids_by_uuid(db, Entry) if any(d.entries for d in debriefs) else {}
    links = [(ids[d.uuid], entry_ids[e]) for d in debriefs for e in d.entries]
    fields = (DebriefEntry.debrief, DebriefEntry.entry)
    insert_rows(db, DebriefEntry, fields, links, ignore_existing=True)
    return ids


def _insert_goals(
    db: SqliteDatabase, goals: tuple[ImportedGoal, ...], debriefs: dict[str, int]
) -> int:
    taken = set(ids_by_uuid(db, Goal))
    rows = [
        (
            g.uuid,
            g.title,
            g.category,
            g.due_on,
            g.outcome,
            g.lane,
            g.position,
            g.created_at,
            g.updated_at,
            g.done_at,
            g.deleted_at,
            debriefs[g.source_debrief] if g.source_debrief else None,
            g.source_line,
        )
        for g in goals
        if g.uuid not in taken
    ]
    insert_rows(db, Goal, _GOAL_FIELDS, rows)
    return len(rows)


def _insert_checkins(
    db: SqliteDatabase, checkins: tuple[ImportedCheckin, ...], debriefs: dict[str, int]
) -> int:
    """Add the new check-ins of debriefs that have none yet (a debrief plans one)."""
    held = Checkin.select(Checkin.uuid, Checkin.debrief).tuples().execute(db)
    taken = set(ids_by_uuid(db, Checkin))
    planned = {debrief_id for _uuid, debrief_id in held}
    rows = [
        (
            c.uuid,
            debriefs[c.debrief],
            *c.times,
            c.feeling,
            None if c.ready is None else int(c.ready),
            c.what_helped,
            c.next_step,
            c.not_yet_count,
        )
        for c in checkins
        if c.uuid not in taken and debriefs[c.debrief] not in planned
    ]
    insert_rows(db, Checkin, _CHECKIN_FIELDS, rows)
    return len(rows)


def insert_plans(db: SqliteDatabase, plans: ImportedPlans) -> tuple[int, int, int]:
    """Add what the profile does not hold yet; the caller holds the transaction.

    Returns how many debriefs, goals and check-ins were added. Links of debriefs
    the profile already holds are merged too.
    """
    held = Debrief.select().count(db)
    debriefs = _insert_debriefs(db, plans.debriefs)
    goals = _insert_goals(db, plans.goals, debriefs)
    checkins = _insert_checkins(db, plans.checkins, debriefs)
    return len(set(debriefs.values())) - held, goals, checkins
