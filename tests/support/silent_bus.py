"""A session bus that takes connections and never answers: a keyring stuck on its prompt."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

SILENT_TIMEOUT = 2
"""The keyring timeout (seconds) the tests on a silent bus run with."""


def silent_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A session bus that takes connections and never says a word, as a stuck keyring."""
    path = tmp_path / "bus"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
    monkeypatch.setenv("REGROUP_KEYRING_TIMEOUT", str(SILENT_TIMEOUT))
    yield
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()
