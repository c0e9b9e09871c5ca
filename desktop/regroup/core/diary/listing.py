"""Reading the diary for lists, the calendar and "on this day", fast at any size.

Lists load in two steps: ids in order (a scan of a small covering index, in pages a
window can take between two frames), then summaries only for the rows a view shows.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import date

from peewee import SqliteDatabase

from regroup.core.diary.service import summary_from_row
from regroup.core.diary.types import EntrySummary, ListPlace
from regroup.core.storage.columns import from_db_date, to_db_date

SUMMARY_COLUMNS = "id, entry_date, title, substr(body, 1, 300), mood, tags_text"


class DiaryBrowser:
    """Read-only queries over entries that are not in the trash."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    def ordered_ids(self) -> array[int]:
        """Return every entry id, newest day first (then newest written first)."""
        cursor = self._db.execute_sql(
            "SELECT id FROM entry WHERE deleted_at IS NULL ORDER BY entry_date DESC, id DESC"
        )
        return array("q", (row[0] for row in cursor))

    def ids_after(self, place: ListPlace, limit: int) -> tuple[array[int], ListPlace | None]:
        """Return up to ``limit`` ids listed after ``place``, and where the next page starts.

        The place is None once the list is exhausted.
        """
        rows = self._db.execute_sql(
            "SELECT id, entry_date FROM entry WHERE deleted_at IS NULL "
            "AND (entry_date, id) < (?, ?) ORDER BY entry_date DESC, id DESC LIMIT ?",
            (to_db_date(place.entry_date), place.entry_id, limit),
        ).fetchall()
        ids = array("q", (row[0] for row in rows))
        if len(rows) < limit:
            return ids, None
        return ids, ListPlace(from_db_date(rows[-1][1]), rows[-1][0])

    def summaries(self, ids: Sequence[int]) -> dict[int, EntrySummary]:
        """Return summaries for the given ids (at most a few hundred at a time)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute_sql(
            f"SELECT {SUMMARY_COLUMNS} FROM entry WHERE id IN ({marks})", tuple(ids)
        ).fetchall()
        return {row[0]: summary_from_row(row) for row in rows}

    def latest(self, limit: int) -> list[EntrySummary]:
        """Return the newest entries, newest first."""
        rows = self._db.execute_sql(
            f"SELECT {SUMMARY_COLUMNS} FROM entry WHERE deleted_at IS NULL "
            "ORDER BY entry_date DESC, id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [summary_from_row(row) for row in rows]

    def days_with_entries(self, first: date, last: date) -> set[date]:
        """Return the days between ``first`` and ``last`` (inclusive) that have entries."""
        rows = self._db.execute_sql(
            "SELECT DISTINCT entry_date FROM entry WHERE deleted_at IS NULL "
            "AND entry_date BETWEEN ? AND ?",
            (to_db_date(first), to_db_date(last)),
        )
        return {from_db_date(row[0]) for row in rows}

    def on_day(self, day: date) -> list[EntrySummary]:
        """Return the entries written for one day, newest first."""
        rows = self._db.execute_sql(
            f"SELECT {SUMMARY_COLUMNS} FROM entry WHERE deleted_at IS NULL AND entry_date = ? "
            "ORDER BY id DESC",
            (to_db_date(day),),
        ).fetchall()
        return [summary_from_row(row) for row in rows]

    def on_this_day(self, day: date, limit: int = 20) -> list[EntrySummary]:
        """Return entries from the same month and day in earlier years, most recent first."""
        rows = self._db.execute_sql(
            f"SELECT {SUMMARY_COLUMNS} FROM entry WHERE deleted_at IS NULL "
            "AND substr(entry_date, 6, 5) = ? AND entry_date < ? "
            "ORDER BY entry_date DESC, id DESC LIMIT ?",
            (day.strftime("%m-%d"), to_db_date(day), limit),
        ).fetchall()
        return [summary_from_row(row) for row in rows]

    def tags(self) -> list[tuple[str, int]]:
        """Return every tag in use with how many entries carry it, most used first."""
        rows = self._db.execute_sql(
            "SELECT t.name, count(*) FROM tag t JOIN entry_tag et ON et.tag_id = t.id "
            "JOIN entry e ON e.id = et.entry_id WHERE e.deleted_at IS NULL "
            "GROUP BY t.id ORDER BY count(*) DESC, t.name"
        ).fetchall()
        return [(name, int(count)) for name, count in rows]
