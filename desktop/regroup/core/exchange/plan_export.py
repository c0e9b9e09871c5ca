"""Debriefs, goals and check-ins written into an export: all of them for JSON, to read in Markdown.

Records refer to each other by uuid in the file (a debrief lists the uuids of its
linked entries, a goal names its source debrief, a check-in its debrief), since
local ids differ between profiles.
"""

from __future__ import annotations

from typing import Any

from peewee import Case, SqliteDatabase

from regroup.core.debriefs.service import CONTENT_COLUMNS, content_from_row
from regroup.core.debriefs.types import DebriefContent
from regroup.core.exchange.fields import exported_time
from regroup.core.storage.models import Checkin, Debrief, DebriefEntry, Entry, Goal

CONTENT_FIELDS = tuple(getattr(Debrief, name) for name in CONTENT_COLUMNS.split(", "))
"""The debrief's content, in the order of ``content_from_row`` and ``content_values``."""
CHECKIN_TIMES = (
    "due_at",
    "created_at",
    "updated_at",
    "delivered_at",
    "snoozed_until",
    "done_at",
    "missed_at",
)
"""A check-in's instants, in the order the file and ``ImportedCheckin.times`` keep them."""
_LANE_ORDER = Case(Goal.lane, (("next", 0), ("doing", 1), ("done", 2), ("archived", 3)), 4)


def _content_json(content: DebriefContent) -> dict[str, Any]:
    c = content
    return {
        "company": c.company,
        "role": c.role,
        "role_kind": c.role_kind,
        "applied_on": c.applied_on.isoformat() if c.applied_on else None,
        "stage": c.stage.value if c.stage else None,
        "interview_rounds": c.interview_rounds,
        "news_on": c.news_on.isoformat() if c.news_on else None,
        "news_via": c.news_via.value if c.news_via else None,
        "feedback_asked": c.feedback_asked,
        "feedback_received": c.feedback_received,
        "preparedness": c.preparedness,
        "went_well": c.went_well,
        "do_differently": list(c.do_differently),
        "resume_targeted": c.resume_targeted,
        "strengths": c.strengths,
        "wanted": c.wanted,
        "keep_looking": c.keep_looking.value if c.keep_looking else None,
        "traps": list(c.traps),
        "reframe": c.reframe,
        "lessons": c.lessons,
        "notes": c.notes,
        "mourning_days": c.mourning_days,
    }


def _debriefs(db: SqliteDatabase) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Return every debrief (trash included) oldest first, and their uuids by local id."""
    links: dict[int, list[str]] = {}
    linked = (
        DebriefEntry.select(DebriefEntry.debrief, Entry.uuid)
        .join(Entry)
        .order_by(DebriefEntry.debrief, Entry.id)
        .tuples()
    )
    for debrief_id, entry_uuid in linked.execute(db):
        links.setdefault(debrief_id, []).append(entry_uuid)
    uuids: dict[int, str] = {}
    debriefs = []
    rows = Debrief.select(
        Debrief.id,
        Debrief.uuid,
        Debrief.status,
        Debrief.created_at,
        Debrief.updated_at,
        Debrief.deleted_at,
        *CONTENT_FIELDS,
    ).order_by(Debrief.id)
    for (
        debrief_id,
        debrief_uuid,
        status,
        created,
        updated,
        deleted,
        *content,
    ) in rows.tuples().execute(db):
        uuids[debrief_id] = debrief_uuid
        debriefs.append(
            {
                "uuid": debrief_uuid,
                "status": status,
                "created_at": exported_time(created),
                "updated_at": exported_time(updated),
                "deleted_at": exported_time(deleted),
                **_content_json(content_from_row(tuple(content))),
                "entries": links.get(debrief_id, []),
            }
        )
    return debriefs, uuids


def _goals(db: SqliteDatabase, debrief_uuids: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "uuid": goal.uuid,
            "title": goal.title,
            "category": goal.category,
            "due_on": goal.due_on.isoformat() if goal.due_on else None,
            "outcome": goal.outcome,
            "lane": goal.lane,
            "position": goal.position,
            "created_at": exported_time(goal.created_at),
            "updated_at": exported_time(goal.updated_at),
            "done_at": exported_time(goal.done_at),
            "deleted_at": exported_time(goal.deleted_at),
            "source_debrief": debrief_uuids.get(goal.source_debrief_id),
            "source_line": goal.source_line,
        }
        for goal in Goal.select().order_by(Goal.id).execute(db)
    ]


def _checkins(db: SqliteDatabase, debrief_uuids: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "uuid": checkin.uuid,
            "debrief": debrief_uuids[checkin.debrief_id],
            **{name: exported_time(getattr(checkin, name)) for name in CHECKIN_TIMES},
            "feeling": checkin.feeling,
            "ready": None if checkin.ready is None else bool(checkin.ready),
            "what_helped": checkin.what_helped,
            "next_step": checkin.next_step,
            "not_yet_count": checkin.not_yet_count,
        }
        for checkin in Checkin.select().order_by(Checkin.id).execute(db)
    ]


def export_plans(db: SqliteDatabase) -> dict[str, list[dict[str, Any]]]:
    """Return every debrief (trash included), goal and check-in, oldest first."""
    debriefs, uuids = _debriefs(db)
    return {"debriefs": debriefs, "goals": _goals(db, uuids), "checkins": _checkins(db, uuids)}
