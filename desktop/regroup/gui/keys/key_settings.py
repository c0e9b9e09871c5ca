"""Settings › Key and recovery: a new recovery key, a passphrase, or the keyring again.

The rules (what proves a passphrase, in which order files and keyring change) are
``core.keys.manager``'s; this box only asks the person and says what happened. The
questions are attributes, so a test can answer them without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.keys.key_file import KeyStorage
from regroup.core.keys.manager import NEW_KEY_WARNING
from regroup.core.profile import Profile
from regroup.gui.keys.key_dialogs import NewPassphraseDialog
from regroup.gui.keys.recovery_key_panel import RecoveryKeyConfirm, RecoveryKeyShow, caption
from regroup.gui.kit.settings_sections import PROFILE, SettingsSection

KEYS = PROFILE + 5
"""Just below "Your profile", above Privacy."""


class NewRecoveryKeyDialog(QDialog):
    """Shows the new key with Copy/Print/Save, and takes it only once it is typed back."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your new recovery key")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(caption("Keep this key somewhere safe, then type it back below."))
        self.show_part = RecoveryKeyShow(recovery_key)
        self.confirm_part = RecoveryKeyConfirm(recovery_key)
        layout.addWidget(self.show_part)
        layout.addWidget(self.confirm_part)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Use this key")
        ok.setProperty("buttonStyle", "primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.show_part.kept.connect(self._update)
        self.confirm_part.confirmed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ready = self.show_part.saved_check.isChecked() and self.confirm_part.is_confirmed()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def _confirm_new_key(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        "Make a new recovery key?",
        NEW_KEY_WARNING,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def _show_new_key(parent: QWidget, recovery_key: str) -> bool:
    return NewRecoveryKeyDialog(recovery_key, parent).exec() == QDialog.DialogCode.Accepted


def _ask_passphrase(parent: QWidget, why: str) -> str | None:
    text, ok = QInputDialog.getText(parent, "Your passphrase", why, QLineEdit.EchoMode.Password)
    return text if ok else None


class KeySettingsBox(QGroupBox):
    """Where the key is kept, and the three changes a person may make to it."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__("Key and recovery", parent)
        self._profile = profile
        self.confirm_new_key: Callable[[], bool] = lambda: _confirm_new_key(self)
        self.show_new_key: Callable[[str], bool] = lambda key: _show_new_key(self, key)
        self.ask_passphrase: Callable[[str], str | None] = lambda why: _ask_passphrase(self, why)
        self.choose_passphrase: Callable[[str], str | None] = lambda reason: (
            NewPassphraseDialog.choose(reason, self)
        )
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.where_label.setAccessibleName("Where the key is kept")
        self.new_key_button = QPushButton("Make a new recovery key…")
        self.passphrase_button = QPushButton()
        self.keyring_button = QPushButton("Keep the key in the keyring instead")
        self.result_label = caption("")
        self.result_label.setAccessibleName("What changed")
        self.result_label.hide()
        self.new_key_button.clicked.connect(self.make_new_recovery_key)
        self.passphrase_button.clicked.connect(self.set_passphrase)
        self.keyring_button.clicked.connect(self.move_to_keyring)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.new_key_button, self.passphrase_button, self.keyring_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.where_label)
        layout.addWidget(
            caption(
                "Your recovery key opens the diary on its own, even if the keyring, the "
                "passphrase or Regroup's key file is lost."
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        self._show_storage()

    def _uses_passphrase(self) -> bool:
        return self._profile.key_file.storage is KeyStorage.PASSPHRASE

    def _show_storage(self) -> None:
        if self._uses_passphrase():
            self.where_label.setText("The key is protected by your passphrase.")
            self.passphrase_button.setText("Change passphrase…")
        else:
            self.where_label.setText(
                "The key is kept in your system keyring, so Regroup opens without asking."
            )
            self.passphrase_button.setText("Use a passphrase instead…")
        self.keyring_button.setVisible(self._uses_passphrase())

    def _attempt(self, change: Callable[[], None], done: str) -> bool:
        try:
            change()
        except RegroupError as exc:
            self._say(f"Nothing was changed. {exc}")
            return False
        self._show_storage()
        self._say(done)
        return True

    def _say(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))

    def _current_passphrase(self) -> str | None:
        if not self._uses_passphrase():
            return None
        return self.ask_passphrase("Type your current passphrase to make this change.")

    def make_new_recovery_key(self) -> bool:
        """Confirm, show and have the new key typed back, then switch the diary over to it."""
        if not self.confirm_new_key():
            return False
        current = self._current_passphrase()
        if self._uses_passphrase() and current is None:
            return False
        recovery_key = self._profile.keys.draw_recovery_key()
        if not self.show_new_key(recovery_key):
            self._say("Nothing was changed; your recovery key is the same.")
            return False
        return self._attempt(
            lambda: self._profile.keys.replace_recovery_key(recovery_key, current),
            "Your new recovery key is in place; the old one no longer opens the diary.",
        )

    def set_passphrase(self) -> bool:
        """Set or change the passphrase (which takes the key out of the keyring)."""
        current = self._current_passphrase()
        if self._uses_passphrase() and current is None:
            return False
        new = self.choose_passphrase(
            "Regroup will ask for this passphrase each time it starts, and the system "
            "keyring will no longer hold the key."
        )
        if new is None:
            return False
        return self._attempt(
            lambda: self._profile.keys.set_passphrase(new, current),
            "Your passphrase now protects the key.",
        )

    def move_to_keyring(self) -> bool:
        """Keep the key in the keyring again, after the passphrase proves itself."""
        current = self._current_passphrase()
        if current is None:
            return False
        return self._attempt(
            lambda: self._profile.keys.move_to_keyring(current),
            "The key is in your system keyring again; Regroup will open without asking.",
        )


def key_sections(profile: Profile) -> list[SettingsSection]:
    """The Key and recovery section, for Settings."""
    return [SettingsSection("keys", KEYS, lambda: KeySettingsBox(profile))]
