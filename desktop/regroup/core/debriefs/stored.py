"""How a debrief's content is stored: its columns, and their values both ways.

The debrief service writes and reads through these; the exchange, which moves whole
tables, uses them too (through ``debriefs.service``).
"""

from __future__ import annotations

import json

from peewee import Field

from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.storage.columns import from_db_date
from regroup.core.storage.models import Debrief

CONTENT_FIELDS: tuple[Field, ...] = (
    Debrief.company,
    Debrief.role,
    Debrief.role_kind,
    Debrief.applied_on,
    Debrief.stage,
    Debrief.interview_rounds,
    Debrief.news_on,
    Debrief.news_via,
    Debrief.feedback_asked,
    Debrief.feedback_received,
    Debrief.preparedness,
    Debrief.went_well,
    Debrief.do_differently,
    Debrief.resume_targeted,
    Debrief.strengths,
    Debrief.wanted,
    Debrief.keep_looking,
    Debrief.traps,
    Debrief.reframe,
    Debrief.lessons,
    Debrief.notes,
    Debrief.mourning_days,
)
CONTENT_COLUMNS = ", ".join(field.column_name for field in CONTENT_FIELDS)
RECORD_FIELDS = (
    Debrief.id,
    Debrief.uuid,
    Debrief.status,
    Debrief.created_at,
    Debrief.updated_at,
    Debrief.deleted_at,
    *CONTENT_FIELDS,
)


def content_fields(content: DebriefContent) -> dict[Field, object]:
    """Return the values of :data:`CONTENT_FIELDS` for a Peewee insert or update."""
    c = content
    values = (
        c.company,
        c.role,
        c.role_kind,
        c.applied_on,
        c.stage.value if c.stage else None,
        c.interview_rounds,
        c.news_on,
        c.news_via.value if c.news_via else None,
        c.feedback_asked,
        c.feedback_received,
        c.preparedness,
        c.went_well,
        json.dumps(list(c.do_differently), ensure_ascii=False),
        c.resume_targeted,
        c.strengths,
        c.wanted,
        c.keep_looking.value if c.keep_looking else None,
        json.dumps(list(c.traps), ensure_ascii=False),
        c.reframe,
        c.lessons,
        c.notes,
        c.mourning_days,
    )
    return dict(zip(CONTENT_FIELDS, values, strict=True))


def content_values(content: DebriefContent) -> tuple[object, ...]:
    """Return the stored values of :data:`CONTENT_COLUMNS`, in order, for SQL of its own."""
    return tuple(field.db_value(value) for field, value in content_fields(content).items())


def content_from_row(row: tuple) -> DebriefContent:  # type: ignore[type-arg]
    """Build content from the stored values of :data:`CONTENT_COLUMNS`, in order."""
    (company, role, role_kind, applied, stage, rounds, news, via, asked, received, prepared,
     well, differently, targeted, strengths, wanted, keep, traps, reframe, lessons, notes,
     days) = row  # fmt: skip
    return DebriefContent(
        company=company,
        role=role,
        role_kind=role_kind,
        applied_on=from_db_date(applied) if applied else None,
        stage=Stage(stage) if stage else None,
        interview_rounds=rounds,
        news_on=from_db_date(news) if news else None,
        news_via=NewsVia(via) if via else None,
        feedback_asked=None if asked is None else bool(asked),
        feedback_received=received,
        preparedness=prepared,
        went_well=well,
        do_differently=tuple(json.loads(differently)),
        resume_targeted=None if targeted is None else bool(targeted),
        strengths=strengths,
        wanted=wanted,
        keep_looking=KeepLooking(keep) if keep else None,
        traps=tuple(json.loads(traps)),
        reframe=reframe,
        lessons=lessons,
        notes=notes,
        mourning_days=days,
    )
