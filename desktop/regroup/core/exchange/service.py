"""Exporting the diary as JSON (to restore or move it) or Markdown (to read it), and importing JSON.

A JSON export keeps everything needed to rebuild each entry exactly: its uuid, its
times, whether it is in the trash, and its revisions. Each kind of record has its
own top-level list ("entries"; since version 2 also "debriefs", "goals" and
"checkins", see export_plans), so later kinds can be added beside it; a reader
refuses a newer ``version``, still reads older ones, and reports lists it does not
know rather than dropping them silently.

An import checks the whole file before it writes anything, then inserts everything
in one transaction. Records whose uuid the profile already holds are skipped, so
importing the same file twice never duplicates anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from regroup import __version__
from regroup.core.clock import Clock, SystemClock
from regroup.core.diary.tag_ids import TagIds
from regroup.core.diary.types import MOOD_LABELS, split_tags
from regroup.core.errors import ImportFileError
from regroup.core.exchange.fields import (
    NOTHING_IMPORTED,
    Fields,
    describe,
    exported_time,
    iso_time,
    refuse,
)
from regroup.core.exchange.plans import (
    SECTIONS,
    ImportedPlans,
    export_plans,
    insert_plans,
    markdown_plans,
    parse_plans,
)
from regroup.core.storage.files import atomic_write_bytes
from regroup.core.storage.transactions import writing

EXPORT_FORMAT = "regroup-export"
EXPORT_VERSION = 2
"""1: entries. 2: debriefs (with links to entries), goals and check-ins beside them."""
KNOWN_SECTIONS = frozenset({"format", "version", "exported_at", "app_version", "entries"})


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, for the message shown afterwards."""

    entries: int
    trashed: int = 0
    revisions: int = 0
    debriefs: int = 0
    goals: int = 0
    checkins: int = 0


@dataclass(frozen=True)
class ImportResult:
    """What an import did; ``ignored_sections`` are lists this version cannot import."""

    added: int
    skipped_existing: int
    revisions_added: int
    ignored_sections: tuple[str, ...] = ()
    debriefs_added: int = 0
    goals_added: int = 0
    checkins_added: int = 0


@dataclass(frozen=True)
class ImportedRevision:
    """An earlier state of an imported entry, with every value in its stored form."""

    saved_at: str
    entry_date: str
    title: str
    body: str
    mood: int | None
    tags_text: str


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class ImportDocument:
    """A whole export file that passed every check, ready to be written."""

    entries: tuple[ImportedEntry, ...]
    ignored_sections: tuple[str, ...] = ()
    plans: ImportedPlans = field(default_factory=ImportedPlans)


def _exported_revisions(db: SqliteDatabase) -> dict[int, list[dict[str, Any]]]:
    """Return every revision by entry id, oldest first, so an import keeps their order."""
    grouped: dict[int, list[dict[str, Any]]] = {}
    rows = db.execute_sql(
        "SELECT entry_id, saved_at, entry_date, title, body, mood, tags_text "
        "FROM entry_revision ORDER BY entry_id, id"
    )
    for entry_id, saved_at, day, title, body, mood, tags in rows:
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
    rows = db.execute_sql(
        "SELECT id, uuid, entry_date, created_at, updated_at, deleted_at, title, body, mood, "
        "tags_text FROM entry ORDER BY id"
    )
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


