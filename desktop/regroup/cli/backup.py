"""``regroup backup``: list, create, verify and restore the profile's backups.

A backup is a folder in the profile's ``backups`` folder holding the encrypted
database and a copy of the key file; ``list`` reads them without unlocking anything.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, group, json_option
from regroup.cli.output import EXIT_ERROR, entries, iso, show
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.core.backups import BackupSet
    from regroup.core.keys.keystore import SystemKeyStore


def register(commands: Commands) -> None:
    actions = group(
        commands,
        "backup",
        "list, make, check and restore backups",
        "Work with the profile's backups: encrypted copies of the database, each with a "
        "copy of the key file, kept in the profile's 'backups' folder. The window makes "
        "one a day while it runs, and one is made before every upgrade, import and restore.",
    )
    listing = command(
        actions,
        "list",
        "show the backups, oldest first",
        "Show the backups, oldest first, with when and why each was made. Needs no key.",
        _run_list,
    )
    json_option(listing)
    listing.set_defaults(needs_key=False)  # no key read is started for it (cli.prepare_process)
    command(
        actions,
        "create",
        "make a backup now and check it",
        "Make a backup now, open it with the key and check it; exit 1 if the check fails "
        "(a copy that fails is set aside as ID.failed, never kept as a backup).",
        _run_create,
    )
    verify = command(
        actions,
        "verify",
        "check that backups open and are whole",
        "Open each backup (or only ID) with the key, run an integrity check and compare "
        "its row counts; exit 1 if any fails (each that fails is set aside as ID.failed).",
        _run_verify,
    )
    verify.add_argument("id", nargs="?", metavar="ID", help="the backup to check (default: all)")
    restore = command(
        actions,
        "restore",
        "put a backup in place of the diary",
        "Put the backup ID (or the newest, 'latest') in place of the diary. The diary as "
        "it is now is backed up first, so a restore can be undone by restoring that backup. "
        "Quit Regroup's window first: it must not hold the profile open.",
        _run_restore,
    )
    restore.add_argument("id", metavar="ID|latest", help="the backup to restore")


def _backup_json(backup: BackupSet) -> dict[str, object]:
    return {
        "id": backup.id,
        "taken_at": iso(backup.taken_at),
        "reason": backup.reason,
        "entries": backup.entries,
        "folder": str(backup.folder),
        "key_file": str(backup.key_file) if backup.key_file else None,
    }


def _line(backup: BackupSet) -> str:
    when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{backup.id}  {when}  {backup.reason}  {entries(backup.entries)}"


def _run_list(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.backups import backup_sets
    from regroup.core.paths import ProfilePaths

    sets = backup_sets(ProfilePaths(data_dir))
    return show(
        args.json,
        sets,
        _backup_json,
        lambda: (_line(backup) for backup in sets),
        "There are no backups yet; 'regroup backup create' makes one.",
    )


def _run_create(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        outcome = profile.backups.create("manual")
    print(f"Made and checked the backup {outcome.backup.id} ({entries(outcome.backup.entries)}).")
    if outcome.second_copy:
        print(f"Copied to {outcome.second_copy}.")
    if outcome.second_problem:
        print(f"regroup: warning: {outcome.second_problem}", file=sys.stderr)
    return 0


def _lost(data_dir: Path) -> bool:
    """Tell whether the profile's database is missing or empty (a restore can bring it back)."""
    from regroup.core.lost_restore import database_lost
    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import profile_exists

    paths = ProfilePaths(data_dir)
    return profile_exists(paths) and bool(database_lost(paths))


def _unlocking(data_dir: Path) -> tuple[SystemKeyStore, ConsolePrompter]:
    """The keystore and the questions (on stderr) every command unlocks with."""
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.cli.profile import keystore_for

    return keystore_for(data_dir), ConsolePrompter(stdout=sys.stderr)


def _run_verify(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.errors import DamagedDatabaseError
    from regroup.core.lost_restore import verify_lost
    from regroup.core.paths import ProfilePaths

    try:
        if _lost(data_dir):
            results = verify_lost(ProfilePaths(data_dir), args.id, *_unlocking(data_dir))
        else:
            with opened(data_dir) as profile:
                results = profile.backups.verify(args.id)
    except DamagedDatabaseError:  # the backups can still be checked, against their own key
        results = verify_lost(ProfilePaths(data_dir), args.id, *_unlocking(data_dir))
    for backup, problem in results:
        print(f"{backup.id}  {'good' if not problem else 'FAILED: ' + problem}")
    if not results:
        print("There are no backups to check.", file=sys.stderr)
    failed = [backup.id for backup, problem in results if problem and not backup.folder.exists()]
    if failed:
        print(
            f"regroup: error: {len(failed)} of {len(results)} backups failed their check; "
            "they were set aside (renamed ID.failed) and are no longer offered for restore.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return 0


@contextmanager
def _window_kept_out(data_dir: Path) -> Iterator[None]:
    """Hold the window's single-instance lock, so it neither runs now nor starts meanwhile."""
    from PySide6.QtCore import QLockFile

    from regroup.core.errors import ProfileError
    from regroup.gui.single_instance import SingleInstance

    instance = SingleInstance(data_dir)
    if not instance.lock.tryLock(0):
        if instance.lock.error() == QLockFile.LockError.LockFailedError:
            raise ProfileError(
                "Regroup's window has this profile open. Quit it (File › Quit, or Quit in "
                "the tray menu), or restore from its File › Restore… instead."
            )
        yield  # the lock cannot be used at all here; the window cannot use it either
        return
    try:
        yield
    finally:
        instance.lock.unlock()


def _run_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.errors import DamagedDatabaseError

    if _lost(data_dir):
        return _restore_lost(args.id, data_dir)
    try:
        with _window_kept_out(data_dir), opened(data_dir) as profile:
            outcome = profile.backups.restore(args.id, profile.close)
    except DamagedDatabaseError:  # the key is right but the file cannot be read
        return _restore_lost(args.id, data_dir, unreadable=True)
    restored, before = outcome.restored, outcome.before
    when = restored.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"Restored the backup of {when} ({entries(restored.entries)}).")
    print(
        f"The diary as it was just before is kept as the backup {before.id}; "
        f"'regroup backup restore {before.id}' brings it back."
    )
    return 0


def _restore_lost(backup_id: str, data_dir: Path, unreadable: bool = False) -> int:
    """Restore over a missing, empty or unreadable database, which cannot be backed up first."""
    from regroup.core.lost_restore import restore_lost
    from regroup.core.paths import ProfilePaths

    paths = ProfilePaths(data_dir)
    with _window_kept_out(data_dir):
        outcome = restore_lost(paths, backup_id, *_unlocking(data_dir), unreadable=unreadable)
    print(outcome.summary())
    return 0
