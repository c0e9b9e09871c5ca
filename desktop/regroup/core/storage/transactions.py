"""Writing transactions: one per save, and a failed write said in plain words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee
from peewee import SqliteDatabase

from regroup.core.errors import StorageWriteError


@contextmanager
def writing(db: SqliteDatabase) -> Iterator[None]:
    """One transaction; a failed write (full disk, read-only folder) becomes a clear error."""
    try:
        with db.atomic():
            yield
    except (peewee.OperationalError, peewee.DatabaseError) as exc:
        if isinstance(exc, peewee.IntegrityError):
            raise
        raise StorageWriteError(
            f"The diary could not be saved ({exc}). Nothing was changed; "
            "check that the disk has free space and the profile folder can be written."
        ) from exc
