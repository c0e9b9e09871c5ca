"""Asking for keys in a terminal; with a pipe on stdin, each question reads one line."""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from regroup.core.keys.unlocking import passphrase_problem
from regroup.core.profile import SecretAnswer, SecretRequest

RECOVERY_WARNING = """\
Your recovery key
-----------------
{key}

Write it down or print it and keep it somewhere safe, away from this computer.
It is the only way back into your diary if the system keyring loses its key or
you forget your passphrase. Regroup shows it this once and cannot show it again.
"""


class ConsolePrompter:
    """The terminal side of :class:`regroup.core.profile.Prompter`."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self._in = stdin or sys.stdin
        self._out = stdout or sys.stdout
        self._interactive = self._in.isatty()
        self._asked = False

    def _say(self, text: str) -> None:
        print(text, file=self._out, flush=True)

    def _read_line(self, prompt: str, secret: bool = False) -> str | None:
        if self._interactive:
            try:
                return getpass.getpass(prompt) if secret else input(prompt)
            except EOFError:
                return None
        line = self._in.readline()
        return line.rstrip("\r\n") if line else None

    def choose_passphrase(self, reason: str) -> str | None:
        """Ask for a new passphrase twice (once when stdin is not a terminal)."""
        self._say(f"{reason}\nChoose a passphrase to protect your diary instead.")
        while True:
            first = self._read_line("New passphrase: ", secret=True)
            if not first:
                return None
            if not self._interactive:
                return first  # the profile checks it and says what is wrong
            problem = passphrase_problem(first)
            if problem:
                self._say(f"{problem} Try again (empty to cancel).")
                continue
            if self._read_line("Type it again: ", secret=True) == first:
                return first
            self._say("The two passphrases differ; try again (empty to cancel).")

    def confirm_recovery_key(self, recovery_key: str) -> bool:
        """Print the key once; have it typed back only when a person is at the terminal."""
        self._say(RECOVERY_WARNING.format(key=recovery_key))
        if not self._interactive:
            return True
        from regroup.core.errors import InvalidRecoveryKeyError, WrongKeyError
        from regroup.core.keys.recovery_key import parse_recovery_key

        expected = parse_recovery_key(recovery_key)
        while True:
            typed = self._read_line("Type the recovery key to confirm (empty to cancel): ")
            if not typed:
                return False
            try:
                if parse_recovery_key(typed) == expected:
                    return True
            except (InvalidRecoveryKeyError, WrongKeyError) as exc:
                self._say(str(exc))
                continue
            self._say("That is not the key shown above. Check each group and try again.")

    def ask_secret(self, request: SecretRequest) -> SecretAnswer | None:
        """Ask for the passphrase or recovery key; a pipe gets one try only."""
        if request.error:
            print(f"regroup: {request.error}", file=sys.stderr)
        if self._asked and not self._interactive:
            return None
        self._asked = True
        self._say(request.reason)
        if request.passphrase_allowed:
            text = self._read_line("Passphrase (empty to use the recovery key): ", secret=True)
            if text:
                return SecretAnswer(text, is_recovery_key=False)
        text = self._read_line("Recovery key: ", secret=True)
        return SecretAnswer(text, is_recovery_key=True) if text else None

    def offer_keyring_restore(self, keyring_name: str) -> bool:
        """Put the key back in the keyring; ask first when a person is there."""
        if not self._interactive:
            return True
        answer = self._read_line(f"Store the key in {keyring_name} again? [Y/n] ")
        return (answer or "y").strip().lower() in {"y", "yes"}