def export_json(db: SqliteDatabase, clock: Clock | None = None) -> dict[str, Any]:
    """Return the whole diary as a JSON-ready document."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": iso_time((clock or SystemClock()).now()),
        "app_version": __version__,
        "entries": export_entries(db),
        **export_plans(db),
    }


def write_json_export(db: SqliteDatabase, path: Path, clock: Clock | None = None) -> ExportResult:
    """Write the JSON export to ``path`` in one step (never half a file); say what it holds."""
    document = export_json(db, clock)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    atomic_write_bytes(path, data)
    entries = document["entries"]
    return ExportResult(
        entries=len(entries),
        trashed=sum(entry["deleted_at"] is not None for entry in entries),
        revisions=sum(len(entry["revisions"]) for entry in entries),
        debriefs=len(document["debriefs"]),
        goals=len(document["goals"]),
        checkins=len(document["checkins"]),
    )


def _markdown_section(day: str, title: str, body: str, mood: int | None, tags: str) -> str:
    heading = f"## {day}"
    if title.strip():
        heading += " — " + " ".join(title.split())
    details = " ".join(f"#{tag}" for tag in split_tags(tags))
    if mood is not None:
        details = f"Mood: {mood}/5 ({MOOD_LABELS[mood]})" + (f" · {details}" if details else "")
    parts = [heading, details, body.rstrip("\n")]
    return "\n\n".join(part for part in parts if part) + "\n\n"


def markdown_export(db: SqliteDatabase, clock: Clock | None = None) -> tuple[str, int]:
    """Return the diary as Markdown for reading, newest first, and how many entries it holds."""
    rows = db.execute_sql(
        "SELECT entry_date, title, body, mood, tags_text FROM entry WHERE deleted_at IS NULL "
        "ORDER BY entry_date DESC, id DESC"
    ).fetchall()
    stamp = (clock or SystemClock()).now().astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        "# Regroup diary\n\n"
        f"Exported from Regroup {__version__} on {stamp}: {len(rows)} entries, newest first.\n"
        "Debriefs and goals follow the entries.\n"
        "Entries in the trash are not included. This file is not encrypted, and it cannot\n"
        "be imported back; use the JSON export for a copy that can be restored.\n\n"
    )
    text = header + "".join(_markdown_section(*row) for row in rows) + markdown_plans(db)
    return text, len(rows)


def write_markdown_export(
    db: SqliteDatabase, path: Path, clock: Clock | None = None
) -> ExportResult:
    """Write the Markdown export to ``path`` in one step; say how many entries it holds."""
    text, count = markdown_export(db, clock)
    atomic_write_bytes(path, text.encode("utf-8"))
    return ExportResult(entries=count)


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


def _entry(value: object, index: int) -> ImportedEntry:
    fields = Fields(value, f"Entry {index + 1} (entries[{index}])")
    entry = ImportedEntry(
        uuid=fields.uuid("uuid"),
        entry_date=fields.day("entry_date"),
        created_at=fields.moment("created_at"),
        updated_at=fields.optional_moment("updated_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        title=fields.text("title", ""),
        body=fields.text("body"),
        mood=fields.mood("mood"),
        tags=fields.tags("tags"),
        revisions=(),
    )
    revisions = tuple(
        _revision(item, f"{fields.where}, revision {number + 1} (revisions[{number}])")
        for number, item in enumerate(fields.items("revisions"))
    )
    return replace(entry, revisions=revisions)


def _check_header(document: object) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFileError(
            f'The file is not a Regroup export (it has no "format": "{EXPORT_FORMAT}"). '
            + NOTHING_IMPORTED
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise refuse('The file\'s "version"', f"must be a whole number, not {describe(version)}")
    if version > EXPORT_VERSION:
        raise ImportFileError(
            f"The file was made by a newer Regroup (export version {version}; this version "
            f"reads up to {EXPORT_VERSION}). Install the newer version to import it. "
            + NOTHING_IMPORTED
        )
    return document


def parse_export(document: object) -> ImportDocument:
    """Check a decoded export completely and return it in stored form, or raise ImportFileError."""
    top = _check_header(document)
    entries = tuple(
        _entry(item, index) for index, item in enumerate(Fields(top, "The file").items("entries"))
    )
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.uuid in seen:
            raise refuse(
                f"Entry {index + 1} (entries[{index}])",
                f"has the same uuid as entry {seen[entry.uuid] + 1}",
            )
        seen[entry.uuid] = index
    known = KNOWN_SECTIONS
    plans = ImportedPlans()
    if top["version"] >= 2:
        known = known | set(SECTIONS)
        plans = parse_plans(Fields(top, "The file"), set(seen))
    ignored = tuple(
        sorted(
            key
            for key, value in top.items()
            if key not in known and isinstance(value, list | dict) and value
        )
    )
    return ImportDocument(entries, ignored, plans)


def read_export(path: Path) -> ImportDocument:
    """Read and check a JSON export file without touching any profile."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Could not read {path}: {exc.strerror or exc}.") from exc
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path} is not a Regroup export: byte {exc.start} is not UTF-8 text. "
            + NOTHING_IMPORTED
        ) from exc
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path} is not a Regroup export: it is not valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg}). {NOTHING_IMPORTED}"
        ) from exc
    except RecursionError as exc:
        raise ImportFileError(
            f"{path} is nested too deeply to be an export. {NOTHING_IMPORTED}"
        ) from exc
    try:
        return parse_export(document)
    except ImportFileError as exc:
        raise ImportFileError(f"{path}: {exc}") from exc


def _insert_entry(db: SqliteDatabase, entry: ImportedEntry, tag_ids: TagIds) -> None:
    cursor = db.execute_sql(
        "INSERT INTO entry (uuid, entry_date, created_at, updated_at, deleted_at, title, body, "
        "mood, tags_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.uuid,
            entry.entry_date,
            entry.created_at,
            entry.updated_at,
            entry.deleted_at,
            entry.title,
            entry.body,
            entry.mood,
            " ".join(entry.tags),
        ),
    )
    entry_id = int(cursor.lastrowid)
    if entry.tags:
        db.cursor().executemany(
            "INSERT INTO entry_tag (entry_id, tag_id) VALUES (?, ?)",
            [(entry_id, tag_ids[tag]) for tag in entry.tags],
        )
    if entry.revisions:
        db.cursor().executemany(
            "INSERT INTO entry_revision (entry_id, saved_at, entry_date, title, body, mood, "
            "tags_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (entry_id, r.saved_at, r.entry_date, r.title, r.body, r.mood, r.tags_text)
                for r in entry.revisions
            ],
        )


def import_document(db: SqliteDatabase, document: ImportDocument) -> ImportResult:
    """Add the document's records that the profile does not hold yet, in one transaction."""
    added = revisions = 0
    with writing(db):
        existing = {row[0] for row in db.execute_sql("SELECT uuid FROM entry")}
        tag_ids = TagIds(db)
        for entry in document.entries:
            if entry.uuid in existing:
                continue
            _insert_entry(db, entry, tag_ids)
            added += 1
            revisions += len(entry.revisions)
        debriefs, goals, checkins = insert_plans(db, document.plans)
    return ImportResult(
        added=added,
        skipped_existing=len(document.entries) - added,
        revisions_added=revisions,
        ignored_sections=document.ignored_sections,
        debriefs_added=debriefs,
        goals_added=goals,
        checkins_added=checkins,
    )


def import_json(db: SqliteDatabase, path: Path) -> ImportResult:
    """Check the export file at ``path`` completely, then merge it into the profile."""
    return import_document(db, read_export(path))
