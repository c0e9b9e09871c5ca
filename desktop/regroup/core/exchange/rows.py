"""Writing imported records through the models in batches, in the stored form the file gave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Field, Model, SqliteDatabase, chunked

from regroup.core.exchange.fields import canonical_uuid

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
    ids: dict[str, int] = dict(db.execute(model.select(model.uuid, model.id)))
    for written in [key for key in ids if len(key) != 36 or key != key.lower()]:
        # Stored before imports wrote one form: find it under that form too.
        ids.setdefault(canonical_uuid(written) or written, ids[written])
    return ids
