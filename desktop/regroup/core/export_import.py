"""Exporting the diary as JSON (to restore or move it) or Markdown (to read it), and importing JSON.

A JSON export keeps everything needed to rebuild each entry exactly: its uuid, its
times, whether it is in the trash, and its revisions. Each kind of record has its
own top-level list ("entries" today), so later kinds can be added beside it; a
reader refuses a newer ``version`` and reports lists it does not know rather than
dropping them silently.

An import checks the whole file before it writes anything, then inserts everything
in one transaction. Entries whose uuid the profile already holds are skipped, so
importing the same file twice never duplicates an entry.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from regroup import __version__
from regroup.core.clock import Clock, SystemClock
from regroup.core.diary import writing
from regroup.core.diary_types import (
    MOOD_LABELS,
    MOOD_RANGE,
    EntryValidationError,
    check_text,
    from_db_time,
    normalise_tag,
    split_tags,
    to_db_date,
    to_db_time,
)
from regroup.core.errors import ImportFileError
from regroup.core.files import atomic_write_bytes

EXPORT_FORMAT = "regroup-export"
EXPORT_VERSION = 1
KNOWN_SECTIONS = frozenset({"format", "version", "exported_at", "app_version", "entries"})
NOTHING_IMPORTED = "Nothing was imported."
_MISSING = object()


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, for the message shown afterwards."""

    entries: int
    trashed: int = 0
    revisions: int = 0


@dataclass(frozen=True)
class ImportResult:
    """What an import did; ``ignored_sections`` are lists this version cannot import."""

    added: int
    skipped_existing: int
    revisions_added: int
    ignored_sections: tuple[str, ...] = ()


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


def _iso_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _exported_time(stored: str | None) -> str | None:
    return _iso_time(from_db_time(stored)) if stored else None


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
                "saved_at": _exported_time(saved_at),
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
            "created_at": _exported_time(created),
            "updated_at": _exported_time(updated),
            "deleted_at": _exported_time(deleted),
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
        "exported_at": _iso_time((clock or SystemClock()).now()),
        "app_version": __version__,
        "entries": export_entries(db),
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
        "Entries in the trash are not included. This file is not encrypted, and it cannot\n"
        "be imported back; use the JSON export for a copy that can be restored.\n\n"
    )
    return header + "".join(_markdown_section(*row) for row in rows), len(rows)


def write_markdown_export(
    db: SqliteDatabase, path: Path, clock: Clock | None = None
) -> ExportResult:
    """Write the Markdown export to ``path`` in one step; say how many entries it holds."""
    text, count = markdown_export(db, clock)
    atomic_write_bytes(path, text.encode("utf-8"))
    return ExportResult(entries=count)


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        text = json.dumps(shown, ensure_ascii=False)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return "an object"
    return "a list" if isinstance(value, list) else type(value).__name__


def _refuse(where: str, problem: str) -> ImportFileError:
    return ImportFileError(f"{where} {problem}. {NOTHING_IMPORTED}")


