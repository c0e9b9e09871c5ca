"""Tag ids by name, creating the tags that are missing."""

from __future__ import annotations

from peewee import SqliteDatabase

from regroup.core.storage.models import Tag

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
            found = Tag.select(Tag.id).where(Tag.name.collate("NOCASE") == name).scalar(self._db)
            if found is None:
                found = Tag.insert(name=name).execute(self._db)
            self._ids[key] = int(found)
        return self._ids[key]
