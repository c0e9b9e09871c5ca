"""Importing a journal: tell its kind, show what it would add, then add it in one transaction.

The window calls these from a worker thread (parsing 36,500 entries takes a while);
peewee gives each thread its own SQLCipher connection, which :func:`own_connection`
closes when the worker is done. Nothing here knows about Qt: progress is a callback.
"""

from __future__ import annotations

import re
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from regroup.core.backups import backup_before
from regroup.core.errors import ImportFileError
from regroup.core.exchange.entries import ImportedEntry
from regroup.core.exchange.importers.dayone import read_dayone
from regroup.core.exchange.importers.jrnl import read_jrnl
from regroup.core.exchange.importers.markdown import SUFFIXES, read_markdown
from regroup.core.exchange.importers.plan import (
    FORMAT_NAMES,
    ImportFormat,
    ImportPlan,
    Progress,
    Skipped,
)
from regroup.core.exchange.importers.writer import write_entries
from regroup.core.exchange.rows import ids_by_uuid
from regroup.core.exchange.service import EXPORT_FORMAT, import_document, read_export
from regroup.core.exchange.source_file import check_source, read_source_bytes
from regroup.core.record import record
from regroup.core.storage.models import Entry
from regroup.core.storage.transactions import writing

__all__ = [
    "FORMAT_NAMES",
    "ImportFormat",
    "ImportOutcome",
    "ImportPlan",
    "ImportPreview",
    "Skipped",
    "detect_format",
    "import_source",
    "own_connection",
    "preview",
    "read_source",
    "write_plan",
]

SAMPLE = 5
_JRNL_HEADER = re.compile(r"\[[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[^\]]*\] ")


@record
class ImportPreview:
    """What an import would do, shown before anything is written."""

    plan: ImportPlan
    new: int
    already_there: int
    first: tuple[tuple[str, str], ...]
    """The first few new entries by date: (day, title or the start of the text)."""
    debriefs: int = 0
    goals: int = 0
    checkins: int = 0


@record
class ImportOutcome:
    """What an import did, for the kind words shown afterwards."""

    format: ImportFormat
    added: int
    already_there: int
    skipped: tuple[Skipped, ...] = ()
    media_skipped: int = 0
    debriefs_added: int = 0
    goals_added: int = 0
    checkins_added: int = 0
    revisions_added: int = 0


def _head(path: Path) -> str:
    """The first 64 KiB of a file, enough to tell its kind."""
    return read_source_bytes(path, 65_536).decode("utf-8-sig", errors="replace")


def detect_format(path: Path) -> ImportFormat:
    """Tell what kind of journal ``path`` is from its layout and its first bytes."""
    check_source(path)
    if path.is_dir():  # a notes folder may hold some JSON too: Day One's says creationDate
        journals = [p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file()]
        if any('"creationDate"' in _head(p) for p in journals):
            return ImportFormat.DAYONE
        return ImportFormat.MARKDOWN
    if path.suffix.lower() in SUFFIXES:
        return ImportFormat.MARKDOWN
    if zipfile.is_zipfile(path):
        return ImportFormat.DAYONE
    head = _head(path)
    if head.lstrip().startswith("{"):
        if f'"{EXPORT_FORMAT}"' in head:
            return ImportFormat.REGROUP
        return ImportFormat.DAYONE if '"creationDate"' in head else ImportFormat.JRNL
    if _JRNL_HEADER.search(head):
        return ImportFormat.JRNL
    raise ImportFileError(
        f"Regroup cannot tell what kind of journal {path} is. It reads jrnl, Day One, "
        "Markdown notes and its own exports; choose one with --from."
    )


def read_source(
    path: Path, kind: ImportFormat | None = None, progress: Progress | None = None
) -> ImportPlan:
    """Read and check the whole file without touching any profile; bad input says where."""
    check_source(path)
    kind = kind or detect_format(path)
    if kind is ImportFormat.REGROUP:
        document = read_export(path)
        return ImportPlan(path, kind, document.entries, document=document)
    if path.is_dir() and kind is ImportFormat.JRNL:
        raise ImportFileError(f"{path} is a folder; a jrnl journal is one file.")
    readers = {
        ImportFormat.JRNL: read_jrnl,
        ImportFormat.DAYONE: read_dayone,
        ImportFormat.MARKDOWN: read_markdown,
    }
    return readers[kind](path, progress)


def _new_entries(plan: ImportPlan, existing: set[str] | dict[str, int]) -> list[ImportedEntry]:
    """The plan's entries the diary lacks; an entry the file holds twice counts once."""
    seen = set(existing)
    new = []
    for entry in plan.entries:
        if entry.uuid not in seen:
            seen.add(entry.uuid)
            new.append(entry)
    return new


def _label(entry: ImportedEntry) -> str:
    text = entry.title or " ".join(entry.body.split()[:8])
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


def preview(db: SqliteDatabase, plan: ImportPlan) -> ImportPreview:
    """Say what importing ``plan`` would add to the diary, and what is already there."""
    new = _new_entries(plan, ids_by_uuid(db, Entry))
    first = sorted(new, key=lambda e: (e.entry_date, e.created_at))[:SAMPLE]
    plans = plan.document.plans if plan.document else None
    return ImportPreview(
        plan,
        new=len(new),
        already_there=len(plan.entries) - len(new),
        first=tuple((e.entry_date, _label(e)) for e in first),
        debriefs=len(plans.debriefs) if plans else 0,
        goals=len(plans.goals) if plans else 0,
        checkins=len(plans.checkins) if plans else 0,
    )


def write_plan(
    db: SqliteDatabase, plan: ImportPlan, progress: Progress | None = None
) -> ImportOutcome:
    """Add what the diary lacks, all in one transaction: a failure leaves the diary as it was."""
    backup_before(db, "before-import")
    if plan.document is not None:
        result = import_document(db, plan.document)
        return ImportOutcome(
            plan.format,
            result.added,
            result.skipped_existing,
            debriefs_added=result.debriefs_added,
            goals_added=result.goals_added,
            checkins_added=result.checkins_added,
            revisions_added=result.revisions_added,
        )
    with writing(db):
        new = _new_entries(plan, ids_by_uuid(db, Entry))
        write_entries(db, new, progress)
    return ImportOutcome(
        plan.format, len(new), len(plan.entries) - len(new), plan.skipped, plan.media_skipped
    )


def import_source(
    db: SqliteDatabase, path: Path, kind: ImportFormat | None = None
) -> ImportOutcome:
    """Read ``path`` completely, then add what the diary lacks (the command line's way)."""
    return write_plan(db, read_source(path, kind))


@contextmanager
def own_connection(db: SqliteDatabase) -> Iterator[None]:
    """Let a worker thread use ``db``: peewee opens this thread's connection, closed after."""
    try:
        yield
    finally:
        if threading.current_thread() is not threading.main_thread() and not db.is_closed():
            db.close()
