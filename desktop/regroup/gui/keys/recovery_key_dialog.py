"""Shows the recovery key once, then has it typed back before the profile is created."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPagedPaintDevice
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import WrongKeyError
from regroup.core.keys.recovery_key import parse_recovery_key


def _key_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.4)
    return font


def print_recovery_key(recovery_key: str, printer: QPagedPaintDevice) -> None:
    """Print a sheet with the key and what it is for (also used for "Print to PDF")."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(
        "<h2>Regroup recovery key</h2>"
        f"<p style='font-family: monospace; font-size: 20pt'>{recovery_key}</p>"
        "<p>This key opens your Regroup diary when the system keyring has lost its key "
        "or you have forgotten your passphrase. Keep this sheet somewhere safe, away "
        "from your computer. Anyone with the key and your computer can read the diary.</p>"
    )
    document.print_(printer)


class RecoveryKeyDialog(QDialog):
    """Two steps: write the key down, then prove it by typing it back."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your recovery key")
        self._key = recovery_key
        self._expected = parse_recovery_key(recovery_key)
        self._steps = QStackedWidget()
        self._steps.addWidget(self._build_show_step())
        self._steps.addWidget(self._build_confirm_step())
        layout = QVBoxLayout(self)
        layout.addWidget(self._steps)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._back = self._buttons.addButton("Back", QDialogButtonBox.ButtonRole.ActionRole)
        self._next = self._buttons.addButton("Next", QDialogButtonBox.ButtonRole.AcceptRole)
        self._back.setVisible(False)
        self._next.setEnabled(False)
        self._back.clicked.connect(lambda: self._go(0))
        self._next.clicked.disconnect()
        self._next.clicked.connect(self._advance)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)

    def _build_show_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "<p>This key is the only way back into your diary if the system keyring "
            "forgets it or you forget your passphrase.</p>"
            "<p><b>Write it down or print it now and keep it away from this computer.</b> "
            "Regroup shows it this once.</p>"
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(self._key)
        self.key_label.setFont(_key_font())
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName("Recovery key")
        copy = QPushButton("Copy")
        copy.setAccessibleName("Copy the recovery key")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self._key))
        print_button = QPushButton("Print…")
        print_button.setAccessibleName("Print the recovery key")
        print_button.clicked.connect(self._print)
        self.saved_check = QCheckBox("I have written down or printed my recovery key")
        self.saved_check.toggled.connect(lambda on: self._next.setEnabled(on))
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(copy)
        row.addWidget(print_button)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addWidget(self.saved_check)
        return page

    def _build_confirm_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel("Type the recovery key to confirm you have it. Dashes and case don't matter.")
        hint.setWordWrap(True)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setFont(_key_font())
        self.confirm_edit.setAccessibleName("Type the recovery key")
        self.confirm_edit.textChanged.connect(self._check_typed)
        self.feedback = QLabel("")
        self.feedback.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.feedback)
        layout.addStretch()
        return page

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_recovery_key(self._key, printer)

    def _go(self, step: int) -> None:
        self._steps.setCurrentIndex(step)
        self._back.setVisible(step == 1)
        if step == 0:
            self._next.setText("Next")
            self._next.setEnabled(self.saved_check.isChecked())
        else:
            self._next.setText("Create my diary")
            self._check_typed(self.confirm_edit.text())
            self.confirm_edit.setFocus()

    def _advance(self) -> None:
        if self._steps.currentIndex() == 0:
            self._go(1)
        elif self._matches(self.confirm_edit.text()):
            self.accept()

    def _matches(self, text: str) -> bool:
        try:
            return parse_recovery_key(text) == self._expected
        except WrongKeyError:
            return False

    def _check_typed(self, text: str) -> None:
        ok = self._matches(text)
        self._next.setEnabled(ok)
        if ok:
            self.feedback.setText("That matches.")
        elif len("".join(c for c in text if c.isalnum())) >= 32:
            self.feedback.setText("That is not the key shown before. Go back to check it.")
        else:
            self.feedback.setText("")

    @classmethod
    def confirm(cls, recovery_key: str, parent: QWidget | None = None) -> bool:
        """Run the dialog; True once the key was typed back correctly."""
        return cls(recovery_key, parent).exec() == QDialog.DialogCode.Accepted
