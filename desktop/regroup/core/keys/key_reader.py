"""Reading the data key in a child process, so that start-up overlaps it with loading Qt.

Importing ``keyring`` with its OS backend and asking the keyring is about a fifth of
the start-up time. A thread would not help, since imports hold the GIL; a child
process runs on another core while this one loads the GUI toolkit. The child serves
only the happy path: whenever it cannot answer, the parent asks the keyring itself,
so every error is found and reported exactly as it would be without the child.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from regroup.core.errors import KeystoreUnavailableError
from regroup.core.keys.keystore import (
    KeyringTimeoutError,
    KeyStore,
    SystemKeyStore,
    keyring_timeout,
    timeout_message,
)

if TYPE_CHECKING:
    import subprocess

READER_FLAG = "--internal-key-reader"
TIMED_OUT = 4
"""The reader's exit status when the keyring did not answer in time."""
log = logging.getLogger(__name__)


def reader_command(profile_id: str) -> list[str]:
    """Return the command that runs the reader, from source or from a frozen bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, READER_FLAG, profile_id]
    return [sys.executable, "-m", "regroup", READER_FLAG, profile_id]


def reader_main(args: list[str]) -> int:
    """The child's entry point, reached before the command line and its imports are built.

    The child only has to read the key: skipping the command modules halves its time.
    """
    from regroup.core.system.core_dumps import forbid_core_dumps

    forbid_core_dumps()  # before the key is read
    return run_reader(args)


def run_reader(args: list[str]) -> int:
    """The child's side: write the key and the keyring's name to a pipe, never a terminal."""
    if len(args) != 1 or sys.stdout.isatty():
        print(f"regroup: {READER_FLAG} is for Regroup's own use.", file=sys.stderr)
        return 2
    store = SystemKeyStore()
    try:
        key = store.load(args[0])
    except KeyringTimeoutError:
        return TIMED_OUT
    except KeystoreUnavailableError:
        return 1
    if key is None:
        return 1
    sys.stdout.write(f"{key.hex()}\n{store.name()}\n")
    return 0


class ChildProcessKeyStore:
    """A :class:`KeyStore` whose first read of one profile's key comes from a child process."""

    def __init__(self, profile_id: str) -> None:
        self._profile_id = profile_id
        self._name = ""
        self._system: KeyStore | None = None
        # Imported here: every command loads this module for READER_FLAG, and only the
        # window starts a child (subprocess costs about 5 ms to load).
        import subprocess

        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        self._child: subprocess.Popen[str] | None = subprocess.Popen(
            reader_command(profile_id),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            creationflags=flags,
        )

    def _fallback(self) -> KeyStore:
        if self._system is None:
            self._system = SystemKeyStore()
        return self._system

    def _answer_from_child(self) -> bytes | None:
        import subprocess

        child, self._child = self._child, None
        if child is None:
            return None
        seconds = keyring_timeout()
        try:
            out, _ = child.communicate(timeout=seconds + 30)  # it gives up after ``seconds``
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise KeyringTimeoutError(timeout_message(seconds)) from None
        if child.returncode == TIMED_OUT:  # asking again here would only wait as long again
            raise KeyringTimeoutError(timeout_message(seconds))
        lines = out.splitlines()
        if child.returncode != 0 or len(lines) != 2:
            return None
        try:
            key = bytes.fromhex(lines[0])
        except ValueError:
            return None
        self._name = lines[1]
        return key

    def discard(self) -> None:
        """Stop the child unread: this process will not open the profile after all."""
        child, self._child = self._child, None
        if child is not None:
            child.kill()
            child.communicate()

    def name(self) -> str:
        """Return the keyring's name as the child saw it, or ask the keyring."""
        return self._name or self._fallback().name()

    def load(self, profile_id: str) -> bytes | None:
        """Return the child's answer for the first read, else read in this process."""
        if profile_id == self._profile_id:
            key = self._answer_from_child()
            if key is not None:
                return key
        return self._fallback().load(profile_id)

    def save(self, profile_id: str, key: bytes) -> None:
        """Store the key through the keyring in this process."""
        self._fallback().save(profile_id, key)

    def delete(self, profile_id: str) -> None:
        """Delete the key through the keyring in this process."""
        self._fallback().delete(profile_id)
