"""Backup sets: everything needed to open the profile, copied while it stays in use.

A set is a folder ``backups/<id>/`` holding the database (written by SQLCipher's
``VACUUM INTO``, so it is encrypted with the same key and never passes through
plaintext), a copy of the key file, and a manifest with the row count of every
table at the moment of the copy. A set is built in a hidden ``.<id>.partial``
folder, checked (opened with the key, ``PRAGMA integrity_check``, the counts), and
only then renamed to its id; a set that fails its check is renamed ``<id>.failed``
and never listed as a backup.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path

import peewee
import sqlcipher3
from peewee import SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase

from regroup.core.clock import Clock
from regroup.core.errors import RegroupError, StorageWriteError
from regroup.core.keys.key_check import key_matches
from regroup.core.keys.key_file import load_key_file
from regroup.core.paths import DB_NAME, KEY_FILE_NAME, ProfilePaths
from regroup.core.record import record
from regroup.core.storage.files import (
    atomic_copy,
    atomic_write_bytes,
    create_private_file,
    fsync_dir,
    make_private_dir,
    write_private_text,
)
from regroup.core.storage.rotation import RotationPolicy, to_keep

MANIFEST = "manifest.json"
FAILED = ".failed"
PARTIAL = ".partial"
DB_ERRORS = (peewee.DatabaseError, sqlcipher3.DatabaseError)
"""peewee wraps errors of a query's execution, not those of fetching its rows."""
STAMP = "%Y%m%d-%H%M%S"
COPY_ATTEMPTS = 3


class BackupCheckError(RegroupError):
    """A backup was written but did not pass its check; it was set aside, not kept."""


@record
class BackupSet:
    """One backup: its folder, when and why it was taken, and what it held."""

    id: str
    folder: Path
    taken_at: datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        """The encrypted copy of the database."""
        return self.folder / DB_NAME

    @property
    def key_file(self) -> Path | None:
        """The copy of the key file taken with the database (None for a set without one)."""
        path = self.folder / KEY_FILE_NAME
        return path if path.is_file() else None

    @property
    def entries(self) -> int:
        """How many diary entries the backup holds."""
        return self.counts.get("entry", 0)


def passphrase_of(db: SqliteDatabase) -> str:
    """Return the raw-key passphrase ``db`` was opened with (never logged or shown)."""
    return str(db.connect_params.get("passphrase", ""))


def _connect(path: Path, passphrase: str) -> SqlCipherDatabase:
    db = SqlCipherDatabase(str(path), passphrase=passphrase, pragmas=[("busy_timeout", 5000)])
    db.connect()
    return db


