"""Opening the SQLCipher file: raw 256-bit key, WAL, synchronous=FULL, foreign keys.

The file is first read with writes forbidden, so that a damaged file or one from a
newer Regroup is recognised before a single byte could change.
"""

from __future__ import annotations

import functools
from pathlib import Path

import peewee
from playhouse.sqlcipher_ext import SqlCipherDatabase

from regroup.core.errors import DamagedDatabaseError, SchemaTooNewError, StorageWriteError
from regroup.core.storage.migrations import CURRENT_VERSION, schema_version
from regroup.core.storage.models import database_proxy

_CONNECTION_PRAGMAS = [("synchronous", "full"), ("foreign_keys", 1), ("busy_timeout", 5000)]


@functools.cache
def _quiet_sqlcipher_log() -> None:
    """SQLCipher logs every failed decryption to stderr; our own errors say it better."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


def _looks_damaged(exc: Exception) -> bool:
    """Tell file damage (or a wrong key) from access problems such as a read-only disk."""
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def _raw_key(key: bytes) -> str:
    return f"x'{key.hex()}'"


def open_encrypted(path: Path, key: bytes) -> SqlCipherDatabase:
    """Open (or create) the database with ``key``; the caller has checked the key already.

    Raises :class:`DamagedDatabaseError` when the file cannot be decrypted or read and
    :class:`SchemaTooNewError` when a newer Regroup wrote it; in both cases nothing
    was written.
    """
    _quiet_sqlcipher_log()
    db = SqlCipherDatabase(str(path), passphrase=_raw_key(key), pragmas=_CONNECTION_PRAGMAS)
    try:
        db.connect()
        db.pragma("query_only", "ON")
        db.get_tables()  # the first read decrypts: a wrong key or a damaged file fails here
        version = schema_version(db)
    except peewee.DatabaseError as exc:
        db.close()
        if not _looks_damaged(exc):
            raise StorageWriteError(
                f"Regroup cannot open {path} ({exc}). Check that the folder and the file can "
                "be read and written and the disk is not full; nothing was changed."
            ) from exc
        from regroup.core.storage.backup import restore_hint

        raise DamagedDatabaseError(
            f"The database {path} cannot be read although the key is right ({exc}). "
            "It may be damaged; it was left as it is.",
            restore_hint(path.parent / "backups"),
        ) from exc
    if version > CURRENT_VERSION:
        db.close()
        raise SchemaTooNewError(
            f"This profile was last used by a newer Regroup (schema {version}; this version "
            f"knows up to {CURRENT_VERSION}). Install the newer version to open it."
        )
    try:
        db.pragma("query_only", "OFF")
        db.pragma("journal_mode", "WAL")
    except peewee.OperationalError as exc:
        db.close()
        raise StorageWriteError(
            f"Regroup cannot write in {path.parent} ({exc}). Check that the folder is "
            "writable and the disk is not full; nothing was changed."
        ) from exc
    return db


def key_opens(path: Path, key: bytes) -> bool:
    """Tell whether ``key`` decrypts the database at ``path``: the judge of last resort.

    The file is only read: a key check that was damaged must not lock the person out
    when the database itself accepts the key.
    """
    _quiet_sqlcipher_log()
    db = SqlCipherDatabase(str(path), passphrase=_raw_key(key))
    try:
        db.connect()
        db.pragma("query_only", "ON")
        db.get_tables()
    except peewee.DatabaseError:
        return False
    finally:
        db.close()
    return True


class IdleCheckpoint:
    """Copies committed pages from the WAL into the database once writing has paused.

    Called by a timer: a tick that sees no write since the one before checkpoints
    (PASSIVE, so it never waits for a reader), once per pause.
    """

    def __init__(self, db: SqlCipherDatabase) -> None:
        self._db = db
        self._seen = -1
        self._done = -1

    def tick(self) -> bool:
        """Checkpoint when nothing was written since the last tick; tell whether it did."""
        if self._db.is_closed():
            return False
        changes = int(self._db.connection().total_changes)
        if changes != self._seen:
            self._seen = changes
            return False
        if changes == self._done:
            return False
        try:
            self._db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except peewee.DatabaseError:
            return False  # busy or read-only: the next pause tries again
        self._done = changes
        return True


def rekey(db: SqlCipherDatabase, key: bytes) -> None:
    """Re-encrypt every page under ``key``, in one transaction: all pages or none."""
    db.execute_sql(f'PRAGMA rekey = "{_raw_key(key)}"')


def bind_models(db: SqlCipherDatabase | None) -> None:
    """Point every model at ``db`` (or at nothing when the profile closes)."""
    database_proxy.initialize(db)