def _stored_time(text: str) -> str | None:
    """Return the stored form of an ISO 8601 instant (no zone means UTC), or None."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        stored = to_db_time(moment)
        return stored if from_db_time(stored) == moment else None
    except (ValueError, OverflowError):
        return None


def _is_stored_tag(tag: str) -> bool:
    return tag.split() == [tag] and unicodedata.is_normalized("NFC", tag)


def _stored_tags(raw_tags: Sequence[str]) -> tuple[str, ...]:
    """Return tags as the diary keeps them; a tag already in that form is kept exactly.

    Re-normalising an exported tag could change it (a stored tag may start with '#'),
    and a restore must give back exactly what was saved.
    """
    tags: list[str] = []
    seen: set[str] = set()
    for raw in raw_tags:
        tag = raw if _is_stored_tag(raw) else normalise_tag(raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


class _Fields:
    """One JSON object of the file, read field by field; every error says where it was."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            raise _refuse(where, f"must be an object, not {_describe(value)}")
        self.value: dict[str, Any] = value
        self.where = where

    def error(self, name: str, problem: str) -> ImportFileError:
        return _refuse(f'{self.where}, field "{name}",', problem)

    def get(self, name: str, default: object = _MISSING) -> Any:
        if name in self.value:
            return self.value[name]
        if default is _MISSING:
            raise self.error(name, "is missing")
        return default

    def text(self, name: str, default: object = _MISSING) -> str:
        value = self.get(name, default)
        if not isinstance(value, str):
            raise self.error(name, f"must be text, not {_describe(value)}")
        try:
            check_text(name, value)
        except EntryValidationError as exc:
            cause = exc.__cause__
            where = f" at position {cause.start}" if isinstance(cause, UnicodeEncodeError) else ""
            raise self.error(
                name, f"holds a broken character{where} that cannot be stored"
            ) from exc
        return value

    def uuid(self, name: str) -> str:
        value = self.text(name)
        try:
            uuid.UUID(value)
        except ValueError:
            raise self.error(name, f"must be a UUID, not {_describe(value)}") from None
        return value

    def mood(self, name: str) -> int | None:
        value = self.get(name, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in MOOD_RANGE:
            raise self.error(
                name, f"must be a whole number from 1 to 5 or null, not {_describe(value)}"
            )
        return value

    def day(self, name: str) -> str:
        value = self.get(name)
        if isinstance(value, str):
            try:
                return to_db_date(date.fromisoformat(value))
            except ValueError:
                pass
        raise self.error(name, f"must be a date such as 2024-05-01, not {_describe(value)}")

    def moment(self, name: str) -> str:
        value = self.get(name)
        stored = _stored_time(value) if isinstance(value, str) else None
        if stored is None:
            raise self.error(
                name, f"must be a time such as 2024-05-01T09:30:00Z, not {_describe(value)}"
            )
        return stored

    def optional_moment(self, name: str) -> str | None:
        return None if self.get(name, None) is None else self.moment(name)

    def tags(self, name: str) -> tuple[str, ...]:
        value = self.get(name, [])
        if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
            raise self.error(name, f"must be a list of texts, not {_describe(value)}")
        for tag in value:
            try:
                check_text(name, tag)
            except EntryValidationError:
                raise self.error(name, "holds a tag with a broken character") from None
        return _stored_tags(value)

    def items(self, name: str) -> list[Any]:
        value = self.get(name, [])
        if not isinstance(value, list):
            raise self.error(name, f"must be a list, not {_describe(value)}")
        return value


def _revision(value: object, where: str) -> ImportedRevision:
    fields = _Fields(value, where)
    return ImportedRevision(
        saved_at=fields.moment("saved_at"),
        entry_date=fields.day("entry_date"),
        title=fields.text("title", ""),
        body=fields.text("body", ""),
        mood=fields.mood("mood"),
        tags_text=" ".join(fields.tags("tags")),
    )


def _entry(value: object, index: int) -> ImportedEntry:
    fields = _Fields(value, f"Entry {index + 1} (entries[{index}])")
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
        raise _refuse('The file\'s "version"', f"must be a whole number, not {_describe(version)}")
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
        _entry(item, index) for index, item in enumerate(_Fields(top, "The file").items("entries"))
    )
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.uuid in seen:
            raise _refuse(
                f"Entry {index + 1} (entries[{index}])",
                f"has the same uuid as entry {seen[entry.uuid] + 1}",
            )
        seen[entry.uuid] = index
    ignored = tuple(
        sorted(
            key
            for key, value in top.items()
            if key not in KNOWN_SECTIONS and isinstance(value, list | dict) and value
        )
    )
    return ImportDocument(entries, ignored)


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


class _TagIds:
    """Tag ids by exact name, creating tags on first use (names are unique ignoring case)."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db
        self._ids: dict[str, int] = {}

    def __getitem__(self, name: str) -> int:
        if name not in self._ids:
            row = self._db.execute_sql(
                "SELECT id FROM tag WHERE name = ? COLLATE NOCASE", (name,)
            ).fetchone()
            if row is None:
                row = (
                    self._db.execute_sql("INSERT INTO tag (name) VALUES (?)", (name,)).lastrowid,
                )
            self._ids[name] = int(row[0])
        return self._ids[name]


def _insert_entry(db: SqliteDatabase, entry: ImportedEntry, tag_ids: _TagIds) -> None:
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
    """Add the document's entries that the profile does not hold yet, in one transaction."""
    added = revisions = 0
    with writing(db):
        existing = {row[0] for row in db.execute_sql("SELECT uuid FROM entry")}
        tag_ids = _TagIds(db)
        for entry in document.entries:
            if entry.uuid in existing:
                continue
            _insert_entry(db, entry, tag_ids)
            added += 1
            revisions += len(entry.revisions)
    return ImportResult(
        added=added,
        skipped_existing=len(document.entries) - added,
        revisions_added=revisions,
        ignored_sections=document.ignored_sections,
    )


def import_json(db: SqliteDatabase, path: Path) -> ImportResult:
    """Check the export file at ``path`` completely, then merge it into the profile."""
    return import_document(db, read_export(path))
