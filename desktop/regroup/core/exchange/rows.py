"""Writing imported records through the models in batches, in the stored form the file gave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Field, Model, SqliteDatabase, chunked

BATCH = 50
"""Rows per INSERT: well below SQLite's oldest limit of 999 values a statement."""


def insert_rows(
    db: SqliteDatabase,
    model: type[Model],
    fields: Sequence[Field],
    rows: Sequence[tuple[Any, ...]],
    ignore_existing: bool = False,
) -> None:
    """Insert ``rows`` (values in the order of ``fields``) a batch at a time."""
    for batch in chunked(rows, BATCH):
        query = model.insert_many(batch, fields=list(fields))
        query.on_conflict_ignore(ignore_existing).execute(db)


def ids_by_uuid(db: SqliteDatabase, model: Any) -> dict[str, int]:
    """Return the local id of every record of ``model`` by its uuid.

    The rows come straight from the cursor (``db.execute``): on a large diary peewee's
    per-value converters cost more than the query itself.
    """
    return dict(db.execute(model.select(model.uuid, model.id)))
