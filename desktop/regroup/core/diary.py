"""Diary entries: each save is one transaction that also keeps tags and the search index."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.errors import RegroupError
from regroup.core.models import Entry, EntrySearch, EntryTag, Tag

MOOD_RANGE = range(1, 6)


class EntryValidationError(RegroupError):
    """An entry cannot be saved as given; the message says which part and why."""


@dataclass(frozen=True)
class NewEntry:
    """What the user wrote, before it has an id."""

    body: str
    title: str = ""
    mood: int | None = None
    tags: Sequence[str] = ()
    entry_date: date | None = None


@dataclass(frozen=True)
class EntryRecord:
    """A saved entry as views see it."""

    id: int
    uuid: str
    entry_date: date
    created_at: datetime
    updated_at: datetime | None
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...] = field(default_factory=tuple)


def to_db_time(moment: datetime) -> str:
    """Return the stored form of an instant: naive UTC text that sorts by time."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_db_time(value: datetime | str) -> datetime:
    """Return a stored instant as an aware UTC datetime."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def normalise_tag(raw: str) -> str:
    """Return a tag as stored: no leading '#', trimmed, NFC; empty when nothing is left."""
    return unicodedata.normalize("NFC", raw.strip().lstrip("#").strip())


def _check_text(label: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EntryValidationError(
            f"The {label} contains a broken character at position {exc.start}; "
            "remove it and save again."
        ) from exc


def _validate(new: NewEntry) -> list[str]:
    _check_text("text", new.body)
    _check_text("title", new.title)
    if new.mood is not None and new.mood not in MOOD_RANGE:
        raise EntryValidationError("Mood is a number from 1 to 5.")
    tags: list[str] = []
    seen: set[str] = set()
    for raw in new.tags:
        _check_text("tag", raw)
        tag = normalise_tag(raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


class DiaryService:
    """Creates and reads diary entries for the GUI, the command line and the benchmarks."""

    def __init__(self, db: SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._tag_ids: dict[str, int] = {}

    def _tag_id(self, name: str) -> int:
        key = name.casefold()
        if key not in self._tag_ids:
            tag = Tag.get_or_none(Tag.name == name)
            if tag is None:
                tag = Tag.create(name=name)
            self._tag_ids[key] = tag.id
        return self._tag_ids[key]

    def _insert(self, new: NewEntry) -> EntryRecord:
        # Plain SQL: building these three statements through the ORM costs more than
        # SQLite's own work, and bulk imports repeat them thousands of times.
        tags = _validate(new)
        now = self._clock.now().astimezone(UTC)
        stamp = to_db_time(now)
        entry_date = new.entry_date or self._clock.today()
        entry_uuid = str(uuid.uuid4())
        cursor = self._db.execute_sql(
            "INSERT INTO entry (uuid, entry_date, created_at, updated_at, title, body, mood) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entry_uuid, entry_date.isoformat(), stamp, stamp, new.title, new.body, new.mood),
        )
        entry_id = int(cursor.lastrowid)
        if tags:
            self._db.cursor().executemany(
                "INSERT INTO entry_tag (entry_id, tag_id) VALUES (?, ?)",
                [(entry_id, self._tag_id(t)) for t in tags],
            )
        self._db.execute_sql(
            "INSERT INTO entry_search (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
            (entry_id, new.title, new.body, " ".join(tags)),
        )
        return EntryRecord(
            entry_id, entry_uuid, entry_date, now, now, new.title, new.body, new.mood, tuple(tags)
        )

    def add(self, new: NewEntry) -> EntryRecord:
        """Save one entry in one transaction and return it."""
        with self._db.atomic():
            return self._insert(new)

    def add_many(self, entries: Iterable[NewEntry], batch_size: int = 2000) -> int:
        """Save many entries, ``batch_size`` per transaction; return how many."""
        count = 0
        batch: list[NewEntry] = []
        for new in entries:
            batch.append(new)
            if len(batch) >= batch_size:
                count += self._add_batch(batch)
                batch = []
        return count + (self._add_batch(batch) if batch else 0)

    def _add_batch(self, batch: list[NewEntry]) -> int:
        with self._db.atomic():
            for new in batch:
                self._insert(new)
        return len(batch)

    def count(self) -> int:
        """Return how many entries are not in the trash."""
        return int(Entry.select().where(Entry.deleted_at.is_null()).count())

    def get(self, entry_id: int) -> EntryRecord:
        """Return one entry with its tags."""
        entry = Entry.get_by_id(entry_id)
        tags = tuple(
            t.name
            for t in Tag.select(Tag.name)
            .join(EntryTag)
            .where(EntryTag.entry == entry_id)
            .order_by(Tag.name)
        )
        return EntryRecord(
            entry.id,
            entry.uuid,
            entry.entry_date,
            from_db_time(entry.created_at),
            from_db_time(entry.updated_at) if entry.updated_at else None,
            entry.title,
            entry.body,
            entry.mood,
            tags,
        )

    def search_ids(self, query: str, limit: int = 50) -> list[int]:
        """Return ids of entries whose text matches an FTS5 query, best first."""
        rows = (
            EntrySearch.select(EntrySearch.rowid)
            .where(EntrySearch.match(query))
            .order_by(EntrySearch.bm25())
            .limit(limit)
        )
        return [row.rowid for row in rows]
