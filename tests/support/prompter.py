"""A scripted person at the keyboard, for driving the unlock flow in tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from regroup.core.profile import SecretAnswer, SecretRequest


@dataclass
class ScriptedPrompter:
    """Answers with prepared replies and records what it was asked."""

    passphrase: str | None = "correct horse battery staple"
    confirm: bool = True
    restore_keyring: bool = True
    answers: list[SecretAnswer | None] = field(default_factory=list)
    recovery_key: str = ""
    requests: list[SecretRequest] = field(default_factory=list)
    passphrase_reasons: list[str] = field(default_factory=list)
    restore_offers: int = 0

    def choose_passphrase(self, reason: str) -> str | None:
        self.passphrase_reasons.append(reason)
        return self.passphrase

    def confirm_recovery_key(self, recovery_key: str) -> bool:
        self.recovery_key = recovery_key
        return self.confirm

    def ask_secret(self, request: SecretRequest) -> SecretAnswer | None:
        self.requests.append(request)
        return self.answers.pop(0) if self.answers else None

    def offer_keyring_restore(self, keyring_name: str) -> bool:
        self.restore_offers += 1
        return self.restore_keyring

    def will_answer(self, answers: Iterable[SecretAnswer | None]) -> ScriptedPrompter:
        """Queue answers to the next questions; returns self for chaining."""
        self.answers.extend(answers)
        return self


def recovery(text: str) -> SecretAnswer:
    """An answer that is a recovery key."""
    return SecretAnswer(text, is_recovery_key=True)


def passphrase(text: str) -> SecretAnswer:
    """An answer that is a passphrase."""
    return SecretAnswer(text, is_recovery_key=False)
