"""The recovery key of a new profile: shown once with ways to keep it, then typed back.

The welcome shows these two parts at first start; they hold the key's rules (what
counts as the same key, what the printed sheet and the saved file say) so that any
other place showing a new key says and checks the same.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPagedPaintDevice
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import WrongKeyError
from regroup.core.keys.recovery_key import parse_recovery_key

KEY_PURPOSE = (
    "This key opens your Regroup diary when the system keyring has lost its key "
    "or you have forgotten your passphrase. Keep it somewhere safe, away from your "
    "computer. Anyone with the key and your computer can read the diary."
)
SAVE_NAME = "Regroup recovery key.txt"


def _key_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.4)
    return font


def caption(text: str) -> QLabel:
    """Return a wrapped help line in the caption text style (also used by Key settings)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", "caption")
    return label


def print_recovery_key(recovery_key: str, printer: QPagedPaintDevice) -> None:
    """Print a sheet with the key and what it is for (also used for "Print to PDF")."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(
        "<h2>Regroup recovery key</h2>"
        f"<p style='font-family: monospace; font-size: 20pt'>{recovery_key}</p>"
        f"<p>{KEY_PURPOSE}</p>"
    )
    document.print_(printer)


def save_recovery_key(recovery_key: str, path: Path) -> None:
    """Write the key and what it is for to a text file only its owner can read."""
    text = f"Regroup recovery key\n\n{recovery_key}\n\n{KEY_PURPOSE}\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def matches(recovery_key: str, typed: str) -> bool:
    """Tell whether ``typed`` is ``recovery_key`` (dashes, spaces and case don't matter)."""
    try:
        return parse_recovery_key(typed) == parse_recovery_key(recovery_key)
    except WrongKeyError:
        return False


class RecoveryKeyShow(QWidget):
    """The key, Copy, Print…, Save as file…, and "I have kept it"; ``kept`` follows the box."""

    kept = Signal(bool)

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = recovery_key
        self.key_label = QLabel(recovery_key)
        self.key_label.setFont(_key_font())
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName("Recovery key")
        buttons = QHBoxLayout()
        buttons.addStretch()
        for title, name, slot in (
            ("Copy", "Copy the recovery key", self.copy),
            ("Print…", "Print the recovery key", self.print_key),
            ("Save as file…", "Save the recovery key as a text file", self.save_key),
        ):
            button = QPushButton(title)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch()
        self.done_label = caption("")
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_label.setAccessibleName("What happened to the key")
        self.saved_check = QCheckBox("I have written down, printed or saved my recovery key")
        self.saved_check.toggled.connect(self.kept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        card = QFrame()
        card.setProperty("card", True)
        QVBoxLayout(card).addWidget(self.key_label)
        layout.addWidget(card)
        layout.addLayout(buttons)
        layout.addWidget(self.done_label)
        layout.addWidget(self.saved_check)

    def copy(self) -> None:
        """Put the key on the clipboard."""
        QGuiApplication.clipboard().setText(self._key)
        self.done_label.setText("Copied. Paste it somewhere safe, away from this computer.")

    def print_key(self) -> None:
        """Ask for a printer, then print the key's sheet."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_recovery_key(self._key, printer)
            self.done_label.setText("Sent to the printer.")

    def save_key(self) -> None:
        """Ask where, then write the key to a text file there."""
        start = str(Path.home() / SAVE_NAME)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the recovery key", start, "Text files (*.txt)"
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        """Write the key to ``path`` and say where, or why it could not be written."""
        if not path.suffix:
            path = path.with_suffix(".txt")
        try:
            save_recovery_key(self._key, path)
        except OSError as exc:
            self.done_label.setText(f"Could not save it there ({exc.strerror or exc}).")
            return False
        self.done_label.setText(f"Saved to {path}. Keep a copy away from this computer too.")
        return True


class RecoveryKeyConfirm(QWidget):
    """A box to type the key back; ``confirmed`` says whether what is typed is the key."""

    confirmed = Signal(bool)
    submitted = Signal()

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = recovery_key
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setFont(_key_font())
        self.confirm_edit.setAccessibleName("Type the recovery key")
        self.confirm_edit.textChanged.connect(self._check_typed)
        self.confirm_edit.returnPressed.connect(self.submitted)
        self.feedback = caption("")
        self.feedback.setAccessibleName("Does it match")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(caption("Dashes, spaces and capital letters don't matter."))
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.feedback)

    def is_confirmed(self) -> bool:
        """Tell whether the key was typed back."""
        return matches(self._key, self.confirm_edit.text())

    def _check_typed(self, text: str) -> None:
        ok = matches(self._key, text)
        if ok:
            self.feedback.setText("That matches.")
        elif len("".join(c for c in text if c.isalnum())) >= 32:
            self.feedback.setText("That is not the key shown before. Go back to check it.")
        else:
            self.feedback.setText("")
        self.confirmed.emit(ok)
