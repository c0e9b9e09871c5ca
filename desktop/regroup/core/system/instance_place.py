"""Where one profile's single-instance lock and socket live: folders only this user can enter.

In the shared temporary folder, under names anyone can work out, another local user
could create the lock or the socket first and keep Regroup from starting (or read
what a second start hands over). The lock lives in a ``run`` folder inside the
profile folder, so that every process of the user finds the same one whatever its
environment; the socket lives in ``$XDG_RUNTIME_DIR/regroup`` when that folder is
this user's, else beside the lock; each folder is made 0700, and the socket's name
is written beside the lock. A Unix socket's path must stay short (about 104 bytes on
macOS, 108 on Linux): a long profile path gets a short hashed name, and if even that
is too long, a 0700 folder of this user's in the temporary folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import tempfile
from pathlib import Path

from regroup.core.record import record

MAX_SOCKET_PATH = 100
"""Bytes; below both Linux's and macOS's limit for a Unix socket's path."""
log = logging.getLogger(__name__)


@record
class InstancePlace:
    """The lock file's path and the local server's name (a socket path on POSIX)."""

    lock: Path
    server: str


def _mine_and_private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder (no link) of this user's that no one else may write."""
    try:
        status = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid() and not status.st_mode & 0o022
    )


def _private_folder(folder: Path) -> Path | None:
    """Create ``folder`` 0700 (or tighten ours); None when it is someone else's or a link."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        log.info("cannot create %s: %s", folder, exc)
        return None
    try:
        status = folder.lstat()
        if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid():
            log.warning("%s is not this user's folder; not using it", folder)
            return None
        if stat.S_IMODE(status.st_mode) != 0o700:
            os.chmod(folder, 0o700)
    except OSError as exc:
        log.info("cannot use %s: %s", folder, exc)
        return None
    return folder


def runtime_folder(data_dir: Path) -> Path | None:
    """The private folder for ``data_dir``'s socket, created when missing."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and _mine_and_private(Path(runtime)):
        found = _private_folder(Path(runtime) / "regroup")
        if found is not None:
            return found
    return profile_run_folder(data_dir)


def profile_run_folder(data_dir: Path) -> Path | None:
    """The 0700 ``run`` folder inside the profile folder, created (both 0700) when missing.

    The lock always lives here: every process of the user finds it, whatever its
    environment (a restore started from cron must see the window's lock).
    """
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        log.info("cannot create %s: %s", data_dir, exc)
        return None
    if not _mine_and_private(data_dir):
        return None
    return _private_folder(data_dir / "run")


def _short_enough(path: Path) -> bool:
    return len(os.fsencode(path)) <= MAX_SOCKET_PATH


def instance_place(data_dir: Path, key: str) -> InstancePlace | None:
    """The lock and socket of the profile named ``key``; None when no private place exists."""
    if os.name != "posix":
        windows_run = data_dir / "run"
        windows_run.mkdir(parents=True, exist_ok=True)
        return InstancePlace(windows_run / f"{key}.lock", key)  # a named pipe, not a path
    run = profile_run_folder(data_dir)
    folder = runtime_folder(data_dir)
    if folder is None or run is None:
        return None
    lock = run / f"{key}.lock"
    for socket in (folder / f"{key}.sock", folder / f"{_digest(key)}.s"):
        if _short_enough(socket):
            return InstancePlace(lock, str(socket))
    spare = _private_folder(Path(tempfile.gettempdir()) / f"regroup-{os.getuid()}")
    if spare is not None and _short_enough(spare / f"{_digest(key)}.s"):
        return InstancePlace(lock, str(spare / f"{_digest(key)}.s"))
    log.warning("no private place for the single-instance socket is short enough")
    return None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def peer_uid(descriptor: int) -> int | None:
    """The user id at the other end of a connected Unix socket (Linux), else None."""
    import socket
    import struct

    option = getattr(socket, "SO_PEERCRED", None)
    if option is None or descriptor < 0:
        return None
    try:
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            credentials = connection.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    except OSError as exc:
        log.info("cannot read the peer's credentials: %s", exc)
        return None
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)
