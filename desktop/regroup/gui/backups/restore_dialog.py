"""File › Restore…: choose a backup, confirm, and Regroup puts it in place of the diary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.gui.backups.window_backups import describe_reason, describe_time, entries_text

if TYPE_CHECKING:
    from regroup.core.backups import BackupSet
    from regroup.gui.backups.window_backups import WindowBackups

INTRO = (
    "Choose the backup to go back to. Your diary as it is now is backed up first, "
    "so you can come back to it with Restore… later."
)
NONE_YET = "There are no backups yet. Use File › Back up now to make one."


def item_text(backup: BackupSet) -> str:
    """One backup in the list: when, why, and how many entries it holds."""
    parts = (describe_time(backup), describe_reason(backup.reason), entries_text(backup.entries))
    return "  ·  ".join(parts)


class RestoreDialog(QDialog):
    """The backups, newest first; Restore asks once more, then restores and closes Regroup."""

    def __init__(self, backups: WindowBackups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.setWindowTitle("Restore a backup")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        for backup in reversed(backups.profile.backups.kept()):
            item = QListWidgetItem(item_text(backup))
            item.setData(Qt.ItemDataRole.UserRole, backup.id)
            item.setToolTip(backup.id)
            self.list.addItem(item)
        self.empty_label = QLabel(NONE_YET)
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName("Restore problem")
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setProperty("buttonStyle", "primary")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(
            lambda current, _previous: self.restore_button.setEnabled(current is not None)
        )
        if self.list.count():
            self.list.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumSize(520, 360)
        self.confirm = self._ask

    def chosen(self) -> str:
        """The id of the selected backup ("" when none)."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore(self) -> None:
        backup_id = self.chosen()
        if not backup_id:
            return
        label = self.list.currentItem().text()
        if not self.confirm(
            f"Your diary will go back to the backup of {label}.\n\nWhat you wrote since "
            "is kept in a backup made just before, and Regroup will close so the restored "
            "diary opens fresh."
        ):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self.backups.restore(backup_id)
        except RegroupError as exc:
            self.problem_label.setText(f"Nothing was changed: {exc}")
            self.problem_label.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
        QMessageBox.information(
            self.parentWidget(),
            "Your diary was restored",
            f"Your diary is back to {describe_time(outcome.restored)}. Regroup will close "
            "now; open it again to go on with the restored diary.",
        )
        self.backups.quit_after_restore()
