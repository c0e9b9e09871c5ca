"""The waiting list in an export: every application as JSON, a short section in Markdown.

The list sits beside the other kinds under its own key, "waiting", inside export
version 2: a Regroup that does not know it reports the list as ignored rather
than dropping it silently. Applications are merged by uuid, like everything else.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase

from regroup.core.debriefs.types import STAGE_LABELS, Stage
from regroup.core.exchange.fields import Fields, exported_time, refuse
from regroup.core.exchange.markdown_export import inline
from regroup.core.exchange.rows import ids_by_uuid, insert_rows
from regroup.core.record import record
from regroup.core.storage.models import Waiting
from regroup.core.waiting.service import FIELDS

SECTION = "waiting"
_FIELDS = FIELDS[1:]
"""Every stored column but the local id, in the order of ``ImportedWaiting.values``."""


@record
class ImportedWaiting:
    """An application from an export file, checked; ``values`` follow the stored columns."""

    uuid: str
    values: tuple[object, ...]


def export_waiting(db: SqliteDatabase) -> list[dict[str, Any]]:
    """Return every waiting application, oldest first."""
    query = Waiting.select(*_FIELDS).order_by(Waiting.id)
    return [
        {
            "uuid": row[0],
            "company": row[1],
            "role": row[2],
            "applied_on": row[3],
            "stage": row[4],
            "note": row[5],
            "quiet_since": row[6],
            "created_at": exported_time(row[7]),
            "updated_at": exported_time(row[8]),
            "offered_at": exported_time(row[9]),
        }
        for row in db.execute(query)
    ]


def _waiting(value: object, index: int) -> ImportedWaiting:
    f = Fields(value, f"Application {index + 1} ({SECTION}[{index}])")
    uuid = f.uuid("uuid")
    applied = f.day("applied_on")
    return ImportedWaiting(
        uuid,
        (
            uuid,
            f.text("company", ""),
            f.text("role", ""),
            applied,
            (f.choice("stage", Stage) or Stage.APPLIED).value,
            f.text("note", ""),
            f.optional_day("quiet_since") or applied,
            f.moment("created_at"),
            f.moment("updated_at"),
            f.optional_moment("offered_at"),
        ),
    )


def parse_waiting(top: Fields) -> tuple[ImportedWaiting, ...]:
    """Check the file's waiting list; two applications with one uuid refuse the file."""
    items = tuple(_waiting(item, n) for n, item in enumerate(top.items(SECTION)))
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.uuid in seen:
            raise refuse(
                f"Application {index + 1} ({SECTION}[{index}])",
                f"has the same uuid as application {seen[item.uuid] + 1}",
            )
        seen[item.uuid] = index
    return items


def insert_waiting(db: SqliteDatabase, items: tuple[ImportedWaiting, ...]) -> int:
    """Add the applications the profile does not hold yet; the caller holds the transaction."""
    held = set(ids_by_uuid(db, Waiting))
    rows = [item.values for item in items if item.uuid not in held]
    insert_rows(db, Waiting, _FIELDS, rows)
    return len(rows)


def markdown_waiting(db: SqliteDatabase) -> str:
    """Return a "Waiting to hear back" section, or nothing when the list is empty."""
    rows = list(db.execute(Waiting.select(*_FIELDS[:6]).order_by(Waiting.applied_on, Waiting.id)))
    if not rows:
        return ""
    lines = ["# Waiting to hear back", ""]
    for _uuid, company, role, applied, stage, note in rows:
        name = " — ".join(inline(t) for t in (company, role) if t.strip())
        lines.append(f"- **{name}**: applied {applied}, {STAGE_LABELS[Stage(stage)].lower()}")
        if note.strip():
            lines.append(f"  {inline(note)}")
    return "\n" + "\n".join(lines) + "\n"
