"""A keyring that never answers (locked, its prompt unanswered) costs a wait, never a hang."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from regroup.core.keys.key_reader import ChildProcessKeyStore
from regroup.core.keys.keystore import KeyringTimeoutError
from tests.cli.test_cli import _recovery_key
from tests.cli.test_diary import regroup
from tests.support.silent_bus import SILENT_TIMEOUT as TIMEOUT

READ_IN_A_FRESH_PROCESS = """
from regroup.core.keys.keystore import KeyringTimeoutError, SystemKeyStore
try:
    SystemKeyStore().load("00000000-0000-4000-8000-000000000000")
except KeyringTimeoutError as exc:
    print(exc)
"""


def _in_a_fresh_process(code: str, seconds: int) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a Python of its own, with the keyring timeout at ``seconds``."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "REGROUP_KEYRING_TIMEOUT": str(seconds)},
    )


def test_reading_the_key_gives_up_and_says_what_to_do(silent_keyring: None) -> None:
    # A process of its own: keyring remembers which backends it found usable.
    start = time.monotonic()
    done = _in_a_fresh_process(READ_IN_A_FRESH_PROCESS, TIMEOUT)
    assert time.monotonic() - start < TIMEOUT + 20
    message = done.stdout
    assert f"did not answer within {TIMEOUT} seconds" in message
    assert "Unlock it" in message and "passphrase or recovery key" in message


READ_EARLY_IN_A_FRESH_PROCESS = """
from regroup.core.keys.keystore import KeyringTimeoutError, SystemKeyStore
store = SystemKeyStore()
store.read_early("00000000-0000-4000-8000-000000000000")
try:
    store.load("00000000-0000-4000-8000-000000000000")
except KeyringTimeoutError as exc:
    print(exc)
"""


def test_a_read_started_early_gives_up_once_and_says_what_to_do(silent_keyring: None) -> None:
    seconds = 4  # long enough that a second wait (8 s) cannot pass for process start-up
    start = time.monotonic()
    done = _in_a_fresh_process(READ_EARLY_IN_A_FRESH_PROCESS, seconds)
    assert time.monotonic() - start < 2 * seconds - 1
    assert f"did not answer within {seconds} seconds" in done.stdout


def test_the_window_s_key_reader_gives_up_once_not_twice(
    silent_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ChildProcessKeyStore("00000000-0000-4000-8000-000000000000")
    monkeypatch.setattr(store, "_fallback", lambda: pytest.fail("asked the keyring again"))

    with pytest.raises(KeyringTimeoutError, match="did not answer"):
        store.load("00000000-0000-4000-8000-000000000000")


@pytest.mark.integration
def test_the_terminal_asks_for_the_recovery_key_instead_of_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "profile")
    created = regroup("--data-dir", data, "init")
    key = _recovery_key(created.stdout)
    path = tmp_path / "silent"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(16)  # connections wait in the backlog, never answered
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
    monkeypatch.setenv("REGROUP_KEYRING_TIMEOUT", str(TIMEOUT))
    try:
        start = time.monotonic()
        locked = regroup("--data-dir", data, "list")
        waited = time.monotonic() - start
        opened = regroup("--data-dir", data, "list", stdin=key + "\n")
    finally:
        server.close()

    assert locked.returncode == 3, locked.stderr
    assert "did not answer within 2 seconds" in locked.stderr
    assert "Traceback" not in locked.stderr
    assert waited < TIMEOUT + 30
    assert opened.returncode == 0, opened.stderr


def test_a_reader_child_that_times_out_says_so_by_its_status(silent_keyring: None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "regroup", "--internal-key-reader", "profile-id"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 4
    assert done.stdout == ""
