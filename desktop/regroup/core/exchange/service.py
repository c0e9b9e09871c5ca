"""Exporting the profile as JSON (to restore or move it) or Markdown (to read it); importing JSON.

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
from dataclasses import field
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from regroup import __version__
from regroup.core.clock import Clock, SystemClock
from regroup.core.errors import ImportFileError
from regroup.core.exchange.entries import ImportedEntry, export_entries, insert_entries, parse_entry
from regroup.core.exchange.export_file import write_export_file
from regroup.core.exchange.fields import NOTHING_IMPORTED, Fields, describe, iso_time, refuse
from regroup.core.exchange.markdown_export import readable_markdown
from regroup.core.exchange.plan_export import export_plans
from regroup.core.exchange.plan_import import SECTIONS, ImportedPlans, insert_plans, parse_plans
from regroup.core.exchange.readable import Readable, Scope, read_readable
from regroup.core.exchange.readable_parts import contents_text
from regroup.core.exchange.rows import ids_by_uuid
from regroup.core.exchange.source_file import long_number_problem, read_source_bytes
from regroup.core.exchange.waiting_rows import (
    ImportedWaiting,
    export_waiting,
    insert_waiting,
    markdown_waiting,
    parse_waiting,
)
from regroup.core.record import record
from regroup.core.storage.models import Entry
from regroup.core.storage.transactions import writing

EXPORT_FORMAT = "regroup-export"
EXPORT_VERSION = 2
"""1: entries. 2: debriefs (with links to entries), goals and check-ins beside them."""
KNOWN_SECTIONS = frozenset(
    {"format", "version", "exported_at", "app_version", "entries", "waiting"}
)


@record
class ExportResult:
    """What an export wrote, for the message shown afterwards."""

    entries: int
    trashed: int = 0
    revisions: int = 0
    debriefs: int = 0
    goals: int = 0
    checkins: int = 0
    waiting: int = 0

    @property
    def contents(self) -> str:
        """Say what the file holds: "4 entries, 2 debriefs, 3 goals and 1 check-in"."""
        return contents_text(self.entries, self.debriefs, self.goals, self.checkins)


@record
class ImportResult:
    """What an import did; ``ignored_sections`` are lists this version cannot import."""

    added: int
    skipped_existing: int
    revisions_added: int
    ignored_sections: tuple[str, ...] = ()
    debriefs_added: int = 0
    goals_added: int = 0
    checkins_added: int = 0
    waiting_added: int = 0


@record
class ImportDocument:
    """A whole export file that passed every check, ready to be written."""

    entries: tuple[ImportedEntry, ...]
    ignored_sections: tuple[str, ...] = ()
    plans: ImportedPlans = field(default_factory=ImportedPlans)
    waiting: tuple[ImportedWaiting, ...] = ()


def export_json(db: SqliteDatabase, clock: Clock | None = None) -> dict[str, Any]:
    """Return the whole diary as a JSON-ready document."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": iso_time((clock or SystemClock()).now()),
        "app_version": __version__,
        "entries": export_entries(db),
        **export_plans(db),
        "waiting": export_waiting(db),
    }


def write_json_export(
    db: SqliteDatabase, path: Path, clock: Clock | None = None, replace: bool = True
) -> ExportResult:
    """Write the JSON export to ``path`` in one step (never half a file); say what it holds."""
    document = export_json(db, clock)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    write_export_file(path, data, db, replace)
    entries = document["entries"]
    return ExportResult(
        entries=len(entries),
        trashed=sum(entry["deleted_at"] is not None for entry in entries),
        revisions=sum(len(entry["revisions"]) for entry in entries),
        debriefs=len(document["debriefs"]),
        goals=len(document["goals"]),
        checkins=len(document["checkins"]),
        waiting=len(document["waiting"]),
    )


def _markdown(db: SqliteDatabase, clock: Clock | None, scope: Scope | None) -> tuple[str, Readable]:
    readable = read_readable(db, scope or Scope.everything())
    text = readable_markdown(readable, (clock or SystemClock()).now())
    if readable.scope == Scope.everything():  # the list belongs to the whole profile only
        text += markdown_waiting(db)
    return text, readable


def markdown_export(
    db: SqliteDatabase, clock: Clock | None = None, scope: Scope | None = None
) -> tuple[str, int]:
    """Return ``scope`` (everything by default) as Markdown for reading, and its entry count."""
    text, readable = _markdown(db, clock, scope)
    return text, len(readable.entries)


def write_markdown_export(
    db: SqliteDatabase,
    path: Path,
    clock: Clock | None = None,
    scope: Scope | None = None,
    replace: bool = True,
) -> ExportResult:
    """Write the Markdown export to ``path`` in one step; say what it holds."""
    text, readable = _markdown(db, clock, scope)
    write_export_file(path, text.encode("utf-8"), db, replace)
    return readable_result(readable)


def readable_result(readable: Readable) -> ExportResult:
    """What a reading export (Markdown or PDF) of ``readable`` holds."""
    r = readable
    return ExportResult(
        len(r.entries), debriefs=len(r.debriefs), goals=len(r.goals), checkins=r.checkins
    )


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
        parse_entry(item, index)
        for index, item in enumerate(Fields(top, "The file").items("entries"))
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
    return ImportDocument(entries, ignored, plans, parse_waiting(Fields(top, "The file")))


def read_export(path: Path) -> ImportDocument:
    """Read and check a JSON export file without touching any profile."""
    data = read_source_bytes(path)
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
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
    except ValueError as exc:  # a number longer than Python reads (sys.set_int_max_str_digits)
        where = long_number_problem(text) or str(exc)
        problem = f"{path} is not a Regroup export: {where}."
        raise ImportFileError(f"{problem} {NOTHING_IMPORTED}") from exc
    try:
        return parse_export(document)
    except ImportFileError as exc:
        raise ImportFileError(f"{path}: {exc}") from exc


def import_document(db: SqliteDatabase, document: ImportDocument) -> ImportResult:
    """Add the document's records that the profile does not hold yet, in one transaction."""
    with writing(db):
        existing = ids_by_uuid(db, Entry)
        new = [entry for entry in document.entries if entry.uuid not in existing]
        insert_entries(db, new)
        debriefs, goals, checkins = insert_plans(db, document.plans)
        waiting = insert_waiting(db, document.waiting)
    return ImportResult(
        added=len(new),
        skipped_existing=len(document.entries) - len(new),
        revisions_added=sum(len(entry.revisions) for entry in new),
        ignored_sections=document.ignored_sections,
        debriefs_added=debriefs,
        goals_added=goals,
        checkins_added=checkins,
        waiting_added=waiting,
    )


def import_json(db: SqliteDatabase, path: Path) -> ImportResult:
    """Check the export file at ``path`` completely, then merge it into the profile."""
    return import_document(db, read_export(path))
