"""Writing transactions: one per save, and a failed write said in plain words.

A write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at once,
so when another Regroup (``regroup add``, a second window) is writing, SQLite's busy
timeout makes this one wait its turn. A plain ``BEGIN`` reads first and asks for the
lock later, and SQLite refuses that upgrade at once ("database is locked") instead
of waiting. A transaction that failed is rolled back only if SQLite has not already
done so itself (a full disk, an I/O error), so the first error is the one reported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager

import peewee
from peewee import SqliteDatabase

from regroup.core.errors import StorageWriteError, WriterBusyError


@contextmanager
def writing(db: SqliteDatabase) -> Iterator[None]:
    """One transaction; a failed write (full disk, read-only folder) becomes a clear error.

    Inside another ``writing`` block it is a savepoint of that transaction.
    """
    try:
        if db.in_transaction():
            with db.atomic():
                yield
        else:
            with _immediate(db):
                yield
    except (peewee.OperationalError, peewee.DatabaseError) as exc:
        if isinstance(exc, peewee.IntegrityError):
            raise
        first = _first_error(exc)
        raise _as_write_error(first) from first


_FOLLOW_ON = ("cannot rollback", "no transaction is active", "no such savepoint")
"""What a rollback says when SQLite had already ended the transaction after an error."""


def _first_error(exc: BaseException) -> BaseException:
    """Return the error that started it, not a failed rollback raised while handling it."""
    while exc.__context__ is not None and any(words in str(exc) for words in _FOLLOW_ON):
        exc = exc.__context__
    return exc


def _as_write_error(exc: BaseException) -> StorageWriteError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return WriterBusyError()
    if "readonly database" in text:  # the disk turned read-only, or filled, under an open diary
        return StorageWriteError(
            "The diary could not be saved: the disk or the profile folder cannot be written "
            "right now (it may be full, read-only or removed). Nothing was changed; what you "
            "wrote before is safe."
        )
    return StorageWriteError(
        f"The diary could not be saved ({exc}). Nothing was changed; "
        "check that the disk has free space and the profile folder can be written."
    )


@contextmanager
def _immediate(db: SqliteDatabase) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, with Peewee told so that nested blocks use savepoints."""
    db.begin("IMMEDIATE")
    db.push_transaction(db.transaction())
    pushed = True
    try:
        yield
        db.pop_transaction()
        pushed = False
        db.commit()
    except BaseException:
        if pushed:
            db.pop_transaction()
        _roll_back_quietly(db)
        raise


def _roll_back_quietly(db: SqliteDatabase) -> None:
    """Undo what is left of a failed transaction without hiding why it failed.

    SQLite ends the transaction itself on some errors (a full disk, an I/O error);
    rolling back then fails with "no transaction is active", which says nothing.
    """
    if db.is_closed() or not db.connection().in_transaction:
        return
    with contextlib.suppress(peewee.DatabaseError):
        db.rollback()
