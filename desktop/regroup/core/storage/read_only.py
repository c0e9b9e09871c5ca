"""Opening a profile that cannot be written: a read-only folder or disk, or a full one.

Reading, searching and exporting need no writes, so rather than refuse to open,
Regroup tests whether it could write and, if not, opens the database read-only
and says why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

import peewee
from playhouse.sqlcipher_ext import SqlCipherDatabase

from regroup.core.errors import DamagedDatabaseError, StorageWriteError
from regroup.core.paths import ProfilePaths

PROBE_BYTES = 256 * 1024
"""A save needs room for a few pages and its log; less than this free fails soon."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "the profile folder cannot be written"
    return exc.strerror or str(exc)


def write_problem(paths: ProfilePaths) -> str:
    """Return why the profile cannot be written now, or "" when a test write succeeds."""
    name = ""
    try:
        fd, name = tempfile.mkstemp(prefix=".write-test.", dir=paths.root)
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"\0" * PROBE_BYTES)  # space is reserved at write(): no fsync needed
    except OSError as exc:
        return _reason(exc)
    finally:
        if name:
            with contextlib.suppress(OSError):
                os.unlink(name)
    for path in (paths.database, paths.key_file):
        if path.exists() and not os.access(path, os.W_OK):
            return f"{path.name} is read-only"
    return ""


def _connect(path: Path, passphrase: str, flags: str) -> SqlCipherDatabase:
    uri = f"{path.absolute().as_uri()}?{flags}"
    db = SqlCipherDatabase(
        uri, passphrase=passphrase, uri=True, pragmas=[("query_only", 1), ("busy_timeout", 5000)]
    )
    try:
        db.connect()
        db.get_tables()
    except peewee.DatabaseError:
        db.close()
        raise
    return db


def open_read_only(path: Path, passphrase: str) -> SqlCipherDatabase:
    """Open the database so that nothing can be written to it, not even its log.

    A WAL database read-only still wants its shared-memory file; where that cannot be
    made (a full disk) and no log holds anything, the file is read as immutable.
    """
    wal = path.with_name(path.name + "-wal")
    try:
        return _connect(path, passphrase, "mode=ro")
    except peewee.DatabaseError as exc:
        error = exc
    if not wal.exists() or wal.stat().st_size == 0:
        try:
            return _connect(path, passphrase, "immutable=1")
        except peewee.DatabaseError as exc:
            error = exc
    text = str(error).lower()
    if "not a database" in text or "malformed" in text:
        from regroup.core.storage.backup import restore_hint

        raise DamagedDatabaseError(
            f"The database {path} cannot be read although the key is right ({error}).",
            restore_hint(path.parent / "backups"),
        ) from error
    raise StorageWriteError(f"Regroup cannot read {path} ({error}); nothing changed.") from error
