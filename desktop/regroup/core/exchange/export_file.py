"""Writing an export so that no hidden plaintext copy outlives it, and never through a link.

An export is written to a temporary file beside its target and then renamed over it,
so the target is never half written. That temporary file is a complete, unencrypted
copy of the diary: it is removed on every way out (an error, Ctrl+C, and on the
command line SIGTERM and SIGHUP, which ``regroup.cli`` turns into a clean exit).
Only SIGKILL or a power cut can leave it behind, so it carries a name Regroup
recognises, ``.regroup-export-<pid>-XXXX.part``, and the folders exported to are
remembered in the profile: the next start removes the leftovers of processes that
are gone (:func:`sweep_export_leftovers`), and nothing else.

The target itself must be a regular file or nothing yet: a symbolic link, a named
pipe or a device is refused, even when replacing was asked for, because writing
there would replace something other than the file the person named.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from peewee import SqliteDatabase

from regroup.core.errors import RegroupError, StorageWriteError, ValidationError
from regroup.core.exchange.source_file import kind_of
from regroup.core.settings import SettingsService
from regroup.core.storage.files import fsync_dir

TEMP_PREFIX = ".regroup-export-"
TEMP_SUFFIX = ".part"
_LEFTOVER = re.compile(re.escape(TEMP_PREFIX) + r"([0-9]{1,10})-[^/\\]+" + re.escape(TEMP_SUFFIX))
FOLDERS_KEY = "exchange.export_folders"
MAX_FOLDERS = 8
"""The folders exported to most recently; older ones are forgotten (and no longer swept)."""
log = logging.getLogger(__name__)


class ExportTargetError(ValidationError):
    """The export's target is something other than a file Regroup may replace."""


def check_export_target(path: Path, replace: bool) -> None:
    """Refuse a target that is not a regular file, or one that exists when ``replace`` is off.

    The link itself is looked at, never what it points to.
    """
    try:
        status = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageWriteError(f"Could not write {path}: {exc.strerror or exc}.") from exc
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        raise ExportTargetError(
            f"{path} is a symbolic link; Regroup does not write through links. "
            "Name the file itself, or a new file."
        )
    if stat.S_ISDIR(mode):
        raise ExportTargetError(f"{path} is a folder; name a file to write.")
    if not stat.S_ISREG(mode):
        raise ExportTargetError(
            f"{path} is {kind_of(mode)}, not a file; Regroup replaces only regular files. "
            "Name a new file."
        )
    if not replace:
        raise ExportTargetError(f"{path} already exists; it was left as it was.")


def write_export_file(
    path: Path, data: bytes, db: SqliteDatabase | None = None, replace: bool = True
) -> None:
    """Replace ``path`` with ``data`` in one step, leaving no temporary copy on any way out.

    With ``db``, the folder is remembered first, so that a copy left by SIGKILL is
    found at the next start.
    """
    check_export_target(path, replace)
    folder = path.parent
    if db is not None:
        remember_export_folder(db, folder)
    sweep_folder(folder)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        check_export_target(path, replace)  # it may have changed while this was written
        os.replace(tmp_name, path)  # a rename replaces a link, never what it points to
        tmp_name = ""
        fsync_dir(folder)
    except OSError as exc:
        raise StorageWriteError(
            f"Could not write {path}: {exc.strerror or exc}. Nothing was changed."
        ) from exc
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def export_folders(db: SqliteDatabase) -> list[Path]:
    """The folders exports went to, newest first (at most MAX_FOLDERS)."""
    stored = SettingsService(db).get(FOLDERS_KEY)
    try:
        names = json.loads(stored) if stored else []
    except ValueError:
        return []
    if not isinstance(names, list):
        return []
    return [Path(name) for name in names[:MAX_FOLDERS] if isinstance(name, str) and name]


def remember_export_folder(db: SqliteDatabase, folder: Path) -> None:
    """Put ``folder`` first in the list of export folders; a read-only profile skips it."""
    folder = folder.absolute()
    known = export_folders(db)
    if known[:1] == [folder]:
        return
    names = [str(p) for p in [folder, *(p for p in known if p != folder)][:MAX_FOLDERS]]
    try:
        SettingsService(db).set(FOLDERS_KEY, json.dumps(names))
    except RegroupError as exc:  # a read-only profile still exports
        log.info("could not remember the export folder: %s", exc)


def sweep_export_leftovers(db: SqliteDatabase) -> int:
    """Remove what killed exports left in the remembered folders; return how many files."""
    try:
        folders = export_folders(db)
    except RegroupError as exc:
        log.info("could not read the export folders: %s", exc)
        return 0
    return sum(sweep_folder(folder) for folder in folders)


def sweep_folder(folder: Path) -> int:
    """Remove ``.regroup-export-<pid>-*.part`` files of ours whose process is gone."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        found = _LEFTOVER.fullmatch(entry.name)
        if found is None or process_alive(int(found.group(1))):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            mine = not hasattr(os, "getuid") or status.st_uid == os.getuid()
            if not stat.S_ISREG(status.st_mode) or not mine:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError as exc:
            log.info("could not remove the leftover export %s: %s", entry.path, exc)
    if removed:
        log.warning("removed %d unfinished export copies from %s", removed, folder)
    return removed


def process_alive(pid: int) -> bool:
    """Tell whether process ``pid`` runs (of any user); when unsure, say it does."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process
        return True
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    """``os.kill(pid, 0)`` would end the process on Windows: ask for its exit code instead."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(ctypes.get_last_error() == 5)  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    return True
