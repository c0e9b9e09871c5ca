"""Writing diary entries: each save is one transaction that also keeps tags and revisions.

Writes use plain SQL: building these statements through the ORM costs more than
SQLite's own work, and imports repeat them thousands of times. The search index
follows ``entry`` by itself (triggers, see migrations).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import timedelta

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.diary.tag_ids import TagIds
from regroup.core.diary.types import (
    EntryContent,
    EntryNotFoundError,
    EntryRecord,
    EntrySummary,
    Revision,
    split_tags,
    validated_tags,
)
from regroup.core.storage.columns import from_db_date, from_db_time, to_db_date, to_db_time
from regroup.core.storage.transactions import writing

REVISION_INTERVAL = timedelta(minutes=10)
"""While someone keeps editing, at most one earlier state is kept per interval."""

_ENTRY_COLUMNS = (
    "id, uuid, entry_date, created_at, updated_at, title, body, mood, tags_text, deleted_at"
)


def _record(row: tuple) -> EntryRecord:  # type: ignore[type-arg]
    entry_id, entry_uuid, day, created, updated, title, body, mood, tags, deleted = row
    return EntryRecord(
        id=entry_id,
        uuid=entry_uuid,
        entry_date=from_db_date(day),
        created_at=from_db_time(created),
        updated_at=from_db_time(updated) if updated else None,
        title=title,
        body=body,
        mood=mood,
        tags=split_tags(tags),
        deleted_at=from_db_time(deleted) if deleted else None,
    )


class DiaryService:
    """Creates, edits, trashes and restores entries for the GUI and the command line."""

    def __init__(self, db: SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _set_tags(self, entry_id: int, tags: list[str], tag_ids: TagIds | None = None) -> None:
        self._db.execute_sql("DELETE FROM entry_tag WHERE entry_id = ?", (entry_id,))
        if tags:
            ids = tag_ids or TagIds(self._db)
            self._db.cursor().executemany(
                "INSERT INTO entry_tag (entry_id, tag_id) VALUES (?, ?)",
                [(entry_id, ids[tag]) for tag in tags],
            )

    def _insert(
        self, content: EntryContent, entry_uuid: str | None = None, tag_ids: TagIds | None = None
    ) -> int:
        tags = validated_tags(content)
        stamp = to_db_time(self._clock.now())
        day = content.entry_date or self._clock.today()
        cursor = self._db.execute_sql(
            "INSERT INTO entry (uuid, entry_date, created_at, updated_at, title, body, mood, "
            "tags_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry_uuid or str(uuid.uuid4()),
                to_db_date(day),
                stamp,
                stamp,
                content.title,
                content.body,
                content.mood,
                " ".join(tags),
            ),
        )
        entry_id = int(cursor.lastrowid)
        self._set_tags(entry_id, tags, tag_ids)
        return entry_id

    def add(self, content: EntryContent) -> EntryRecord:
        """Save a new entry in one transaction and return it."""
        with writing(self._db):
            entry_id = self._insert(content)
        return self.get(entry_id)

    def add_many(self, contents: Iterable[EntryContent], batch_size: int = 2000) -> int:
        """Save many entries, ``batch_size`` per transaction; return how many."""
        count = 0
        batch: list[EntryContent] = []
        for content in contents:
            batch.append(content)
            if len(batch) >= batch_size:
                count += self._add_batch(batch)
                batch = []
        return count + (self._add_batch(batch) if batch else 0)

    def _add_batch(self, batch: list[EntryContent]) -> int:
        with writing(self._db):
            tag_ids = TagIds(self._db)
            for content in batch:
                self._insert(content, tag_ids=tag_ids)
        return len(batch)

    def _row(self, entry_id: int) -> tuple:  # type: ignore[type-arg]
        row = self._db.execute_sql(
            f"SELECT {_ENTRY_COLUMNS} FROM entry WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise EntryNotFoundError(f"Entry {entry_id} does not exist.")
        return row  # type: ignore[no-any-return]

    def get(self, entry_id: int) -> EntryRecord:
        """Return one entry (also when it is in the trash)."""
        return _record(self._row(entry_id))

    def update(self, entry_id: int, content: EntryContent) -> EntryRecord:
        """Save new content for an entry, keeping its earlier state as a revision.

        Saving what is already stored changes nothing, so autosave can call this freely.
        """
        tags = validated_tags(content)
        with writing(self._db):
            old = _record(self._row(entry_id))
            day = content.entry_date or old.entry_date
            new_state = (day, content.title, content.body, content.mood, tuple(tags))
            if new_state == (old.entry_date, old.title, old.body, old.mood, old.tags):
                return old
            self._keep_revision(old)
            self._db.execute_sql(
                "UPDATE entry SET entry_date = ?, title = ?, body = ?, mood = ?, "
                "tags_text = ?, updated_at = ? WHERE id = ?",
                (
                    to_db_date(day),
                    content.title,
                    content.body,
                    content.mood,
                    " ".join(tags),
                    to_db_time(self._clock.now()),
                    entry_id,
                ),
            )
            self._set_tags(entry_id, tags)
        return self.get(entry_id)

    def _keep_revision(self, old: EntryRecord, force: bool = False) -> None:
        now = self._clock.now()
        if not force:
            last = self._db.execute_sql(
                "SELECT max(saved_at) FROM entry_revision WHERE entry_id = ?", (old.id,)
            ).fetchone()[0]
            if last is not None and now - from_db_time(last) < REVISION_INTERVAL:
                return
        self._db.execute_sql(
            "INSERT INTO entry_revision (entry_id, saved_at, entry_date, title, body, mood, "
            "tags_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                old.id,
                to_db_time(now),
                to_db_date(old.entry_date),
                old.title,
                old.body,
                old.mood,
                " ".join(old.tags),
            ),
        )

    def revisions(self, entry_id: int) -> list[Revision]:
        """Return the earlier states of an entry, newest first."""
        rows = self._db.execute_sql(
            "SELECT id, entry_id, saved_at, entry_date, title, body, mood, tags_text "
            "FROM entry_revision WHERE entry_id = ? ORDER BY saved_at DESC, id DESC",
            (entry_id,),
        ).fetchall()
        return [
            Revision(
                r[0],
                r[1],
                from_db_time(r[2]),
                from_db_date(r[3]),
                r[4],
                r[5],
                r[6],
                split_tags(r[7]),
            )
            for r in rows
        ]

    def restore_revision(self, revision_id: int) -> EntryRecord:
        """Bring back an earlier state; the state it replaces becomes a revision too."""
        row = self._db.execute_sql(
            "SELECT entry_id, entry_date, title, body, mood, tags_text FROM entry_revision "
            "WHERE id = ?",
            (revision_id,),
        ).fetchone()
        if row is None:
            raise EntryNotFoundError(f"Revision {revision_id} does not exist.")
        entry_id, day, title, body, mood, tags = row
        with writing(self._db):
            self._keep_revision(self.get(entry_id), force=True)
            content = EntryContent(body, title, mood, split_tags(tags), from_db_date(day))
            self._db.execute_sql(
                "UPDATE entry SET entry_date = ?, title = ?, body = ?, mood = ?, tags_text = ?, "
                "updated_at = ? WHERE id = ?",
                (day, title, body, mood, tags, to_db_time(self._clock.now()), entry_id),
            )
            self._set_tags(entry_id, validated_tags(content))
        return self.get(entry_id)

    def trash(self, entry_id: int) -> None:
        """Move an entry to the trash; it can be restored until the trash is emptied."""
        with writing(self._db):
            self._row(entry_id)
            self._db.execute_sql(
                "UPDATE entry SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                (to_db_time(self._clock.now()), entry_id),
            )

    def restore(self, entry_id: int) -> EntryRecord:
        """Take an entry out of the trash."""
        with writing(self._db):
            self._row(entry_id)
            self._db.execute_sql("UPDATE entry SET deleted_at = NULL WHERE id = ?", (entry_id,))
        return self.get(entry_id)

    def trashed(self) -> list[EntrySummary]:
        """Return the entries in the trash, most recently trashed first."""
        rows = self._db.execute_sql(
            "SELECT id, entry_date, title, substr(body, 1, 300), mood, tags_text FROM entry "
            "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
        ).fetchall()
        return [summary_from_row(row) for row in rows]

    def empty_trash(self) -> int:
        """Delete for good every entry in the trash, with its revisions; return how many."""
        with writing(self._db):
            cursor = self._db.execute_sql("DELETE FROM entry WHERE deleted_at IS NOT NULL")
        return int(cursor.rowcount)

    def count(self) -> int:
        """Return how many entries are not in the trash."""
        return int(
            self._db.execute_sql("SELECT count(*) FROM entry WHERE deleted_at IS NULL").fetchone()[
                0
            ]
        )


def preview_text(body_start: str, length: int = 120) -> str:
    """Return the first words of an entry on one line, for lists."""
    text = " ".join(body_start.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def summary_from_row(row: tuple) -> EntrySummary:  # type: ignore[type-arg]
    """Build a summary from (id, entry_date, title, body start, mood, tags_text)."""
    entry_id, day, title, body_start, mood, tags = row
    return EntrySummary(
        entry_id, from_db_date(day), title, preview_text(body_start or ""), mood, split_tags(tags)
    )
