"""Diary entries in an export and back: every entry with its revisions, checked, then merged.

An entry keeps its uuid, its times and its place in the trash through a round trip;
a tag already in the diary's stored form is kept exactly (see fields).

The export reads the rows of its queries straight from the cursor (``db.execute``):
they are already the stored text the file holds, and peewee's per-value converters
would double the export's time on a large diary (measured on 5,000 entries).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from peewee import SqliteDatabase

from regroup.core.diary.tags import entry_tags
from regroup.core.diary.types import split_tags
from regroup.core.exchange.fields import Fields, exported_time
from regroup.core.exchange.rows import ids_by_uuid, insert_rows
from regroup.core.record import record
from regroup.core.storage.models import Entry, EntryRevision, EntryTag, Tag


@record
class ImportedRevision:
    """An earlier state of an imported entry, with every value in its stored form."""

    saved_at: str
    entry_date: str
    title: str
    body: str
    mood: int | None
    tags_text: str


@record
class ImportedEntry:
    """An entry from an export file, checked, with every value in its stored form."""

    uuid: str
    entry_date: str
    created_at: str
    updated_at: str | None
    deleted_at: str | None
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...]
    revisions: tuple[ImportedRevision, ...]


def _exported_revisions(db: SqliteDatabase) -> dict[int, list[dict[str, Any]]]:
    """Return every revision by entry id, oldest first, so an import keeps their order."""
    grouped: dict[int, list[dict[str, Any]]] = {}
    r = EntryRevision
    rows = r.select(r.entry, r.saved_at, r.entry_date, r.title, r.body, r.mood, r.tags_text)
    for entry_id, saved_at, day, title, body, mood, tags in db.execute(
        rows.order_by(r.entry, r.id)
    ):
        grouped.setdefault(entry_id, []).append(
            {
                "saved_at": exported_time(saved_at),
                "entry_date": day,
                "title": title,
                "body": body,
                "mood": mood,
                "tags": list(split_tags(tags)),
            }
        )
    return grouped


def export_entries(db: SqliteDatabase) -> list[dict[str, Any]]:
    """Return every entry, trashed ones included, in the order they were first saved."""
    revisions = _exported_revisions(db)
    e = Entry
    query = e.select(
        e.id, e.uuid, e.entry_date, e.created_at, e.updated_at, e.deleted_at, e.title, e.body
    )
    rows = db.execute(query.select_extend(e.mood, e.tags_text).order_by(e.id))
    return [
        {
            "uuid": entry_uuid,
            "entry_date": day,
            "created_at": exported_time(created),
            "updated_at": exported_time(updated),
            "deleted_at": exported_time(deleted),
            "title": title,
            "body": body,
            "mood": mood,
            "tags": list(split_tags(tags)),
            "revisions": revisions.get(entry_id, []),
        }
        for entry_id, entry_uuid, day, created, updated, deleted, title, body, mood, tags in rows
    ]


def _revision(value: object, where: str) -> ImportedRevision:
    fields = Fields(value, where)
    return ImportedRevision(
        saved_at=fields.moment("saved_at"),
        entry_date=fields.day("entry_date"),
        title=fields.text("title", ""),
        body=fields.text("body", ""),
        mood=fields.mood("mood"),
        tags_text=" ".join(fields.tags("tags")),
    )


def parse_entry(value: object, index: int) -> ImportedEntry:
    fields = Fields(value, f"Entry {index + 1} (entries[{index}])")
    entry = ImportedEntry(
        uuid=fields.uuid("uuid"),
        entry_date=fields.day("entry_date"),
        created_at=fields.moment("created_at"),
        updated_at=fields.optional_moment("updated_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        title=fields.text("title", ""),
        body=(body := fields.text("body")),
        mood=fields.mood("mood"),
        tags=tuple(entry_tags(fields.tags("tags"), body)),  # #words are tags, as in the window
        revisions=(),
    )
    revisions = tuple(
        _revision(item, f"{fields.where}, revision {number + 1} (revisions[{number}])")
        for number, item in enumerate(fields.items("revisions"))
    )
    return replace(entry, revisions=revisions)


_ENTRY_FIELDS = (
    Entry.uuid,
    Entry.entry_date,
    Entry.created_at,
    Entry.updated_at,
    Entry.deleted_at,
    Entry.title,
    Entry.body,
    Entry.mood,
    Entry.tags_text,
)
_REVISION_FIELDS = (
    EntryRevision.entry,
    EntryRevision.saved_at,
    EntryRevision.entry_date,
    EntryRevision.title,
    EntryRevision.body,
    EntryRevision.mood,
    EntryRevision.tags_text,
)


def _tag_ids(db: SqliteDatabase, names: set[str]) -> dict[str, int]:
    """Return the id of each tag, adding the missing ones; names match as the column's NOCASE."""
    ids = {}
    for name in names:
        Tag.insert(name=name).on_conflict_ignore().execute(db)
        ids[name] = Tag.select(Tag.id).where(Tag.name == name).scalar(db)
    return ids


def insert_entries(db: SqliteDatabase, entries: list[ImportedEntry]) -> None:
    """Add new entries with their tags and revisions; the caller holds the transaction."""
    if not entries:
        return
    rows = [
        (
            e.uuid,
            e.entry_date,
            e.created_at,
            e.updated_at,
            e.deleted_at,
            e.title,
            e.body,
            e.mood,
            " ".join(e.tags),
        )
        for e in entries
    ]
    insert_rows(db, Entry, _ENTRY_FIELDS, rows)
    ids = ids_by_uuid(db, Entry)
    tags = _tag_ids(db, {tag for e in entries for tag in e.tags})
    links = [(ids[e.uuid], tags[tag]) for e in entries for tag in e.tags]
    insert_rows(db, EntryTag, (EntryTag.entry, EntryTag.tag), links)
    revisions = [
        (ids[e.uuid], r.saved_at, r.entry_date, r.title, r.body, r.mood, r.tags_text)
        for e in entries
        for r in e.revisions
    ]
    insert_rows(db, EntryRevision, _REVISION_FIELDS, revisions)
