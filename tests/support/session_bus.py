"""A private D-Bus session with real desktop services, for tests and benchmarks.

Nothing here touches the user's own session: the bus, the keyring files and HOME
all live in a temporary folder, and every daemon is stopped at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

KEYRING_PASSWORD = b"regroup-test-keyring"


def missing_programs(*names: str) -> list[str]:
    """Return which of the programs are not on PATH."""
    return [name for name in names if shutil.which(name) is None]


class SessionBus:
    """A dbus-daemon of our own, with helpers to start services on it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.env: dict[str, str] = {}
        self._procs: list[subprocess.Popen[bytes]] = []

    def start(self) -> None:
        """Start the bus in a fresh HOME and record its address in ``env``."""
        runtime = self.home / "run"
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.env = {
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "XDG_RUNTIME_DIR": str(runtime),
        }
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **self.env},
        )
        self._procs.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not print its address")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    def start_keyring(self, unlock: bool = True) -> None:
        """Start gnome-keyring's Secret Service, unlocked (or locked, to test that case)."""
        args = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
        if unlock:
            args.append("--unlock")
        proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **self.env},
        )
        self._procs.append(proc)
        if unlock:
            assert proc.stdin is not None
            proc.stdin.write(KEYRING_PASSWORD)
            proc.stdin.close()
        self.wait_for_name("org.freedesktop.secrets")

    def wait_for_name(self, name: str, timeout: float = 10.0) -> None:
        """Block until a service owns ``name`` on this bus."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    f"string:{name}",
                ],
                env={**os.environ, **self.env},
                capture_output=True,
                text=True,
                check=False,
            )
            if "boolean true" in result.stdout:
                return
            time.sleep(0.05)
        raise RuntimeError(f"{name} did not appear on the test bus")

    def stop(self) -> None:
        """Stop every daemon started here, newest first."""
        for proc in reversed(self._procs):
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
        self._procs.clear()


@contextmanager
def private_session(home: Path, keyring: bool = True, unlock: bool = True) -> Iterator[SessionBus]:
    """Run a private bus (and a keyring on it) for the length of a ``with`` block."""
    bus = SessionBus(home)
    bus.start()
    try:
        if keyring:
            bus.start_keyring(unlock=unlock)
        yield bus
    finally:
        bus.stop()
