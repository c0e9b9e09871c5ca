"""One Regroup per profile: a second start hands its request to the first and leaves.

A lock file says who owns the profile; a local socket carries the request. Both are
named from the profile folder, so two profiles can run side by side, and both sit
in a folder only this user can enter (core.system.instance_place), so another user
can neither block a start nor listen in; on Linux each end of the socket also checks
that the other runs as this user. A lock left by a crash never blocks a start: Qt
sees that its process is gone, and a lock whose owner does not answer on the socket
is taken over as well.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from regroup.core.system.instance_place import instance_place, peer_uid

log = logging.getLogger(__name__)

SHOW = "show"
"""The request of a plain second start: bring the window to the front."""
ACK = b"ok\n"
CONNECT_ATTEMPTS = 6
CONNECT_WAIT_MS = 250
ANSWER_WAIT_MS = 3000
MAX_MESSAGE = 64 * 1024


def instance_key(data_dir: Path) -> str:
    """Return the name the lock and the socket of the profile in ``data_dir`` are made from."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    identity = f"{user}\0{data_dir.expanduser().absolute()}"
    return "regroup-" + hashlib.sha256(identity.encode()).hexdigest()[:24]


class SingleInstance(QObject):
    """The lock and the socket of one profile; ``message_received`` carries requests."""

    message_received = Signal(list)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = instance_key(data_dir)
        place = instance_place(data_dir.expanduser().absolute(), key)
        if place is None:  # no private folder at all: as before, rather than not starting
            from PySide6.QtCore import QDir  # rare; its enums cost every start otherwise

            log.warning("no private folder for the single-instance lock; using %s", QDir.tempPath())
            lock_path = Path(QDir.tempPath()) / f"{key}.lock"
        else:
            lock_path = place.lock
        self.name = place.server if place else key
        """The local server's name: a socket path in the private folder on POSIX."""
        self.lock = QLockFile(str(lock_path))
        # Qt would otherwise call a lock older than 30 s stale, even with its owner alive.
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None

    def claim(self, message: list[str]) -> bool:
        """Return True when this process now owns the profile.

        Otherwise ``message`` was handed to the process that does, and this one
        should leave without opening anything.
        """
        if self.lock.tryLock(0):
            self._listen()
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            log.warning("cannot use the single-instance lock %s; going on", self.lock.fileName())
            return True
        if send_message(self.name, message) or self._send_to_recorded(message):
            return False
        log.warning("the Regroup holding this profile does not answer; taking over its lock")
        self.lock.removeStaleLockFile()
        if not self.lock.tryLock(0):
            log.warning("could not take over the single-instance lock; going on")
        self._listen()
        return True

    def _recorded_path(self) -> Path:
        return Path(self.lock.fileName()).with_suffix(".server")

    def _send_to_recorded(self, message: list[str]) -> bool:
        """Try the socket the owner wrote down: it may have another $XDG_RUNTIME_DIR."""
        try:
            recorded = self._recorded_path().read_text(encoding="utf-8").strip()
        except OSError:
            return False
        return bool(recorded) and recorded != self.name and send_message(recorded, message)

    def _record(self) -> None:
        try:
            descriptor = os.open(
                self._recorded_path(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600
            )
            with os.fdopen(descriptor, "w", encoding="utf-8") as record:
                record.write(self.name)
        except OSError as exc:
            log.info("cannot note where this Regroup listens: %s", exc)

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crash; we hold the lock, so it is no one's.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("a second start cannot reach this one: %s", server.errorString())
                return
        server.newConnection.connect(self._accept)
        self.server = server
        self._record()

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if not _same_user(socket):
                log.warning("refused a request from another user's process")
                socket.abort()
                socket.deleteLater()
                continue
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                socket.abort()
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        buffer.clear()
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        if not isinstance(message, list) or not all(isinstance(m, str) for m in message):
            log.warning("ignored a malformed request from a second start")
            socket.abort()
            return
        socket.write(QByteArray(ACK))
        socket.flush()
        socket.disconnectFromServer()
        self.message_received.emit(message)

    def release(self) -> None:
        """Stop listening and give up the lock (at quit)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()


def send_message(name: str, message: list[str]) -> bool:
    """Hand ``message`` to the process listening as ``name``; True once it confirmed."""
    payload = QByteArray(json.dumps(message).encode() + b"\n")
    for _ in range(CONNECT_ATTEMPTS):
        socket = QLocalSocket()
        socket.connectToServer(name)
        if not socket.waitForConnected(CONNECT_WAIT_MS):
            # The owner may be starting and not listening yet: give it a moment.
            time.sleep(CONNECT_WAIT_MS / 1000)
            continue
        if not _same_user(socket):
            log.warning("the Regroup socket belongs to another user; not using it")
            socket.abort()
            return False
        socket.write(payload)
        socket.waitForBytesWritten(ANSWER_WAIT_MS)
        answer = b""
        while ACK not in answer and socket.waitForReadyRead(ANSWER_WAIT_MS):
            answer += bytes(socket.readAll().data())
        socket.abort()
        return ACK in answer
    return False


def _same_user(socket: QLocalSocket) -> bool:
    """Whether the other end runs as this user; True where that cannot be told (not Linux)."""
    uid = peer_uid(int(socket.socketDescriptor()))
    return uid is None or uid == os.getuid()


def bring_to_front(window: QWidget) -> None:
    """Show, raise and activate ``window`` (as far as the window manager allows)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
