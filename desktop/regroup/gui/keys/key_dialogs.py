"""Asking for the passphrase or the recovery key, and choosing a new passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.keys.unlocking import MIN_PASSPHRASE, passphrase_problem
from regroup.core.profile import SecretAnswer, SecretRequest

__all__ = ["MIN_PASSPHRASE", "NewPassphraseDialog", "UnlockDialog"]


def _wrapped_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class UnlockDialog(QDialog):
    """Asks for the passphrase, or for the recovery key when the keyring cannot help."""

    def __init__(self, request: SecretRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Unlock your diary")
        self._use_recovery = not request.passphrase_allowed
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped_label(request.reason))
        self.error_label = _wrapped_label(request.error or "")
        self.error_label.setProperty("textTone", "error")
        self.error_label.setVisible(bool(request.error))
        self.prompt = QLabel()
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.prompt)
        layout.addWidget(self.secret_edit)
        layout.addWidget(self.error_label)
        self.switch_button = QPushButton("Use the recovery key instead")
        self.switch_button.setFlat(True)
        self.switch_button.setVisible(request.passphrase_allowed)
        self.switch_button.clicked.connect(self._toggle_mode)
        layout.addWidget(self.switch_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        buttons.accepted.connect(self._accept_if_filled)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_mode()

    def _show_mode(self) -> None:
        if self._use_recovery:
            self.prompt.setText("Recovery key (the 32 characters shown when you started):")
            self.secret_edit.setAccessibleName("Recovery key")
            self.switch_button.setText("Use the passphrase instead")
        else:
            self.prompt.setText("Passphrase:")
            self.secret_edit.setAccessibleName("Passphrase")
            self.switch_button.setText("Use the recovery key instead")
        self.secret_edit.clear()
        self.secret_edit.setFocus()

    def _toggle_mode(self) -> None:
        self._use_recovery = not self._use_recovery
        self._show_mode()

    def _accept_if_filled(self) -> None:
        if self.secret_edit.text():
            self.accept()

    def answer(self) -> SecretAnswer:
        """Return what was typed and whether it is the recovery key."""
        return SecretAnswer(self.secret_edit.text(), self._use_recovery)

    @classmethod
    def ask(cls, request: SecretRequest, parent: QWidget | None = None) -> SecretAnswer | None:
        """Run the dialog; None when the person cancels."""
        dialog = cls(request, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()


class NewPassphraseDialog(QDialog):
    """Chooses the passphrase that protects the diary where no keyring exists."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Protect your diary with a passphrase")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped_label(
                f"{reason}\n\nChoose a passphrase; Regroup will ask for it each time it "
                f"starts. Use at least {MIN_PASSPHRASE} characters; a few unrelated words "
                "are easy to remember and hard to guess."
            )
        )
        form = QFormLayout()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit, name in ((self.first, "Passphrase"), (self.second, "Passphrase again")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._validate)
            form.addRow(f"{name}:", edit)
        layout.addLayout(form)
        self.feedback = _wrapped_label("")
        layout.addWidget(self.feedback)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)
        self._validate()

    def _validate(self) -> None:
        first, second = self.first.text(), self.second.text()
        problem = passphrase_problem(first)
        if problem:
            message = problem if first else ""
        elif first != second:
            message = "The two passphrases differ." if second else "Type it again below."
        else:
            message = ""
        ok = problem is None and first == second
        self.feedback.setText(message)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @classmethod
    def choose(cls, reason: str, parent: QWidget | None = None) -> str | None:
        """Run the dialog; the passphrase, or None when cancelled."""
        dialog = cls(reason, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.first.text()
