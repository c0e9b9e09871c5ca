"""Tag ids by name, creating the tags that are missing."""

from __future__ import annotations

from peewee import SqliteDatabase

_FIND = "SELECT id FROM tag WHERE name = ? COLLATE NOCASE"
_ADD = "INSERT INTO tag (name) VALUES (?)"
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
            # Raw SQL: part of every save (see diary.service._SAVE_SQL).
            row = self._db.execute_sql(_FIND, (name,)).fetchone()
            found = row[0] if row else self._db.execute_sql(_ADD, (name,)).lastrowid
            self._ids[key] = int(found)
        return self._ids[key]
