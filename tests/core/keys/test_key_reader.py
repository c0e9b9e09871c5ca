"""The key read by a child process at start-up is the keyring's key; failures fall back."""

import os
import subprocess
import sys

import pytest

from regroup.core.keys.key_reader import READER_FLAG, ChildProcessKeyStore, reader_command
from regroup.core.keys.keystore import SystemKeyStore

pytestmark = pytest.mark.integration


def test_the_child_reads_the_key_and_the_keyring_name() -> None:
    SystemKeyStore().save("reader-profile", b"\x07" * 32)
    store = ChildProcessKeyStore("reader-profile")
    assert store.load("reader-profile") == b"\x07" * 32
    assert store.name() == "SecretService Keyring"
    assert store._system is None, "the parent should not have needed the keyring itself"


def test_when_the_child_has_nothing_the_parent_asks_the_keyring_itself() -> None:
    store = ChildProcessKeyStore("no-such-profile")
    assert store.load("no-such-profile") is None
    assert store._system is not None


def test_the_reader_never_writes_a_key_to_a_terminal() -> None:
    SystemKeyStore().save("tty-profile", b"\x09" * 32)
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            reader_command("tty-profile"),
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
            check=False,
            timeout=60,
        )
    finally:
        os.close(follower)
    os.set_blocking(leader, False)
    try:
        written = os.read(leader, 4096)
    except OSError:  # EIO or EAGAIN: the terminal received nothing
        written = b""
    os.close(leader)
    assert result.returncode == 2
    assert "own use" in result.stderr
    assert (b"\x09" * 32).hex().encode() not in written
    assert sys.executable in reader_command("x") and READER_FLAG in reader_command("x")
