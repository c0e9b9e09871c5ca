"""The GUI side of :class:`regroup.core.profile.Prompter`: one dialog per question.

The dialogs are imported when first needed: most starts need none of them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from regroup.core.profile import SecretAnswer, SecretRequest


class QtPrompter:
    """Asks with modal dialogs parented to ``parent`` (None before the window exists)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self.new_recovery_key: str | None = None
        """Set when a new profile was made: the welcome shows this key."""
        self.last_answer: SecretAnswer | None = None
        """What was typed last: a restore right after a failed open need not ask again."""

    def choose_passphrase(self, reason: str) -> str | None:
        """Ask for a new passphrase."""
        from regroup.gui.keys.key_dialogs import NewPassphraseDialog

        return NewPassphraseDialog.choose(reason, self._parent)

    def confirm_recovery_key(self, recovery_key: str) -> bool:
        """Keep a new profile's recovery key for the welcome, which shows it in the window.

        The profile is made at once; the welcome has the key typed back before it ends.
        """
        self.new_recovery_key = recovery_key
        return True

    def ask_secret(self, request: SecretRequest) -> SecretAnswer | None:
        """Ask for the passphrase or the recovery key."""
        from regroup.gui.keys.key_dialogs import UnlockDialog

        self.last_answer = UnlockDialog.ask(request, self._parent)
        return self.last_answer

    def offer_keyring_restore(self, keyring_name: str) -> bool:
        """Offer to put the key back in the keyring so it is not asked again."""
        from PySide6.QtWidgets import QMessageBox  # only now: its enums cost every start

        answer = QMessageBox.question(
            self._parent,
            "Remember the key?",
            f"Your diary is unlocked. Store its key in {keyring_name} again, so that "
            "Regroup opens without the recovery key next time?",
        )
        return answer == QMessageBox.StandardButton.Yes