def table_counts(db: SqliteDatabase) -> dict[str, int]:
    """Count the rows of every table, so a copy can be compared with its source."""
    names = [
        str(row[0])
        for row in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        ).fetchall()
    ]
    return {
        name: int(db.execute_sql(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names
    }


def _copy_database(source: Path, passphrase: str, target: Path) -> dict[str, int]:
    """Copy with ``VACUUM INTO``; return the counts the copy must hold.

    The counts are read before and after the copy: equal counts mean no write slipped
    in between, otherwise the copy is taken again.
    """
    db = _connect(source, passphrase)
    try:
        for _ in range(COPY_ATTEMPTS):
            before = table_counts(db)
            target.unlink(missing_ok=True)
            create_private_file(target)  # VACUUM INTO fills an empty file, keeping its mode
            db.execute_sql("VACUUM INTO ?", (str(target),))
            if table_counts(db) == before:
                return before
    except DB_ERRORS as exc:
        raise StorageWriteError(f"The backup could not be written ({exc}).") from exc
    finally:
        db.close()
    raise StorageWriteError("The diary kept changing while it was copied; the backup will retry.")


def check_set(folder: Path, passphrase: str, counts: dict[str, int]) -> str:
    """Return what is wrong with the set in ``folder``, or "" when it opens and holds ``counts``."""
    key_path = folder / KEY_FILE_NAME
    try:
        key_file = load_key_file(key_path)
    except RegroupError as exc:
        return f"its copy of the key file cannot be read ({exc})"
    key = bytes.fromhex(passphrase[2:-1]) if passphrase.startswith("x'") else b""
    if key and not key_matches(key, key_file.profile_id, key_file.key_check):
        return "its copy of the key file belongs to another key"
    try:
        db = _connect(folder / DB_NAME, passphrase)
    except DB_ERRORS as exc:
        return f"it cannot be opened with the key ({exc})"
    try:
        db.pragma("query_only", "ON")
        result = db.execute_sql("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in result] != [("ok",)]:
            return f"its integrity check found problems ({result[0][0]})"
        found = table_counts(db)
    except DB_ERRORS as exc:
        return f"it cannot be read with the key ({exc})"
    finally:
        db.close()
    if found != counts:
        return "it does not hold the same number of rows as the diary it was copied from"
    return ""


def _new_id(backups_dir: Path, taken_at: datetime, reason: str) -> str:
    base = f"{taken_at.astimezone(UTC).strftime(STAMP)}-{reason}"
    candidate, number = base, 1
    while any((backups_dir / name).exists() for name in (candidate, candidate + FAILED)):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _write_manifest(folder: Path, backup: BackupSet, schema: int) -> None:
    manifest = {
        "format": 1,
        "id": backup.id,
        "taken_at": backup.taken_at.astimezone(UTC).isoformat(),
        "reason": backup.reason,
        "schema": schema,
        "counts": backup.counts,
    }
    atomic_write_bytes(folder / MANIFEST, json.dumps(manifest, indent=2).encode())


def take_backup(
    paths: ProfilePaths, passphrase: str, reason: str, clock: Clock, policy: RotationPolicy
) -> BackupSet:
    """Write, check and keep one backup set, then drop the sets the policy no longer keeps.

    Raises :class:`BackupCheckError` (the set renamed ``<id>.failed``) when the copy does
    not pass its check, :class:`StorageWriteError` when it cannot be written at all.
    """
    make_private_dir(paths.backups)
    sweep_partial(paths.backups)
    taken_at = clock.now()
    backup_id = _new_id(paths.backups, taken_at, reason)
    partial = paths.backups / f".{backup_id}{PARTIAL}"
    make_private_dir(partial)
    try:
        counts = _copy_database(paths.database, passphrase, partial / DB_NAME)
        os.chmod(partial / DB_NAME, 0o600)
        atomic_copy(paths.key_file, partial / KEY_FILE_NAME)
        backup = BackupSet(backup_id, paths.backups / backup_id, taken_at, reason, counts)
        _write_manifest(partial, backup, _schema(partial / DB_NAME, passphrase))
        fsync_dir(partial)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    problem = check_set(partial, passphrase, counts)
    if problem:
        _set_aside(partial, paths.backups / (backup_id + FAILED), problem)
        raise BackupCheckError(
            f"The backup taken just now did not pass its check: {problem}. It was set aside "
            f"as {backup_id}{FAILED} and is not counted as a backup; your diary is unchanged."
        )
    os.replace(partial, backup.folder)
    fsync_dir(paths.backups)
    rotate(paths.backups, policy)
    return backup


def _schema(database: Path, passphrase: str) -> int:
    db = _connect(database, passphrase)
    try:
        return int(db.pragma("user_version"))
    finally:
        db.close()


def set_aside(backup: BackupSet, problem: str) -> Path:
    """Rename a set that failed a later check so that it is never taken for a good one."""
    failed = backup.folder.with_name(backup.id + FAILED)
    _set_aside(backup.folder, failed, problem)
    return failed


def _set_aside(partial: Path, failed: Path, problem: str) -> None:
    with contextlib.suppress(OSError):
        write_private_text(partial / "WHY-THIS-FAILED.txt", problem + "\n")
    try:
        os.replace(partial, failed)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)


def sweep_partial(backups_dir: Path) -> None:
    """Remove sets an interrupted backup left half-written."""
    if backups_dir.is_dir():
        for leftover in backups_dir.glob(f".*{PARTIAL}"):
            shutil.rmtree(leftover, ignore_errors=True)


def read_set(folder: Path) -> BackupSet | None:
    """Return the set in ``folder``, or None when it is not a complete backup set."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        taken_at = datetime.fromisoformat(str(manifest["taken_at"]))
        counts = {str(name): int(count) for name, count in dict(manifest["counts"]).items()}
        reason = str(manifest.get("reason", ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (folder / DB_NAME).is_file():
        return None
    return BackupSet(folder.name, folder, taken_at, reason, counts)


def list_backups(backups_dir: Path) -> list[BackupSet]:
    """Return the complete backup sets in ``backups_dir``, oldest first."""
    if not backups_dir.is_dir():
        return []
    found = [
        read_set(folder)
        for folder in backups_dir.iterdir()
        if folder.is_dir() and not folder.name.startswith(".") and not folder.name.endswith(FAILED)
    ]
    return sorted((s for s in found if s is not None), key=lambda s: (s.taken_at, s.id))


def restore_hint(backups_dir: Path) -> str:
    """What can bring the diary back: the backups there are, or what to do without one.

    Said where a database is missing or damaged, so the person is never sent to look
    for a backup that does not exist.
    """
    try:
        sets = list_backups(backups_dir)
    except OSError:
        sets = []
    if not sets:
        return (
            "Regroup has no backup of this profile yet. If you have a copy of the profile "
            "folder (another disk, a synced folder) or a JSON export, it can bring your "
            "entries back: keep this folder as it is until then."
        )
    latest = sets[-1]
    when = latest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    count = f"{len(sets)} backups" if len(sets) > 1 else "one backup"
    return (
        f"Regroup has {count} of this profile, the latest from {when} ({latest.id}): "
        "'regroup backup restore latest' puts it back."
    )


def rotate(backups_dir: Path, policy: RotationPolicy) -> list[str]:
    """Delete the sets the policy does not keep; return their ids."""
    sets = list_backups(backups_dir)
    kept = to_keep([(s.id, s.taken_at) for s in sets], policy)
    dropped = [s.id for s in sets if s.id not in kept]
    for backup_id in dropped:
        shutil.rmtree(backups_dir / backup_id, ignore_errors=True)
    return dropped


def copy_set(backup: BackupSet, folder: Path) -> Path:
    """Copy a checked set into a second folder (e.g. a synced drive), renamed in when whole."""
    make_private_dir(folder)
    target = folder / backup.id
    partial = folder / f".{backup.id}{PARTIAL}"
    try:
        make_private_dir(partial)
        for name in (DB_NAME, KEY_FILE_NAME, MANIFEST):
            if (backup.folder / name).is_file():
                atomic_copy(backup.folder / name, partial / name)
        if target.exists():
            shutil.rmtree(target)
        os.replace(partial, target)
        fsync_dir(folder)
    except (OSError, StorageWriteError) as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise StorageWriteError(f"The copy in {folder} could not be written ({exc}).") from exc
    return target
