"""Tag ids by name, creating the tags that are missing."""

from __future__ import annotations

from peewee import SqliteDatabase

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class TagIds:
    """Looks up (or creates) tag ids within one transaction.

    Make one per transaction: a rolled-back transaction takes the tags it created
    with it, so a longer-lived cache could hand out ids that no longer exist. Names
    compare like the column's NOCASE collation, which folds ASCII letters only.
    """

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db
        self._ids: dict[str, int] = {}

    def __getitem__(self, name: str) -> int:
        key = name.translate(_ASCII_LOWER)
        if key not in self._ids:
            row = self._db.execute_sql(
                "SELECT id FROM tag WHERE name = ? COLLATE NOCASE", (name,)
            ).fetchone()
            if row is None:
                row = (
                    self._db.execute_sql("INSERT INTO tag (name) VALUES (?)", (name,)).lastrowid,
                )
            self._ids[key] = int(row[0])
        return self._ids[key]
